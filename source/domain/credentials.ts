/**
 * Why no credentials could be had, in the words the AWS CLI would use, and
 * what to run next. The adapter finds the cause (it reads the profile files
 * and the SDK's error); the wording lives here, so every screen and command
 * says the same thing.
 */
import { displayText } from './display-text.js';

/** A profile of the shared AWS files, as the picker and the messages need it. */
export interface ProfileSummary {
	readonly name: string;
	/** How it gets credentials: IAM Identity Center, a role assumed from another profile, a command, keys, or nothing. */
	readonly source: 'sso' | 'assume-role' | 'web-identity' | 'process' | 'keys' | 'none';
	readonly region?: string;
	readonly ssoSession?: string;
	/** A legacy SSO profile's start URL (the key of its token cache when it names no sso_session). */
	readonly ssoStartUrl?: string;
}

/** Error codes the adapter gives a credential failure whose cause it found. */
export const CREDENTIAL_PROBLEM_CODES = {
	'profile-not-found': 'ProfileNotFound',
	'sso-login': 'SsoLoginRequired',
	'process-failed': 'CredentialProcessFailed',
	'profile-without-credentials': 'ProfileWithoutCredentials',
	'source-failed': 'CredentialSourceFailed',
} as const;

export type CredentialProblem =
	| {
			readonly kind: 'profile-not-found';
			readonly profile: string;
			/** The config file's path as shown (`~/.aws/config`, or AWS_CONFIG_FILE). */
			readonly configFile: string;
			readonly credentialsFile: string;
			readonly profiles: readonly string[];
	  }
	| {
			readonly kind: 'sso-login';
			readonly profile: string;
			/** True when a token was found but has expired; false when none is cached. */
			readonly expired: boolean;
			readonly detail: string;
	  }
	| { readonly kind: 'process-failed'; readonly profile: string; readonly detail: string }
	| { readonly kind: 'profile-without-credentials'; readonly profile: string; readonly configFile: string }
	/** A role profile or other chained source whose own step failed: the SDK's words, with the profile named. */
	| { readonly kind: 'source-failed'; readonly profile: string; readonly detail: string };

/** Lines of a command's stderr or an SDK message, made safe for the terminal and kept short enough to read. */
function detailText(detail: string, max = 600): string {
	const text = displayText(detail.replace(/\s+/g, ' ').trim());
	return text.length > max ? `${text.slice(0, max)}…` : text;
}

function profileList(profiles: readonly string[]): string {
	if (profiles.length === 0) return 'there are no profiles there';
	const shown = profiles.slice(0, 20).map(displayText).join(', ');
	return `profiles there: ${shown}${profiles.length > 20 ? `, and ${profiles.length - 20} more` : ''}`;
}

/** One message naming the cause; the adapter carries it in its error. */
export function credentialProblemMessage(problem: CredentialProblem): string {
	const profile = displayText(problem.profile);
	switch (problem.kind) {
		case 'profile-not-found':
			return `profile ${profile} is not in ${displayText(problem.configFile)} or ${displayText(problem.credentialsFile)}; ${profileList(problem.profiles)}`;
		case 'sso-login':
			return problem.expired
				? `the IAM Identity Center (SSO) session of profile ${profile} has expired (${detailText(problem.detail)})`
				: `profile ${profile} signs in with IAM Identity Center (SSO), and no SSO token is cached for it (${detailText(problem.detail)})`;
		case 'process-failed':
			return `the credential_process of profile ${profile} failed: ${detailText(problem.detail)}`;
		case 'profile-without-credentials':
			return `profile ${profile} in ${displayText(problem.configFile)} has no credentials: no keys, role, SSO or credential_process`;
		case 'source-failed':
			return `profile ${profile} could not get credentials: ${detailText(problem.detail)}`;
	}
}

/** What to run next, for each cause (`profile` as typed; `--profile` names it for the AWS CLI too). */
export function credentialProblemSteps(code: string, profile: string | undefined): readonly string[] | undefined {
	const name = profile ? displayText(profile) : 'NAME';
	switch (code) {
		case CREDENTIAL_PROBLEM_CODES['profile-not-found']:
			return [
				'Pass one of the profiles listed (--profile NAME or AWS_PROFILE), or add this one: aws configure --profile NAME, or aws configure sso.',
			];
		case CREDENTIAL_PROBLEM_CODES['sso-login']:
			return [`Run \`aws sso login --profile ${name}\`, then try again.`];
		case CREDENTIAL_PROBLEM_CODES['process-failed']:
			return [`Run the profile's credential_process by hand to see why it fails, fix it, then try again.`];
		case CREDENTIAL_PROBLEM_CODES['profile-without-credentials']:
			return [`Give the profile credentials: aws configure --profile ${name} (keys) or aws configure sso.`];
		case CREDENTIAL_PROBLEM_CODES['source-failed']:
			return [
				`Check the profile's role_arn and source_profile (aws sts get-caller-identity --profile ${name} shows the same failure), then try again.`,
			];
		default:
			return undefined;
	}
}

/** Codes of expired temporary credentials, as STS and the other services name them. */
const EXPIRED_CODES: ReadonlySet<string> = new Set(['ExpiredToken', 'ExpiredTokenException', 'TokenRefreshRequired']);

export function isExpiredCredentials(code: string): boolean {
	return EXPIRED_CODES.has(code);
}

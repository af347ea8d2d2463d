/**
 * Centralized root access: an organization can delete its members' root
 * credentials (iam:ListOrganizationsFeatures lists RootCredentialsManagement
 * when it manages them). A member without root credentials cannot use "Forgot
 * password" until an administrator allows password recovery through
 * sts:AssumeRoot, which only reaches accounts that are still members. These
 * are the words orgdash says wherever it advises signing in as root.
 */
import type { ErrorInfo } from './error-codes.js';
import type { Fact } from './facts.js';

/** The feature that lets the organization delete its members' root credentials. */
export const ROOT_CREDENTIALS_MANAGEMENT = 'RootCredentialsManagement';
/** The feature that lets an administrator act as a member's root user for one task (sts:AssumeRoot). */
export const ROOT_SESSIONS = 'RootSessions';

/** The organization's enabled centralized root access features (AWS's names), or why they are not known. */
export type RootAccessFeatures = Fact<readonly string[]>;

/**
 * Who would sign in as root, in the console steps: the members the management
 * account's steps ask to remove and close, one just removed, the management
 * account, or a standalone account.
 */
export type RootSignInSubject = 'members' | 'removed-member' | 'management' | 'standalone';

const ACTION = 'iam:ListOrganizationsFeatures';
const RECOVERY =
	'an administrator of the management account or the IAM delegated administrator allows password recovery through sts:AssumeRoot (task policy IAMCreateRootUserPassword)';

/** Why the organization's features could not be read, in words a user can act on. */
export function whyRootAccessUnknown(error: ErrorInfo): string {
	switch (error.code) {
		case 'AccessDenied':
		case 'AccessDeniedException':
			return `permission ${ACTION} missing`;
		case 'UnrecognizedResponse':
			return `this endpoint does not implement ${ACTION}`;
		case 'AccountNotManagementOrDelegatedAdministratorException':
			return `only the management account or the IAM delegated administrator may call ${ACTION}`;
		case 'ServiceAccessNotEnabledException':
			return 'trusted access for IAM (iam.amazonaws.com) is off in the organization, so IAM cannot say; centralized root access needs it on';
		case 'OrganizationNotInAllFeaturesModeException':
			return 'the organization has only consolidated billing, so IAM cannot say; centralized root access needs all features';
		case 'OrganizationNotFoundException':
			return 'the signed-in account is in no organization';
		case 'CredentialsMissing':
			return 'no AWS credentials were found';
		default:
			return error.network
				? `could not reach AWS for ${ACTION}: ${error.message ?? error.code}`
				: `${ACTION} failed: ${error.code}${error.message ? `: ${error.message}` : ''}`;
	}
}

/** The answer on one line: "on (RootCredentialsManagement, RootSessions)", "off", "unknown (why)", "checking…". */
export function rootAccessStatus(features: RootAccessFeatures | undefined): string {
	if (!features) return `checking (${ACTION})…`;
	if (!features.known) return `unknown (${features.reason || 'no reason given'})`;
	if (!features.value.includes(ROOT_CREDENTIALS_MANAGEMENT)) {
		return features.value.length > 0 ? `off (only ${features.value.join(', ')})` : 'off';
	}
	return `on (${features.value.join(', ')})`;
}

function managesRootCredentials(features: RootAccessFeatures | undefined): boolean {
	return features?.known === true && features.value.includes(ROOT_CREDENTIALS_MANAGEMENT);
}

function isOff(features: RootAccessFeatures | undefined): boolean {
	return features?.known === true && !features.value.includes(ROOT_CREDENTIALS_MANAGEMENT);
}

/** With RootSessions off, sts:AssumeRoot cannot be used at all: that comes first. */
function sessionsNote(features: RootAccessFeatures | undefined): string {
	if (!managesRootCredentials(features) || !features?.known || features.value.includes(ROOT_SESSIONS)) return '';
	return ` ${ROOT_SESSIONS} is off, and sts:AssumeRoot needs it: enable it first (IAM console, Root access management).`;
}

/**
 * The answer on one line for a member about to be closed, with what it means
 * for "Forgot password" unless the feature is known to be off (undefined:
 * still being read). Short: it sits under the root sign-in item of the
 * checklist, which must fit a 24-line terminal.
 */
export function rootAccessSummary(features: RootAccessFeatures): string {
	const status = rootAccessStatus(features);
	if (isOff(features)) return status;
	const consequence = '"Forgot password" needs password recovery allowed through sts:AssumeRoot first, while a member';
	if (!managesRootCredentials(features)) return `${status}: if on, ${consequence}`;
	const sessions = features.known && !features.value.includes(ROOT_SESSIONS) ? ` (enable ${ROOT_SESSIONS} first)` : '';
	return `${status}: ${consequence}${sessions}`;
}

/**
 * What to say about "Forgot password" where root sign-in is advised, given the
 * organization's features as far as they are known (undefined while they are
 * read). Undefined when nothing needs saying: the organization is known not
 * to manage root credentials.
 */
export function rootRecoveryNote(
	subject: RootSignInSubject,
	features: RootAccessFeatures | undefined,
): string | undefined {
	switch (subject) {
		case 'management':
			// Centralized root access reaches member accounts only.
			return 'Centralized root access covers member accounts only: the management account’s own root user, and "Forgot password" for it, are not affected.';
		case 'standalone':
			return 'If this account’s root credentials were deleted while it was a member of an organization that manages root access centrally, "Forgot password" may not work: password recovery can be allowed through sts:AssumeRoot only while an account is a member.';
		case 'members':
			if (isOff(features)) return undefined;
			if (managesRootCredentials(features)) {
				return `A member you remove to close in the console needs its root password, and this organization manages members’ root credentials centrally: where a member’s were deleted (members it creates now get none), "Forgot password" does not work until ${RECOVERY}. Do it before removing the member: sts:AssumeRoot reaches members only.${sessionsNote(features)}`;
			}
			return `A member you remove to close in the console needs its root password: if the organization manages root access centrally (root credentials deleted for members), "Forgot password" may not work until ${RECOVERY}, which is possible only before the member is removed.`;
		case 'removed-member':
			if (isOff(features)) return undefined;
			if (managesRootCredentials(features)) {
				return `The organization manages members’ root credentials centrally: if it deleted this account’s, "Forgot password" works only if password recovery was allowed through sts:AssumeRoot (task policy IAMCreateRootUserPassword) before the removal; sts:AssumeRoot reaches members only.${sessionsNote(features)}`;
			}
			return 'If the organization managed root access centrally and deleted this account’s root credentials, "Forgot password" may not work unless password recovery was allowed through sts:AssumeRoot (task policy IAMCreateRootUserPassword) before the removal.';
	}
}

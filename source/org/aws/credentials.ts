/**
 * The credentials every client signs with, and why there are none when the
 * SDK finds none. A named profile (--profile, or AWS_PROFILE) is read the way
 * the AWS CLI reads it: that profile alone (keys, SSO, role_arn with
 * source_profile, credential_process, web identity), no fallback to the
 * environment or an instance role that would hide its failure. Without one,
 * the SDK's default chain. The credential calls (STS AssumeRole, SSO) go to
 * the same endpoint as the rest, with the same time-outs.
 */
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { getSSOTokenFromFile } from '@smithy/core/config';
import {
	CREDENTIAL_PROBLEM_CODES,
	type CredentialProblem,
	credentialProblemMessage,
	type ProfileSummary,
} from '../../domain/credentials.js';
import { OrgError } from '../errors.js';
import { readSharedProfiles, shownPath } from './profiles.js';

/** What the SDK's credential providers give (fromIni, the default chain): a function to the credentials. */
type AwsCredentialIdentityProvider = ReturnType<typeof fromIni>;
type AwsCredentialIdentity = Awaited<ReturnType<AwsCredentialIdentityProvider>>;

/** The part of a client's configuration the credential calls share with it. */
export interface CredentialClientConfig {
	readonly region: string;
	readonly endpoint?: string | undefined;
	readonly requestHandler: object;
}

const SDK_CREDENTIAL_ERRORS = new Set(['CredentialsProviderError', 'TokenProviderError']);

/** True when the SSO token cache holds the profile's token and it has expired; false when there is none. */
async function ssoTokenExpired(profile: ProfileSummary): Promise<boolean> {
	const key = profile.ssoSession ?? profile.ssoStartUrl;
	if (!key) return false;
	try {
		const token = await getSSOTokenFromFile(key);
		return Date.parse(token.expiresAt) <= Date.now();
	} catch {
		// No token file, or one that cannot be read: nothing is cached.
		return false;
	}
}

/** The cause of a credential failure of `profile`, found in the profile files; undefined leaves the SDK's error. */
export async function diagnoseCredentialFailure(
	error: unknown,
	profile: string | undefined,
): Promise<CredentialProblem | undefined> {
	const name = (error as { name?: string } | undefined)?.name;
	if (!name || !SDK_CREDENTIAL_ERRORS.has(name)) return undefined;
	const detail = String((error as { message?: unknown }).message ?? error);
	const { paths, profiles } = await readSharedProfiles({ fresh: true });
	const profileName = profile ?? 'default';
	const found = profiles.find((candidate) => candidate.name === profileName);
	if (!found) {
		// Without a profile named, the default chain looked elsewhere too: only a named profile can be missing.
		if (!profile) return undefined;
		return {
			kind: 'profile-not-found',
			profile,
			configFile: shownPath(paths.configFile),
			credentialsFile: shownPath(paths.credentialsFile),
			profiles: profiles.map((candidate) => candidate.name),
		};
	}
	switch (found.source) {
		case 'sso':
			return { kind: 'sso-login', profile: profileName, expired: await ssoTokenExpired(found), detail };
		case 'process':
			return { kind: 'process-failed', profile: profileName, detail };
		case 'none':
			return { kind: 'profile-without-credentials', profile: profileName, configFile: shownPath(paths.configFile) };
		default:
			return { kind: 'source-failed', profile: profileName, detail };
	}
}

/** The SDK's credential error as an OrgError naming its cause, when one is found. */
async function explained(error: unknown, profile: string | undefined): Promise<unknown> {
	let problem: CredentialProblem | undefined;
	try {
		problem = await diagnoseCredentialFailure(error, profile);
	} catch {
		// The files could not be read a second time: the SDK's own error still says something.
		problem = undefined;
	}
	if (!problem) return error;
	// The profile travels as the reason, so the explanation can name it in the command to run.
	return new OrgError(CREDENTIAL_PROBLEM_CODES[problem.kind], credentialProblemMessage(problem), {
		reason: problem.profile,
		cause: error,
	});
}

/** Credentials are fetched again this long before they expire, as the SDK's own providers do. */
const REFRESH_BEFORE_EXPIRY_MS = 5 * 60_000;

/**
 * One provider for every client. Concurrent requests share one attempt, so a
 * failing credential_process runs once for a burst of requests, not once per
 * request; credentials are kept until shortly before they expire; a failure is
 * not kept, so the next request (r) tries again.
 */
export function credentialProvider(
	profile: string | undefined,
	clientConfig: CredentialClientConfig,
): AwsCredentialIdentityProvider {
	const config = {
		region: clientConfig.region,
		// The endpoint is the one given here, never one the SDK would read for AWS_PROFILE's profile.
		ignoreConfiguredEndpointUrls: true,
		requestHandler: clientConfig.requestHandler,
		...(clientConfig.endpoint ? { endpoint: clientConfig.endpoint } : {}),
	};
	const provider = profile
		? fromIni({ profile, clientConfig: config, ignoreCache: true })
		: fromNodeProviderChain({ clientConfig: config });
	let inFlight: Promise<AwsCredentialIdentity> | undefined;
	let latest: AwsCredentialIdentity | undefined;
	const fresh = (identity: AwsCredentialIdentity | undefined): identity is AwsCredentialIdentity =>
		identity !== undefined &&
		(identity.expiration === undefined || identity.expiration.getTime() - Date.now() > REFRESH_BEFORE_EXPIRY_MS);
	return (options) => {
		if (fresh(latest)) return Promise.resolve(latest);
		inFlight ??= (async () => {
			try {
				latest = await provider(options);
				return latest;
			} catch (error) {
				throw await explained(error, profile);
			} finally {
				inFlight = undefined;
			}
		})();
		return inFlight;
	};
}

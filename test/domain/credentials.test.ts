/** Credential failures in the AWS CLI's terms: each cause named, with the command to run next. */
import { describe, expect, it } from 'vitest';
import {
	CREDENTIAL_PROBLEM_CODES,
	credentialProblemMessage,
	credentialProblemSteps,
	isExpiredCredentials,
} from '../../source/domain/credentials.js';
import { isCredentialProblem } from '../../source/domain/error-codes.js';
import { describeLoadFailure, oneLine } from '../../source/domain/explain-load.js';
import { OrgError } from '../../source/org/errors.js';

describe('credential problems', () => {
	it('names a missing profile with the file and the profiles that are there', () => {
		expect(
			credentialProblemMessage({
				kind: 'profile-not-found',
				profile: 'nosuch',
				configFile: '~/.aws/config',
				credentialsFile: '~/.aws/credentials',
				profiles: ['a', 'b', 'c'],
			}),
		).toBe('profile nosuch is not in ~/.aws/config or ~/.aws/credentials; profiles there: a, b, c');
	});

	it('says when the files hold no profile, and cuts a long list with how many more', () => {
		const none = { kind: 'profile-not-found', profile: 'x', configFile: 'c', credentialsFile: 'k' } as const;
		expect(credentialProblemMessage({ ...none, profiles: [] })).toContain('there are no profiles there');
		const many = Array.from({ length: 25 }, (_, index) => `p${index}`);
		expect(credentialProblemMessage({ ...none, profiles: many })).toMatch(/p19, and 5 more$/);
	});

	it('tells an expired SSO session from one never signed in', () => {
		const base = { kind: 'sso-login', profile: 'corp', detail: 'token' } as const;
		expect(credentialProblemMessage({ ...base, expired: true })).toContain('session of profile corp has expired');
		expect(credentialProblemMessage({ ...base, expired: false })).toContain('no SSO token is cached');
		expect(credentialProblemSteps(CREDENTIAL_PROBLEM_CODES['sso-login'], 'corp')).toEqual([
			'Run `aws sso login --profile corp`, then try again.',
		]);
	});

	it("shows a credential_process's stderr on one line, escaped, and not without end", () => {
		const message = credentialProblemMessage({
			kind: 'process-failed',
			profile: 'vault',
			detail: 'Command failed: vault-creds\n\u001b[31mlogin required\u001b[0m\n',
		});
		expect(message).toContain('the credential_process of profile vault failed: Command failed: vault-creds');
		expect(message).toContain('login required');
		expect(message).not.toContain('\u001b');
		expect(message).not.toContain('\n');
		const long = credentialProblemMessage({ kind: 'process-failed', profile: 'v', detail: 'x'.repeat(5_000) });
		expect(long.length).toBeLessThan(700);
		expect(long.endsWith('…')).toBe(true);
	});

	it('counts every cause as a credential problem, and knows expired tokens', () => {
		for (const code of Object.values(CREDENTIAL_PROBLEM_CODES)) expect(isCredentialProblem(code)).toBe(true);
		expect(isExpiredCredentials('ExpiredToken')).toBe(true);
		expect(isExpiredCredentials('ExpiredTokenException')).toBe(true);
		expect(isExpiredCredentials('AccessDenied')).toBe(false);
	});
});

describe('the load failure for each credential cause', () => {
	const failure = (code: string, message: string, profile?: string) =>
		describeLoadFailure({
			operation: 'describeOrganization',
			error: new OrgError(code, message, profile ? { reason: profile } : {}),
		});

	it.each([
		['ProfileNotFound', 'Profile nosuch is not in the AWS config files', 'Pass one of the profiles listed'],
		['SsoLoginRequired', 'Profile nosuch needs an SSO sign-in', 'aws sso login --profile nosuch'],
		['CredentialProcessFailed', 'The credential_process of profile nosuch failed', 'by hand'],
		['ProfileWithoutCredentials', 'Profile nosuch has no credentials', 'aws configure --profile nosuch'],
		['CredentialSourceFailed', 'Profile nosuch could not get credentials', 'role_arn and source_profile'],
	])('%s: "%s", and what to run', (code, title, step) => {
		const message = failure(code, 'the cause', 'nosuch');
		expect(message.kind).toBe('no-credentials');
		expect(message.title).toBe(title);
		expect(message.explanation).toEqual(['The cause.']);
		expect(message.next.join(' ')).toContain(step);
		expect(message.code).toBe(code);
	});

	it('says expired keys are expired, not missing', () => {
		const message = failure('ExpiredToken', 'The security token included in the request is expired');
		expect(message.title).toBe('The AWS credentials have expired');
		expect(message.explanation.join(' ')).toContain('The security token included in the request is expired');
		expect(oneLine(message)).toContain('aws sso login --profile NAME');
	});

	it('keeps the old wording for credentials not found at all', () => {
		expect(failure('CredentialsMissing', 'no AWS credentials were found').title).toBe('No AWS credentials found');
	});
});

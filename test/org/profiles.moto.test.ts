/**
 * Profiles of the shared AWS files, in a temporary HOME, against moto: a
 * profile's region and endpoint_url are used as AWS_PROFILE would use them,
 * --region and --endpoint-url stay above them, the STS AssumeRole of a
 * role_arn/source_profile profile goes to the endpoint given (a local listener
 * records every request), and each credential failure names its cause.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeLoadFailure } from '../../source/domain/explain-load.js';
import { openAwsGateway } from '../../source/org/aws/gateway.js';
import { readSharedProfiles } from '../../source/org/aws/profiles.js';
import { OrgError } from '../../source/org/errors.js';
import { describeWithMoto, MOTO_CALLER_ACCOUNT_ID, seedOrganization } from '../support/moto.js';
import { type RecordingListener, startRecordingListener } from '../support/recording-listener.js';

const SAVED = { ...process.env };

async function orgError(promise: Promise<unknown>): Promise<OrgError> {
	try {
		await promise;
	} catch (error) {
		expect(error).toBeInstanceOf(OrgError);
		return error as OrgError;
	}
	throw new Error('expected the call to fail');
}

describeWithMoto('profiles of the shared AWS files', (moto) => {
	let home: string;
	let listener: RecordingListener;
	let organizationId: string;

	beforeAll(async () => {
		organizationId = (await seedOrganization(moto.server.endpoint)).organizationId;
		listener = await startRecordingListener(moto.server.endpoint);
		home = mkdtempSync(join(tmpdir(), 'orgdash-profiles-'));
		mkdirSync(join(home, '.aws'));
		writeFileSync(
			join(home, '.aws', 'config'),
			[
				'[profile regional]',
				'region = eu-west-1',
				`endpoint_url = ${listener.endpoint}`,
				'',
				'[profile keys-only]',
				'',
				'[profile role]',
				`role_arn = arn:aws:iam::${MOTO_CALLER_ACCOUNT_ID}:role/OrganizationAdmin`,
				'source_profile = keys-only',
				'region = eu-west-1',
				'',
				'[profile split]',
				'region = eu-west-1',
				'services = split-services',
				'',
				'[services split-services]',
				'sts =',
				`  endpoint_url = ${listener.endpoint}`,
				'organizations =',
				`  endpoint_url = ${moto.server.endpoint}`,
				'cloudformation =',
				`  endpoint_url = ${listener.endpoint}`,
				'',
				'[profile failing-process]',
				`credential_process = sh -c "echo 'vault: token expired, run vault login' >&2; exit 3"`,
				'',
				'[profile corp-sso]',
				'sso_session = corp',
				`sso_account_id = ${MOTO_CALLER_ACCOUNT_ID}`,
				'sso_role_name = Admin',
				'region = us-east-1',
				'',
				'[sso-session corp]',
				'sso_start_url = https://example.awsapps.com/start',
				'sso_region = us-east-1',
				'sso_registration_scopes = sso:account:access',
				'',
				'[profile empty]',
				'region = us-west-2',
				'',
			].join('\n'),
		);
		writeFileSync(
			join(home, '.aws', 'credentials'),
			['regional', 'keys-only', 'split']
				.map((name) => `[${name}]\naws_access_key_id = testing\naws_secret_access_key = testing\n`)
				.join('\n'),
		);
		for (const name of Object.keys(process.env)) if (name.startsWith('AWS_')) delete process.env[name];
		Object.assign(process.env, {
			HOME: home,
			AWS_CONFIG_FILE: join(home, '.aws', 'config'),
			AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws', 'credentials'),
			AWS_EC2_METADATA_DISABLED: 'true',
			AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
		});
	});

	afterAll(async () => {
		for (const name of Object.keys(process.env)) if (!(name in SAVED)) delete process.env[name];
		Object.assign(process.env, SAVED);
		await listener?.close();
		if (home) rmSync(home, { recursive: true, force: true });
	});

	beforeEach(() => {
		listener.requests.length = 0;
	});

	it("reads the profile's region and endpoint_url, for the header and the cache key too", async () => {
		const gateway = await openAwsGateway({ profile: 'regional' });
		expect(gateway.target).toEqual({ profile: 'regional', region: 'eu-west-1', endpointUrl: listener.endpoint });
		expect(gateway.sourceKey).toContain('eu-west-1');
		expect(gateway.sourceKey).toContain(listener.endpoint);
		expect((await gateway.describeOrganization()).id).toBe(organizationId);
		await gateway.callerIdentity();
		// A custom endpoint is signed for the client's region, as the AWS CLI does (clients.test.ts: AWS's own endpoints).
		const signed = Object.fromEntries(listener.requests.map((request) => [request.operation, request.signingRegion]));
		expect(signed).toEqual({ DescribeOrganization: 'eu-west-1', GetCallerIdentity: 'eu-west-1' });
	});

	it("puts --region above the profile's region", async () => {
		const gateway = await openAwsGateway({ profile: 'regional', region: 'eu-central-1' });
		await gateway.callerIdentity();
		expect(listener.requests.map((request) => request.signingRegion)).toEqual(['eu-central-1']);
		expect(gateway.sourceKey).toContain('eu-central-1');
	});

	it("sends each service to the profile's services section", async () => {
		const gateway = await openAwsGateway({ profile: 'split' });
		expect((await gateway.describeOrganization()).id).toBe(organizationId);
		await gateway.callerIdentity();
		// Organizations went straight to moto; only STS went through the listener.
		expect(listener.requests.map((request) => request.operation)).toEqual(['GetCallerIdentity']);
	});

	it("sends the impact scan's clients, loaded on demand, to the profile's endpoint_url too", async () => {
		const gateway = await openAwsGateway({ profile: 'regional' });
		await gateway.organizationImpact();
		await gateway.accountImpact(MOTO_CALLER_ACCOUNT_ID);
		const operations = new Set(listener.requests.map((request) => request.operation));
		// Cost Explorer, CloudFormation (StackSets) and IAM Identity Center, beside Organizations.
		for (const operation of ['GetCostAndUsage', 'ListStackSets', 'ListInstances', 'ListDelegatedAdministrators']) {
			expect(operations, operation).toContain(operation);
		}
	});

	it("sends an on-demand client to its own entry of the profile's services section", async () => {
		const gateway = await openAwsGateway({ profile: 'split' });
		await gateway.accountImpact(MOTO_CALLER_ACCOUNT_ID);
		// Only CloudFormation has the listener as its endpoint; Organizations went straight to moto.
		const operations = new Set(listener.requests.map((request) => request.operation));
		expect(operations).toContain('ListStackSets');
		expect(operations).not.toContain('ListPoliciesForTarget');
	});

	it("sends the role profile's AssumeRole, and every other call, to --endpoint-url", async () => {
		const gateway = await openAwsGateway({ profile: 'role', endpointUrl: listener.endpoint });
		const caller = await gateway.callerIdentity();
		expect(caller.arn).toContain('assumed-role/OrganizationAdmin');
		expect((await gateway.describeOrganization()).id).toBe(organizationId);
		const operations = listener.requests.map((request) => request.operation);
		expect(operations).toEqual(['AssumeRole', 'GetCallerIdentity', 'DescribeOrganization']);
		// The role's calls are signed with the role's region, as the AWS CLI does.
		expect(listener.requests[0]?.signingRegion).toBe('eu-west-1');
	});

	it('names a profile that is in neither file, and lists those that are', async () => {
		const gateway = await openAwsGateway({ profile: 'nosuch', endpointUrl: listener.endpoint });
		const error = await orgError(gateway.describeOrganization());
		expect(error.code).toBe('ProfileNotFound');
		expect(error.message).toBe(
			'profile nosuch is not in ~/.aws/config or ~/.aws/credentials; profiles there: corp-sso, empty, failing-process, keys-only, regional, role, split',
		);
		const shown = describeLoadFailure({ operation: 'describeOrganization', error });
		expect(shown.title).toBe('Profile nosuch is not in the AWS config files');
		expect(listener.requests).toEqual([]);
	});

	it("gives a failing credential_process's stderr", async () => {
		const gateway = await openAwsGateway({ profile: 'failing-process', endpointUrl: listener.endpoint });
		const error = await orgError(gateway.callerIdentity());
		expect(error.code).toBe('CredentialProcessFailed');
		expect(error.message).toContain('the credential_process of profile failing-process failed');
		expect(error.message).toContain('vault: token expired, run vault login');
		expect(listener.requests).toEqual([]);
	});

	it('says to run aws sso login for an SSO profile with no cached token', async () => {
		const gateway = await openAwsGateway({ profile: 'corp-sso', endpointUrl: listener.endpoint });
		const error = await orgError(gateway.describeOrganization());
		expect(error.code).toBe('SsoLoginRequired');
		expect(error.message).toContain('no SSO token is cached');
		const shown = describeLoadFailure({ operation: 'describeOrganization', error });
		expect(shown.next.join(' ')).toContain('aws sso login --profile corp-sso');
		expect(listener.requests).toEqual([]);
	});

	it('says an SSO session has expired when its cached token has', async () => {
		const cache = join(home, '.aws', 'sso', 'cache');
		mkdirSync(cache, { recursive: true });
		const { createHash } = await import('node:crypto');
		const file = `${createHash('sha1').update('corp').digest('hex')}.json`;
		writeFileSync(
			join(cache, file),
			JSON.stringify({
				startUrl: 'https://example.awsapps.com/start',
				region: 'us-east-1',
				accessToken: 'expired-token',
				expiresAt: '2020-01-01T00:00:00Z',
			}),
		);
		try {
			const gateway = await openAwsGateway({ profile: 'corp-sso', endpointUrl: listener.endpoint });
			const error = await orgError(gateway.describeOrganization());
			expect(error.code).toBe('SsoLoginRequired');
			expect(error.message).toContain('has expired');
		} finally {
			rmSync(join(cache, file));
		}
	});

	it("sends an SSO profile's GetRoleCredentials to --endpoint-url too", async () => {
		const cache = join(home, '.aws', 'sso', 'cache');
		mkdirSync(cache, { recursive: true });
		const { createHash } = await import('node:crypto');
		const file = join(cache, `${createHash('sha1').update('corp').digest('hex')}.json`);
		writeFileSync(
			file,
			JSON.stringify({
				startUrl: 'https://example.awsapps.com/start',
				region: 'us-east-1',
				accessToken: 'cached-token',
				expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
			}),
		);
		try {
			const gateway = await openAwsGateway({ profile: 'corp-sso', endpointUrl: listener.endpoint });
			// Whatever moto answers to the IAM Identity Center portal call, it was asked, and nothing else was.
			await gateway.callerIdentity().catch(() => undefined);
			expect(listener.requests[0]?.path).toBe('/federation/credentials');
		} finally {
			rmSync(file);
		}
	});

	it('says a profile has no credentials at all', async () => {
		const gateway = await openAwsGateway({ profile: 'empty', endpointUrl: listener.endpoint });
		const error = await orgError(gateway.describeOrganization());
		expect(error.code).toBe('ProfileWithoutCredentials');
		expect(error.message).toContain('profile empty in ~/.aws/config has no credentials');
	});

	it('lists the profiles of both files with how each gets credentials', async () => {
		const { profiles } = await readSharedProfiles({ fresh: true });
		expect(profiles.map((profile) => [profile.name, profile.source])).toEqual([
			['corp-sso', 'sso'],
			['empty', 'none'],
			['failing-process', 'process'],
			['keys-only', 'keys'],
			['regional', 'keys'],
			['role', 'assume-role'],
			['split', 'keys'],
		]);
	});
});

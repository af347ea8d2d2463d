/**
 * One contract for both adapters: what the app may rely on from any OrgGateway.
 * Runs against the sandbox always, and against the AWS adapter talking to a
 * real moto server (organization, OUs and accounts created through the SDK).
 *
 * Where moto differs from AWS (CloseAccount on the management account is not
 * refused, no PENDING_CLOSURE, no account quota in Service Quotas, most of the
 * Account API missing), the contract states what the product relies on and the
 * adapter-specific expectations say what each source gives; the product's own
 * rules (refusing the management account) are tested in the flows.
 */

import { AccountClient, PutAlternateContactCommand } from '@aws-sdk/client-account';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Account } from '../../source/domain/account.js';
import type { AccountFacts } from '../../source/domain/facts.js';
import { resolveQuotaLimit } from '../../source/domain/quota.js';
import { createAwsGateway } from '../../source/org/aws/gateway.js';
import { isOrgError, type OrgError } from '../../source/org/errors.js';
import type { OrgGateway } from '../../source/org/gateway.js';
import { DEMO_ACCOUNTS, DEMO_MANAGEMENT_ACCOUNT_ID, DEMO_ORGANIZATION_ID } from '../../source/org/sandbox/demo.js';
import { createSandbox } from '../../source/org/sandbox/engine.js';
import { SANDBOX_CLOSURE_DELAY_MS } from '../../source/org/sandbox/types.js';
import { awsTarget } from '../../source/ui/cli-options.js';
import {
	describeWithMoto,
	MOTO_CALLER_ACCOUNT_ID,
	MOTO_CREDENTIALS,
	MOTO_REGION,
	seedOrganization,
} from '../support/moto.js';

interface Fixture {
	readonly gateway: OrgGateway;
	readonly organizationId: string;
	readonly managementAccountId: string;
	/** Members whose OU path is known to the test: all of them (moto) or a sample (sandbox). */
	readonly knownMembers: ReadonlyArray<{ id: string; parentPath: string }>;
	/** An ACTIVE member that the organization lets close. */
	readonly closable: string;
	/** A member that the organization lets remove. */
	readonly removable: string;
	/** A member some of whose Account API facts cannot be read. */
	readonly partlyUnreadable: string;
	/** What happens while AWS processes a closure (sandbox time moves; moto needs nothing). */
	readonly letClosureProceed: () => void;
	/** The source answers the account quota (sandbox) or only gives a reason (moto). */
	readonly quota: 'value' | 'reason';
	/** The source refuses to close the management account, as AWS does (moto does not). */
	readonly refusesManagementClosure: boolean;
	/** The centralized root access features the source gives, or what its reason must say (moto has no such call). */
	readonly rootAccess: { readonly features: readonly string[] } | { readonly reason: RegExp };
}

const FIXED_NOW = new Date('2026-03-02T10:00:00.000Z');

async function expectOrgError(promise: Promise<unknown>, code: string): Promise<OrgError> {
	const error = await promise.then(
		() => undefined,
		(caught: unknown) => caught,
	);
	expect(isOrgError(error), `expected an OrgError ${code}, got ${String(error)}`).toBe(true);
	expect((error as OrgError).code).toBe(code);
	return error as OrgError;
}

function expectFactsReadable(facts: AccountFacts): void {
	for (const [name, fact] of Object.entries(facts)) {
		if (fact.known) {
			expect(fact.value, `${name} is known, so it has a value`).not.toBeUndefined();
		} else {
			expect(fact.reason.trim().length, `${name} is unknown, so it says why`).toBeGreaterThan(10);
		}
	}
}

function contract(setup: () => Promise<Fixture>): void {
	let fixture: Fixture;
	beforeEach(async () => {
		fixture = await setup();
	});

	it('identifies its source', () => {
		expect(['aws', 'sandbox']).toContain(fixture.gateway.kind);
		expect(fixture.gateway.sourceKey).toMatch(/\S/);
	});

	it('describes the organization and its management account', async () => {
		const organization = await fixture.gateway.describeOrganization();
		expect(organization.id).toBe(fixture.organizationId);
		expect(organization.managementAccountId).toBe(fixture.managementAccountId);
		expect(organization.featureSet).toBe('ALL');
	});

	it('tells who is calling', async () => {
		const caller = await fixture.gateway.callerIdentity();
		expect(caller.accountId).toBe(fixture.managementAccountId);
		expect(caller.arn).toContain(fixture.managementAccountId);
	});

	it('lists every account once, with its OU path, reporting pages as they arrive', async () => {
		const reported = new Map<string, Account>();
		const accounts = await fixture.gateway.listAccounts({
			onAccounts: (page) => {
				for (const account of page) reported.set(account.id, account);
			},
		});
		const ids = accounts.map((account) => account.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids).toContain(fixture.managementAccountId);
		expect([...reported.keys()].sort()).toEqual([...ids].sort());
		for (const account of accounts) {
			expect(account.id).toMatch(/^\d{12}$/);
			expect(account.parentPath).toMatch(/^Root(\/[^/]+)*$/);
			expect(account.parentId).not.toBe('');
			expect(reported.get(account.id)).toEqual(account);
		}
		const byId = new Map(accounts.map((account) => [account.id, account]));
		for (const member of fixture.knownMembers) {
			expect(byId.get(member.id)?.parentPath, member.id).toBe(member.parentPath);
		}
	});

	it('describes one account as the listing shows it, OU path included', async () => {
		// Described first: the path is found on its own, not remembered from a listing.
		const described = await fixture.gateway.describeAccount(fixture.closable);
		const accounts = await fixture.gateway.listAccounts();
		const listed = accounts.find((account) => account.id === fixture.closable);
		expect(described).toEqual(listed);
		expect(described.parentPath.split('/').length).toBeGreaterThanOrEqual(3);
		expect(described.state).toBe('ACTIVE');
		expect(described.stateSource).toBe('State');
	});

	it('fails with AccountNotFoundException for an id the organization does not hold', async () => {
		await expectOrgError(fixture.gateway.describeAccount('000000000000'), 'AccountNotFoundException');
	});

	it('gives the account quota or says why it cannot, so the limit chain falls back', async () => {
		const lookup = await fixture.gateway.accountQuota();
		if (fixture.quota === 'value') {
			expect(lookup.applied ?? lookup.awsDefault).toBeGreaterThan(0);
			expect(lookup.quotaCode).toMatch(/^L-/);
			expect(resolveQuotaLimit(lookup).source).toMatch(/service-quotas|aws-default/);
			expect(lookup.invitations).toMatchObject({ known: true });
		} else {
			expect(lookup.applied).toBeUndefined();
			expect(lookup.awsDefault).toBeUndefined();
			expect(lookup.unavailableReason).toMatch(/L-29A0C5DF or L-E619E033, or by name/);
			expect(lookup.unavailableReason).toMatch(/ListServiceQuotas: \w+/);
			// No handshake calls in moto: pending invitations are unknown, with the reason.
			expect(lookup.invitations).toMatchObject({ known: false, reason: expect.stringMatching(/\w+: \S/) });
			expect(resolveQuotaLimit(lookup, 50)).toEqual({ limit: 50, source: 'user-setting' });
			expect(resolveQuotaLimit(lookup)).toEqual({ limit: 10, source: 'documented-default' });
		}
	});

	it('gives account facts as known values or as unknown with a reason, never empty', async () => {
		const member = await fixture.gateway.accountFacts(fixture.partlyUnreadable, false);
		expectFactsReadable(member);
		expect(Object.values(member).some((fact) => !fact.known)).toBe(true);

		const management = await fixture.gateway.accountFacts(fixture.managementAccountId, true);
		expectFactsReadable(management);
		expect(management.primaryEmail.known).toBe(true);
	});

	it('says whether the organization manages root access centrally, or why that is unknown, never rejecting', async () => {
		const answer = await fixture.gateway.rootAccessFeatures();
		const expected = fixture.rootAccess;
		if ('features' in expected) {
			expect(answer).toEqual({ known: true, value: expected.features });
		} else {
			expect(answer.known).toBe(false);
			if (!answer.known) expect(answer.reason).toMatch(expected.reason);
		}
	});

	it('closes a member: describeAccount then reaches SUSPENDED or CLOSED', async () => {
		await fixture.gateway.closeAccount(fixture.closable);
		const seen: string[] = [];
		for (let step = 0; step < 5; step++) {
			const { state } = await fixture.gateway.describeAccount(fixture.closable);
			seen.push(state);
			if (state === 'CLOSED' || state === 'SUSPENDED') break;
			fixture.letClosureProceed();
		}
		expect(seen.at(-1)).toMatch(/^(CLOSED|SUSPENDED)$/);
		expect(seen.every((state) => ['PENDING_CLOSURE', 'CLOSED', 'SUSPENDED'].includes(state))).toBe(true);
		await expectOrgError(fixture.gateway.closeAccount(fixture.closable), 'AccountAlreadyClosedException');
		// A closed member stays in the organization (and counts) until AWS deletes it.
		const ids = (await fixture.gateway.listAccounts()).map((account) => account.id);
		expect(ids).toContain(fixture.closable);
	});

	it('removes a member: it is gone from the listing and from describeAccount', async () => {
		await fixture.gateway.removeAccount(fixture.removable);
		const ids = (await fixture.gateway.listAccounts()).map((account) => account.id);
		expect(ids).not.toContain(fixture.removable);
		await expectOrgError(fixture.gateway.describeAccount(fixture.removable), 'AccountNotFoundException');
	});

	it('stops listing when cancelled, rejecting with the signal reason', async () => {
		const controller = new AbortController();
		const reason = new Error('quit');
		controller.abort(reason);
		await expect(fixture.gateway.listAccounts({ signal: controller.signal })).rejects.toBe(reason);
	});

	it('refuses to close the management account with CANNOT_CLOSE_MANAGEMENT_ACCOUNT', async (context) => {
		// moto closes it; the product refuses it before calling (tested with the close flow).
		if (!fixture.refusesManagementClosure) context.skip();
		const error = await expectOrgError(
			fixture.gateway.closeAccount(fixture.managementAccountId),
			'ConstraintViolationException',
		);
		expect(error.reason).toBe('CANNOT_CLOSE_MANAGEMENT_ACCOUNT');
	});
}

describe('OrgGateway contract: sandbox', () => {
	contract(async () => {
		const sandbox = createSandbox({ now: () => FIXED_NOW });
		const accounts = await sandbox.listAccounts();
		const sample = [DEMO_ACCOUNTS.paymentsProd, DEMO_ACCOUNTS.logArchive, DEMO_ACCOUNTS.northwindPartner];
		return {
			gateway: sandbox,
			organizationId: DEMO_ORGANIZATION_ID,
			managementAccountId: DEMO_MANAGEMENT_ACCOUNT_ID,
			knownMembers: accounts
				.filter((account) => sample.includes(account.id as (typeof sample)[number]))
				.map(({ id, parentPath }) => ({ id, parentPath })),
			closable: DEMO_ACCOUNTS.paymentsProd,
			removable: DEMO_ACCOUNTS.logArchive,
			partlyUnreadable: DEMO_ACCOUNTS.northwindPartner,
			letClosureProceed: () => sandbox.advance(SANDBOX_CLOSURE_DELAY_MS),
			quota: 'value',
			refusesManagementClosure: true,
			// The demo organization manages its members' root credentials centrally.
			rootAccess: { features: ['RootCredentialsManagement', 'RootSessions'] },
		};
	});

	it('knows the sample path used above', async () => {
		const sandbox = createSandbox({ now: () => FIXED_NOW });
		const payments = await sandbox.describeAccount(DEMO_ACCOUNTS.paymentsProd);
		expect(payments.parentPath).toBe('Root/Workloads/Prod/Payments');
	});
});

describeWithMoto('OrgGateway contract: aws adapter against moto', (moto) => {
	contract(async () => {
		await moto.server.reset();
		const org = await seedOrganization(moto.server.endpoint, {
			ous: ['Workloads/Prod/Payments', 'Workloads/Dev', 'Security'],
			accounts: [
				{ name: 'payments-prod', ou: 'Workloads/Prod/Payments' },
				{ name: 'payments-prod-dr', ou: 'Workloads/Prod/Payments' },
				{ name: 'web-prod', ou: 'Workloads/Prod' },
				{ name: 'web-dev', ou: 'Workloads/Dev' },
				{ name: 'log-archive', ou: 'Security' },
				{ name: 'sandbox-in-root' },
			],
		});
		const [closable, removable, withContact] = org.accounts;
		if (!closable || !removable || !withContact) throw new Error('seed made too few accounts');
		// One known alternate contact, so a member's facts mix known and unknown.
		const accountApi = new AccountClient({
			endpoint: moto.server.endpoint,
			region: MOTO_REGION,
			credentials: MOTO_CREDENTIALS,
		});
		await accountApi.send(
			new PutAlternateContactCommand({
				AccountId: withContact.id,
				AlternateContactType: 'BILLING',
				Name: 'Priya Raman',
				EmailAddress: 'billing@example.com',
				PhoneNumber: '+1 206 555 0142',
				Title: 'Finance',
			}),
		);
		return {
			gateway: createAwsGateway({ endpointUrl: moto.server.endpoint, region: MOTO_REGION }),
			organizationId: org.organizationId,
			managementAccountId: org.managementAccountId,
			knownMembers: [
				...org.accounts.map(({ id, parentPath }) => ({ id, parentPath })),
				{ id: org.managementAccountId, parentPath: 'Root' },
			],
			closable: closable.id,
			removable: removable.id,
			partlyUnreadable: withContact.id,
			letClosureProceed: () => {},
			quota: 'reason',
			refusesManagementClosure: false,
			// moto does not implement iam:ListOrganizationsFeatures: the answer is unknown, and says so.
			rootAccess: { reason: /^this endpoint does not implement iam:ListOrganizationsFeatures$/ },
		};
	});

	describe('what moto gives, seen through the adapter', () => {
		let gateway: OrgGateway;
		let memberId: string;
		beforeEach(async () => {
			await moto.server.reset();
			const org = await seedOrganization(moto.server.endpoint, {
				ous: ['Workloads/Prod'],
				accounts: [{ name: 'member', ou: 'Workloads/Prod' }],
			});
			memberId = org.accounts[0]?.id ?? '';
			gateway = createAwsGateway({ endpointUrl: moto.server.endpoint });
		});

		it('is the management account calling', async () => {
			expect((await gateway.callerIdentity()).accountId).toBe(MOTO_CALLER_ACCOUNT_ID);
		});

		it('explains the missing account quota with the Service Quotas errors', async () => {
			// moto implements neither ListServiceQuotas nor GetAWSDefaultServiceQuota: both errors are named.
			const lookup = await gateway.accountQuota();
			expect(lookup.unavailableReason).toMatch(/ListServiceQuotas: \w+: .*may not provide this operation/);
			expect(lookup.unavailableReason).toMatch(/GetAWSDefaultServiceQuota: \w+: L-29A0C5DF/);
		});

		it('reads alternate contacts, and says the other Account API calls are not provided', async () => {
			const facts = await gateway.accountFacts(memberId, false);
			expect(facts.alternateContacts).toEqual({
				known: true,
				value: { BILLING: null, OPERATIONS: null, SECURITY: null },
			});
			for (const fact of [facts.regions, facts.primaryEmail, facts.govCloud]) {
				expect(fact.known).toBe(false);
				if (!fact.known) expect(fact.reason).toMatch(/does not provide account:/);
			}
		});

		it('gives the management account its root email from the organization', async () => {
			const facts = await gateway.accountFacts(MOTO_CALLER_ACCOUNT_ID, true);
			expect(facts.primaryEmail).toEqual({ known: true, value: 'master@example.com' });
		});

		it('answers AWSOrganizationsNotInUseException for an account outside any organization', async () => {
			await moto.server.reset();
			await expectOrgError(gateway.describeOrganization(), 'AWSOrganizationsNotInUseException');
			await expectOrgError(gateway.listAccounts(), 'AWSOrganizationsNotInUseException');
		});

		it('reports a closed account as SUSPENDED at once, from State, not the legacy Status', async () => {
			await gateway.closeAccount(memberId);
			const account = await gateway.describeAccount(memberId);
			expect(account.state).toBe('SUSPENDED');
			expect(account.stateSource).toBe('State');
		});
	});
});

describe('the aws adapter when it cannot reach AWS', () => {
	/** Runs `body` with only the given AWS variables set, and nowhere else to find credentials. */
	async function withAwsEnvironment(variables: Record<string, string>, body: () => Promise<void>): Promise<void> {
		const saved = { ...process.env };
		for (const name of Object.keys(process.env)) if (name.startsWith('AWS_')) delete process.env[name];
		Object.assign(process.env, {
			AWS_CONFIG_FILE: '/nonexistent/orgdash-test/config',
			AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/orgdash-test/credentials',
			AWS_EC2_METADATA_DISABLED: 'true',
			AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
			...variables,
		});
		try {
			await body();
		} finally {
			for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
			Object.assign(process.env, saved);
		}
	}

	it('reports a refused connection as a network OrgError', async () => {
		await withAwsEnvironment({ AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' }, async () => {
			const gateway = createAwsGateway({ endpointUrl: 'http://127.0.0.1:9', region: MOTO_REGION });
			const error = await expectOrgError(gateway.describeOrganization(), 'NetworkError');
			expect(error.network).toBe(true);
		});
	});

	it('reports missing credentials as CredentialsMissing, and a named profile missing as ProfileNotFound', async () => {
		await withAwsEnvironment({}, async () => {
			const gateway = createAwsGateway({ endpointUrl: 'http://127.0.0.1:9', region: MOTO_REGION });
			await expectOrgError(gateway.callerIdentity(), 'CredentialsMissing');
			const named = createAwsGateway({ profile: 'no-such-profile', endpointUrl: 'http://127.0.0.1:9' });
			const error = await expectOrgError(named.describeOrganization(), 'ProfileNotFound');
			expect(error.message).toContain('profile no-such-profile is not in /nonexistent/orgdash-test/config');
			expect(error.network).toBe(false);
		});
	});

	it('takes the endpoint from AWS_ENDPOINT_URL, and keeps sources apart in sourceKey', async () => {
		await withAwsEnvironment({ AWS_ENDPOINT_URL: 'http://127.0.0.1:9' }, async () => {
			const fromEnvironment = createAwsGateway(awsTarget({ profile: 'admin' }, process.env));
			expect(fromEnvironment.sourceKey).toContain('http://127.0.0.1:9');
			expect(fromEnvironment.sourceKey).toContain('admin');
			const keys = new Set([
				fromEnvironment.sourceKey,
				createAwsGateway(awsTarget({ profile: 'other' }, process.env)).sourceKey,
				createAwsGateway(awsTarget({ profile: 'admin', endpointUrl: 'http://127.0.0.1:10' }, process.env)).sourceKey,
				createAwsGateway(awsTarget({ profile: 'admin', region: 'eu-west-1' }, process.env)).sourceKey,
			]);
			expect(keys.size).toBe(4);
		});
	});

	it('refuses an endpoint that is not a URL, saying what to pass', () => {
		expect(() => createAwsGateway({ endpointUrl: 'localhost:5000' })).toThrow(/not an http\(s\) URL/);
	});
});

/**
 * What only the sandbox does: its demo organization, its generated
 * organizations, its clock, and the AWS rules it enforces that moto does not
 * (closure allowance, concurrent closures, PENDING_CLOSURE, removal reasons).
 * The rules both adapters share are in contract.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { isAccountId } from '../../source/domain/account.js';
import {
	closureAllowance,
	countedWithInvitations,
	quotaLevel,
	quotaUsage,
	resolveQuotaLimit,
} from '../../source/domain/quota.js';
import { OrgError } from '../../source/org/errors.js';
import { DEMO_ACCOUNTS, DEMO_MANAGEMENT_ACCOUNT_ID, DEMO_ORGANIZATION_ID } from '../../source/org/sandbox/demo.js';
import { createSandbox } from '../../source/org/sandbox/engine.js';
import {
	CONCURRENT_CLOSURE_LIMIT,
	LIST_PAGE_SIZE,
	SANDBOX_CLOSURE_DELAY_MS,
	type SandboxGateway,
} from '../../source/org/sandbox/types.js';

const START = new Date('2025-06-30T12:00:00.000Z');
const DAY_MS = 24 * 60 * 60 * 1000;

function frozenClock(): () => Date {
	return () => START;
}

function demo(): SandboxGateway {
	return createSandbox({ now: frozenClock() });
}

async function rejection(promise: Promise<unknown>): Promise<OrgError> {
	try {
		await promise;
	} catch (error) {
		expect(error).toBeInstanceOf(OrgError);
		return error as OrgError;
	}
	throw new Error('expected the call to be refused, and it succeeded');
}

async function stateOf(sandbox: SandboxGateway, accountId: string): Promise<string> {
	return (await sandbox.describeAccount(accountId)).state;
}

async function activeMembers(sandbox: SandboxGateway): Promise<string[]> {
	const accounts = await sandbox.listAccounts();
	return accounts
		.filter(
			(account) =>
				account.state === 'ACTIVE' &&
				account.id !== DEMO_MANAGEMENT_ACCOUNT_ID &&
				account.joinedMethod === 'CREATED' &&
				Date.parse(account.joinedAt) < START.getTime() - 4 * DAY_MS,
		)
		.map((account) => account.id);
}

describe('the demo organization', () => {
	it('is the Acme organization, with all features, seen from the management account', async () => {
		const sandbox = demo();
		expect(sandbox.kind).toBe('sandbox');
		expect(await sandbox.describeOrganization()).toEqual({
			id: DEMO_ORGANIZATION_ID,
			managementAccountId: DEMO_MANAGEMENT_ACCOUNT_ID,
			managementAccountEmail: 'aws-management@acme-corp.example',
			featureSet: 'ALL',
		});
		expect(await sandbox.callerIdentity()).toEqual({
			accountId: '111111111111',
			arn: 'arn:aws:iam::111111111111:user/demo-admin',
		});
	});

	it('holds 25 to 40 accounts in every state, invited and created, under OUs several levels deep', async () => {
		const accounts = await demo().listAccounts();
		expect(accounts.length).toBeGreaterThanOrEqual(25);
		expect(accounts.length).toBeLessThanOrEqual(40);
		expect(new Set(accounts.map((account) => account.id)).size).toBe(accounts.length);
		expect(accounts.every((account) => isAccountId(account.id))).toBe(true);
		expect(new Set(accounts.map((account) => account.state))).toEqual(
			new Set(['ACTIVE', 'PENDING_ACTIVATION', 'PENDING_CLOSURE', 'CLOSED', 'SUSPENDED']),
		);
		expect(new Set(accounts.map((account) => account.joinedMethod))).toEqual(new Set(['INVITED', 'CREATED']));
		const paths = new Set(accounts.map((account) => account.parentPath));
		for (const path of [
			'Root',
			'Root/Security',
			'Root/Infrastructure/Network',
			'Root/Workloads/Prod/Payments',
			'Root/Workloads/Dev',
			'Root/Sandbox',
			'Root/Suspended',
		]) {
			expect(paths).toContain(path);
		}
		for (const account of accounts) {
			expect(account.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
			expect(account.name.length).toBeGreaterThan(0);
			expect(account.parentId).toMatch(/^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/);
			expect(Date.parse(account.joinedAt)).toBeLessThanOrEqual(START.getTime());
		}
	});

	it('is the same organization every time for the same clock', async () => {
		expect(await demo().listAccounts()).toEqual(await demo().listAccounts());
	});

	it('has its closed accounts inside the 90-day post-closure window, with dates spread over it', async () => {
		const accounts = await demo().listAccounts();
		const closedAges = accounts
			.filter((account) => account.state === 'CLOSED')
			.map((account) => (START.getTime() - Date.parse(account.closedAt ?? '')) / DAY_MS);
		expect(closedAges.length).toBeGreaterThanOrEqual(3);
		expect(closedAges.every((age) => age > 0 && age < 90)).toBe(true);
		expect(Math.min(...closedAges)).toBeLessThan(30);
		expect(Math.max(...closedAges)).toBeGreaterThan(60);
		const usage = quotaUsage(accounts);
		expect(usage.closedWithUnknownDate).toBe(0);
		// The oldest closure (88 days ago) is deleted first, two days from now.
		expect(usage.soonestDeletion).toBe(new Date(START.getTime() + 2 * DAY_MS).toISOString());
	});

	it('names the accounts that tests and the demo rely on, in the states it says', async () => {
		const sandbox = demo();
		const expected: Record<string, string> = {
			[DEMO_ACCOUNTS.management]: 'ACTIVE',
			[DEMO_ACCOUNTS.securityTooling]: 'ACTIVE',
			[DEMO_ACCOUNTS.logArchive]: 'ACTIVE',
			[DEMO_ACCOUNTS.paymentsProd]: 'ACTIVE',
			[DEMO_ACCOUNTS.paymentsFraudDetection]: 'PENDING_CLOSURE',
			[DEMO_ACCOUNTS.storefrontSearchProd]: 'ACTIVE',
			[DEMO_ACCOUNTS.federalReportingProd]: 'ACTIVE',
			[DEMO_ACCOUNTS.dataPlatformStaging]: 'CLOSED',
			[DEMO_ACCOUNTS.mlExperimentsDev]: 'ACTIVE',
			[DEMO_ACCOUNTS.mobileAppDev]: 'PENDING_ACTIVATION',
			[DEMO_ACCOUNTS.legacyBillingDev]: 'CLOSED',
			[DEMO_ACCOUNTS.sandboxBob]: 'CLOSED',
			[DEMO_ACCOUNTS.quarantine]: 'SUSPENDED',
			[DEMO_ACCOUNTS.oldMarketingSite]: 'CLOSED',
			[DEMO_ACCOUNTS.brightlineAnalytics]: 'ACTIVE',
			[DEMO_ACCOUNTS.northwindPartner]: 'ACTIVE',
		};
		for (const [id, state] of Object.entries(expected)) {
			expect(await stateOf(sandbox, id), id).toBe(state);
		}
		const paymentsProd = await sandbox.describeAccount(DEMO_ACCOUNTS.paymentsProd);
		expect(paymentsProd.parentPath).toBe('Root/Workloads/Prod/Payments');
		expect((await sandbox.describeAccount(DEMO_ACCOUNTS.brightlineAnalytics)).joinedMethod).toBe('INVITED');
	});

	it('reports a raised quota, from Service Quotas, close enough to the count that the warning shows', async () => {
		const sandbox = demo();
		const lookup = await sandbox.accountQuota();
		const limit = resolveQuotaLimit(lookup);
		expect(limit.source).toBe('service-quotas');
		expect(lookup.awsDefault).toBe(10);
		expect(lookup.invitations).toEqual({ known: true, count: 2 });
		const counted = countedWithInvitations(quotaUsage(await sandbox.listAccounts()), lookup.invitations);
		expect(quotaLevel(counted, limit.limit)).toBe('near');
	});
});

describe('account facts', () => {
	it('gives regions, the root email and alternate contacts for an ordinary member', async () => {
		const facts = await demo().accountFacts(DEMO_ACCOUNTS.paymentsProd, false);
		const regions = facts.regions.known ? facts.regions.value : [];
		expect(regions).toContainEqual({ name: 'us-east-1', status: 'ENABLED_BY_DEFAULT' });
		expect(regions).toContainEqual({ name: 'eu-south-1', status: 'ENABLED' });
		// A region being enabled is listed too, with its status, as ListRegions gives it.
		expect(regions).toContainEqual({ name: 'eu-south-2', status: 'ENABLING' });
		expect(facts.primaryEmail).toEqual({ known: true, value: 'aws-payments-prod@acme-corp.example' });
		expect(facts.alternateContacts.known && facts.alternateContacts.value.BILLING?.email).toBe(
			'aws-billing@acme-corp.example',
		);
		expect(facts.govCloud).toEqual({ known: true, value: null });
	});

	it('says when an alternate contact is not set, rather than leaving it out', async () => {
		const facts = await demo().accountFacts('628061739475', false);
		expect(facts.alternateContacts.known && facts.alternateContacts.value.OPERATIONS).toBeNull();
	});

	it('lists a region being disabled with its status', async () => {
		const facts = await demo().accountFacts('417950628354', false);
		expect(facts.regions.known && facts.regions.value).toContainEqual({ name: 'me-central-1', status: 'DISABLING' });
	});

	it('names the linked GovCloud account of the one account that has one, with its state', async () => {
		const facts = await demo().accountFacts(DEMO_ACCOUNTS.federalReportingProd, false);
		expect(facts.govCloud).toEqual({ known: true, value: { accountId: '081276345910', state: 'ACTIVE' } });
	});

	it('gives a reason for every fact it cannot read', async () => {
		const sandbox = demo();
		const northwind = await sandbox.accountFacts(DEMO_ACCOUNTS.northwindPartner, false);
		for (const fact of Object.values(northwind)) {
			expect(fact.known).toBe(false);
			expect(!fact.known && fact.reason).toMatch(/AccessDeniedException.*account\.amazonaws\.com/);
		}
		const search = await sandbox.accountFacts(DEMO_ACCOUNTS.storefrontSearchProd, false);
		expect(search.regions.known).toBe(false);
		expect(search.govCloud.known).toBe(false);
		expect(search.primaryEmail.known).toBe(true);
	});

	it('reads the management account without an account id, and says so when the two are mixed up', async () => {
		const sandbox = demo();
		const own = await sandbox.accountFacts(DEMO_MANAGEMENT_ACCOUNT_ID, true);
		expect(own.primaryEmail).toEqual({ known: true, value: 'aws-management@acme-corp.example' });
		for (const mixedUp of [
			await sandbox.accountFacts(DEMO_MANAGEMENT_ACCOUNT_ID, false),
			await sandbox.accountFacts(DEMO_ACCOUNTS.paymentsProd, true),
		]) {
			for (const fact of Object.values(mixedUp)) {
				expect(!fact.known && fact.reason).toMatch(/^ValidationException: .*AccountId/);
			}
		}
	});

	it('says an account outside the organization cannot be read', async () => {
		const facts = await demo().accountFacts('999999999999', false);
		expect(!facts.regions.known && facts.regions.reason).toMatch(/not a member of this organization/);
	});

	it('cannot read other accounts for a member caller, and says why', async () => {
		const sandbox = demo();
		sandbox.setCaller(DEMO_ACCOUNTS.paymentsProd);
		const facts = await sandbox.accountFacts(DEMO_ACCOUNTS.logArchive, false);
		expect(facts.primaryEmail.known).toBe(false);
		expect(!facts.primaryEmail.known && facts.primaryEmail.reason).toMatch(/AccessDeniedException/);
	});
});

describe('centralized root access', () => {
	it('the demo manages its members root credentials centrally; a generated organization does not', async () => {
		expect(await demo().rootAccessFeatures()).toEqual({
			known: true,
			value: ['RootCredentialsManagement', 'RootSessions'],
		});
		expect(await createSandbox({ accountCount: 20 }).rootAccessFeatures()).toEqual({ known: true, value: [] });
	});

	it('answers unknown, with the reason, where IAM would refuse: a member calling, no organization, an injected failure', async () => {
		const sandbox = demo();
		sandbox.setCaller(DEMO_ACCOUNTS.paymentsProd);
		expect(await sandbox.rootAccessFeatures()).toEqual({
			known: false,
			reason: 'only the management account or the IAM delegated administrator may call iam:ListOrganizationsFeatures',
		});
		sandbox.setCaller('999999999999');
		expect(await sandbox.rootAccessFeatures()).toEqual({
			known: false,
			reason: 'the signed-in account is in no organization',
		});
		const denied = demo();
		denied.failNext('rootAccessFeatures', new OrgError('AccessDenied', 'not authorized'));
		expect(await denied.rootAccessFeatures()).toMatchObject({
			known: false,
			reason: expect.stringMatching(/^permission iam:ListOrganizationsFeatures missing$/),
		});
		expect(await denied.rootAccessFeatures()).toMatchObject({ known: true });
	});
});

describe('closing accounts', () => {
	it('requests the closure: PENDING_CLOSURE with the closure time, then CLOSED once sandbox time passes', async () => {
		const sandbox = demo();
		await sandbox.closeAccount(DEMO_ACCOUNTS.logArchive);
		const pending = await sandbox.describeAccount(DEMO_ACCOUNTS.logArchive);
		expect(pending.state).toBe('PENDING_CLOSURE');
		expect(pending.closedAt).toBe(START.toISOString());
		sandbox.advance(SANDBOX_CLOSURE_DELAY_MS - 1);
		expect(await stateOf(sandbox, DEMO_ACCOUNTS.logArchive)).toBe('PENDING_CLOSURE');
		sandbox.advance(1);
		const closed = await sandbox.describeAccount(DEMO_ACCOUNTS.logArchive);
		expect(closed.state).toBe('CLOSED');
		expect(closed.closedAt).toBe(START.toISOString());
		// Still in the organization, still counted.
		expect((await sandbox.listAccounts()).some((account) => account.id === DEMO_ACCOUNTS.logArchive)).toBe(true);
	});

	it('follows the real clock too', async () => {
		let now = START.getTime();
		const sandbox = createSandbox({ now: () => new Date(now) });
		await sandbox.closeAccount(DEMO_ACCOUNTS.logArchive);
		now += SANDBOX_CLOSURE_DELAY_MS;
		expect(await stateOf(sandbox, DEMO_ACCOUNTS.logArchive)).toBe('CLOSED');
	});

	it('finishes the seeded pending closure after a few minutes', async () => {
		const sandbox = demo();
		sandbox.advance(9 * 60 * 1000);
		expect(await stateOf(sandbox, DEMO_ACCOUNTS.paymentsFraudDetection)).toBe('PENDING_CLOSURE');
		sandbox.advance(60 * 1000);
		expect(await stateOf(sandbox, DEMO_ACCOUNTS.paymentsFraudDetection)).toBe('CLOSED');
	});

	it('lets AWS delete a closed account at the end of the 90-day post-closure period', async () => {
		const sandbox = demo();
		const before = await sandbox.listAccounts();
		sandbox.advance(2 * DAY_MS);
		const after = await sandbox.listAccounts();
		expect(after.length).toBe(before.length - 1);
		expect(after.some((account) => account.id === DEMO_ACCOUNTS.oldMarketingSite)).toBe(false);
		const error = await rejection(sandbox.describeAccount(DEMO_ACCOUNTS.oldMarketingSite));
		expect(error.code).toBe('AccountNotFoundException');
	});

	it('refuses an account suspended by AWS as already closed', async () => {
		const error = await rejection(demo().closeAccount(DEMO_ACCOUNTS.quarantine));
		expect(error.code).toBe('AccountAlreadyClosedException');
	});

	it(`refuses a closure while ${CONCURRENT_CLOSURE_LIMIT} are pending, and accepts it once one finishes`, async () => {
		const sandbox = demo();
		const [first, second, third] = await activeMembers(sandbox);
		if (!first || !second || !third) throw new Error('the demo has too few closable accounts');
		// One closure is already pending in the demo.
		await sandbox.closeAccount(first);
		await sandbox.closeAccount(second);
		const error = await rejection(sandbox.closeAccount(third));
		expect(error.code).toBe('ConstraintViolationException');
		expect(error.reason).toBe('CLOSE_ACCOUNT_REQUESTS_LIMIT_EXCEEDED');
		expect(await stateOf(sandbox, third)).toBe('ACTIVE');
		sandbox.advance(SANDBOX_CLOSURE_DELAY_MS);
		await sandbox.closeAccount(third);
		expect(await stateOf(sandbox, third)).toBe('PENDING_CLOSURE');
	});

	it('refuses closures once the rolling 30-day allowance is spent, until the window moves on', async () => {
		// Enough members that the allowance (the higher of 250 or 20%) can be spent: 1,499 members allow 299.
		const sandbox = createSandbox({ accountCount: 1_500, now: frozenClock() });
		const accounts = await sandbox.listAccounts();
		const closedRecently = accounts.map((account) => account.closedAt).filter((at): at is string => at !== undefined);
		const allowance = closureAllowance(accounts.length - 1, closedRecently, START);
		expect(allowance.limit).toBe(299);
		expect(allowance.left).toBeGreaterThan(0);

		const candidates = await activeMembers(sandbox);
		expect(candidates.length).toBeGreaterThan(allowance.left);
		for (const id of candidates.slice(0, allowance.left)) {
			await sandbox.closeAccount(id);
			sandbox.advance(SANDBOX_CLOSURE_DELAY_MS);
		}
		const next = candidates[allowance.left] ?? '';
		const error = await rejection(sandbox.closeAccount(next));
		expect(error.code).toBe('ConstraintViolationException');
		expect(error.reason).toBe('CLOSE_ACCOUNT_QUOTA_EXCEEDED');
		expect(error.message).toMatch(/higher of 250 or 20%/);
		expect(await stateOf(sandbox, next)).toBe('ACTIVE');

		sandbox.advance(31 * DAY_MS);
		await sandbox.closeAccount(next);
		expect(await stateOf(sandbox, next)).toBe('PENDING_CLOSURE');
	});

	it('allows the demo organization of a few dozen members 250 closures, not the old 10', async () => {
		const sandbox = demo();
		const candidates = await activeMembers(sandbox);
		const closable = candidates.slice(0, 12);
		expect(closable).toHaveLength(12);
		for (const id of closable) {
			await sandbox.closeAccount(id);
			sandbox.advance(SANDBOX_CLOSURE_DELAY_MS);
		}
		for (const id of closable) expect(await stateOf(sandbox, id)).toMatch(/CLOSED|PENDING_CLOSURE/);
	});

	it('refuses to remove a closed or closing member, which keeps its slot until AWS deletes it', async () => {
		const sandbox = demo();
		const [id] = await activeMembers(sandbox);
		await sandbox.closeAccount(id ?? '');
		expect((await rejection(sandbox.removeAccount(id ?? ''))).code).toBe('ConstraintViolationException');
		sandbox.advance(SANDBOX_CLOSURE_DELAY_MS);
		expect(await stateOf(sandbox, id ?? '')).toBe('CLOSED');
		expect((await rejection(sandbox.removeAccount(id ?? ''))).code).toBe('ConstraintViolationException');
		expect((await sandbox.listAccounts()).some((account) => account.id === id)).toBe(true);
	});
});

describe('removing accounts', () => {
	it.each([
		['delegated administrator', DEMO_ACCOUNTS.securityTooling, 'CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG'],
		['no payment method', DEMO_ACCOUNTS.brightlineAnalytics, 'MEMBER_ACCOUNT_PAYMENT_INSTRUMENT_REQUIRED'],
		['created two days ago', DEMO_ACCOUNTS.mlExperimentsDev, 'WAIT_PERIOD_ACTIVE'],
		['created minutes ago, still activating', DEMO_ACCOUNTS.mobileAppDev, 'WAIT_PERIOD_ACTIVE'],
		['the management account', DEMO_MANAGEMENT_ACCOUNT_ID, 'ACCOUNT_CANNOT_LEAVE_ORGANIZATION'],
	])('refuses the %s with its reason, and keeps the account', async (_label, accountId, reason) => {
		const sandbox = demo();
		const error = await rejection(sandbox.removeAccount(accountId));
		expect(error.code).toBe('ConstraintViolationException');
		expect(error.reason).toBe(reason);
		expect(error.message.length).toBeGreaterThan(20);
		expect((await sandbox.describeAccount(accountId)).id).toBe(accountId);
	});

	it('lets an account created by the organization go once it is four days old', async () => {
		const sandbox = demo();
		sandbox.advance(2 * DAY_MS - 3 * 60 * 60 * 1000 - 1);
		expect((await rejection(sandbox.removeAccount(DEMO_ACCOUNTS.mlExperimentsDev))).reason).toBe('WAIT_PERIOD_ACTIVE');
		sandbox.advance(1);
		await sandbox.removeAccount(DEMO_ACCOUNTS.mlExperimentsDev);
		expect((await rejection(sandbox.describeAccount(DEMO_ACCOUNTS.mlExperimentsDev))).code).toBe(
			'AccountNotFoundException',
		);
	});

	it('frees the slot at once: the count drops', async () => {
		const sandbox = demo();
		const before = quotaUsage(await sandbox.listAccounts()).counted;
		await sandbox.removeAccount(DEMO_ACCOUNTS.paymentsProd);
		expect(quotaUsage(await sandbox.listAccounts()).counted).toBe(before - 1);
	});

	it('makes the removed account standalone: it no longer sees an organization', async () => {
		const sandbox = demo();
		await sandbox.removeAccount(DEMO_ACCOUNTS.logArchive);
		sandbox.setCaller(DEMO_ACCOUNTS.logArchive);
		expect((await rejection(sandbox.describeOrganization())).code).toBe('AWSOrganizationsNotInUseException');
	});
});

describe('callers other than the management account', () => {
	it('refuses closure and removal to a member, and changes nothing', async () => {
		const sandbox = demo();
		sandbox.setCaller(DEMO_ACCOUNTS.paymentsProd);
		expect((await rejection(sandbox.closeAccount(DEMO_ACCOUNTS.logArchive))).code).toBe('AccessDeniedException');
		expect((await rejection(sandbox.removeAccount(DEMO_ACCOUNTS.logArchive))).code).toBe('AccessDeniedException');
		sandbox.setCaller(DEMO_MANAGEMENT_ACCOUNT_ID);
		expect(await stateOf(sandbox, DEMO_ACCOUNTS.logArchive)).toBe('ACTIVE');
	});

	it('lets a member see its organization and who it is, but not list the accounts', async () => {
		const sandbox = createSandbox({ now: frozenClock(), callerAccountId: DEMO_ACCOUNTS.paymentsProd });
		expect((await sandbox.describeOrganization()).managementAccountId).toBe(DEMO_MANAGEMENT_ACCOUNT_ID);
		expect((await sandbox.callerIdentity()).accountId).toBe(DEMO_ACCOUNTS.paymentsProd);
		expect((await sandbox.callerIdentity()).arn).toContain(`::${DEMO_ACCOUNTS.paymentsProd}:`);
		expect((await rejection(sandbox.listAccounts())).code).toBe('AccessDeniedException');
		expect((await rejection(sandbox.describeAccount(DEMO_ACCOUNTS.logArchive))).code).toBe('AccessDeniedException');
	});

	it('lets a delegated administrator read the organization but not close accounts', async () => {
		const sandbox = createSandbox({ now: frozenClock(), callerAccountId: DEMO_ACCOUNTS.securityTooling });
		expect((await sandbox.listAccounts()).length).toBeGreaterThan(25);
		expect((await rejection(sandbox.closeAccount(DEMO_ACCOUNTS.logArchive))).code).toBe('AccessDeniedException');
	});

	it('answers AWSOrganizationsNotInUseException to an account outside any organization', async () => {
		const sandbox = createSandbox({ now: frozenClock(), callerAccountId: '999999999999' });
		expect((await sandbox.callerIdentity()).accountId).toBe('999999999999');
		for (const call of [
			() => sandbox.describeOrganization(),
			() => sandbox.listAccounts(),
			() => sandbox.closeAccount(DEMO_ACCOUNTS.logArchive),
			() => sandbox.removeAccount(DEMO_ACCOUNTS.logArchive),
		]) {
			const error = await rejection(call());
			expect(error.code).toBe('AWSOrganizationsNotInUseException');
			expect(error.message).toBe('Your account is not a member of an organization.');
		}
	});
});

describe('test and demo controls', () => {
	it('records every call in order, with the account it was about', async () => {
		const sandbox = demo();
		await sandbox.describeOrganization();
		await sandbox.listAccounts();
		await sandbox.describeAccount(DEMO_ACCOUNTS.logArchive);
		await sandbox.closeAccount(DEMO_ACCOUNTS.logArchive);
		await rejection(sandbox.removeAccount(DEMO_MANAGEMENT_ACCOUNT_ID));
		expect(sandbox.calls).toEqual([
			{ operation: 'describeOrganization' },
			{ operation: 'listAccounts' },
			{ operation: 'describeAccount', accountId: DEMO_ACCOUNTS.logArchive },
			{ operation: 'closeAccount', accountId: DEMO_ACCOUNTS.logArchive },
			{ operation: 'removeAccount', accountId: DEMO_MANAGEMENT_ACCOUNT_ID },
		]);
	});

	it('fails the next call of an operation once, with the error given, without acting', async () => {
		const sandbox = demo();
		const throttled = new OrgError('TooManyRequestsException', 'Rate exceeded');
		const network = new OrgError('NetworkingError', 'socket hang up', { network: true });
		sandbox.failNext('closeAccount', throttled);
		sandbox.failNext('closeAccount', network);
		expect(await rejection(sandbox.closeAccount(DEMO_ACCOUNTS.logArchive))).toBe(throttled);
		expect(await rejection(sandbox.closeAccount(DEMO_ACCOUNTS.logArchive))).toBe(network);
		expect(await stateOf(sandbox, DEMO_ACCOUNTS.logArchive)).toBe('ACTIVE');
		await sandbox.closeAccount(DEMO_ACCOUNTS.logArchive);
		expect(await stateOf(sandbox, DEMO_ACCOUNTS.logArchive)).toBe('PENDING_CLOSURE');
		expect(sandbox.calls.filter((call) => call.operation === 'closeAccount')).toHaveLength(3);
	});

	it('fails only the operation named', async () => {
		const sandbox = demo();
		sandbox.failNext('listAccounts', new OrgError('AccessDeniedException', 'denied'));
		await sandbox.describeOrganization();
		expect((await rejection(sandbox.listAccounts())).code).toBe('AccessDeniedException');
		expect((await sandbox.listAccounts()).length).toBeGreaterThan(0);
	});

	it('refuses to move time backwards', () => {
		expect(() => demo().advance(-1)).toThrow(RangeError);
	});

	it('hands out copies: changing what it returns changes nothing inside', async () => {
		const sandbox = demo();
		const [first] = await sandbox.listAccounts();
		if (!first) throw new Error('empty organization');
		(first as { state: string }).state = 'CLOSED';
		const described = await sandbox.describeAccount(first.id);
		(described as { name: string }).name = 'changed';
		const organization = await sandbox.describeOrganization();
		(organization as { id: string }).id = 'o-changed';
		const facts = await sandbox.accountFacts(DEMO_ACCOUNTS.paymentsProd, false);
		if (facts.regions.known) facts.regions.value.length = 0;
		const quota = await sandbox.accountQuota();
		(quota as { applied: number }).applied = 1;

		const again = await sandbox.describeAccount(first.id);
		expect(again.state).toBe('ACTIVE');
		expect(again.name).not.toBe('changed');
		expect((await sandbox.describeOrganization()).id).toBe(DEMO_ORGANIZATION_ID);
		const factsAgain = await sandbox.accountFacts(DEMO_ACCOUNTS.paymentsProd, false);
		expect(factsAgain.regions.known && factsAgain.regions.value.length).toBeGreaterThan(10);
		expect((await sandbox.accountQuota()).applied).not.toBe(1);
	});
});

describe('listing in pages', () => {
	it(`hands the accounts over ${LIST_PAGE_SIZE} at a time, as AWS pages them`, async () => {
		const sandbox = createSandbox({ accountCount: 95, now: frozenClock() });
		const pages: number[] = [];
		const seen: string[] = [];
		const all = await sandbox.listAccounts({
			onAccounts: (page) => {
				pages.push(page.length);
				seen.push(...page.map((account) => account.id));
			},
		});
		expect(pages).toEqual([20, 20, 20, 20, 15]);
		expect(seen).toEqual(all.map((account) => account.id));
	});

	it('waits between pages when given a latency, so rows are seen arriving', async () => {
		const sandbox = createSandbox({ accountCount: 60, latencyMs: 15 });
		const arrivals: number[] = [];
		const started = performance.now();
		await sandbox.listAccounts({ onAccounts: () => arrivals.push(performance.now() - started) });
		expect(arrivals).toHaveLength(3);
		expect((arrivals[2] ?? 0) - (arrivals[0] ?? 0)).toBeGreaterThanOrEqual(25);
	});

	it('stops when the signal aborts, mid-listing', async () => {
		const sandbox = createSandbox({ accountCount: 200, latencyMs: 5 });
		const controller = new AbortController();
		let pages = 0;
		const listing = sandbox.listAccounts({
			signal: controller.signal,
			onAccounts: () => {
				pages++;
				if (pages === 2) controller.abort();
			},
		});
		await expect(listing).rejects.toMatchObject({ name: 'AbortError' });
		expect(pages).toBe(2);
	});
});

describe('generated organizations', () => {
	it('makes exactly N accounts with distinct 12-digit ids, the management account among them', async () => {
		for (const count of [1, 2, 37, 1000]) {
			const sandbox = createSandbox({ accountCount: count, now: frozenClock() });
			const accounts = await sandbox.listAccounts();
			expect(accounts).toHaveLength(count);
			expect(new Set(accounts.map((account) => account.id)).size).toBe(count);
			expect(accounts.every((account) => isAccountId(account.id))).toBe(true);
			const organization = await sandbox.describeOrganization();
			expect(accounts.some((account) => account.id === organization.managementAccountId)).toBe(true);
		}
	});

	it('is deterministic: the same N and clock give the same organization', async () => {
		const first = await createSandbox({ accountCount: 2000, now: frozenClock() }).listAccounts();
		const second = await createSandbox({ accountCount: 2000, now: frozenClock() }).listAccounts();
		expect(second).toEqual(first);
	});

	it('tells organizations of different sizes apart', async () => {
		const small = createSandbox({ accountCount: 100, now: frozenClock() });
		const large = createSandbox({ accountCount: 200, now: frozenClock() });
		expect(small.sourceKey).not.toBe(large.sourceKey);
		expect(small.sourceKey).not.toBe(demo().sourceKey);
		expect((await small.describeOrganization()).id).not.toBe((await large.describeOrganization()).id);
	});

	it('spreads 10,000 accounts over a few dozen OUs several levels deep, mostly active', async () => {
		const sandbox = createSandbox({ accountCount: 10_000, now: frozenClock() });
		const accounts = await sandbox.listAccounts();
		const ous = new Set(accounts.map((account) => account.parentId));
		expect(ous.size).toBeGreaterThanOrEqual(24);
		expect(ous.size).toBeLessThanOrEqual(80);
		const depth = Math.max(...accounts.map((account) => account.parentPath.split('/').length));
		expect(depth).toBeGreaterThanOrEqual(4);

		const byState = new Map<string, number>();
		for (const account of accounts) byState.set(account.state, (byState.get(account.state) ?? 0) + 1);
		expect(byState.get('ACTIVE') ?? 0).toBeGreaterThan(8500);
		for (const state of ['PENDING_ACTIVATION', 'PENDING_CLOSURE', 'CLOSED', 'SUSPENDED']) {
			expect(byState.get(state) ?? 0, state).toBeGreaterThan(0);
		}
		// AWS runs only a few closures at once: the generated organization leaves room for one more.
		expect(byState.get('PENDING_CLOSURE')).toBeLessThan(CONCURRENT_CLOSURE_LIMIT);

		const usage = quotaUsage(accounts);
		expect(usage.closedWithUnknownDate).toBe(0);
		expect(Date.parse(usage.soonestDeletion ?? '')).toBeGreaterThan(START.getTime());
		expect(new Set(accounts.map((account) => account.joinedMethod))).toEqual(new Set(['INVITED', 'CREATED']));
		const limit = resolveQuotaLimit(await sandbox.accountQuota());
		expect(limit.limit).toBeGreaterThanOrEqual(10_000);
	});

	it('leaves closures possible: the generated closures stay inside the 30-day allowance', async () => {
		const sandbox = createSandbox({ accountCount: 10_000, now: frozenClock() });
		const accounts = await sandbox.listAccounts();
		const target = accounts.find((account) => account.state === 'ACTIVE' && account.id !== DEMO_MANAGEMENT_ACCOUNT_ID);
		if (!target) throw new Error('no active member');
		await sandbox.closeAccount(target.id);
		expect(await stateOf(sandbox, target.id)).toBe('PENDING_CLOSURE');
	});

	it('makes 10,000 accounts, every id distinct (its speed is a benchmark figure: start to first row, --demo-accounts)', async () => {
		const accounts = await createSandbox({ accountCount: 10_000, now: frozenClock() }).listAccounts();
		expect(accounts).toHaveLength(10_000);
		expect(new Set(accounts.map((account) => account.id)).size).toBe(10_000);
	});

	it('refuses a size it cannot make, with a message that says what to pass', () => {
		for (const bad of [0, -3, 2.5, Number.NaN, 2_000_000]) {
			expect(() => createSandbox({ accountCount: bad })).toThrow(/whole number/);
		}
	});
});

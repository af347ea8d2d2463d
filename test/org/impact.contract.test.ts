/**
 * The impact scan's contract, for both adapters: the sandbox's demo
 * organization and the AWS adapter on moto, seeded with the same delegated
 * administrator, StackSet instance, Identity Center assignment, policy, tags
 * and spend (test/support/impact-seed.ts). Every item is known with its
 * source, or unknown with its reason; no call of the scan throws.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { AccountImpact, ImpactItem } from '../../source/domain/impact.js';
import { createAwsGateway } from '../../source/org/aws/gateway.js';
import { OrgError } from '../../source/org/errors.js';
import type { OrgGateway } from '../../source/org/gateway.js';
import { DEMO_ACCOUNTS } from '../../source/org/sandbox/demo.js';
import { createSandbox } from '../../source/org/sandbox/engine.js';
import { SEEDED_IMPACT, seedImpact } from '../support/impact-seed.js';
import { describeWithMoto, MOTO_REGION, seedOrganization } from '../support/moto.js';

interface Fixture {
	readonly gateway: OrgGateway;
	/** A member with every item: delegated administrator, StackSet instance, permission set, policy, tags, spend. */
	readonly delegatedAdmin: string;
	/** A member that administers nothing. */
	readonly plainMember: string;
}

function expectExplained(item: ImpactItem<unknown>, name: string): void {
	expect(item.source, `${name} names its source`).toMatch(/\S/);
	if (!item.known) {
		expect(item.detail.length, `${name} is unknown, so it says why`).toBeGreaterThan(10);
		expect(item.reason).not.toBe('failed');
	}
}

function expectEveryItemExplained(impact: AccountImpact): void {
	for (const [name, item] of Object.entries(impact)) expectExplained(item, name);
}

function impactContract(setup: () => Promise<Fixture>): void {
	let fixture: Fixture;
	beforeEach(async () => {
		fixture = await setup();
	});

	it('names the delegated administrators of the organization and their services, once per load', async () => {
		const scan = await fixture.gateway.organizationImpact();
		expect(scan.delegatedAdministrators.known).toBe(true);
		if (!scan.delegatedAdministrators.known) return;
		expect(scan.delegatedAdministrators.value[fixture.delegatedAdmin]).toContain(SEEDED_IMPACT.service);
		expect(scan.delegatedAdministrators.value[fixture.plainMember]).toBeUndefined();
	});

	it("gives every account's spend from one Cost Explorer call: the last full month and the month to date", async () => {
		const scan = await fixture.gateway.organizationImpact();
		expect(scan.spend.known, scan.spend.known ? '' : scan.spend.detail).toBe(true);
		if (!scan.spend.known) return;
		expect(scan.spend.value[fixture.delegatedAdmin]).toMatchObject({
			lastMonth: SEEDED_IMPACT.lastMonth,
			monthToDate: SEEDED_IMPACT.monthToDate,
			currency: 'USD',
		});
	});

	it('reads what closing or removing one account would break, each item with its source', async () => {
		const impact = await fixture.gateway.accountImpact(fixture.delegatedAdmin);
		expectEveryItemExplained(impact);
		expect(impact.delegatedServices).toMatchObject({ known: true });
		expect(impact.delegatedServices.known && impact.delegatedServices.value).toContain(SEEDED_IMPACT.service);
		expect(impact.stackInstances.known && impact.stackInstances.value.map((instance) => instance.stackSet)).toContain(
			SEEDED_IMPACT.stackSet,
		);
		expect(impact.identityCenter.known && impact.identityCenter.value.permissionSets).toContain(
			SEEDED_IMPACT.permissionSet,
		);
		expect(impact.identityCenter.known && impact.identityCenter.value.assignments).toBeGreaterThan(0);
		expect(impact.policies.known && impact.policies.value).toContainEqual(
			expect.objectContaining({ type: 'SERVICE_CONTROL_POLICY', name: SEEDED_IMPACT.policy }),
		);
		expect(impact.tags.known && impact.tags.value).toContainEqual(SEEDED_IMPACT.tag);
		// Spend is read for the whole organization at once, never one call per account.
		expect(impact.spend).toMatchObject({ known: false, reason: 'not-read' });
	});

	it('finds nothing delegated, and no instance of that StackSet, on a plain member', async () => {
		const impact = await fixture.gateway.accountImpact(fixture.plainMember);
		expectEveryItemExplained(impact);
		expect(impact.delegatedServices).toMatchObject({ known: true, value: [] });
		expect(
			impact.stackInstances.known && impact.stackInstances.value.map((instance) => instance.stackSet),
		).not.toContain(SEEDED_IMPACT.stackSet);
		expect(impact.tags.known && impact.tags.value).not.toContainEqual(SEEDED_IMPACT.tag);
	});

	it("reads one account's tags for the list", async () => {
		const tags = await fixture.gateway.accountTags(fixture.delegatedAdmin);
		expect(tags.known && tags.value).toContainEqual(SEEDED_IMPACT.tag);
	});

	it('never throws for an account it cannot read: every item says why', async () => {
		const impact = await fixture.gateway.accountImpact('999999999999');
		expect(Object.values(impact).every((item) => item.source.length > 0)).toBe(true);
		expect(impact.tags.known).toBe(false);
	});
}

describe('impact scan contract: sandbox', () => {
	impactContract(async () => ({
		gateway: createSandbox({ now: () => new Date('2026-03-02T10:00:00.000Z') }),
		delegatedAdmin: DEMO_ACCOUNTS.securityTooling,
		plainMember: DEMO_ACCOUNTS.paymentsProd,
	}));

	it('shows an item AWS refuses as unknown with its reason, in the demo', async () => {
		const sandbox = createSandbox();
		const northwind = await sandbox.accountImpact(DEMO_ACCOUNTS.northwindPartner);
		expect(northwind.identityCenter).toMatchObject({ known: false, reason: 'trusted-access-off' });
		const search = await sandbox.accountImpact(DEMO_ACCOUNTS.storefrontSearchProd);
		expect(search.stackInstances).toMatchObject({ known: false, reason: 'permission-missing' });
	});

	it('leaves the organization scan unknown with the reason when the caller may not read it', async () => {
		const sandbox = createSandbox();
		sandbox.failNext('organizationImpact', new OrgError('AccessDeniedException', 'not allowed'));
		const scan = await sandbox.organizationImpact();
		expect(scan.spend).toMatchObject({ known: false, reason: 'permission-missing' });
		expect(scan.delegatedAdministrators).toMatchObject({ known: false, reason: 'permission-missing' });
	});
});

describeWithMoto('impact scan contract: aws adapter against moto', (moto) => {
	impactContract(async () => {
		await moto.server.reset();
		const org = await seedOrganization(moto.server.endpoint, {
			ous: ['Security', 'Workloads'],
			accounts: [
				{ name: 'security-tooling', ou: 'Security' },
				{ name: 'payments-prod', ou: 'Workloads' },
			],
		});
		const [admin, plain] = org.accounts;
		if (!admin || !plain) throw new Error('seed made too few accounts');
		await seedImpact(moto.server.endpoint, org, admin.id);
		return {
			gateway: createAwsGateway({ endpointUrl: moto.server.endpoint, region: MOTO_REGION }),
			delegatedAdmin: admin.id,
			plainMember: plain.id,
		};
	});
});

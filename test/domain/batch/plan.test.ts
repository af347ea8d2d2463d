import { describe, expect, it } from 'vitest';
import type { Account } from '../../../source/domain/account.js';
import { batchChecklist } from '../../../source/domain/batch/checklist.js';
import { buildPlan, type PlanInput, slotDates } from '../../../source/domain/batch/plan.js';
import type { AccountFacts } from '../../../source/domain/facts.js';
import { accountWith } from '../../support/accounts.js';

const MANAGEMENT = '111111111111';
const organization = { id: 'o-test', managementAccountId: MANAGEMENT, featureSet: 'ALL' as const };
const caller = { accountId: MANAGEMENT, arn: `arn:aws:iam::${MANAGEMENT}:user/admin` };
const NOW = '2026-06-15T12:00:00.000Z';

function idOf(index: number): string {
	return String(200000000000 + index);
}

function input(accounts: Account[], fields: Partial<PlanInput> = {}): PlanInput {
	return {
		verb: 'close',
		accountIds: accounts.map((account) => account.id),
		accountsById: new Map(accounts.map((account) => [account.id, account])),
		organization,
		caller,
		cachedIds: new Set(),
		memberCount: 100,
		closuresAt: [],
		now: NOW,
		quota: { counted: 101, limit: 200 },
		...fields,
	};
}

describe('the plan of a batch', () => {
	it('acts on open members and refuses the management account, closed and cached rows with a reason and a fix', () => {
		const accounts = [
			accountWith({ id: MANAGEMENT }),
			accountWith({ id: idOf(1) }),
			accountWith({ id: idOf(2), state: 'CLOSED' }),
			accountWith({ id: idOf(3), state: 'PENDING_CLOSURE' }),
			accountWith({ id: idOf(4) }),
		];
		const plan = buildPlan(input(accounts, { cachedIds: new Set([idOf(4)]) }));
		expect(plan.acting).toEqual([idOf(1)]);
		expect(plan.totals).toEqual({ act: 1, wait: 0, refused: 4 });
		const codes = plan.entries.map((entry) =>
			entry.outcome.kind === 'refused' ? entry.outcome.code : entry.outcome.kind,
		);
		expect(codes).toEqual(['management-account', 'act', 'already-closed', 'already-closed', 'cached-row']);
		for (const entry of plan.entries) {
			if (entry.outcome.kind === 'refused') expect(entry.outcome.fix.length).toBeGreaterThan(5);
		}
		expect(plan.quota).toEqual({ before: 101, after: 101, limit: 200 });
		expect(plan.allowance).toMatchObject({ limit: 250, used: 0, left: 250, leftAfter: 249 });
	});

	it('refuses every account when the caller is not the management account', () => {
		const plan = buildPlan(
			input([accountWith({ id: idOf(1) })], { caller: { accountId: idOf(9), arn: 'arn:aws:iam::x:user/y' } }),
		);
		expect(plan.acting).toEqual([]);
		expect(plan.entries[0]?.outcome).toMatchObject({ kind: 'refused', code: 'not-management-caller' });
	});

	it('makes the closures past the allowance wait, each with the date a slot frees from the closures on record', () => {
		// 248 closures recorded 10 days ago, 2 slots left of 250.
		const tenDaysAgo = '2026-06-05T12:00:00.000Z';
		const closuresAt = Array.from({ length: 248 }, () => tenDaysAgo);
		const accounts = Array.from({ length: 5 }, (_, index) => accountWith({ id: idOf(index) }));
		const plan = buildPlan(input(accounts, { closuresAt }));
		expect(plan.totals).toEqual({ act: 2, wait: 3, refused: 0 });
		expect(plan.allowance).toMatchObject({ used: 248, left: 2, leftAfter: 0 });
		const waits = plan.entries.filter((entry) => entry.outcome.kind === 'wait');
		// The oldest closures leave the window 30 days after they were made.
		for (const entry of waits) expect(entry.outcome).toMatchObject({ until: '2026-07-05T12:00:00.000Z' });
		expect(plan.nextSlotAt).toBe('2026-07-05T12:00:00.000Z');
	});

	it('dates a slot that only a closure of this batch frees 30 days after now', () => {
		const dates = slotDates([], 2, 2, 2, NOW);
		expect(dates).toEqual(['2026-07-15T12:00:00.000Z', '2026-07-15T12:00:00.000Z']);
		// With one closure 29 days ago and a limit of 1: the first slot frees tomorrow, the next 30 days after it.
		const old = '2026-05-17T12:00:00.000Z';
		expect(slotDates([old], 0, 2, 1, NOW)).toEqual(['2026-06-16T12:00:00.000Z', '2026-07-16T12:00:00.000Z']);
	});

	it('removal refuses closed members and known delegated administrators, and frees quota slots', () => {
		const accounts = [
			accountWith({ id: idOf(1) }),
			accountWith({ id: idOf(2), state: 'CLOSED' }),
			accountWith({ id: idOf(3) }),
			accountWith({ id: MANAGEMENT }),
		];
		const plan = buildPlan(input(accounts, { verb: 'remove', delegatedAdministrators: new Set([idOf(3)]) }));
		expect(plan.acting).toEqual([idOf(1)]);
		const codes = plan.entries.map((entry) => (entry.outcome.kind === 'refused' ? entry.outcome.code : 'act'));
		expect(codes).toEqual(['act', 'closed-cannot-leave', 'delegated-administrator', 'management-account']);
		expect(plan.quota).toEqual({ before: 101, after: 100, limit: 200 });
		expect(plan.allowance).toBeUndefined();
	});

	it('quarantine skips accounts already in the OU; move back needs the former parent on record', () => {
		const accounts = [
			accountWith({ id: idOf(1) }),
			accountWith({ id: idOf(2), parentId: 'ou-q', parentPath: 'Root/Suspended' }),
		];
		const quarantine = { ouId: 'ou-q', ouPath: 'Root/Suspended' };
		const plan = buildPlan(input(accounts, { verb: 'quarantine', quarantine }));
		expect(plan.acting).toEqual([idOf(1)]);
		const back = buildPlan(
			input([...accounts, accountWith({ id: idOf(3), parentId: 'ou-q' })], {
				verb: 'move-back',
				quarantine,
				formerParents: new Map([[idOf(2), 'ou-dev']]),
			}),
		);
		expect(back.acting).toEqual([idOf(2)]);
		const codes = back.entries.map((entry) => (entry.outcome.kind === 'refused' ? entry.outcome.code : 'act'));
		expect(codes).toEqual(['not-quarantined', 'act', 'no-former-parent']);
	});

	it('counts an account that left the organization as refused, and each id once', () => {
		const one = accountWith({ id: idOf(1) });
		const plan = buildPlan(input([one], { accountIds: [idOf(1), idOf(1), idOf(7)] }));
		expect(plan.entries).toHaveLength(2);
		expect(plan.entries[1]?.outcome).toMatchObject({ kind: 'refused', code: 'gone' });
	});

	it('plans 10,000 accounts in well under a second', () => {
		const accounts = Array.from({ length: 10_000 }, (_, index) => accountWith({ id: idOf(index) }));
		const started = performance.now();
		const plan = buildPlan(input(accounts, { memberCount: 10_000 }));
		expect(performance.now() - started).toBeLessThan(1000);
		expect(plan.totals.act + plan.totals.wait).toBe(10_000);
		expect(plan.totals.act).toBe(1000);
	});
});

describe('the batch checklist', () => {
	const known = <T>(value: T) => ({ known: true as const, value });
	function facts(govCloud: string | null): AccountFacts {
		const contact = { type: 'BILLING' as const, name: 'n', email: 'e', phone: 'p', title: 't' };
		return {
			regions: known([{ name: 'us-east-1', status: 'ENABLED_BY_DEFAULT' as const }]),
			primaryEmail: known('root@example.com'),
			alternateContacts: known({ BILLING: contact, OPERATIONS: null, SECURITY: contact }),
			govCloud: known(govCloud === null ? null : { accountId: govCloud }),
		};
	}

	it('gives each item once with the facts summed and the unknowns with their reason', () => {
		const accounts = Array.from({ length: 4 }, (_, index) => accountWith({ id: idOf(index) }));
		const map = new Map<string, AccountFacts>([
			[idOf(0), facts('999999999991')],
			[idOf(1), facts(null)],
			[idOf(2), { ...facts(null), govCloud: { known: false, reason: 'AccessDeniedException: trusted access is off' } }],
		]);
		const items = batchChecklist({ accounts, facts: map, notReadReason: 'still reading' });
		expect(items.map((item) => item.id)).toEqual([
			'data',
			'domains',
			'commitments',
			'bills',
			'root-access',
			'contacts',
			'govcloud',
		]);
		const govcloud = items.find((item) => item.id === 'govcloud')?.facts[0]?.text;
		expect(govcloud).toBe(
			`1 of 4 have a linked GovCloud account: ${idOf(0)}; unknown for 1 (AccessDeniedException: trusted access is off): ${idOf(2)}; not read for 1 (still reading)`,
		);
		const contacts = items.find((item) => item.id === 'contacts')?.facts[0]?.text;
		expect(contacts).toContain(`3 of 4 lack one or more: ${idOf(0)}, ${idOf(1)}, ${idOf(2)}`);
		const root = items.find((item) => item.id === 'root-access');
		expect(root?.detail).toContain('4 of 4 were created by the organization');
	});
});

describe('the quarantine policy', async () => {
	const { breakGlassProblem, denyAllPolicy, quarantineSteps } = await import(
		'../../../source/domain/batch/quarantine.js'
	);
	it('denies everything, and exempts a break-glass role through aws:PrincipalArn', () => {
		expect(JSON.parse(denyAllPolicy())).toEqual({
			Version: '2012-10-17',
			Statement: [{ Sid: 'QuarantineDenyAll', Effect: 'Deny', Action: '*', Resource: '*' }],
		});
		const exempt = JSON.parse(denyAllPolicy('arn:aws:iam::*:role/BreakGlass'));
		expect(exempt.Statement[0].Condition).toEqual({
			ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/BreakGlass' },
		});
		expect(breakGlassProblem('arn:aws:iam::*:role/BreakGlass')).toBeUndefined();
		expect(breakGlassProblem('BreakGlass')).toContain('not a role ARN pattern');
	});

	it('says what the confirmation also sets up', () => {
		const steps = quarantineSteps(
			{ rootId: 'r-1', scpEnabled: false, ou: undefined, policy: undefined },
			'Suspended',
			'deny',
		);
		expect(steps).toHaveLength(4);
		expect(steps[0]).toContain('EnablePolicyType');
		expect(
			quarantineSteps(
				{
					rootId: 'r-1',
					scpEnabled: true,
					ou: { id: 'ou-1', path: 'Root/Suspended' },
					policy: { id: 'p-1', attached: true },
				},
				'Suspended',
				'deny',
			),
		).toEqual([]);
	});
});

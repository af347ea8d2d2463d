import { describe, expect, it } from 'vitest';
import type { Account, AccountState } from '../../source/domain/account.js';
import {
	addDays,
	CLOSURE_WINDOW_DAYS,
	closureAllowance,
	countedWithInvitations,
	countPendingInvitations,
	DOCUMENTED_DEFAULT_LIMIT,
	deletionDate,
	findAccountQuota,
	POST_CLOSURE_DAYS,
	QUOTA_SOURCE_LABEL,
	quotaLevel,
	quotaSourceLabel,
	quotaUsage,
	resolveQuotaLimit,
} from '../../source/domain/quota.js';

const DAY_MS = 24 * 60 * 60 * 1000;
let serial = 0;

function account(state: AccountState, closedAt?: string): Account {
	serial++;
	return {
		id: String(200000000000 + serial),
		name: `account ${serial}`,
		email: `a${serial}@example.com`,
		state,
		stateSource: 'State',
		joinedMethod: 'CREATED',
		joinedAt: '2024-01-01T00:00:00.000Z',
		parentId: 'r-abcd',
		parentPath: 'Root',
		...(closedAt ? { closedAt } : {}),
	};
}

describe('quotaUsage', () => {
	it('counts every listed account: the management account and closed members included', () => {
		const accounts = [
			account('ACTIVE'), // the management account is listed like any other
			account('ACTIVE'),
			account('PENDING_ACTIVATION'),
			account('SUSPENDED'),
			account('PENDING_CLOSURE', '2025-03-01T00:00:00.000Z'),
			account('CLOSED', '2025-02-01T00:00:00.000Z'),
		];
		const usage = quotaUsage(accounts);
		expect(usage.counted).toBe(6);
		expect(usage.closedAwaitingDeletion).toBe(2);
	});

	it('is all zeros for an empty list', () => {
		expect(quotaUsage([])).toEqual({
			counted: 0,
			closedAwaitingDeletion: 0,
			soonestDeletion: undefined,
			closedWithUnknownDate: 0,
		});
	});

	it('does not count accounts suspended by AWS as closed', () => {
		const usage = quotaUsage([account('SUSPENDED'), account('ACTIVE')]);
		expect(usage.closedAwaitingDeletion).toBe(0);
		expect(usage.soonestDeletion).toBeUndefined();
	});

	it('counts a SUSPENDED account as closed when the legacy Status said so or its closure is on record', () => {
		const legacy: Account = { ...account('SUSPENDED'), stateSource: 'Status' };
		const recorded = account('SUSPENDED');
		const byAws = account('SUSPENDED');
		const usage = quotaUsage([legacy, recorded, byAws], new Map([[recorded.id, '2025-01-01T00:00:00.000Z']]));
		expect(usage.closedAwaitingDeletion).toBe(2);
		expect(usage.closedWithUnknownDate).toBe(1);
		expect(usage.soonestDeletion).toBe('2025-04-01T00:00:00.000Z');
	});

	it('gives the soonest deletion date: 90 days after the earliest closure', () => {
		const usage = quotaUsage([
			account('CLOSED', '2025-03-10T12:00:00.000Z'),
			account('CLOSED', '2025-01-15T08:30:00.000Z'),
			account('PENDING_CLOSURE', '2025-04-01T00:00:00.000Z'),
			account('ACTIVE'),
		]);
		expect(usage.soonestDeletion).toBe('2025-04-15T08:30:00.000Z');
		expect(usage.closedWithUnknownDate).toBe(0);
	});

	it('compares closure dates as dates, whatever their written form', () => {
		const usage = quotaUsage([
			account('CLOSED', '2025-03-01T00:00:00+02:00'), // 2025-02-28T22:00Z, the earlier one
			account('CLOSED', '2025-02-28T23:00:00.000Z'),
		]);
		expect(usage.soonestDeletion).toBe(deletionDate('2025-02-28T22:00:00.000Z'));
	});

	it('counts closed accounts whose closure date is unknown apart, and gives no date for them', () => {
		const usage = quotaUsage([
			account('CLOSED'),
			account('PENDING_CLOSURE'),
			account('CLOSED', '2025-01-01T00:00:00.000Z'),
		]);
		expect(usage.closedAwaitingDeletion).toBe(3);
		expect(usage.closedWithUnknownDate).toBe(2);
		expect(usage.soonestDeletion).toBe('2025-04-01T00:00:00.000Z');
	});

	it('has no soonest date when no closure date is known', () => {
		const usage = quotaUsage([account('CLOSED'), account('CLOSED')]);
		expect(usage.closedWithUnknownDate).toBe(2);
		expect(usage.soonestDeletion).toBeUndefined();
	});

	it('takes closure dates from the map (the journal) where the account has none', () => {
		const closed = account('CLOSED');
		const alsoClosed = account('CLOSED', '2025-05-01T00:00:00.000Z');
		const dates = new Map([
			[closed.id, '2025-02-01T00:00:00.000Z'],
			[alsoClosed.id, '2024-01-01T00:00:00.000Z'], // the account's own date wins
		]);
		const usage = quotaUsage([closed, alsoClosed], dates);
		expect(usage.closedWithUnknownDate).toBe(0);
		expect(usage.soonestDeletion).toBe(deletionDate('2025-02-01T00:00:00.000Z'));
	});

	it('treats an unreadable closure date as unknown instead of failing', () => {
		const usage = quotaUsage([account('CLOSED', 'not a date'), account('CLOSED', '2025-01-01T00:00:00.000Z')]);
		expect(usage.closedAwaitingDeletion).toBe(2);
		expect(usage.closedWithUnknownDate).toBe(1);
		expect(usage.soonestDeletion).toBe('2025-04-01T00:00:00.000Z');
	});
});

describe('findAccountQuota', () => {
	const others = [
		{ code: 'L-0BE9B1B7', name: 'Maximum number of organizational units', value: 1000 },
		{ code: 'L-8B9E28C1', name: 'Maximum number of policies', value: 1000 },
	];

	it('finds the accounts quota by either known code', () => {
		expect(findAccountQuota([...others, { code: 'L-29A0C5DF', name: 'whatever', value: 500 }])?.value).toBe(500);
		expect(findAccountQuota([...others, { code: 'L-E619E033', name: 'whatever', value: 700 }])?.value).toBe(700);
	});

	it('finds it by its name when the code has changed', () => {
		const renamed = { code: 'L-NEW00001', name: 'Maximum number of accounts', value: 320 };
		expect(findAccountQuota([...others, renamed])).toEqual(renamed);
		const old = { code: 'L-NEW00002', name: 'Default maximum number of accounts', value: 40 };
		expect(findAccountQuota([...others, old])).toEqual(old);
	});

	it('prefers a known code to a name, and skips entries without a usable value', () => {
		const byName = { code: 'L-NEW00001', name: 'Maximum number of accounts', value: 320 };
		const byCode = { code: 'L-E619E033', name: 'Something else', value: 900 };
		expect(findAccountQuota([byName, byCode])).toEqual(byCode);
		expect(findAccountQuota([{ code: 'L-29A0C5DF', name: 'Maximum number of accounts' }, byName])).toEqual(byName);
	});

	it('finds nothing among other quotas, nor in a name that only mentions accounts', () => {
		expect(findAccountQuota(others)).toBeUndefined();
		expect(findAccountQuota([{ code: 'L-X', name: 'Maximum number of accounts closed per month', value: 5 }])).toBe(
			undefined,
		);
		expect(findAccountQuota([])).toBeUndefined();
	});
});

describe('resolveQuotaLimit', () => {
	it('prefers the value Service Quotas applies, naming its code', () => {
		expect(resolveQuotaLimit({ applied: 500, awsDefault: 10, quotaCode: 'L-E619E033' }, 42)).toEqual({
			limit: 500,
			source: 'service-quotas',
			quotaCode: 'L-E619E033',
		});
	});

	it('falls back to the AWS default when no applied value came back and the user set nothing', () => {
		expect(resolveQuotaLimit({ awsDefault: 10, unavailableReason: 'NoSuchResourceException' })).toEqual({
			limit: 10,
			source: 'aws-default',
		});
	});

	it("lets the user's setting win over a bare AWS default, which only reflects the unraised quota", () => {
		expect(resolveQuotaLimit({ awsDefault: 10, quotaCode: 'L-29A0C5DF' }, 42)).toEqual({
			limit: 42,
			source: 'user-setting',
		});
	});

	it("falls back to the user's setting when Service Quotas gave nothing", () => {
		expect(resolveQuotaLimit({ unavailableReason: 'AccessDeniedException' }, 42)).toEqual({
			limit: 42,
			source: 'user-setting',
		});
	});

	it('ends with the documented default of 10', () => {
		expect(resolveQuotaLimit({})).toEqual({ limit: DOCUMENTED_DEFAULT_LIMIT, source: 'documented-default' });
		expect(DOCUMENTED_DEFAULT_LIMIT).toBe(10);
	});

	it('skips invalid values at every step', () => {
		for (const bad of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
			expect(resolveQuotaLimit({ applied: bad, awsDefault: 10 }).source).toBe('aws-default');
			expect(resolveQuotaLimit({ applied: bad, awsDefault: bad }, 42).source).toBe('user-setting');
			expect(resolveQuotaLimit({ applied: bad, awsDefault: bad }, bad)).toEqual({
				limit: 10,
				source: 'documented-default',
			});
		}
	});

	it('labels every source, naming the Service Quotas code it came from', () => {
		expect(quotaSourceLabel({ limit: 500, source: 'service-quotas', quotaCode: 'L-E619E033' })).toBe(
			'Service Quotas L-E619E033',
		);
		expect(quotaSourceLabel({ limit: 42, source: 'user-setting' })).toContain('--quota');
		expect(Object.keys(QUOTA_SOURCE_LABEL).sort()).toEqual(
			['aws-default', 'documented-default', 'service-quotas', 'user-setting'].sort(),
		);
	});
});

describe('quotaLevel', () => {
	it('is ok well below the limit', () => {
		expect(quotaLevel(5, 10)).toBe('ok');
		expect(quotaLevel(8, 10)).toBe('ok');
		expect(quotaLevel(899, 1000)).toBe('ok');
	});

	it('is near at 90% or more', () => {
		expect(quotaLevel(900, 1000)).toBe('near');
		expect(quotaLevel(999, 1000)).toBe('near');
	});

	it('is near with one slot left, even far from 90%', () => {
		expect(quotaLevel(9, 10)).toBe('near');
		expect(quotaLevel(1, 2)).toBe('near');
	});

	it('is full at the limit and over past it', () => {
		expect(quotaLevel(10, 10)).toBe('full');
		expect(quotaLevel(11, 10)).toBe('over');
		expect(quotaLevel(10_001, 10_000)).toBe('over');
	});
});

describe('closureAllowance', () => {
	const now = new Date('2025-06-30T12:00:00.000Z');
	const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();

	it('is the higher of 250 or 20% of the members, at most 1,000', () => {
		expect(closureAllowance(0, [], now).limit).toBe(250);
		expect(closureAllowance(40, [], now).limit).toBe(250);
		expect(closureAllowance(1_250, [], now).limit).toBe(250);
		expect(closureAllowance(1_255, [], now).limit).toBe(251);
		expect(closureAllowance(2_500, [], now).limit).toBe(500);
		expect(closureAllowance(5_000, [], now).limit).toBe(1000);
		expect(closureAllowance(6_000, [], now).limit).toBe(1000);
		expect(closureAllowance(50_000, [], now).limit).toBe(1000);
	});

	it('lets an organization of 60 members close far more than the old 10', () => {
		const ten = Array.from({ length: 10 }, (_, i) => daysAgo(i + 0.5));
		expect(closureAllowance(60, ten, now)).toEqual({ limit: 250, used: 10, left: 240, spent: false });
	});

	it('rounds 20% down: an allowance is a whole number of closures', () => {
		expect(closureAllowance(1_259, [], now).limit).toBe(251);
	});

	it('counts closures inside the rolling 30 days only', () => {
		const allowance = closureAllowance(100, [daysAgo(1), daysAgo(29.9), daysAgo(30.1), daysAgo(75)], now);
		expect(allowance).toEqual({ limit: 250, used: 2, left: 248, spent: false });
	});

	it('drops a closure exactly 30 days old and keeps one a millisecond younger', () => {
		const edge = now.getTime() - CLOSURE_WINDOW_DAYS * DAY_MS;
		expect(closureAllowance(100, [new Date(edge).toISOString()], now).used).toBe(0);
		expect(closureAllowance(100, [new Date(edge + 1).toISOString()], now).used).toBe(1);
		expect(closureAllowance(100, [now.toISOString()], now).used).toBe(1);
	});

	it('is spent when the window holds as many closures as allowed, and never goes below zero', () => {
		const full = Array.from({ length: 250 }, (_, i) => daysAgo((i % 29) + 0.5));
		expect(closureAllowance(40, full, now)).toEqual({ limit: 250, used: 250, left: 0, spent: true });
		expect(closureAllowance(40, [...full, daysAgo(0.1)], now)).toEqual({ limit: 250, used: 251, left: 0, spent: true });
		expect(closureAllowance(40, full.slice(1), now).spent).toBe(false);
	});

	it('ignores closure dates it cannot read', () => {
		expect(closureAllowance(100, ['yesterday', daysAgo(1)], now).used).toBe(1);
	});
});

describe('deletionDate', () => {
	it('is 90 days after the closure, to the millisecond', () => {
		expect(POST_CLOSURE_DAYS).toBe(90);
		expect(deletionDate('2025-01-01T00:00:00.000Z')).toBe('2025-04-01T00:00:00.000Z');
		expect(deletionDate('2024-12-15T18:45:30.250Z')).toBe('2025-03-15T18:45:30.250Z');
	});

	it('counts days of 24 hours, across leap days and daylight-saving changes', () => {
		expect(deletionDate('2024-02-01T00:00:00.000Z')).toBe('2024-05-01T00:00:00.000Z');
		expect(deletionDate('2025-03-01T10:00:00+01:00')).toBe('2025-05-30T09:00:00.000Z');
	});

	it('agrees with addDays', () => {
		expect(deletionDate('2025-01-01T00:00:00.000Z')).toBe(addDays('2025-01-01T00:00:00.000Z', POST_CLOSURE_DAYS));
	});
});

describe('pending invitations', () => {
	const usage = { counted: 30, closedAwaitingDeletion: 0, soonestDeletion: undefined, closedWithUnknownDate: 0 };

	it('counts open and requested handshakes only', () => {
		expect(
			countPendingInvitations(['OPEN', 'REQUESTED', 'ACCEPTED', 'DECLINED', 'CANCELED', 'EXPIRED', undefined]),
		).toBe(2);
		expect(countPendingInvitations([])).toBe(0);
	});

	it('add to the accounts that count when known, and nothing when unknown', () => {
		expect(countedWithInvitations(usage, { known: true, count: 3 })).toBe(33);
		expect(countedWithInvitations(usage, { known: false, reason: 'not implemented' })).toBe(30);
		expect(countedWithInvitations(usage, undefined)).toBe(30);
	});
});

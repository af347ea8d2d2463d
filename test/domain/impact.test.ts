import { describe, expect, it } from 'vitest';
import {
	type AccountImpact,
	delegatedAdministratorRefusal,
	delegatedServicesOf,
	displayImpact,
	formatMoney,
	IMPACT_SOURCES,
	impactLines,
	knownItem,
	type OrganizationImpact,
	spendByAccount,
	spendOf,
	spendPeriod,
	unknownFromError,
	unknownItem,
	unknownReasonOf,
} from '../../source/domain/impact.js';

const impact: AccountImpact = {
	delegatedServices: knownItem(IMPACT_SOURCES.delegatedServices, ['guardduty.amazonaws.com']),
	stackInstances: knownItem(IMPACT_SOURCES.stackInstances, [
		{ stackSet: 'baseline', region: 'us-east-1', permissionModel: 'SERVICE_MANAGED' as const },
		{ stackSet: 'baseline', region: 'eu-west-1', permissionModel: 'SERVICE_MANAGED' as const },
		{ stackSet: 'logging', region: 'us-east-1', permissionModel: 'SELF_MANAGED' as const },
	]),
	identityCenter: knownItem(IMPACT_SOURCES.identityCenter, { permissionSets: ['AdministratorAccess'], assignments: 3 }),
	policies: knownItem(IMPACT_SOURCES.policies, [{ type: 'SERVICE_CONTROL_POLICY', name: 'DenyLeave', id: 'p-1' }]),
	tags: knownItem(IMPACT_SOURCES.tags, [{ key: 'env', value: 'prod' }]),
	spend: knownItem(IMPACT_SOURCES.spend, { month: '2026-11', lastMonth: 1234.5, monthToDate: 0.2, currency: 'USD' }),
};

describe('unknownReasonOf', () => {
	it.each([
		[{ code: 'AccessDeniedException', message: 'not authorized' }, 'permission-missing'],
		[{ code: 'AccessDenied' }, 'permission-missing'],
		[
			{
				code: 'ValidationError',
				message: 'You must enable organizations access to operate a service managed stack set',
			},
			'failed',
		],
		[{ code: 'AccessDeniedException', message: 'Trusted access is not enabled for sso' }, 'trusted-access-off'],
		[{ code: 'UnrecognizedResponse', message: 'answered HTTP 404' }, 'not-implemented'],
		[{ code: 'InternalFailure', message: 'The get_cost_and_usage action has not been implemented' }, 'not-implemented'],
		[{ code: 'PolicyTypeNotEnabledException' }, 'service-not-enabled'],
		[{ code: 'DataUnavailableException' }, 'service-not-enabled'],
		[{ code: 'ThrottlingException' }, 'failed'],
	] as const)('%o -> %s', (error, reason) => {
		expect(unknownReasonOf(error)).toBe(reason);
	});

	it('says what to do next, with the call that failed', () => {
		const item = unknownFromError(IMPACT_SOURCES.tags, { code: 'AccessDeniedException', message: 'no' });
		expect(item).toMatchObject({ known: false, reason: 'permission-missing', source: IMPACT_SOURCES.tags });
		expect(item.known ? '' : item.detail).toContain('grant the caller organizations:ListTagsForResource');
	});
});

describe('spendPeriod', () => {
	it('covers the last full month and the month to date in one period', () => {
		expect(spendPeriod(new Date('2026-12-15T10:00:00Z'))).toEqual({
			start: '2026-11-01',
			end: '2026-12-15',
			monthStart: '2026-12-01',
			month: '2026-11',
		});
	});

	it('crosses the year in January', () => {
		expect(spendPeriod(new Date('2027-01-01T00:30:00Z'))).toMatchObject({ start: '2026-12-01', month: '2026-12' });
	});
});

describe('spendByAccount', () => {
	const period = spendPeriod(new Date('2026-12-15T10:00:00Z'));

	it('splits the last full month from the month to date', () => {
		const spend = spendByAccount(
			[
				{ start: '2026-11-01', groups: [{ accountId: '1', amount: 100, unit: 'USD' }] },
				{
					start: '2026-12-01',
					groups: [
						{ accountId: '1', amount: 10.5, unit: 'USD' },
						{ accountId: '2', amount: 3, unit: 'USD' },
					],
				},
			],
			period,
		);
		expect(spend).toEqual({
			'1': { month: '2026-11', lastMonth: 100, monthToDate: 10.5, currency: 'USD' },
			'2': { month: '2026-11', lastMonth: 0, monthToDate: 3, currency: 'USD' },
		});
	});

	it('takes an account Cost Explorer does not list as having spent nothing', () => {
		const organization: OrganizationImpact = {
			delegatedAdministrators: knownItem(IMPACT_SOURCES.delegatedAdministrators, {}),
			spend: knownItem(IMPACT_SOURCES.spend, {
				'1': { month: '2026-11', lastMonth: 5, monthToDate: 1, currency: 'EUR' },
			}),
		};
		expect(spendOf('2', organization, new Date('2026-12-15T00:00:00Z'))).toEqual(
			knownItem(IMPACT_SOURCES.spend, { month: '2026-11', lastMonth: 0, monthToDate: 0, currency: 'EUR' }),
		);
	});

	it('is unknown, not zero, before the scan and when Cost Explorer could not be read', () => {
		expect(spendOf('1', undefined, new Date())).toMatchObject({ known: false, reason: 'not-read' });
		const organization: OrganizationImpact = {
			delegatedAdministrators: knownItem(IMPACT_SOURCES.delegatedAdministrators, {}),
			spend: unknownFromError(IMPACT_SOURCES.spend, { code: 'AccessDeniedException' }),
		};
		expect(spendOf('1', organization, new Date())).toMatchObject({ known: false, reason: 'permission-missing' });
	});
});

describe('delegated administrators', () => {
	it('refuses removal with the command that ends each delegation', () => {
		const refusal = delegatedAdministratorRefusal('204815739210', [
			'guardduty.amazonaws.com',
			'securityhub.amazonaws.com',
		]);
		expect(refusal?.code).toBe('delegated-administrator');
		expect(refusal?.next).toContain(
			'aws organizations deregister-delegated-administrator --account-id 204815739210 --service-principal guardduty.amazonaws.com',
		);
		expect(refusal?.next).toContain('--service-principal securityhub.amazonaws.com');
	});

	it('does not refuse an account that administers nothing, or when it is not known', () => {
		expect(delegatedAdministratorRefusal('1', [])).toBeUndefined();
		expect(delegatedAdministratorRefusal('1', undefined)).toBeUndefined();
	});

	it('reads an account out of the organization scan, or says it is not known', () => {
		const organization: OrganizationImpact = {
			delegatedAdministrators: knownItem(IMPACT_SOURCES.delegatedAdministrators, { '1': ['a.amazonaws.com'] }),
			spend: unknownItem(IMPACT_SOURCES.spend, 'not-read', 'later'),
		};
		expect(delegatedServicesOf('1', organization)).toEqual(['a.amazonaws.com']);
		expect(delegatedServicesOf('2', organization)).toEqual([]);
		expect(delegatedServicesOf('1', undefined)).toBeUndefined();
	});
});

describe('impactLines', () => {
	it('gives every item with its source, and what removal does to it', () => {
		const lines = impactLines(impact, 'remove');
		expect(lines.map((entry) => entry.label)).toEqual([
			'Delegated admin',
			'StackSets',
			'Identity Center',
			'Policies',
			'Tags',
			'Spend',
		]);
		for (const entry of lines) expect(entry.source).not.toBe('');
		expect(lines[0]?.note).toContain('deregister');
		expect(lines[1]?.value).toBe(
			'3 instances of 2 StackSets: baseline (us-east-1), baseline (eu-west-1), logging (us-east-1)',
		);
		expect(lines[2]?.value).toBe('1 permission set (AdministratorAccess), 3 assignments');
		expect(lines[4]?.note).toContain('lost on removal');
	});

	it('says that Reserved Instances and Savings Plans keep billing after closure, next to the figure', () => {
		const spend = impactLines(impact, 'close').find((entry) => entry.label === 'Spend');
		expect(spend?.value).toBe('2026-11: 1,234.50 USD; this month so far: 0.20 USD');
		expect(spend?.note).toContain('Reserved Instances and Savings Plans keep billing after closure');
	});

	it('shows an unknown item with its reason, never as empty', () => {
		const lines = impactLines(
			{ ...impact, identityCenter: unknownFromError(IMPACT_SOURCES.identityCenter, { code: 'UnrecognizedResponse' }) },
			'details',
		);
		expect(lines[2]).toMatchObject({ unknown: true, source: IMPACT_SOURCES.identityCenter });
		expect(lines[2]?.value).toContain('the endpoint does not implement it');
	});

	it('makes text from AWS display-safe', () => {
		const safe = displayImpact({
			...impact,
			tags: knownItem(IMPACT_SOURCES.tags, [{ key: 'a\u001b[2J', value: 'b' }]),
		});
		expect(JSON.stringify(safe.tags)).not.toContain('\u001b');
	});

	it('formats money with two decimals and the currency', () => {
		expect(formatMoney(1234567.891, 'USD')).toBe('1,234,567.89 USD');
	});
});

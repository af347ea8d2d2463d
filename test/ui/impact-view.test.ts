import { describe, expect, it } from 'vitest';
import { IMPACT_SOURCES, knownItem, type OrganizationImpact, unknownFromError } from '../../source/domain/impact.js';
import { delegatedAccountIds, lastMonthText } from '../../source/ui/impact-view.js';

const scan: OrganizationImpact = {
	delegatedAdministrators: knownItem(IMPACT_SOURCES.delegatedAdministrators, { '1': ['guardduty.amazonaws.com'] }),
	spend: knownItem(IMPACT_SOURCES.spend, {
		'1': { month: '2026-11', lastMonth: 1234.5, monthToDate: 1, currency: 'USD' },
		'2': { month: '2026-11', lastMonth: 1_234_567.4, monthToDate: 1, currency: 'USD' },
	}),
};

describe('the impact scan in the list', () => {
	it('marks the delegated administrators the scan names, none while it is not known', () => {
		expect([...delegatedAccountIds(scan)]).toEqual(['1']);
		expect(delegatedAccountIds(undefined).size).toBe(0);
	});

	it('gives the last month in the cost column: 0 for an account Cost Explorer does not list, ? while unknown', () => {
		const text = lastMonthText(scan);
		expect(text('1')).toBe('1,234.50 USD');
		expect(text('2')).toBe('1,234,567 USD');
		expect(text('3')).toBe('0.00 USD');
		const denied = lastMonthText({ ...scan, spend: unknownFromError(IMPACT_SOURCES.spend, { code: 'AccessDenied' }) });
		expect(denied('1')).toBe('?');
		expect(lastMonthText(undefined)('1')).toBe('?');
	});
});

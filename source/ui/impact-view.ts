/** What the list shows of the impact scan: the delegated administrators' badge and the cost column's text. Pure. */
import { formatMoney, type OrganizationImpact } from '../domain/impact.js';

const NONE: ReadonlySet<string> = new Set();

/** Accounts the organization scan names as delegated administrators. */
export function delegatedAccountIds(scan: OrganizationImpact | undefined): ReadonlySet<string> {
	if (!scan?.delegatedAdministrators.known) return NONE;
	return new Set(Object.keys(scan.delegatedAdministrators.value));
}

/** The cost column's text for an account: its last full month, '?' while unknown (never 0 for unknown). */
export function lastMonthText(scan: OrganizationImpact | undefined): (accountId: string) => string {
	const spend = scan?.spend;
	if (!spend?.known) return () => '?';
	const currency = Object.values(spend.value)[0]?.currency ?? 'USD';
	return (accountId) => {
		const amount = spend.value[accountId]?.lastMonth ?? 0;
		// Cents only where they fit the column: a six-figure month is shown to the unit.
		return amount >= 100_000
			? `${Math.round(amount).toLocaleString('en-US')} ${currency}`
			: formatMoney(amount, spend.value[accountId]?.currency ?? currency);
	};
}

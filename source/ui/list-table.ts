/**
 * `orgdash list` without --json: the accounts as a boxed table, like
 * `aws --output table`, fitted to a width. Pure; the text is display-safe
 * (escape sequences from AWS made visible) and a cut cell ends with `…`
 * (`>` where `…` would not render, see rendersEllipsis).
 */
import { count, plural } from './format.js';
import type { ListDocument, ListedAccount } from './list-document.js';
import { displayWidth, fitWidth, sanitize } from './text.js';

interface TableColumn {
	readonly title: string;
	readonly cell: (account: ListedAccount) => string;
	/** Narrowest it is cut to when the table is too wide; equal to its widest value: never cut. */
	readonly min: number;
	/** Which end of a cut value stays. */
	readonly keep: 'start' | 'end';
}

const COLUMNS: readonly TableColumn[] = [
	{ title: 'Id', cell: (account) => account.id, min: 12, keep: 'start' },
	{ title: 'Name', cell: (account) => account.name, min: 8, keep: 'start' },
	{ title: 'Email', cell: (account) => account.email, min: 8, keep: 'start' },
	{ title: 'State', cell: (account) => account.state, min: 18, keep: 'start' },
	{ title: 'OU', cell: (account) => account.parentPath, min: 6, keep: 'end' },
	{ title: 'Joined', cell: (account) => account.joinedAt.slice(0, 10), min: 10, keep: 'start' },
];

/** Each column's width: its widest value, then the widest columns cut, one column at a time, until the row fits. */
function columnWidths(cells: readonly string[][], width: number): number[] {
	const widths = COLUMNS.map((column, index) =>
		Math.max(displayWidth(column.title), ...cells.map((row) => displayWidth(row[index] as string))),
	);
	// "| a | b |": 3 columns of border and padding per column, plus the last border.
	const room = width - (3 * COLUMNS.length + 1);
	let total = widths.reduce((sum, value) => sum + value, 0);
	while (total > room) {
		let widest = -1;
		for (let index = 0; index < widths.length; index++) {
			const column = COLUMNS[index] as TableColumn;
			if ((widths[index] as number) <= column.min) continue;
			if (widest === -1 || (widths[index] as number) > (widths[widest] as number)) widest = index;
		}
		if (widest === -1) break;
		widths[widest] = (widths[widest] as number) - 1;
		total -= 1;
	}
	return widths;
}

/** The table as lines: a title, the column titles, and one row per account (no trailing newline). */
export function accountTable(title: string, accounts: readonly ListedAccount[], width: number): string[] {
	const cells = accounts.map((account) => COLUMNS.map((column) => sanitize(column.cell(account))));
	const widths = columnWidths(cells, width);
	// A narrow table (few or short rows) is widened for its title, as far as the width allows.
	const titleRoom = Math.min(width - 2, displayWidth(sanitize(title)) + 2);
	const last = widths.length - 1;
	const narrowBy = titleRoom - (widths.reduce((sum, value) => sum + value + 3, 0) - 1);
	if (narrowBy > 0) widths[last] = (widths[last] as number) + narrowBy;
	const inner = widths.reduce((sum, value) => sum + value + 3, 0) - 1;
	const rule = `+${widths.map((value) => '-'.repeat(value + 2)).join('+')}+`;
	const row = (values: readonly string[]) =>
		`| ${values.map((value, index) => fitWidth(value, widths[index] as number, (COLUMNS[index] as TableColumn).keep)).join(' | ')} |`;
	const titleText = fitWidth(` ${title}`, inner);
	return [
		`+${'-'.repeat(inner)}+`,
		`|${titleText}|`,
		rule,
		row(COLUMNS.map((column) => column.title)),
		rule,
		...cells.map(row),
		rule,
	];
}

/** The list document as a table: the organization and the count in the title, then the accounts in its order. */
export function listTable(document: ListDocument, width: number): string[] {
	const { organization, quota, accounts } = document;
	// Pending invitations count toward the quota too (unknown where the endpoint cannot list them).
	const invited = quota.pendingInvitations;
	const counting =
		invited === null
			? `${count(quota.counted)} of ${count(quota.limit)} count toward the quota, invitations unknown`
			: invited > 0
				? `${count(quota.counted + invited)} of ${count(quota.limit)} count toward the quota (${count(invited)} invited)`
				: `${count(quota.counted)} of ${count(quota.limit)} count toward the quota`;
	const title = `Accounts of ${organization.id}: ${plural(accounts.length, 'account')} listed; ${counting}`;
	return accountTable(title, accounts, width);
}

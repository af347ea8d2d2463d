/**
 * The account table's columns for a given terminal width: which columns fit
 * and how wide each is. Pure, so that truncation is tested without a screen.
 */
import type { Account } from '../domain/account.js';
import { fitWidth } from './text.js';

export type ColumnId = 'name' | 'id' | 'email' | 'state' | 'ou' | 'joined' | 'cost';

export interface Column {
	readonly id: ColumnId;
	readonly title: string;
	readonly width: number;
	/** Which end of a too-long value is kept: OU paths keep their deepest part. */
	readonly keep: 'start' | 'end';
}

interface ColumnSpec {
	readonly id: ColumnId;
	readonly title: string;
	readonly min: number;
	/** Fixed columns have max === min. */
	readonly max: number;
	/** Share of the spare width a flexible column gets. */
	readonly weight: number;
	readonly keep: 'start' | 'end';
}

const SPECS: readonly ColumnSpec[] = [
	{ id: 'name', title: 'NAME', min: 16, max: 40, weight: 3, keep: 'start' },
	{ id: 'id', title: 'ACCOUNT ID', min: 12, max: 12, weight: 0, keep: 'start' },
	{ id: 'email', title: 'EMAIL', min: 16, max: 44, weight: 3, keep: 'start' },
	{ id: 'state', title: 'STATE', min: 18, max: 18, weight: 0, keep: 'start' },
	{ id: 'ou', title: 'OU', min: 12, max: 48, weight: 3, keep: 'end' },
	{ id: 'joined', title: 'JOINED', min: 18, max: 18, weight: 0, keep: 'start' },
];

/** The last month's spend: shown while the list is sorted by it, and kept then as long as name, id and state fit. */
const COST_SPEC: ColumnSpec = { id: 'cost', title: 'LAST MONTH', min: 13, max: 13, weight: 0, keep: 'start' };

/** Dropped first when the terminal is too narrow for every column. */
const DROP_ORDER: readonly ColumnId[] = ['joined', 'ou', 'email'];

/** Width of the selection marker at the start of each row. */
export const MARKER_WIDTH = 3;
export const GAP = 1;

function minimumWidth(specs: readonly ColumnSpec[]): number {
	return specs.reduce((sum, spec) => sum + spec.min, 0) + GAP * Math.max(0, specs.length - 1);
}

/**
 * Columns that fit `width` terminal columns (marker included). Never wider than
 * `width`; on very narrow terminals the name column shrinks below its minimum.
 */
export function layoutColumns(width: number, options: { readonly cost?: boolean } = {}): Column[] {
	const available = Math.max(0, width - MARKER_WIDTH);
	let specs = [...SPECS];
	// Never dropped: on a narrow terminal the name gives way before the figure the list is sorted by.
	if (options.cost) specs.splice(specs.findIndex((spec) => spec.id === 'state') + 1, 0, COST_SPEC);
	for (const drop of DROP_ORDER) {
		if (minimumWidth(specs) <= available) break;
		specs = specs.filter((spec) => spec.id !== drop);
	}
	const widths = new Map<ColumnId, number>(specs.map((spec) => [spec.id, spec.min]));
	let spare = available - minimumWidth(specs);
	if (spare < 0) {
		// Narrower than name + id + state: give the name what is left, at least one column.
		const name = specs.find((spec) => spec.id === 'name') as ColumnSpec;
		widths.set('name', Math.max(1, name.min + spare));
		spare = 0;
	}
	// Hand out the spare width by weight, one column at a time, until every flexible column is at its max.
	let flexible = specs.filter((spec) => spec.weight > 0);
	while (spare > 0 && flexible.length > 0) {
		const totalWeight = flexible.reduce((sum, spec) => sum + spec.weight, 0);
		let given = 0;
		for (const spec of flexible) {
			const current = widths.get(spec.id) as number;
			const share = Math.max(1, Math.floor((spare * spec.weight) / totalWeight));
			const add = Math.min(share, spec.max - current, spare - given);
			if (add > 0) {
				widths.set(spec.id, current + add);
				given += add;
			}
		}
		spare -= given;
		flexible = flexible.filter((spec) => (widths.get(spec.id) as number) < spec.max);
		if (given === 0) break;
	}
	return specs.map((spec) => ({
		id: spec.id,
		title: spec.title,
		width: widths.get(spec.id) as number,
		keep: spec.keep,
	}));
}

/** Total width of a row laid out with these columns, marker included. */
export function rowWidth(columns: readonly Column[]): number {
	return MARKER_WIDTH + columns.reduce((sum, column) => sum + column.width, 0) + GAP * (columns.length - 1);
}

export function joinedLabel(account: Account): string {
	return `${account.joinedMethod} ${account.joinedAt.slice(0, 10)}`;
}

/** What a row shows besides the account itself. */
export interface RowExtras {
	/** The last month's spend, formatted; '?' when not known. */
	readonly cost?: string;
}

/** The text of one cell, before fitting. */
export function cellText(account: Account, column: ColumnId, extras: RowExtras = {}): string {
	switch (column) {
		case 'name':
			return account.name;
		case 'id':
			return account.id;
		case 'email':
			return account.email;
		case 'state':
			return account.state;
		case 'ou':
			return account.parentPath || '(unknown)';
		case 'joined':
			return joinedLabel(account);
		case 'cost':
			// Right-aligned: figures line up on their last digit.
			return (extras.cost ?? '?').padStart(COST_SPEC.min);
	}
}

/** Every cell of a row, each exactly its column's width. */
export function rowCells(account: Account, columns: readonly Column[], extras: RowExtras = {}): string[] {
	return columns.map((column) => fitWidth(cellText(account, column.id, extras), column.width, column.keep));
}

export function headerCells(columns: readonly Column[]): string[] {
	return columns.map((column) => fitWidth(column.title, column.width));
}

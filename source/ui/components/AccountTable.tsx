/**
 * The account list, windowed: only the rows on screen are rendered (a
 * 10,000-row tree would cost half a second per key press). Each row is one
 * line of exactly the columns' width; the selected row is inverted and marked.
 */
import { Box, Text, Transform } from 'ink';
import { memo, useMemo, useRef } from 'react';
import type { Account } from '../../domain/account.js';
import { rowKeys, type SortKey } from '../account-list.js';
import { type Column, type ColumnId, headerCells, MARKER_WIDTH, rowCells } from '../columns.js';
import { restoreCutMarks, standInCutMarks } from '../text.js';
import { StateBadge } from './StateBadge.js';

export interface AccountTableProps {
	/** The rows in the window, already sliced. */
	readonly rows: readonly Account[];
	/** Position of the selected row within `rows` (-1: none). */
	readonly selectedRow: number;
	readonly columns: readonly Column[];
	/** Lines for rows; the table always takes exactly this many, plus its header line. */
	readonly height: number;
	readonly sort: SortKey;
	readonly cachedIds: ReadonlySet<string>;
	/** Marked accounts (Space, V, A): a + before the name, and the row in bold. */
	readonly markedIds?: ReadonlySet<string>;
	/** The range being chosen with V, as positions within `rows` (may reach beyond them): a : before the name. */
	readonly rangeRows?: { readonly first: number; readonly last: number };
	readonly managementAccountId?: string;
	/** Delegated administrators (the impact scan): marked D. */
	readonly delegatedIds?: ReadonlySet<string>;
	/** Each account's last-month spend, formatted, for the cost column. */
	readonly costText?: (accountId: string) => string;
	/** Shown in place of rows when there are none. */
	readonly emptyMessage: string;
}

const SORT_COLUMN: Record<SortKey, ColumnId> = {
	name: 'name',
	id: 'id',
	state: 'state',
	ou: 'ou',
	joined: 'joined',
	cost: 'cost',
};

export function AccountTable(props: AccountTableProps) {
	const {
		rows,
		selectedRow,
		columns,
		height,
		sort,
		cachedIds,
		markedIds,
		rangeRows,
		managementAccountId,
		delegatedIds,
		costText,
		emptyMessage,
	} = props;
	const showsCost = columns.some((column) => column.id === 'cost');
	// Measured text: only a new layout or sort needs it again, not a key that moves the selection.
	const titles = useMemo(
		() => headerCells(columns.map((column) => (column.id === SORT_COLUMN[sort] ? sortedTitle(column, sort) : column))),
		[columns, sort],
	);
	const filler = Math.max(0, height - Math.max(rows.length, 1));
	// Each row's key: the last window's keys kept for the accounts still in it (see rowKeys).
	const lastKeys = useRef<ReadonlyMap<string, number>>(new Map());
	const keys = rowKeys(
		lastKeys.current,
		rows.map((account) => account.id),
	);
	lastKeys.current = keys;
	return (
		<Box flexDirection="column">
			<Text bold wrap="truncate-end">
				{`${' '.repeat(MARKER_WIDTH)}${titles.join(' ')}`}
			</Text>
			{rows.length === 0 ? (
				<Text dimColor wrap="truncate-end">{`${' '.repeat(MARKER_WIDTH)}${emptyMessage}`}</Text>
			) : (
				rows.map((account, index) => (
					<AccountRow
						key={keys.get(account.id)}
						account={account}
						columns={columns}
						selected={index === selectedRow}
						cached={cachedIds.has(account.id)}
						mark={markOf(account.id, index, markedIds, rangeRows)}
						management={account.id === managementAccountId}
						delegated={delegatedIds?.has(account.id) === true}
						cost={showsCost ? costText?.(account.id) : undefined}
					/>
				))
			)}
			{filler > 0 ? <Box height={filler} /> : null}
		</Box>
	);
}

/** The mark column: `+` marked, `:` in the range being chosen (V), else a space. ASCII only, like the cells. */
export type RowMark = '+' | ':' | ' ';

function markOf(
	id: string,
	row: number,
	markedIds: ReadonlySet<string> | undefined,
	range: AccountTableProps['rangeRows'],
): RowMark {
	if (markedIds?.has(id)) return '+';
	return range && row >= range.first && row <= range.last ? ':' : ' ';
}

function sortedTitle(column: Column, sort: SortKey): Column {
	return { ...column, title: `${column.title} ${sort === 'joined' ? '▼' : '▲'}` };
}

interface AccountRowProps {
	readonly account: Account;
	readonly columns: readonly Column[];
	readonly selected: boolean;
	readonly cached: boolean;
	readonly mark: RowMark;
	readonly management: boolean;
	readonly delegated: boolean;
	readonly cost: string | undefined;
}

const AccountRow = memo(function AccountRow({
	account,
	columns,
	selected,
	cached,
	mark,
	management,
	delegated,
	cost,
}: AccountRowProps) {
	// Ink measures the row with ASCII stand-ins for its cut marks; the marks go back as it is written (see standInCutMarks).
	const { cells, marks } = standInCutMarks(
		rowCells(account, columns, cost === undefined ? {} : { cost }),
		MARKER_WIDTH,
	);
	// The selection, then a flag (M: management account, *: from the cache, not yet confirmed, D: a delegated
	// administrator, which AWS will not remove), then the mark. ASCII only, like the cells.
	const flag = cached ? '*' : management ? 'M' : delegated ? 'D' : ' ';
	const marker = `${selected ? '>' : ' '}${flag}${mark}`;
	const row = (
		<Text inverse={selected} bold={mark === '+'} dimColor={cached && !selected} wrap="truncate-end">
			{marker}
			{cells.map((cell, index) => {
				const column = columns[index] as Column;
				const separator = index === 0 ? '' : ' ';
				if (column.id === 'state') {
					return (
						<Text key={column.id}>
							{separator}
							<StateBadge state={account.state} text={cell} />
						</Text>
					);
				}
				return <Text key={column.id}>{separator + cell}</Text>;
			})}
		</Text>
	);
	return marks.length === 0 ? row : <Transform transform={(line) => restoreCutMarks(line, marks)}>{row}</Transform>;
});

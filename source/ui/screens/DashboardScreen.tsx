/** The dashboard: the account table, the status line and the key hints; keys go through the keymap. */
import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { describeLoadFailure } from '../../domain/explain-load.js';
import { READ_ONLY_REFUSAL } from '../../org/read-only.js';
import { layoutColumns } from '../columns.js';
import { AccountTable } from '../components/AccountTable.js';
import { ErrorPanel } from '../components/ErrorPanel.js';
import { StatusLine } from '../components/StatusLine.js';
import { count } from '../format.js';
import type { UseDashboard } from '../hooks/use-dashboard.js';
import { type KeyScheme, useKeys } from '../hooks/use-keys.js';
import { useTheme } from '../hooks/use-theme.js';
import { delegatedAccountIds, lastMonthText } from '../impact-view.js';
import { DASHBOARD_KEYS, type DashboardCommand, FILTER_KEYS, type FilterCommand } from '../keymap.js';
import { boundTo, hintLine } from '../keymap-lookup.js';
import { rangeBounds } from '../marks.js';
import type { ScreenContext } from './context.js';

/** What a dashboard command does; a command with no entry is not offered anywhere. */
export type DashboardActions = Partial<Record<DashboardCommand, (context: ScreenContext) => void>>;

/** Lines the dashboard uses besides the table rows: the table header, the status line, the key hints. */
export const DASHBOARD_CHROME_LINES = 3;

/** Rows of accounts that fit in `height` lines. */
export function tableRows(height: number): number {
	return Math.max(1, height - DASHBOARD_CHROME_LINES);
}

/** Commands that open something able to change AWS: refused, with the reason, in read-only mode. */
const CHANGES_AWS: ReadonlySet<DashboardCommand> = new Set(
	DASHBOARD_KEYS.filter((binding) => binding.changesAws).map((binding) => binding.command),
);

/** Whether a dashboard command is offered: it has an action, and in read-only mode it changes nothing in AWS. */
export function offered(command: DashboardCommand, actions: DashboardActions, readOnly: boolean): boolean {
	return actions[command] !== undefined && !(readOnly && CHANGES_AWS.has(command));
}

/** Text typed into the filter: printable characters only (a paste arrives as one string). */
function typedText(input: string): string {
	return input.replace(/\p{Cc}/gu, '');
}

export function DashboardScreen({
	context,
	actions,
}: {
	readonly context: ScreenContext;
	readonly actions: DashboardActions;
}) {
	const { dashboard, accounts, impact, size, height } = context;
	const theme = useTheme();

	// While the filter is typed, text goes into it; the mode is read per key, as keys of one burst come before a render.
	const filterKeys: KeyScheme<FilterCommand> = {
		bindings: FILTER_KEYS,
		on: {
			'filter-keep': dashboard.keepFilter,
			'filter-clear': dashboard.clearFilter,
			'filter-delete-char': () => dashboard.editQuery((query) => Array.from(query).slice(0, -1).join('')),
			'filter-delete-all': () => dashboard.editQuery(() => ''),
			'move-up': () => dashboard.move('up'),
			'move-down': () => dashboard.move('down'),
			'page-up': () => dashboard.move('page-up'),
			'page-down': () => dashboard.move('page-down'),
		},
		otherwise: ({ input, key }) => {
			const text = key.ctrl || key.meta ? '' : typedText(input);
			if (text) dashboard.editQuery((query) => query + text);
		},
	};
	// The app's actions, each given this screen's context; a key ends the last key's notice.
	// In read-only mode a key that would open a change says why it cannot, whatever its action.
	const readOnly = context.writer === undefined;
	const listKeys: KeyScheme<DashboardCommand> = {
		bindings: DASHBOARD_KEYS,
		on: Object.fromEntries(
			Object.entries(actions).map(([command, action]) => [
				command,
				() => {
					if (context.notice) context.notify(undefined);
					if (readOnly && CHANGES_AWS.has(command as DashboardCommand)) context.notify(READ_ONLY_REFUSAL);
					else action?.(context);
				},
			]),
		) as KeyScheme<DashboardCommand>['on'],
	};
	useKeys<DashboardCommand | FilterCommand>(() => (dashboard.isEditing() ? filterKeys : listKeys));

	const rows = tableRows(height);
	const sortedByCost = dashboard.state.sort === 'cost';
	const columns = useMemo(() => layoutColumns(size.columns - 1, { cost: sortedByCost }), [size.columns, sortedByCost]);
	const delegatedIds = useMemo(() => delegatedAccountIds(impact.organization), [impact.organization]);
	const costText = useMemo(() => lastMonthText(impact.organization), [impact.organization]);
	const failure = accounts.failure ? describeLoadFailure(accounts.failure) : undefined;
	const hints = hintLine(
		dashboard.state.editing ? FILTER_KEYS : boundTo(DASHBOARD_KEYS, (command) => offered(command, actions, readOnly)),
		size.columns - 1,
	);
	const nothingLoaded = accounts.accounts.length === 0;
	const marks = marksText(dashboard);
	// The range being chosen (V), in rows of the window, drawn before it is marked.
	const range =
		dashboard.state.rangeAnchor === undefined
			? undefined
			: rangeBounds(dashboard.shown, dashboard.state.rangeAnchor, dashboard.index);

	return (
		<Box flexDirection="column" height={height}>
			{failure && nothingLoaded ? (
				<ErrorPanel message={failure} height={rows + 1} width={size.columns - 1} />
			) : (
				<AccountTable
					rows={dashboard.rows}
					selectedRow={dashboard.index - dashboard.top}
					columns={columns}
					height={rows}
					sort={dashboard.state.sort}
					cachedIds={accounts.cachedIds}
					markedIds={dashboard.state.marked}
					rangeRows={range && { first: range.first - dashboard.top, last: range.last - dashboard.top }}
					managementAccountId={accounts.organization?.managementAccountId}
					delegatedIds={delegatedIds}
					costText={costText}
					emptyMessage={
						accounts.status === 'loading' && nothingLoaded
							? 'Loading…'
							: dashboard.state.query
								? `No account matches the filter${dashboard.filterNotes.length > 0 ? `: ${dashboard.filterNotes.join('; ')}` : ''}.`
								: 'The organization lists no accounts.'
					}
				/>
			)}
			<Box>
				{/* The marks first and whole: the rest of the status line gives way on a narrow terminal. */}
				{marks ? (
					<Box flexShrink={0}>
						<Text bold color={theme.colour('cyan')}>{`${marks} · `}</Text>
					</Box>
				) : null}
				<StatusLine
					loading={accounts.status === 'loading'}
					received={accounts.received}
					total={accounts.accounts.length}
					matches={dashboard.shown.length}
					query={dashboard.state.query}
					editing={dashboard.state.editing}
					sort={dashboard.state.sort}
					reversed={dashboard.state.reversed}
					position={dashboard.shown.length === 0 ? 0 : dashboard.index + 1}
					filterNotes={dashboard.filterNotes}
					notice={context.notice}
					failure={failure}
					cachedCount={accounts.cachedIds.size}
					cacheNote={accounts.cacheNote}
					settingsNote={context.settings?.shortNote}
				/>
			</Box>
			<Text dimColor wrap="truncate-end">
				{hints}
			</Text>
		</Box>
	);
}

/** The start of the status line while anything is marked or a range is open: how many, and what V does now. */
export function marksText(dashboard: Pick<UseDashboard, 'state' | 'markedShown' | 'shown'>): string | undefined {
	const { marked, rangeAnchor, query } = dashboard.state;
	const parts: string[] = [];
	if (marked.size > 0) {
		const hidden = marked.size - dashboard.markedShown;
		parts.push(`${count(marked.size)} marked${query && hidden > 0 ? ` (${count(hidden)} hidden by the filter)` : ''}`);
	}
	if (rangeAnchor !== undefined) parts.push('range: V or Space marks it, Esc cancels');
	return parts.length > 0 ? parts.join(' · ') : undefined;
}

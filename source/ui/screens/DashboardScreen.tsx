/** The dashboard: the account table, the status line and the key hints; keys go through the keymap. */
import { Box, Text, useInput } from 'ink';
import { useMemo, useRef } from 'react';
import { layoutColumns } from '../columns.js';
import { AccountTable } from '../components/AccountTable.js';
import { ErrorPanel } from '../components/ErrorPanel.js';
import { StatusLine } from '../components/StatusLine.js';
import {
	boundTo,
	commandFor,
	DASHBOARD_KEYS,
	type DashboardCommand,
	FILTER_KEYS,
	hintLine,
	type KeyState,
	keyPresses,
} from '../keymap.js';
import { describeLoadFailure } from '../load-errors.js';
import type { ScreenContext } from './context.js';

/** What a dashboard command does; a command with no entry is not offered anywhere. */
export type DashboardActions<R> = Partial<Record<DashboardCommand, (context: ScreenContext<R>) => void>>;

/** Lines the dashboard uses besides the table rows: the table header, the status line, the key hints. */
export const DASHBOARD_CHROME_LINES = 3;

/** Rows of accounts that fit in `height` lines. */
export function tableRows(height: number): number {
	return Math.max(1, height - DASHBOARD_CHROME_LINES);
}

/** Text typed into the filter: printable characters only (a paste arrives as one string). */
function typedText(input: string): string {
	return input.replace(/\p{Cc}/gu, '');
}

export function DashboardScreen<R>({
	context,
	actions,
}: {
	readonly context: ScreenContext<R>;
	readonly actions: DashboardActions<R>;
}) {
	const { dashboard, accounts, size, height } = context;
	const latest = useRef(context);
	latest.current = context;

	const onKey = (input: string, key: KeyState) => {
		const current = latest.current;
		const list = current.dashboard;
		if (list.isEditing()) {
			const command = commandFor(FILTER_KEYS, input, key);
			switch (command) {
				case 'filter-keep':
					return list.keepFilter();
				case 'filter-clear':
					return list.clearFilter();
				case 'filter-delete-char':
					return list.editQuery((query) => Array.from(query).slice(0, -1).join(''));
				case 'filter-delete-all':
					return list.editQuery(() => '');
				case 'move-up':
					return list.move('up');
				case 'move-down':
					return list.move('down');
				case 'page-up':
					return list.move('page-up');
				case 'page-down':
					return list.move('page-down');
				case undefined: {
					const text = key.ctrl || key.meta ? '' : typedText(input);
					if (text) list.editQuery((query) => query + text);
					return;
				}
			}
		}
		const command = commandFor(DASHBOARD_KEYS, input, key);
		if (command) actions[command]?.(current);
	};

	useInput((input, key) => {
		for (const press of keyPresses(input, key)) onKey(press.input, press.key);
	});

	const rows = tableRows(height);
	const columns = useMemo(() => layoutColumns(size.columns - 1), [size.columns]);
	const failure = accounts.failure ? describeLoadFailure(accounts.failure) : undefined;
	const hints = hintLine(
		dashboard.state.editing ? FILTER_KEYS : boundTo(DASHBOARD_KEYS, (command) => actions[command] !== undefined),
		size.columns - 1,
	);
	const nothingLoaded = accounts.accounts.length === 0;

	return (
		<Box flexDirection="column" height={height}>
			{failure && nothingLoaded ? (
				<ErrorPanel message={failure} height={rows + 1} />
			) : (
				<AccountTable
					rows={dashboard.rows}
					selectedRow={dashboard.index - dashboard.top}
					columns={columns}
					height={rows}
					sort={dashboard.state.sort}
					cachedIds={accounts.cachedIds}
					managementAccountId={accounts.organization?.managementAccountId}
					emptyMessage={
						accounts.status === 'loading' && nothingLoaded
							? 'Loading…'
							: dashboard.state.query
								? 'No account matches the filter.'
								: 'The organization lists no accounts.'
					}
				/>
			)}
			<StatusLine
				loading={accounts.status === 'loading'}
				received={accounts.received}
				total={accounts.accounts.length}
				matches={dashboard.shown.length}
				query={dashboard.state.query}
				editing={dashboard.state.editing}
				sort={dashboard.state.sort}
				failure={failure}
				cachedCount={accounts.cachedIds.size}
				cacheNote={accounts.cacheNote}
				settingsNote={context.settings?.shortNote}
			/>
			<Text dimColor wrap="truncate-end">
				{hints}
			</Text>
		</Box>
	);
}

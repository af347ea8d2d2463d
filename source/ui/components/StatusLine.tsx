/** The line under the table: loading progress, the filter, a failure, or the counts. */
import { Text } from 'ink';
import Spinner from 'ink-spinner';
import type { FailureMessage } from '../../domain/explain-load.js';
import { SORT_LABEL, type SortKey } from '../account-list.js';
import { count, plural } from '../format.js';
import { useTheme } from '../hooks/use-theme.js';
import { FilterBar } from './FilterBar.js';

export interface StatusLineProps {
	readonly loading: boolean;
	/** Accounts received so far in the current load. */
	readonly received: number;
	readonly total: number;
	readonly matches: number;
	readonly query: string;
	readonly editing: boolean;
	readonly sort: SortKey;
	readonly reversed: boolean;
	/** The selected row's place in the shown list (1-based; 0 when none). */
	readonly position: number;
	/** Why the filter may match fewer accounts than expected. */
	readonly filterNotes: readonly string[];
	/** A one-line confirmation of the last key (a copy), shown until the next key. */
	readonly notice?: string;
	readonly failure?: FailureMessage;
	readonly cachedCount: number;
	/** Why a cached list was not used, when one was found and ignored. */
	readonly cacheNote?: string;
	/** The settings are read-only, or their damaged file was reset. */
	readonly settingsNote?: string;
}

export function StatusLine(props: StatusLineProps) {
	const theme = useTheme();
	const {
		loading,
		received,
		total,
		matches,
		query,
		editing,
		sort,
		reversed,
		position,
		filterNotes,
		notice,
		failure,
		cachedCount,
		cacheNote,
		settingsNote,
	} = props;
	const settingsPart = settingsNote ? <Text color={theme.colour('yellow')}>{` · ${settingsNote}`}</Text> : null;
	if (notice && !editing) {
		return (
			<Text wrap="truncate-end" color={theme.colour('green')}>
				{notice}
			</Text>
		);
	}
	if (editing || query) {
		return (
			<FilterBar
				query={query}
				editing={editing}
				matches={matches}
				total={total}
				position={position}
				notes={filterNotes}
			/>
		);
	}
	if (loading) {
		return (
			<Text wrap="truncate-end">
				<Text color={theme.colour('cyan')}>
					<Spinner type="dots" />
				</Text>
				{` Loading accounts… ${count(received)} so far`}
				{settingsPart}
				{cachedCount > 0 ? (
					<Text dimColor>{`  (* ${count(cachedCount)} from the cache, not yet confirmed)`}</Text>
				) : null}
			</Text>
		);
	}
	if (failure) {
		return (
			<Text wrap="truncate-end" color={theme.colour('red')}>
				{total === 0
					? `✖ ${failure.title} · r retries`
					: `✖ ${failure.title}: showing the ${plural(total, 'account')} loaded before it; r retries`}
			</Text>
		);
	}
	return (
		<Text wrap="truncate-end">
			<Text dimColor>
				{`${plural(total, 'account')} · sorted by ${SORT_LABEL[sort]}${reversed ? ', reversed' : ''} · ${count(position)}/${count(total)}`}
			</Text>
			{settingsPart}
			<Text dimColor>
				{cachedCount > 0 ? ` · * ${count(cachedCount)} from the cache, not yet confirmed` : ''}
				{cacheNote ? ` · ${cacheNote}` : ''}
			</Text>
		</Text>
	);
}

/** The filter: being typed (with a cursor) or applied (with how to change it). */
import { Text } from 'ink';
import { count } from '../format.js';
import { useTheme } from '../hooks/use-theme.js';

export interface FilterBarProps {
	readonly query: string;
	readonly editing: boolean;
	readonly matches: number;
	readonly total: number;
	/** The selected row's place among the matches (1-based; 0 when none). */
	readonly position: number;
	/** Why the filter may match fewer accounts than expected. */
	readonly notes: readonly string[];
}

export function FilterBar({ query, editing, matches, total, position, notes }: FilterBarProps) {
	const theme = useTheme();
	const tally = `${count(position)}/${count(matches)} · ${count(matches)} of ${count(total)} match`;
	const notesPart = notes.length > 0 ? <Text color={theme.colour('yellow')}>{`  ${notes.join(' · ')}`}</Text> : null;
	if (editing) {
		return (
			<Text wrap="truncate-end">
				<Text bold color={theme.colour('cyan')}>
					{'/ '}
				</Text>
				{query}
				<Text inverse> </Text>
				{notesPart}
				<Text dimColor>{`  ${tally} · text state: ou: tag: !not · Enter keeps · Esc clears`}</Text>
			</Text>
		);
	}
	return (
		<Text wrap="truncate-end">
			<Text bold color={theme.colour('cyan')}>
				{'filter '}
			</Text>
			{`"${query}"`}
			{notesPart}
			<Text dimColor>{`  ${tally} · / edits · Esc clears`}</Text>
		</Text>
	);
}

/** The filter: being typed (with a cursor) or applied (with how to change it). */
import { Text } from 'ink';
import { count } from '../format.js';
import { useTheme } from '../hooks/use-theme.js';

export interface FilterBarProps {
	readonly query: string;
	readonly editing: boolean;
	readonly matches: number;
	readonly total: number;
}

export function FilterBar({ query, editing, matches, total }: FilterBarProps) {
	const theme = useTheme();
	const tally = `${count(matches)} of ${count(total)} match`;
	if (editing) {
		return (
			<Text wrap="truncate-end">
				<Text bold color={theme.colour('cyan')}>
					{'/ '}
				</Text>
				{query}
				<Text inverse> </Text>
				<Text dimColor>{`  ${tally} · name, id, email or OU · Enter keeps · Esc clears`}</Text>
			</Text>
		);
	}
	return (
		<Text wrap="truncate-end">
			<Text bold color={theme.colour('cyan')}>
				{'filter '}
			</Text>
			{`"${query}"`}
			<Text dimColor>{`  ${tally} · / edits · Esc clears`}</Text>
		</Text>
	);
}

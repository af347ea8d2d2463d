import { Text } from 'ink';
import type { AccountState } from '../../domain/account.js';
import { useTheme } from '../hooks/use-theme.js';
import { fitWidth } from '../text.js';

/**
 * An account state in its colour; the text is the AWS state name, so it reads without colour too.
 * `text`: the state as its table cell already shows it (fitted to the column).
 */
export function StateBadge({
	state,
	width,
	text,
}: {
	readonly state: AccountState;
	readonly width?: number;
	readonly text?: string;
}) {
	const theme = useTheme();
	return (
		<Text color={theme.state(state)} bold={state !== 'ACTIVE'}>
			{text ?? (width === undefined ? state : fitWidth(state, width))}
		</Text>
	);
}

import { Text } from 'ink';
import type { AccountState } from '../../domain/account.js';
import { useTheme } from '../hooks/use-theme.js';
import { fitWidth } from '../text.js';

/** An account state in its colour; the text is the AWS state name, so it reads without colour too. */
export function StateBadge({ state, width }: { readonly state: AccountState; readonly width?: number }) {
	const theme = useTheme();
	return (
		<Text color={theme.state(state)} bold={state !== 'ACTIVE'}>
			{width === undefined ? state : fitWidth(state, width)}
		</Text>
	);
}

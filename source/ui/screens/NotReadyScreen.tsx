/** A screen that cannot open, or an action that cannot be offered yet: says why; Enter or Esc goes back. */
import { Box, Text } from 'ink';
import { useKeys } from '../hooks/use-keys.js';
import { NOTICE_KEYS } from '../keymap.js';
import { hintLine } from '../keymap-lookup.js';

export function NotReadyScreen({ message, onBack }: { readonly message: string; readonly onBack: () => void }) {
	useKeys({ bindings: NOTICE_KEYS, on: { back: onBack } });
	return (
		<Box flexDirection="column">
			<Text>{message}</Text>
			<Text dimColor>{hintLine(NOTICE_KEYS)}</Text>
		</Box>
	);
}

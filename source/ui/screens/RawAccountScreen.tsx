/** J: one account as AWS returned it, as JSON (escaped where the terminal would act on the text). */
import { Box, Text } from 'ink';
import { rawAccountLines } from '../account-details.js';
import { useKeys } from '../hooks/use-keys.js';
import { DETAILS_KEYS } from '../keymap.js';
import { hintLine } from '../keymap-lookup.js';
import type { ScreenContext } from './context.js';

export function RawAccountScreen({
	context,
	accountId,
}: {
	readonly context: ScreenContext;
	readonly accountId: string;
}) {
	useKeys({
		bindings: DETAILS_KEYS,
		on: { back: context.back, help: () => context.open({ screen: 'help' }), quit: context.quit },
	});
	const { accounts, height } = context;
	const account = accounts.accounts.find((item) => item.id === accountId);
	const lines = rawAccountLines(account, accountId).slice(0, Math.max(1, height - 2));
	return (
		<Box flexDirection="column" height={height}>
			<Text bold>{`Account ${accountId} as AWS returned it`}</Text>
			<Box flexDirection="column" flexGrow={1}>
				{lines.map((line, index) => (
					// biome-ignore lint/suspicious/noArrayIndexKey: lines of one fixed text, never reordered
					<Text key={index} wrap="truncate-end">
						{line}
					</Text>
				))}
			</Box>
			<Text dimColor wrap="truncate-end">
				{hintLine(DETAILS_KEYS)}
			</Text>
		</Box>
	);
}

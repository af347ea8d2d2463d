/** J: one account as AWS returned it, as JSON (escaped where the terminal would act on the text); scrolls when long. */
import { Box, Text } from 'ink';
import { rawAccountLines } from '../account-details.js';
import { ScrollRegion } from '../components/ScrollRegion.js';
import { DETAILS_KEYS } from '../keymap.js';
import { hintLine } from '../keymap-lookup.js';
import { useAccountScreenKeys } from './account-screen-keys.js';
import type { ScreenContext } from './context.js';

export function RawAccountScreen({
	context,
	accountId,
}: {
	readonly context: ScreenContext;
	readonly accountId: string;
}) {
	const scroll = useAccountScreenKeys(context, accountId);
	const { accounts, height } = context;
	const account = accounts.accounts.find((item) => item.id === accountId);
	const lines = rawAccountLines(account, accountId);
	return (
		<ScrollRegion
			height={height}
			scroll={scroll}
			header={
				<Text bold wrap="truncate-end">
					{`Account ${accountId} as AWS returned it`}
				</Text>
			}
			footer={
				<Text dimColor wrap="truncate-end">
					{hintLine(DETAILS_KEYS)}
				</Text>
			}
		>
			<Box flexDirection="column">
				{lines.map((line, index) => (
					// biome-ignore lint/suspicious/noArrayIndexKey: lines of one fixed text, never reordered
					<Text key={index} wrap="truncate-end">
						{line}
					</Text>
				))}
			</Box>
		</ScrollRegion>
	);
}

/** The details of one account (Enter on the dashboard). */
import { Box, Text } from 'ink';
import { DetailsPane } from '../components/DetailsPane.js';
import { useKeys } from '../hooks/use-keys.js';
import { DETAILS_KEYS } from '../keymap.js';
import { hintLine } from '../keymap-lookup.js';
import type { ScreenContext } from './context.js';

export function DetailsScreen({ context, accountId }: { readonly context: ScreenContext; readonly accountId: string }) {
	useKeys({
		bindings: DETAILS_KEYS,
		on: { back: context.back, help: () => context.open({ screen: 'help' }), quit: context.quit },
	});
	const { accounts, height } = context;
	const account = accounts.accounts.find((item) => item.id === accountId);
	return (
		<Box flexDirection="column" height={height}>
			<DetailsPane
				account={account}
				accountId={accountId}
				organization={accounts.organization}
				cached={accounts.cachedIds.has(accountId)}
				height={height - 1}
			/>
			<Text dimColor wrap="truncate-end">
				{hintLine(DETAILS_KEYS)}
			</Text>
		</Box>
	);
}

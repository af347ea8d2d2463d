/** The details of one account (Enter on the dashboard). */
import { Box, Text, useInput } from 'ink';
import { useRef } from 'react';
import { DetailsPane } from '../components/DetailsPane.js';
import { commandFor, DETAILS_KEYS, hintLine, type KeyState, keyPresses } from '../keymap.js';
import type { ScreenContext } from './context.js';

export function DetailsScreen<R>({
	context,
	accountId,
	helpRoute,
}: {
	readonly context: ScreenContext<R>;
	readonly accountId: string;
	readonly helpRoute: R;
}) {
	const latest = useRef(context);
	latest.current = context;
	useInput((rawInput, rawKey) => {
		for (const { input, key } of keyPresses(rawInput, rawKey)) onKey(input, key);
	});
	function onKey(input: string, key: KeyState) {
		const current = latest.current;
		switch (commandFor(DETAILS_KEYS, input, key)) {
			case 'back':
				return current.back();
			case 'help':
				return current.open(helpRoute);
			case 'quit':
				return current.quit();
		}
	}
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

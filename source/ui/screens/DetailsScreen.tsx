/** The details of one account (Enter on the dashboard). */
import { Box, Text } from 'ink';
import { useEffect } from 'react';
import { impactLines, mergeImpact } from '../../domain/impact.js';
import { DetailsPane } from '../components/DetailsPane.js';
import { useKeys } from '../hooks/use-keys.js';
import { useNow } from '../hooks/use-now.js';
import { DETAILS_KEYS } from '../keymap.js';
import { hintLine } from '../keymap-lookup.js';
import type { ScreenContext } from './context.js';

export function DetailsScreen({ context, accountId }: { readonly context: ScreenContext; readonly accountId: string }) {
	useKeys({
		bindings: DETAILS_KEYS,
		on: { back: context.back, help: () => context.open({ screen: 'help' }), quit: context.quit },
	});
	const { accounts, impact, height } = context;
	const account = accounts.accounts.find((item) => item.id === accountId);
	const { request } = impact;
	// This account's own part of the impact scan is read when its details are opened, not before.
	useEffect(() => {
		if (account) request(accountId);
	}, [account, accountId, request]);
	const now = useNow();
	const impactOf = mergeImpact(accountId, impact.accountImpact(accountId), impact.organization, now);
	return (
		<Box flexDirection="column" height={height}>
			<DetailsPane
				account={account}
				accountId={accountId}
				organization={accounts.organization}
				cached={accounts.cachedIds.has(accountId)}
				impact={impactLines(impactOf, 'details')}
				height={height - 1}
			/>
			<Text dimColor wrap="truncate-end">
				{hintLine(DETAILS_KEYS)}
			</Text>
		</Box>
	);
}

/** The details of one account (Enter on the dashboard): the account's name and id stay on top as the rest scrolls. */
import { Text } from 'ink';
import { useEffect } from 'react';
import { impactLines, mergeImpact } from '../../domain/impact.js';
import { DetailsPane, detailsTitle } from '../components/DetailsPane.js';
import { ScrollRegion } from '../components/ScrollRegion.js';
import { useNow } from '../hooks/use-now.js';
import { DETAILS_KEYS } from '../keymap.js';
import { hintLine } from '../keymap-lookup.js';
import { useAccountScreenKeys } from './account-screen-keys.js';
import type { ScreenContext } from './context.js';

export function DetailsScreen({ context, accountId }: { readonly context: ScreenContext; readonly accountId: string }) {
	const scroll = useAccountScreenKeys(context, accountId);
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
		<ScrollRegion
			height={height}
			scroll={scroll}
			header={
				<>
					<Text bold wrap="truncate-end">
						{detailsTitle(account, accountId)}
					</Text>
					<Text> </Text>
				</>
			}
			footer={
				<Text dimColor wrap="truncate-end">
					{hintLine(DETAILS_KEYS)}
				</Text>
			}
		>
			<DetailsPane
				account={account}
				organization={accounts.organization}
				cached={accounts.cachedIds.has(accountId)}
				impact={impactLines(impactOf, 'details')}
			/>
		</ScrollRegion>
	);
}

/** Everything the dashboard knows about one account. */
import { Box, Text } from 'ink';
import type { Account, Organization } from '../../domain/account.js';
import type { ImpactLine } from '../../domain/impact.js';
import { detailLines } from '../account-details.js';
import { ImpactSection } from './ImpactSection.js';
import { StateBadge } from './StateBadge.js';

export interface DetailsPaneProps {
	readonly account: Account | undefined;
	readonly organization?: Organization;
	readonly cached: boolean;
	/** What closing or removing it would break, each item with its source. */
	readonly impact?: readonly ImpactLine[];
}

const LABEL_WIDTH = 19;

/** The title naming the account, which stays on screen while the details scroll. */
export function detailsTitle(account: Account | undefined, accountId: string): string {
	return account ? `Account details: ${account.name} · ${account.id}` : `Account ${accountId}`;
}

/** The details under the title (see detailsTitle). */
export function DetailsPane({ account, organization, cached, impact }: DetailsPaneProps) {
	if (!account) {
		return (
			<Text>The account is no longer in the list: it may have been removed from the organization or deleted.</Text>
		);
	}
	const lines = detailLines(account, { organization, cached });
	return (
		<Box flexDirection="column">
			{lines.map((line, index) => (
				// Lines are fixed per account and never reordered: the index is a stable key.
				// biome-ignore lint/suspicious/noArrayIndexKey: see above
				<Box key={index}>
					<Box width={LABEL_WIDTH} flexShrink={0}>
						<Text dimColor>{line.label}</Text>
					</Box>
					{line.label === 'State' ? (
						<StateBadge state={account.state} />
					) : (
						<Text dimColor={line.note}>{line.value}</Text>
					)}
				</Box>
			))}
			{impact ? <ImpactSection lines={impact} title="If it were closed or removed" /> : null}
		</Box>
	);
}

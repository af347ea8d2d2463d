/** Everything the dashboard knows about one account. */
import { Box, Text } from 'ink';
import type { Account, Organization } from '../../domain/account.js';
import type { ImpactLine } from '../../domain/impact.js';
import { detailLines } from '../account-details.js';
import { ImpactSection } from './ImpactSection.js';
import { StateBadge } from './StateBadge.js';

export interface DetailsPaneProps {
	readonly account: Account | undefined;
	readonly accountId: string;
	readonly organization?: Organization;
	readonly cached: boolean;
	/** What closing or removing it would break, each item with its source. */
	readonly impact?: readonly ImpactLine[];
	readonly height: number;
}

const LABEL_WIDTH = 19;

export function DetailsPane({ account, accountId, organization, cached, impact, height }: DetailsPaneProps) {
	if (!account) {
		return (
			<Box flexDirection="column" height={height}>
				<Text bold>{`Account ${accountId}`}</Text>
				<Text>The account is no longer in the list: it may have been removed from the organization or deleted.</Text>
			</Box>
		);
	}
	const lines = detailLines(account, { organization, cached });
	return (
		<Box flexDirection="column" height={height} overflow="hidden">
			{/* Never shrunk: what does not fit is cut at the bottom, the title and the account's own lines stay. */}
			<Box flexDirection="column" flexShrink={0}>
				<Text bold wrap="truncate-end">{`Account details: ${account.name}`}</Text>
				<Text> </Text>
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
		</Box>
	);
}

/** After AWS accepted the closure: its state as DescribeAccount shows it, until CLOSED. */
import { Box, Text } from 'ink';
import Spinner from 'ink-spinner';
import type { AccountState } from '../../../domain/account.js';
import type { Explanation } from '../../../domain/explain.js';
import { deletionDate } from '../../../domain/quota.js';
import { day } from '../../format.js';
import { useTheme } from '../../hooks/use-theme.js';
import { StateBadge } from '../StateBadge.js';

export interface TrackingStepProps {
	readonly requestedAt: string;
	readonly state: AccountState | undefined;
	readonly polls: number;
	readonly pollError: Explanation | undefined;
	readonly note?: string | undefined;
}

export function TrackingStep({ requestedAt, state, polls, pollError, note }: TrackingStepProps) {
	const theme = useTheme();
	const reopenUntil = day(deletionDate(requestedAt));
	return (
		<Box flexDirection="column">
			<Text color={theme.colour('green')}>
				✓ AWS accepted the closure request at {requestedAt.slice(0, 16).replace('T', ' ')} UTC.
			</Text>
			<Box marginTop={1}>
				<Text>
					<Spinner type="dots" /> State: {state ? <StateBadge state={state} /> : <Text dimColor>checking…</Text>}
					<Text dimColor>
						{' '}
						(checked {polls} {polls === 1 ? 'time' : 'times'}; waiting for CLOSED)
					</Text>
				</Text>
			</Box>
			{note ? <Text>{note}</Text> : null}
			{pollError ? <Text color={theme.colour('yellow')}>Last check failed: {pollError.what} Trying again.</Text> : null}
			<Box marginTop={1} flexDirection="column">
				<Text>It can be reopened through AWS Support until {reopenUntil}.</Text>
				<Text>It keeps counting toward the quota until AWS deletes it, about {reopenUntil}.</Text>
			</Box>
		</Box>
	);
}

/**
 * How many accounts count toward the organization's quota, out of which
 * limit and from where, and the closed ones still counted until AWS deletes
 * them. Warns near, at and over the limit, in colour and in words.
 */
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { PendingInvitations, QuotaLevel, QuotaLimit, QuotaUsage } from '../../domain/quota.js';
import { countedWithInvitations, quotaLevel, quotaSourceLabel } from '../../domain/quota.js';
import { count, day, plural } from '../format.js';
import { useTheme } from '../hooks/use-theme.js';

export interface QuotaBarProps {
	readonly usage: QuotaUsage;
	/** Undefined while Service Quotas is being asked. */
	readonly limit?: QuotaLimit;
	/** Why Service Quotas did not answer, when it did not. */
	readonly unavailableReason?: string;
	/** Pending invitations, which count toward the quota; undefined while not asked yet. */
	readonly invitations?: PendingInvitations | undefined;
	/** False while accounts are still arriving: the count is "so far". */
	readonly complete: boolean;
	/** False until the organization has been read: there is no quota to speak of before. */
	readonly known: boolean;
	readonly width: number;
}

export const QUOTA_LINES = 2;

const LEVEL_LABEL: Record<QuotaLevel, string> = {
	ok: '',
	near: 'NEAR THE LIMIT',
	full: 'AT THE LIMIT',
	over: 'OVER THE LIMIT',
};

const BAR_WIDTH = 12;

export function quotaBarCells(counted: number, limit: number, width = BAR_WIDTH): string {
	const filled = limit <= 0 || counted >= limit ? width : Math.min(width - 1, Math.floor((counted / limit) * width));
	return `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
}

/**
 * The invitations' part of the quota line, kept short so the closed accounts
 * still fit: how many are pending (counted above), or why that is not known
 * (the error's code; `list --json` gives the whole reason).
 */
export function invitationsText(invitations: PendingInvitations | undefined): string | undefined {
	if (!invitations) return undefined;
	if (!invitations.known) return `invitations unknown (${invitations.reason.split(':')[0]})`;
	if (invitations.count === 0) return undefined;
	return `${count(invitations.count)} invited`;
}

export function closedLine(usage: QuotaUsage): string {
	if (usage.closedAwaitingDeletion === 0) return 'No closed accounts waiting for deletion.';
	const parts = [
		`${plural(usage.closedAwaitingDeletion, 'closed account')} still ${usage.closedAwaitingDeletion === 1 ? 'counts' : 'count'} until AWS deletes ${usage.closedAwaitingDeletion === 1 ? 'it' : 'them'}`,
	];
	if (usage.soonestDeletion) parts.push(`soonest deletion ${day(usage.soonestDeletion)}`);
	if (usage.closedWithUnknownDate > 0) parts.push(`${count(usage.closedWithUnknownDate)} with unknown closure date`);
	return `${parts.join(' · ')}.`;
}

/** Memoised: it does not change when a key moves the selection. */
export const QuotaBar = memo(function QuotaBar({
	usage,
	limit,
	unavailableReason,
	invitations,
	complete,
	known,
	width,
}: QuotaBarProps) {
	const theme = useTheme();
	const soFar = complete ? '' : ' so far';
	if (!known) {
		return (
			<Box flexDirection="column" width={width}>
				<Text wrap="truncate-end">Quota not known until the organization has been read</Text>
				<Text> </Text>
			</Box>
		);
	}
	if (!limit) {
		return (
			<Box flexDirection="column" width={width}>
				<Text wrap="truncate-end">{`Quota  ${plural(usage.counted, 'account')} counted${soFar} · limit: asking Service Quotas…`}</Text>
				<Text wrap="truncate-end" dimColor>
					{closedLine(usage)}
				</Text>
			</Box>
		);
	}
	// Pending invitations hold slots until answered: they count with the accounts.
	const counted = countedWithInvitations(usage, invitations);
	const invited = invitationsText(invitations);
	const level = quotaLevel(counted, limit.limit);
	const colour = theme.quota(level);
	const percent = limit.limit > 0 ? Math.round((counted / limit.limit) * 100) : 0;
	// Why Service Quotas did not answer is long (two API errors): the screen says only that it did not, and what to do.
	const fallbackNote =
		limit.source === 'documented-default'
			? 'Service Quotas did not answer: set your limit with --quota N'
			: limit.source === 'user-setting' && unavailableReason
				? 'Service Quotas did not answer'
				: undefined;
	return (
		<Box flexDirection="column" width={width}>
			<Text wrap="truncate-end">
				{'Quota  '}
				<Text color={colour}>{quotaBarCells(counted, limit.limit)}</Text>
				{` ${count(counted)} of ${count(limit.limit)} accounts (${percent}%)${soFar}`}
				{LEVEL_LABEL[level] ? (
					<Text color={colour} bold>
						{`  ${LEVEL_LABEL[level]}`}
					</Text>
				) : null}
				<Text dimColor>{`  limit: ${quotaSourceLabel(limit)}`}</Text>
			</Text>
			<Text wrap="truncate-end" dimColor={usage.closedAwaitingDeletion === 0}>
				{fallbackNote ? <Text color={theme.colour('yellow')}>{`${fallbackNote} · `}</Text> : null}
				{invited ? `${invited} · ` : ''}
				{closedLine(usage)}
			</Text>
		</Box>
	);
});

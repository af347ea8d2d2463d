/** What the details pane says about one account, as labelled lines. Pure. */
import type { Account, AccountState, Organization } from '../domain/account.js';
import { terminalSafeJson } from '../domain/display-text.js';
import { deletionDate } from '../domain/quota.js';
import { day } from './format.js';

export interface DetailLine {
	readonly label: string;
	readonly value: string;
	/** Shown dimmed: explanations rather than facts. */
	readonly note?: boolean;
}

const STATE_MEANING: Record<AccountState, string> = {
	ACTIVE: 'In use.',
	PENDING_ACTIVATION:
		'Its sign-up was never finished (phone verification or payment method missing): its holder must complete it.',
	SUSPENDED:
		'Suspended by AWS, as AWS reports it (an account closed by its owner shows CLOSED; older endpoints and emulators may still say SUSPENDED for it). Contact AWS Support about a suspension.',
	PENDING_CLOSURE: 'Its closure was requested; AWS is closing it.',
	CLOSED:
		'Closed by its owner and inside the 90-day post-closure period: only root sign-in remains (bills, Support); it can be reopened through AWS Support until AWS deletes it.',
};

export interface DetailContext {
	readonly organization?: Organization;
	/** True when the row comes from the cache and AWS has not confirmed it yet. */
	readonly cached: boolean;
}

export function detailLines(account: Account, context: DetailContext): DetailLine[] {
	const isManagement = context.organization?.managementAccountId === account.id;
	const lines: DetailLine[] = [
		{ label: 'Name', value: account.name },
		{ label: 'Account ID', value: account.id },
		{ label: 'Root email', value: account.email },
		{ label: 'Role', value: isManagement ? 'management account of the organization' : 'member account' },
		{ label: 'State', value: account.state },
		{ label: '', value: STATE_MEANING[account.state], note: true },
	];
	if (account.stateSource === 'Status') {
		lines.push({
			label: '',
			value:
				'Read from the legacy Status field (the State field was absent): there SUSPENDED also stands for accounts closed by their owner.',
			note: true,
		});
	}
	if (account.state === 'CLOSED' || account.state === 'PENDING_CLOSURE') {
		if (account.closedAt) {
			lines.push({ label: 'Closure requested', value: day(account.closedAt) });
			lines.push({
				label: 'Deleted by AWS',
				value: `around ${day(deletionDate(account.closedAt))} (reopening through Support is possible until then)`,
			});
		} else {
			lines.push({ label: 'Closure requested', value: 'unknown (closed outside orgdash)' });
		}
		lines.push({
			label: 'Quota',
			value: 'still counts toward the organization quota until AWS deletes it',
		});
	} else {
		lines.push({ label: 'Quota', value: 'counts toward the organization quota' });
	}
	lines.push(
		{
			label: 'Joined',
			value: `${account.joinedMethod === 'CREATED' ? 'created by the organization' : 'invited'} on ${day(account.joinedAt)}`,
		},
		{ label: 'OU path', value: account.parentPath || 'unknown' },
		{ label: 'Parent id', value: account.parentId || 'unknown' },
	);
	if (context.cached) {
		lines.push({
			label: 'Data',
			value: 'from the cache, not yet confirmed by AWS: refresh (r) before acting on it',
		});
	}
	return lines;
}

/**
 * The raw view's lines: the record AWS returned, as indented JSON escaped for
 * the terminal; or why there is none (an account from the cache, one no longer
 * listed).
 */
export function rawAccountLines(account: Account | undefined, accountId: string): string[] {
	if (!account) return [`Account ${accountId} is no longer in the list.`];
	if (!account.raw) {
		return [
			'This row comes from the cache: what AWS returned for it is not kept there.',
			'It is shown once the list is read from AWS again (r refreshes).',
		];
	}
	return terminalSafeJson(JSON.stringify(account.raw, null, 2)).split('\n');
}

/**
 * Who and what: the profile (and its region and endpoint when not AWS's own),
 * the organization, its management account, the signed-in identity and how
 * old the data is.
 */
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { CallerIdentity, Organization } from '../../domain/account.js';
import type { CallTarget } from '../../org/gateway.js';
import { age } from '../format.js';
import { useNow } from '../hooks/use-now.js';
import { useTheme } from '../hooks/use-theme.js';

export interface HeaderProps {
	readonly organization?: Organization;
	readonly caller?: CallerIdentity;
	readonly callerError?: string;
	/** 'sandbox': the built-in demo organization; nothing touches AWS. */
	readonly kind: 'aws' | 'sandbox';
	/** Nothing that changes AWS is offered or possible (--read-only). */
	readonly readOnly?: boolean;
	/** Where AWS calls go; absent for the demo. */
	readonly target?: CallTarget | undefined;
	readonly loading: boolean;
	readonly loadedAt?: Date;
	readonly fromCache: boolean;
	/** The cached rows were saved for the organization and caller last seen here, and AWS has not yet named them. */
	readonly checking?: boolean;
}

export const HEADER_LINES = 2;

/** "profile admin (eu-west-1)", "default credentials (us-east-1) via http://127.0.0.1:5000". */
export function targetLabel(target: CallTarget): string {
	const who = target.profile ? `profile ${target.profile}` : 'default credentials';
	return `${who} (${target.region})${target.endpointUrl ? ` via ${target.endpointUrl}` : ''}`;
}

export function dataAgeLabel(
	props: Pick<HeaderProps, 'loading' | 'loadedAt' | 'fromCache' | 'checking'>,
	now: Date,
): string {
	const { loading, loadedAt, fromCache } = props;
	if (!loadedAt) return loading ? 'data: loading…' : 'data: not loaded';
	const when = age(loadedAt, now);
	if (fromCache && props.checking) return `data: cached ${when}, checking the organization…`;
	if (fromCache) return `data: cached ${when}${loading ? ', refreshing…' : ', not refreshed'}`;
	return `data: loaded ${when}${loading ? ', refreshing…' : ''}`;
}

function callerLabel(props: HeaderProps): string {
	const { caller, callerError, organization } = props;
	if (!caller) return callerError ? `signed in as: unknown (${callerError})` : 'signed in as …';
	// Management or member first: it decides what the caller may do; a long ARN may be cut at the end.
	if (organization === undefined) return `signed in as ${caller.arn}`;
	return caller.accountId === organization.managementAccountId
		? `signed in to the management account as ${caller.arn}`
		: `signed in to member account ${caller.accountId} as ${caller.arn}`;
}

/**
 * Memoised: it does not change when a key moves the selection. It keeps the
 * clock for the data's age itself, so a tick redraws the header alone, not
 * the dashboard under it.
 */
export const Header = memo(function Header(props: HeaderProps) {
	const theme = useTheme();
	const now = useNow();
	const { organization, kind, readOnly, target } = props;
	const management = organization
		? `management ${organization.managementAccountId}${organization.managementAccountEmail ? ` <${organization.managementAccountEmail}>` : ''}`
		: '';
	return (
		<Box flexDirection="column">
			<Text wrap="truncate-end">
				<Text bold color={theme.colour('cyan')}>
					orgdash
				</Text>
				{kind === 'sandbox' ? (
					<Text bold color={theme.colour('magenta')}>
						{' DEMO '}
					</Text>
				) : null}
				{readOnly ? (
					<Text bold color={theme.colour('yellow')}>
						{kind === 'sandbox' ? 'READ-ONLY ' : ' READ-ONLY '}
					</Text>
				) : null}
				{target ? `  ${targetLabel(target)} ·` : ''}
				{organization ? ` organization ${organization.id} · ${management}` : ' organization …'}
				{organization?.featureSet === 'CONSOLIDATED_BILLING' ? '  (consolidated billing only)' : ''}
				{kind === 'sandbox' ? <Text dimColor>{'  (in memory: nothing touches AWS)'}</Text> : null}
			</Text>
			<Text wrap="truncate-end" dimColor>
				{`${dataAgeLabel(props, now)} · ${callerLabel(props)}`}
			</Text>
		</Box>
	);
});

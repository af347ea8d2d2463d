/**
 * The flows as screens of the app: each takes the router's context, picks the
 * right panel (a member's guided flow, or the console steps for accounts no
 * API can close) and gives it the journal, settings and gateway.
 */
import { Box, Text, useInput } from 'ink';
import { useRef, useState } from 'react';
import type { Account, CallerIdentity, Organization } from '../../domain/account.js';
import type { FlowState } from '../../domain/close-flow.js';
import { resolveQuotaLimit } from '../../domain/quota.js';
import { isOrgError } from '../../org/errors.js';
import { Journal } from '../../store/journal.js';
import { Settings } from '../../store/settings.js';
import type { FlowServices } from '../flow-effects.js';
import { age } from '../format.js';
import { ConsoleClosureScreen } from './ConsoleClosureScreen.js';
import type { ScreenContext } from './context.js';
import { FlowScreen } from './FlowScreen.js';
import { JournalScreen } from './JournalScreen.js';
import { ReconcileScreen } from './ReconcileScreen.js';

type AnyContext = ScreenContext<unknown>;

/** The in-memory demo organization is made anew when the program starts. */
const PROCESS_STARTED_AT = new Date(Date.now() - performance.now());

/** The settings folder's journal of this organization. */
export function journalFor(context: Pick<AnyContext, 'settings'>, organizationId: string): Journal {
	const directory = (context.settings ?? new Settings()).directory;
	return new Journal(directory, organizationId);
}

/** Closure dates from the journal; an unreadable journal gives none rather than stopping the dashboard. */
export function recordedClosureDates(
	settings: AnyContext['settings'],
	organizationId: string,
): ReadonlyMap<string, string> | undefined {
	try {
		return journalFor({ settings }, organizationId).closureDates();
	} catch {
		return undefined;
	}
}

/** The signed-in account when it belongs to no organization (AWSOrganizationsNotInUseException). */
export function standaloneCaller(context: AnyContext): CallerIdentity | undefined {
	const { failure, caller } = context.accounts;
	if (!caller || !failure) return undefined;
	return isOrgError(failure.error) && failure.error.code === 'AWSOrganizationsNotInUseException' ? caller : undefined;
}

/**
 * Why c or x does nothing on a row shown from the cached list: its state has not been read from AWS in this
 * session, and no action is offered on a state that may be out of date. Decided when the key is pressed: the
 * refusal stays until Esc even if the live row arrives meanwhile, so no flow opens by itself.
 */
export function cachedRowRefusal(
	action: 'close' | 'remove',
	account: Pick<Account, 'id' | 'name'>,
	accounts: Pick<AnyContext['accounts'], 'loadedAt'>,
	now = new Date(),
): string {
	const saved = accounts.loadedAt ? ` (saved ${age(accounts.loadedAt, now)})` : '';
	const key = action === 'close' ? 'c' : 'x';
	return `${account.name} (${account.id}) is shown from the cached list${saved}, and its state has not been read from AWS yet. orgdash offers ${action === 'close' ? 'closing' : 'removal'} only for accounts whose state came from AWS: wait until the list has loaded (the * marks go away), or press r to refresh, then press ${key} again.`;
}

/** A screen that cannot open yet: says why, Esc goes back. */
function NotReady({ message, onBack }: { readonly message: string; readonly onBack: () => void }) {
	useInput((_input, key) => {
		if (key.escape || key.return) onBack();
	});
	return (
		<Box flexDirection="column">
			<Text>{message}</Text>
			<Text dimColor>Esc back</Text>
		</Box>
	);
}

function useServices(context: AnyContext, organization: Organization, caller: CallerIdentity): FlowServices {
	const latest = useRef(context);
	latest.current = context;
	const [services] = useState<FlowServices>(() => ({
		gateway: context.gateway,
		journal: journalFor(context, organization.id),
		...(context.settings ? { progress: context.settings } : {}),
		organization,
		caller,
		// The in-memory organization answers at once: no reason to wait between reads.
		...(context.gateway.kind === 'sandbox' ? { pollIntervalMs: 250, journalValidSince: PROCESS_STARTED_AT } : {}),
		onAccount: (account: Account) => latest.current.accounts.updateAccount(account),
	}));
	return services;
}

function MemberFlow({
	context,
	kind,
	account,
	organization,
	caller,
}: {
	readonly context: AnyContext;
	readonly kind: 'close' | 'remove';
	readonly account: Pick<Account, 'id' | 'name'>;
	readonly organization: Organization;
	readonly caller: CallerIdentity;
}) {
	const services = useServices(context, organization, caller);
	const { accounts, height, back } = context;
	// Read once: conf reads its file on every access.
	const [quota] = useState(() =>
		accounts.quota
			? {
					counted: accounts.accounts.length,
					limit: resolveQuotaLimit(accounts.quota, context.settings?.quotaOverride).limit,
				}
			: undefined,
	);
	const changed = useRef(false);
	const reloaded = useRef(false);
	const reload = () => {
		reloaded.current = true;
		accounts.refresh();
	};
	const props = {
		services,
		account,
		accounts: accounts.accounts,
		quota,
		height,
		onState: (state: FlowState) => {
			const step = state.step.name;
			if (step === 'tracking') changed.current = true;
			// The header's quota and the list follow at once: a removed account leaves, a closed one changes state.
			if ((step === 'removed' || step === 'closed') && !reloaded.current) reload();
		},
		onExit: () => {
			if (changed.current && !reloaded.current) reload();
			back();
		},
	};
	return <FlowScreen kind={kind} {...props} />;
}

/**
 * The account's row as it was when the screen opened: the flow reads it afresh
 * itself, and must stay on screen after a removal takes the row off the list.
 */
function useOpeningRow(context: AnyContext, accountId: string): Account | undefined {
	const [row] = useState(() => context.accounts.accounts.find((item) => item.id === accountId));
	return row;
}

/** c: the guided closure of a member; the console steps for the management account or a standalone one. */
export function CloseRoute({ context, accountId }: { readonly context: AnyContext; readonly accountId: string }) {
	const { accounts, back, height } = context;
	const [fromCache] = useState(() => accounts.cachedIds.has(accountId));
	const account = useOpeningRow(context, accountId);
	const standalone = standaloneCaller(context);
	if (standalone) {
		return (
			<ConsoleClosureScreen
				input={{ kind: 'standalone', accountId: standalone.accountId, createdByOrganization: false }}
				onBack={back}
				onDone={back}
				height={height}
			/>
		);
	}
	const { organization, caller } = accounts;
	if (!organization || !caller || !account) {
		return <NotReady message="The organization is still loading: try again in a moment." onBack={back} />;
	}
	if (fromCache) return <NotReady message={cachedRowRefusal('close', account, accounts)} onBack={back} />;
	if (account.id === organization.managementAccountId) {
		const members = accounts.accounts.filter((item) => item.id !== organization.managementAccountId);
		return (
			<ConsoleClosureScreen
				input={{
					kind: 'management',
					accountId: account.id,
					accountName: account.name,
					rootEmail: organization.managementAccountEmail ?? account.email,
					createdByOrganization: false,
					members: {
						remaining: members.length,
						closedAwaitingDeletion: members.filter(
							(member) =>
								member.state === 'CLOSED' || member.state === 'PENDING_CLOSURE' || member.state === 'SUSPENDED',
						).length,
					},
				}}
				onBack={back}
				onDone={back}
				height={height}
			/>
		);
	}
	return <MemberFlow context={context} kind="close" account={account} organization={organization} caller={caller} />;
}

/** x: the guided removal of a member from the organization. */
export function RemoveRoute({ context, accountId }: { readonly context: AnyContext; readonly accountId: string }) {
	const { accounts, back } = context;
	const [fromCache] = useState(() => accounts.cachedIds.has(accountId));
	const { organization, caller } = accounts;
	const account = useOpeningRow(context, accountId);
	if (standaloneCaller(context)) {
		return (
			<NotReady message="This account is not in an organization: there is nothing to remove it from." onBack={back} />
		);
	}
	if (!organization || !caller || !account) {
		return <NotReady message="The organization is still loading: try again in a moment." onBack={back} />;
	}
	if (fromCache) return <NotReady message={cachedRowRefusal('remove', account, accounts)} onBack={back} />;
	return <MemberFlow context={context} kind="remove" account={account} organization={organization} caller={caller} />;
}

/** L: the journal of this organization. */
export function JournalRoute({ context }: { readonly context: AnyContext }) {
	const { accounts, back, height, size } = context;
	const organization = accounts.organization;
	const [journal] = useState(() => (organization ? journalFor(context, organization.id) : undefined));
	if (!journal) {
		return <NotReady message="The journal is kept per organization, and none is loaded." onBack={back} />;
	}
	return <JournalScreen journal={journal} onBack={back} height={height} width={size.columns} />;
}

/** At start, when the journal holds requests without an outcome: check them with AWS. */
export function ReconcileRoute({ context }: { readonly context: AnyContext }) {
	const { accounts, back, height, gateway } = context;
	const { organization, caller } = accounts;
	const [journal] = useState(() => (organization ? journalFor(context, organization.id) : undefined));
	if (!journal || !caller) return <NotReady message="The organization is not loaded." onBack={back} />;
	return <ReconcileScreen journal={journal} gateway={gateway} caller={caller} onBack={back} height={height} />;
}

/** True when this organization's journal holds requests with no outcome (checked once at start; needs settings). */
export function hasPendingRequests(context: Pick<AnyContext, 'settings'>, organizationId: string): boolean {
	if (!context.settings) return false;
	try {
		return journalFor(context, organizationId).pendingIntents().length > 0;
	} catch {
		return false;
	}
}

/**
 * The app shell: the header, the quota line and a stack of screens, the
 * dashboard at the bottom and others opened on top of it (Esc goes back one).
 * The organization's data and the dashboard's selection live here, so they
 * survive while other screens are open.
 *
 * Adding a screen: a member of `Route` (screens/context.ts), a case in
 * `Screen`, and (to open it from the dashboard) an entry in `DASHBOARD_ACTIONS`
 * for its command. Help and key hints list a command only once it has an action.
 */
import { Box, useApp, useStdout } from 'ink';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { accountArn } from '../domain/account.js';
import { breakGlassProblem } from '../domain/batch/quarantine.js';
import { chooseFlow, type FlowAction } from '../domain/flow-choice.js';
import { quotaUsage, resolveQuotaLimit } from '../domain/quota.js';
import { isOrgError } from '../org/errors.js';
import type { OrgReader } from '../org/gateway.js';
import { READ_ONLY_REFUSAL, writerOf } from '../org/read-only.js';
import type { Settings } from '../store/settings.js';
import { DEFAULT_QUARANTINE, prepareBatchCall, type QuarantineOptions } from './batch-calls.js';
import { insideTmux, osc52 } from './clipboard.js';
import { HEADER_LINES, Header } from './components/Header.js';
import { QUOTA_LINES, QuotaBar } from './components/QuotaBar.js';
import type { HelpSection } from './help.js';
import { type AccountsCache, type AccountsState, type LastSeenList, useAccounts } from './hooks/use-accounts.js';
import { useBatchQueue, useQueueNotice } from './hooks/use-batch-queue.js';
import { useDashboard } from './hooks/use-dashboard.js';
import { type ImpactCache, useImpact } from './hooks/use-impact.js';
import { useJournal, usePendingRequestsCheck, useRecordedClosureDates } from './hooks/use-journal.js';
import { useKeys } from './hooks/use-keys.js';
import { useRowTags } from './hooks/use-row-tags.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import { ThemeContext } from './hooks/use-theme.js';
import {
	BATCH_KEYS,
	DASHBOARD_KEYS,
	DETAILS_KEYS,
	FILTER_KEYS,
	FLOW_KEYS,
	GLOBAL_KEYS,
	HELP_KEYS,
	JOURNAL_KEYS,
	PROFILES_KEYS,
} from './keymap.js';
import { boundTo } from './keymap-lookup.js';
import { unmarkedNote } from './marks.js';
import { BatchMenuScreen } from './screens/BatchMenuScreen.js';
import { BatchPlanScreen } from './screens/BatchPlanScreen.js';
import type { ProfileSwitcher, Route, ScreenContext } from './screens/context.js';
import { type DashboardActions, DashboardScreen, offered, tableRows } from './screens/DashboardScreen.js';
import { DetailsScreen } from './screens/DetailsScreen.js';
import { FlowChoiceScreen } from './screens/FlowChoiceScreen.js';
import { HelpScreen } from './screens/HelpScreen.js';
import { JournalScreen } from './screens/JournalScreen.js';
import { NotReadyScreen } from './screens/NotReadyScreen.js';
import { ProfilesScreen } from './screens/ProfilesScreen.js';
import { QuarantinePlanScreen } from './screens/QuarantinePlanScreen.js';
import { RawAccountScreen } from './screens/RawAccountScreen.js';
import { ReconcileScreen } from './screens/ReconcileScreen.js';
import { colorsEnabled, createTheme, type Theme } from './theme.js';

/** Screens that use the whole terminal, without the header and the quota lines. */
const FULL_SCREEN: ReadonlySet<Route['screen']> = new Set(['help']);

/** Below this many rows the header and quota lines are left out, so the frame still fits. */
const MIN_ROWS_FOR_HEADER = 12;

/** c or x: opens what `chooseFlow` decides for the selected row (or the standalone account). */
function openFlow(action: FlowAction, { accounts, selected, open }: ScreenContext): void {
	const { failure } = accounts;
	const choice = chooseFlow({
		action,
		selected,
		organization: accounts.organization,
		caller: accounts.caller,
		accounts: accounts.accounts,
		notInOrganization:
			failure !== undefined && isOrgError(failure.error) && failure.error.code === 'AWSOrganizationsNotInUseException',
		cachedIds: accounts.cachedIds,
		listedAt: accounts.loadedAt,
	});
	if (choice) open({ screen: 'flow', choice });
}

/** y or Y: the selected account's id or ARN to the clipboard, said on the status line. */
function copySelected(what: 'id' | 'ARN', { selected, accounts, copy, notify }: ScreenContext): void {
	if (!selected) {
		notify('No account is selected: nothing copied.');
		return;
	}
	let text = selected.id;
	if (what === 'ARN') {
		const { organization } = accounts;
		if (!selected.raw?.Arn && !organization) {
			notify('The ARN needs the organization, which is not loaded yet: nothing copied (r retries).');
			return;
		}
		text = organization ? accountArn(selected, organization) : String(selected.raw?.Arn);
	}
	copy(text);
	notify(`Copied ${what} ${text} to the clipboard (through the terminal, OSC 52).`);
}

/** P: the profile picker, when the dashboard reads AWS. */
function openProfiles({ gateway, profiles, open, notify }: ScreenContext): void {
	if (gateway.kind === 'sandbox') {
		notify('The demo has no AWS profiles: P switches profiles when orgdash reads AWS (run it without --demo).');
		return;
	}
	if (!profiles) {
		notify('Switching profiles is not available here.');
		return;
	}
	open({ screen: 'profiles' });
}

/** a: the action menu for the marked accounts, or the selected one when none is marked. */
function openBatchMenu({ markedAccountIds, selected, open, notify }: ScreenContext): void {
	const ids = markedAccountIds && markedAccountIds.size > 0 ? [...markedAccountIds] : selected ? [selected.id] : [];
	if (ids.length === 0) {
		notify('No account is marked or selected: nothing to act on.');
		return;
	}
	open({ screen: 'batch-menu', accountIds: ids });
}

/** Q: the queued batch (closures first), planned again against the list as loaded now. */
function openQueue({ queue, accounts, open, notify }: ScreenContext): void {
	if (!queue) {
		notify('The queue is kept per organization, and none is loaded yet.');
		return;
	}
	if (accounts.status === 'loading' || accounts.fromCache) {
		notify('The queue is checked against the organization as AWS lists it: wait for the list to load (r reloads).');
		return;
	}
	const { batches, problem } = queue.read();
	const batch = batches.find((item) => item.verb === 'close') ?? batches[0];
	if (!batch) {
		notify(problem ?? 'Nothing is queued.');
		return;
	}
	open({ screen: 'batch-plan', verb: batch.verb, accountIds: batch.accountIds, queued: true });
}

/** What each dashboard key does. A command missing here does nothing and is not offered. */
export const DASHBOARD_ACTIONS: DashboardActions = {
	'move-up': ({ dashboard }) => dashboard.move('up'),
	'move-down': ({ dashboard }) => dashboard.move('down'),
	'page-up': ({ dashboard }) => dashboard.move('page-up'),
	'page-down': ({ dashboard }) => dashboard.move('page-down'),
	top: ({ dashboard }) => dashboard.move('top'),
	bottom: ({ dashboard }) => dashboard.move('bottom'),
	filter: ({ dashboard }) => dashboard.startFilter(),
	'clear-filter': ({ dashboard }) => {
		if (!dashboard.cancelRange() && dashboard.state.query) dashboard.clearFilter();
	},
	sort: ({ dashboard }) => dashboard.cycleSort(),
	'reverse-sort': ({ dashboard }) => dashboard.reverseSort(),
	details: ({ selected, open }) => {
		if (selected) open({ screen: 'details', accountId: selected.id });
	},
	raw: ({ selected, open }) => {
		if (selected) open({ screen: 'raw', accountId: selected.id });
	},
	'copy-id': (context) => copySelected('id', context),
	'copy-arn': (context) => copySelected('ARN', context),
	mark: ({ dashboard, notify }) => notify(dashboard.toggleMark()),
	'mark-range': ({ dashboard, notify }) => notify(dashboard.markRange()),
	'mark-all': ({ dashboard, notify }) => notify(dashboard.markAllShown()),
	'unmark-all': ({ dashboard, notify }) => notify(dashboard.clearMarks()),
	close: (context) => openFlow('close', context),
	remove: (context) => openFlow('remove', context),
	batch: openBatchMenu,
	queue: openQueue,
	journal: ({ open }) => open({ screen: 'journal' }),
	profiles: openProfiles,
	refresh: ({ accounts }) => accounts.refresh(),
	help: ({ open }) => open({ screen: 'help' }),
	quit: ({ quit }) => quit(),
};

/** The help screen's sections: generated from the keymap, only commands that are handled (and allowed: read-only). */
export function helpSections(readOnly = false): HelpSection[] {
	return [
		{
			title: 'Dashboard',
			bindings: boundTo(DASHBOARD_KEYS, (command) => offered(command, DASHBOARD_ACTIONS, readOnly)),
		},
		{ title: 'While typing a filter', bindings: FILTER_KEYS },
		{ title: "Account details (Enter) and AWS's record (J)", bindings: DETAILS_KEYS },
		...(readOnly
			? []
			: [
					{ title: 'Closing and removing (c, x)', bindings: FLOW_KEYS },
					{ title: 'A batch: its plan, confirmation and run (a, Q)', bindings: BATCH_KEYS },
				]),
		{ title: 'Journal (L)', bindings: JOURNAL_KEYS },
		{ title: 'AWS profiles (P)', bindings: PROFILES_KEYS },
		{ title: 'This help', bindings: HELP_KEYS },
		{ title: 'Anywhere', bindings: GLOBAL_KEYS },
	];
}

/**
 * The quarantine OU's name and the break-glass role the deny-all policy leaves out, from the environment
 * (ORGDASH_QUARANTINE_OU, ORGDASH_BREAK_GLASS_ROLE_ARN); a pattern that is not a role ARN is not used.
 */
function quarantineOptions(env: NodeJS.ProcessEnv = process.env): QuarantineOptions {
	const ouName = env.ORGDASH_QUARANTINE_OU?.trim();
	const breakGlass = env.ORGDASH_BREAK_GLASS_ROLE_ARN?.trim();
	return {
		...DEFAULT_QUARANTINE,
		...(ouName && /^[\s\S]{1,128}$/.test(ouName) ? { ouName } : {}),
		...(breakGlass
			? breakGlassProblem(breakGlass)
				? { breakGlassProblem: `ORGDASH_BREAK_GLASS_ROLE_ARN ${breakGlassProblem(breakGlass)} No role is left out.` }
				: { breakGlassRoleArn: breakGlass }
			: {}),
	};
}

function Screen({ route, context }: { readonly route: Route; readonly context: ScreenContext }) {
	const { accounts, journal, back, height, size } = context;
	switch (route.screen) {
		case 'dashboard':
			return <DashboardScreen context={context} actions={DASHBOARD_ACTIONS} />;
		case 'details':
			return <DetailsScreen context={context} accountId={route.accountId} />;
		case 'raw':
			return <RawAccountScreen context={context} accountId={route.accountId} />;
		case 'help':
			return <HelpScreen context={context} sections={helpSections(context.writer === undefined)} />;
		case 'flow':
			return <FlowChoiceScreen context={context} choice={route.choice} />;
		case 'journal':
			return journal ? (
				<JournalScreen journal={journal} onBack={back} height={height} width={size.columns} />
			) : (
				<NotReadyScreen message="The journal is kept per organization, and none is loaded." onBack={back} />
			);
		case 'profiles':
			return context.profiles ? (
				<ProfilesScreen
					switcher={context.profiles}
					current={context.gateway.target?.profile}
					onBack={back}
					height={height}
					width={size.columns}
				/>
			) : (
				<NotReadyScreen message="Switching profiles is not available here." onBack={back} />
			);
		case 'batch-menu':
			return <BatchMenuScreen context={context} accountIds={route.accountIds} />;
		case 'batch-plan': {
			const { writer } = context;
			if (!writer) return <NotReadyScreen message={`${READ_ONLY_REFUSAL}.`} onBack={back} />;
			if (journal && (route.verb === 'quarantine' || route.verb === 'move-back')) {
				return (
					<QuarantinePlanScreen
						context={context}
						writer={writer}
						verb={route.verb}
						accountIds={route.accountIds}
						queued={route.queued}
						options={quarantineOptions()}
					/>
				);
			}
			return journal ? (
				<BatchPlanScreen
					context={context}
					writer={writer}
					verb={route.verb}
					accountIds={route.accountIds}
					queued={route.queued}
					prepareCall={(plan) =>
						prepareBatchCall({
							plan,
							gateway: writer,
							accounts: accounts.accounts,
							quarantine: DEFAULT_QUARANTINE,
						})
					}
				/>
			) : (
				<NotReadyScreen message="The organization is not loaded: a batch needs its journal." onBack={back} />
			);
		}
		case 'reconcile':
			return journal && accounts.caller ? (
				<ReconcileScreen
					journal={journal}
					gateway={context.gateway}
					caller={accounts.caller}
					onBack={back}
					height={height}
				/>
			) : (
				<NotReadyScreen message="The organization is not loaded." onBack={back} />
			);
	}
}

/** What the dashboard ends with (`waitUntilExit` resolves with it): the exit code follows it. */
export interface DashboardOutcome {
	/** The organization could not be read in this run: a load failed and no live list was read. */
	readonly readFailed: boolean;
}

export function dashboardOutcome(accounts: AccountsState): DashboardOutcome {
	const liveListRead = accounts.loadedAt !== undefined && !accounts.fromCache;
	return { readFailed: accounts.failure !== undefined && !liveListRead };
}

export interface AppProps {
	/** In read-only mode a reader without write methods (org/read-only.ts): then nothing is offered that changes AWS. */
	readonly gateway: OrgReader;
	/** Remembered sort and the user's quota figure; absent in some tests. */
	readonly settings?: Settings;
	/** The last known account list, shown at once while the live list loads. */
	readonly cache?: AccountsCache;
	/** The list last seen from this source, read before the start: shown unchecked until AWS names its owner. */
	readonly lastSeen?: LastSeenList | undefined;
	/** The last organization impact scan, shown at once while the new one runs. */
	readonly impactCache?: ImpactCache;
	/** Overrides NO_COLOR detection (tests). */
	readonly theme?: Theme;
	/** The command line's --quota, for the organization this dashboard reads (remembered for it; 'off' forgets it). */
	readonly quotaFlag?: number | 'off' | undefined;
	/** P's profile picker; absent for the demo. */
	readonly profiles?: ProfileSwitcher | undefined;
}

export function App({ gateway, settings, cache, lastSeen, impactCache, theme, quotaFlag, profiles }: AppProps) {
	const { exit } = useApp();
	const { stdout } = useStdout();
	const [notice, setNotice] = useState<string | undefined>(undefined);
	const copy = useCallback((text: string) => stdout.write(osc52(text, insideTmux())), [stdout]);
	const size = useTerminalSize();
	const accounts = useAccounts(gateway, { cache, lastSeen });
	// The writes, when the object handed in has them; none in read-only mode.
	const writer = useMemo(() => writerOf(gateway), [gateway]);
	const impact = useImpact(gateway, accounts, impactCache);
	const [routes, setRoutes] = useState<readonly Route[]>([{ screen: 'dashboard' }]);
	const route = routes[routes.length - 1] as Route;
	// On a very short terminal the header and quota lines give way to the list.
	const compact = size.rows < MIN_ROWS_FOR_HEADER;
	const fullScreen = FULL_SCREEN.has(route.screen) || compact;

	// One line short of the terminal: a frame as tall as the terminal makes Ink clear the screen on every render.
	const frameHeight = Math.max(1, size.rows - 1);
	const chromeHeight = compact ? 0 : HEADER_LINES + QUOTA_LINES;
	const underChrome = Math.max(1, frameHeight - chromeHeight);
	const bodyHeight = FULL_SCREEN.has(route.screen) ? frameHeight : underChrome;
	// The list's window does not depend on the screen on top of it.
	// The tags of the rows on screen, read once the live list is complete, for the filter's `tag:` term.
	const tagCacheKey = useMemo(
		() =>
			impactCache && accounts.organization?.id && accounts.caller?.accountId
				? { cache: impactCache, organizationId: accounts.organization.id, callerId: accounts.caller.accountId }
				: undefined,
		[impactCache, accounts.organization?.id, accounts.caller?.accountId],
	);
	const rowTags = useRowTags(
		gateway,
		accounts.status === 'ready' && !accounts.fromCache && accounts.loadedAt
			? accounts.loadedAt.toISOString()
			: undefined,
		tagCacheKey,
	);
	const dashboard = useDashboard(accounts.accounts, tableRows(underChrome), settings, impact.costOf, rowTags.tags);
	const onScreenIds = [dashboard.selected?.id, ...dashboard.rows.map((account) => account.id)]
		.filter((id) => id !== undefined)
		.join(' ');
	const wantTags = rowTags.want;
	useEffect(() => {
		wantTags(onScreenIds ? onScreenIds.split(' ') : []);
	}, [wantTags, onScreenIds]);

	// Read once per organization (conf reads its file on every access); --quota applies to the organization read.
	const organizationId = accounts.organization?.id;
	const quotaOverride = useMemo(
		() => (organizationId && settings ? settings.applyQuotaFlag(organizationId, quotaFlag) : undefined),
		[organizationId, settings, quotaFlag],
	);
	const journal = useJournal(settings, accounts.organization?.id);
	const queue = useBatchQueue(settings, accounts.organization?.id);
	// Closure dates on record let the quota line say when closed accounts stop counting; AWS does not list them.
	// Read again when a load ends or a screen closes (a flow may have written to the journal).
	const closedAtById = useRecordedClosureDates(
		journal,
		accounts.loadedAt ? `${accounts.loadedAt}/${routes.length}` : undefined,
	);
	const usage = useMemo(() => quotaUsage(accounts.accounts, closedAtById), [accounts.accounts, closedAtById]);
	const limit = useMemo(
		() => (accounts.quota ? resolveQuotaLimit(accounts.quota, quotaOverride) : undefined),
		[accounts.quota, quotaOverride],
	);
	const activeTheme = useMemo(() => theme ?? createTheme(colorsEnabled()), [theme]);

	// The only place the program is told to end; it ends with what the last state says about the load.
	const latestAccounts = useRef(accounts);
	latestAccounts.current = accounts;
	const quit = useCallback(() => exit(dashboardOutcome(latestAccounts.current)), [exit]);
	const open = useCallback((next: Route) => setRoutes((stack) => [...stack, next]), []);
	const back = useCallback(() => setRoutes((stack) => (stack.length > 1 ? stack.slice(0, -1) : stack)), []);

	// Ctrl-C quits from every screen, a flow's text fields included.
	useKeys({ bindings: GLOBAL_KEYS, on: { quit } });

	// Requests an earlier run sent without recording AWS's answer: shown and checked once the organization is known.
	const openReconcile = useCallback(() => open({ screen: 'reconcile' }), [open]);
	usePendingRequestsCheck(
		journal,
		settings,
		accounts.organization !== undefined && accounts.caller !== undefined,
		openReconcile,
	);

	// A marked account gone from a complete list read from AWS is unmarked, and the status line says which.
	const { loadedAt, fromCache, status } = accounts;
	const listed = useRef(accounts.accounts);
	listed.current = accounts.accounts;
	const { pruneMarks } = dashboard;
	useEffect(() => {
		if (!loadedAt || fromCache || status !== 'ready') return;
		const removed = pruneMarks(listed.current);
		if (removed.length > 0) setNotice(unmarkedNote(removed));
	}, [loadedAt, fromCache, status, pruneMarks]);

	useQueueNotice(
		queue,
		journal,
		accounts.organization,
		accounts.accounts,
		accounts.loadedAt !== undefined && !accounts.fromCache && accounts.status !== 'loading',
		setNotice,
	);

	const context: ScreenContext = {
		gateway,
		writer,
		settings,
		profiles,
		accounts,
		impact,
		journal,
		queue,
		dashboard,
		markedAccountIds: dashboard.state.marked,
		selected: dashboard.selected,
		size,
		height: bodyHeight,
		notice,
		notify: setNotice,
		copy,
		open,
		back,
		quit,
	};

	return (
		<ThemeContext.Provider value={activeTheme}>
			<Box flexDirection="column" width={size.columns} height={frameHeight}>
				{fullScreen ? null : (
					<>
						<Header
							organization={accounts.organization}
							caller={accounts.caller}
							// The error panel shows a failed load in full; the header's one line would only cut it short.
							callerError={
								accounts.callerError && accounts.failure && accounts.accounts.length === 0
									? 'the reason is below'
									: accounts.callerError
							}
							kind={gateway.kind}
							readOnly={writer === undefined}
							target={gateway.target}
							loading={accounts.status === 'loading'}
							loadedAt={accounts.loadedAt}
							fromCache={accounts.fromCache}
							checking={accounts.unchecked !== undefined}
						/>
						<QuotaBar
							usage={usage}
							limit={limit}
							unavailableReason={accounts.quota?.unavailableReason}
							invitations={accounts.quota?.invitations}
							complete={accounts.loadedAt !== undefined && !accounts.fromCache}
							known={accounts.organization !== undefined}
							width={size.columns}
						/>
					</>
				)}
				<Screen route={route} context={context} />
			</Box>
		</ThemeContext.Provider>
	);
}

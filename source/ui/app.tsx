/**
 * The screen router. Screens stack: the dashboard at the bottom, others opened
 * on top of it (Esc goes back one). The organization's data and the
 * dashboard's selection live here, so they survive while other screens are open.
 *
 * Adding a screen: a member of `Route`, a case in `Screen`, and (to open it
 * from the dashboard) an entry in `DASHBOARD_ACTIONS` for its command. Help
 * and key hints list a command only once it has an action.
 */
import { Box, useApp, useInput } from 'ink';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { quotaUsage, resolveQuotaLimit } from '../domain/quota.js';
import type { OrgGateway } from '../org/gateway.js';
import type { Settings } from '../store/settings.js';
import { HEADER_LINES, Header } from './components/Header.js';
import { QUOTA_LINES, QuotaBar } from './components/QuotaBar.js';
import type { HelpSection } from './help.js';
import { type AccountsCache, useAccounts } from './hooks/use-accounts.js';
import { useDashboard } from './hooks/use-dashboard.js';
import { useNow } from './hooks/use-now.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import { ThemeContext } from './hooks/use-theme.js';
import {
	boundTo,
	commandFor,
	DASHBOARD_KEYS,
	DETAILS_KEYS,
	FILTER_KEYS,
	FLOW_KEYS,
	GLOBAL_KEYS,
	HELP_KEYS,
	JOURNAL_KEYS,
} from './keymap.js';
import type { ScreenContext } from './screens/context.js';
import { type DashboardActions, DashboardScreen, tableRows } from './screens/DashboardScreen.js';
import { DetailsScreen } from './screens/DetailsScreen.js';
import {
	CloseRoute,
	hasPendingRequests,
	JournalRoute,
	ReconcileRoute,
	RemoveRoute,
	recordedClosureDates,
	standaloneCaller,
} from './screens/FlowChoiceScreen.js';
import { HelpScreen } from './screens/HelpScreen.js';
import { colorsEnabled, createTheme, type Theme } from './theme.js';

export type Route =
	| { readonly screen: 'dashboard' }
	| { readonly screen: 'details'; readonly accountId: string }
	| { readonly screen: 'help' }
	| { readonly screen: 'close'; readonly accountId: string }
	| { readonly screen: 'remove'; readonly accountId: string }
	| { readonly screen: 'journal' }
	| { readonly screen: 'reconcile' };

export type AppContext = ScreenContext<Route>;

/** Screens that use the whole terminal, without the header and the quota lines. */
const FULL_SCREEN: ReadonlySet<Route['screen']> = new Set(['help']);

const HELP: Route = { screen: 'help' };

/** Below this many rows the header and quota lines are left out, so the frame still fits. */
const MIN_ROWS_FOR_HEADER = 12;

/** What each dashboard key does. A command missing here does nothing and is not offered. */
export const DASHBOARD_ACTIONS: DashboardActions<Route> = {
	'move-up': ({ dashboard }) => dashboard.move('up'),
	'move-down': ({ dashboard }) => dashboard.move('down'),
	'page-up': ({ dashboard }) => dashboard.move('page-up'),
	'page-down': ({ dashboard }) => dashboard.move('page-down'),
	top: ({ dashboard }) => dashboard.move('top'),
	bottom: ({ dashboard }) => dashboard.move('bottom'),
	filter: ({ dashboard }) => dashboard.startFilter(),
	'clear-filter': ({ dashboard }) => {
		if (dashboard.state.query) dashboard.clearFilter();
	},
	sort: ({ dashboard }) => dashboard.cycleSort(),
	details: ({ selected, open }) => {
		if (selected) open({ screen: 'details', accountId: selected.id });
	},
	// A row shown from the cache is refused by the route until AWS confirms it; the flow also reads the account afresh.
	close: (context) => {
		const accountId = context.selected?.id ?? standaloneCaller(context)?.accountId;
		if (accountId) context.open({ screen: 'close', accountId });
	},
	remove: ({ selected, open }) => {
		if (selected) open({ screen: 'remove', accountId: selected.id });
	},
	journal: ({ open }) => open({ screen: 'journal' }),
	refresh: ({ accounts }) => accounts.refresh(),
	help: ({ open }) => open(HELP),
	quit: ({ quit }) => quit(),
};

/** The help screen's sections: generated from the keymap, only commands that are handled. */
export function helpSections(): HelpSection[] {
	return [
		{ title: 'Dashboard', bindings: boundTo(DASHBOARD_KEYS, (command) => DASHBOARD_ACTIONS[command] !== undefined) },
		{ title: 'While typing a filter', bindings: FILTER_KEYS },
		{ title: 'Account details', bindings: DETAILS_KEYS },
		{ title: 'Closing and removing (c, x)', bindings: FLOW_KEYS },
		{ title: 'Journal (L)', bindings: JOURNAL_KEYS },
		{ title: 'This help', bindings: HELP_KEYS },
		{ title: 'Anywhere', bindings: GLOBAL_KEYS },
	];
}

function Screen({ route, context }: { readonly route: Route; readonly context: AppContext }) {
	switch (route.screen) {
		case 'dashboard':
			return <DashboardScreen context={context} actions={DASHBOARD_ACTIONS} />;
		case 'details':
			return <DetailsScreen context={context} accountId={route.accountId} helpRoute={HELP} />;
		case 'help':
			return <HelpScreen context={context} sections={helpSections()} />;
		case 'close':
			return <CloseRoute context={context} accountId={route.accountId} />;
		case 'remove':
			return <RemoveRoute context={context} accountId={route.accountId} />;
		case 'journal':
			return <JournalRoute context={context} />;
		case 'reconcile':
			return <ReconcileRoute context={context} />;
	}
}

export interface AppProps {
	readonly gateway: OrgGateway;
	/** Remembered sort and the user's quota figure; absent in some tests. */
	readonly settings?: Settings;
	/** The last known account list, shown at once while the live list loads. */
	readonly cache?: AccountsCache;
	/** Overrides NO_COLOR detection (tests). */
	readonly theme?: Theme;
}

export function App({ gateway, settings, cache, theme }: AppProps) {
	const { exit } = useApp();
	const size = useTerminalSize();
	const now = useNow();
	const accounts = useAccounts(gateway, { cache });
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
	const dashboard = useDashboard(accounts.accounts, tableRows(underChrome), settings);

	// Read once: conf reads its file on every access.
	const [quotaOverride] = useState(() => settings?.quotaOverride);
	// Closure dates on record let the quota line say when closed accounts stop counting; AWS does not list them.
	// Read again when a load ends or a screen closes (a flow may have written to the journal).
	const organizationId = accounts.organization?.id;
	const journalReadAt = accounts.loadedAt ? `${accounts.loadedAt}/${routes.length}` : undefined;
	const closedAtById = useMemo(
		() => (organizationId && journalReadAt ? recordedClosureDates(settings, organizationId) : undefined),
		[organizationId, journalReadAt, settings],
	);
	const usage = useMemo(() => quotaUsage(accounts.accounts, closedAtById), [accounts.accounts, closedAtById]);
	const limit = useMemo(
		() => (accounts.quota ? resolveQuotaLimit(accounts.quota, quotaOverride) : undefined),
		[accounts.quota, quotaOverride],
	);
	const activeTheme = useMemo(() => theme ?? createTheme(colorsEnabled()), [theme]);

	// The only place the program is told to end.
	const quit = useCallback(() => exit(), [exit]);
	const open = useCallback((next: Route) => setRoutes((stack) => [...stack, next]), []);
	const back = useCallback(() => setRoutes((stack) => (stack.length > 1 ? stack.slice(0, -1) : stack)), []);

	useInput((input, key) => {
		if (commandFor(GLOBAL_KEYS, input, key) === 'quit') quit();
	});

	// Requests an earlier run sent without recording AWS's answer: shown and checked once the organization is known.
	const reconcileChecked = useRef(false);
	useEffect(() => {
		if (reconcileChecked.current || !accounts.organization || !accounts.caller) return;
		reconcileChecked.current = true;
		if (hasPendingRequests({ settings }, accounts.organization.id)) open({ screen: 'reconcile' });
	}, [accounts.organization, accounts.caller, settings, open]);

	const context: AppContext = {
		gateway,
		settings,
		accounts,
		dashboard,
		selected: dashboard.selected,
		size,
		height: bodyHeight,
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
							callerError={accounts.callerError}
							kind={gateway.kind}
							loading={accounts.status === 'loading'}
							loadedAt={accounts.loadedAt}
							fromCache={accounts.fromCache}
							now={now}
						/>
						<QuotaBar
							usage={usage}
							limit={limit}
							unavailableReason={accounts.quota?.unavailableReason}
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

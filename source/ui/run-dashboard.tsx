/** Renders the dashboard and resolves when it has been quit. Imported lazily: only the dashboard needs Ink and React. */
import { render } from 'ink';
import { useMemo, useState } from 'react';
import type { OrgReader } from '../org/gateway.js';
import type { Settings } from '../store/settings.js';
import { accountsCacheFor, impactCacheFor } from './accounts-cache.js';
import { App, type DashboardOutcome } from './app.js';
import type { LastSeenList } from './hooks/use-accounts.js';
import type { ProfileList, ProfileSwitcher } from './screens/context.js';
import type { Theme } from './theme.js';

/** The terminal's alternate screen (as full-screen tools use it): the shell's screen and scrollback come back on leaving. */
export const ENTER_ALTERNATE_SCREEN = '\u001b[?1049h';
export const LEAVE_ALTERNATE_SCREEN = '\u001b[?1049l';

/** Signals that end the dashboard the way q does, so the terminal is always restored. */
const ENDING_SIGNALS = ['SIGTERM', 'SIGHUP', 'SIGINT'] as const;

export type DashboardEnd = DashboardOutcome & {
	/** The signal that ended it, when one did. */
	readonly signal?: (typeof ENDING_SIGNALS)[number];
};

/** Where the profile picker reads profiles and how it opens one (from the command line, which knows the adapter). */
export interface ProfileSource {
	list(): Promise<ProfileList>;
	/** A gateway for the profile, as the command line would make it with --profile. */
	open(profile: string): Promise<OrgReader>;
}

export interface DashboardOptions {
	/** --quota, for the organization the dashboard opens with. */
	readonly quotaFlag?: number | 'off' | undefined;
	/** For P; absent for the demo. */
	readonly profiles?: ProfileSource | undefined;
	/** The list last seen from the first gateway's source, for its first frame (see use-accounts.ts). */
	readonly lastSeen?: LastSeenList | undefined;
}

/**
 * The app for one profile at a time: switching profiles makes a new app, with
 * the new gateway's cache and, once its organization is read, that
 * organization's journal. --quota belongs to the first one only.
 */
export function Dashboards({
	gateway,
	settings,
	options,
	theme,
}: {
	readonly gateway: OrgReader;
	readonly settings: Settings;
	readonly options: DashboardOptions;
	/** Overrides NO_COLOR detection (tests). */
	readonly theme?: Theme;
}) {
	const [current, setCurrent] = useState({ gateway, quotaFlag: options.quotaFlag, generation: 0 });
	const source = options.profiles;
	const switcher = useMemo<ProfileSwitcher | undefined>(
		() =>
			source && {
				list: () => source.list(),
				switchTo: async (profile) => {
					const next = await source.open(profile);
					setCurrent((previous) => ({ gateway: next, quotaFlag: undefined, generation: previous.generation + 1 }));
				},
			},
		[source],
	);
	return (
		<App
			// A new app, not new props: every load, screen and selection of the previous profile ends with it.
			key={current.generation}
			gateway={current.gateway}
			settings={settings}
			cache={accountsCacheFor(current.gateway)}
			lastSeen={current.generation === 0 ? options.lastSeen : undefined}
			impactCache={impactCacheFor(current.gateway)}
			{...(theme ? { theme } : {})}
			quotaFlag={current.quotaFlag}
			profiles={switcher}
		/>
	);
}

export async function runDashboard(
	gateway: OrgReader,
	settings: Settings,
	options: DashboardOptions = {},
): Promise<DashboardEnd> {
	const stdout = process.stdout;
	stdout.write(ENTER_ALTERNATE_SCREEN);
	let left = false;
	const leave = () => {
		if (left) return;
		left = true;
		stdout.write(LEAVE_ALTERNATE_SCREEN);
	};
	// A last resort for an exit that skips the code below (an uncaught error): the shell's screen still comes back.
	process.once('exit', leave);
	const instance = render(<Dashboards gateway={gateway} settings={settings} options={options} />, {
		// Ctrl-C goes through the keymap, so quitting always aborts loads the same way.
		exitOnCtrlC: false,
		maxFps: 60,
		// Not Ink's incrementalRendering: in Ink 6.8 it left a stale first frame above the dashboard (seen in tmux).
	});
	let signal: DashboardEnd['signal'];
	const handlers = ENDING_SIGNALS.map((name) => {
		const handler = () => {
			signal = name;
			instance.unmount();
		};
		process.on(name, handler);
		return [name, handler] as const;
	});
	try {
		const outcome = (await instance.waitUntilExit()) as DashboardOutcome | undefined;
		return { readFailed: outcome?.readFailed ?? false, ...(signal ? { signal } : {}) };
	} finally {
		for (const [name, handler] of handlers) process.off(name, handler);
		leave();
		process.off('exit', leave);
	}
}

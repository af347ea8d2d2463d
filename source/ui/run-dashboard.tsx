/** Renders the dashboard and resolves when it has been quit. Imported lazily, after NODE_ENV is settled. */
import { render } from 'ink';
import type { OrgGateway } from '../org/gateway.js';
import type { Settings } from '../store/settings.js';
import { accountsCacheFor, impactCacheFor } from './accounts-cache.js';
import { App, type DashboardOutcome } from './app.js';

/** The terminal's alternate screen (as full-screen tools use it): the shell's screen and scrollback come back on leaving. */
export const ENTER_ALTERNATE_SCREEN = '\u001b[?1049h';
export const LEAVE_ALTERNATE_SCREEN = '\u001b[?1049l';

/** Signals that end the dashboard the way q does, so the terminal is always restored. */
const ENDING_SIGNALS = ['SIGTERM', 'SIGHUP', 'SIGINT'] as const;

export type DashboardEnd = DashboardOutcome & {
	/** The signal that ended it, when one did. */
	readonly signal?: (typeof ENDING_SIGNALS)[number];
};

export async function runDashboard(gateway: OrgGateway, settings: Settings): Promise<DashboardEnd> {
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
	const instance = render(
		<App
			gateway={gateway}
			settings={settings}
			cache={accountsCacheFor(gateway)}
			impactCache={impactCacheFor(gateway)}
		/>,
		{
			// Ctrl-C goes through the keymap, so quitting always aborts loads the same way.
			exitOnCtrlC: false,
			maxFps: 60,
			// Not Ink's incrementalRendering: in Ink 6.8 it left a stale first frame above the dashboard (seen in tmux).
		},
	);
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

/** Renders the dashboard and resolves when it has been quit. Imported lazily, after NODE_ENV is settled. */
import { render } from 'ink';
import type { OrgGateway } from '../org/gateway.js';
import type { Settings } from '../store/settings.js';
import { accountsCacheFor } from './accounts-cache.js';
import { App } from './app.js';

export async function runDashboard(gateway: OrgGateway, settings: Settings): Promise<void> {
	const instance = render(<App gateway={gateway} settings={settings} cache={accountsCacheFor(gateway)} />, {
		// Ctrl-C goes through the keymap, so quitting always aborts loads the same way.
		exitOnCtrlC: false,
		maxFps: 60,
		// Not Ink's incrementalRendering: in Ink 6.8 it left a stale first frame above the dashboard (seen in tmux).
	});
	await instance.waitUntilExit();
}

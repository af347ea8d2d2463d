/**
 * Start to first row, and to the whole list: `node dist/cli.js` in a real
 * 120x40 pseudo-terminal, timed from the spawn.
 */

import { type PtyRun, runInPty, terminalEnvironment } from '../../test/support/pty.js';
import { motoEnvironment } from './aws-cli.js';
import { loadedTotal } from './loaded.js';
import { cliPath } from './paths.js';

/** An account row of the dashboard: a 12-digit id, and further on a state (the header has ids but no state). */
const ACCOUNT_ROW = /\b\d{12}\b.*\b(ACTIVE|SUSPENDED|CLOSED|PENDING_CLOSURE|PENDING_ACTIVATION)\b/;

export interface StartTimes {
	/** Spawn to the first account row on screen (ms). */
	readonly firstRowMs: number;
	/** Spawn to the status line counting every account, with none left from the cache (ms). */
	readonly wholeListMs: number;
	/** What the status line counted. */
	readonly total: number;
	/** Peak resident memory of the process (MB), where readable. */
	readonly peakMemoryMB: number | undefined;
}

export async function timeStart(
	args: readonly string[],
	options: { env?: NodeJS.ProcessEnv; expectedTotal?: number; timeoutMs?: number } = {},
): Promise<StartTimes> {
	const expected = options.expectedTotal;
	const run: PtyRun = await runInPty(
		process.execPath,
		[cliPath, ...args],
		[
			{ name: 'firstRow', seen: (screen) => screen.some((line) => ACCOUNT_ROW.test(line)) },
			{
				name: 'wholeList',
				seen: (screen) => {
					const total = loadedTotal(screen);
					return total !== undefined && (expected === undefined || total === expected);
				},
			},
		],
		{
			env: options.env ?? terminalEnvironment(),
			timeoutMs: options.timeoutMs ?? 180_000,
			quitKeys: 'q',
			measurePeakMemory: true,
			// Let the program finish what it does after the list (the cache write) before it is asked to quit.
			settleMs: 300,
		},
	);
	const { firstRow, wholeList } = run.times;
	if (firstRow === undefined || wholeList === undefined) {
		const missing =
			firstRow === undefined ? 'no account row' : `no status line counting ${expected ?? 'every'} accounts`;
		throw new Error(
			`orgdash ${args.join(' ')}: ${missing} within ${(options.timeoutMs ?? 180_000) / 1000} s${
				run.exitCode !== undefined ? ` (exited with ${run.exitCode})` : ''
			}. Last screen:\n${run.lastScreen.filter(Boolean).slice(0, 12).join('\n')}`,
		);
	}
	return {
		firstRowMs: firstRow,
		wholeListMs: wholeList,
		total: loadedTotal(run.lastScreen) ?? expected ?? 0,
		peakMemoryMB: run.peakMemoryMB,
	};
}

/** The environment for orgdash on a moto server: dummy credentials, its own settings folder (for the cache). */
export function motoStartEnvironment(configDirectory: string): NodeJS.ProcessEnv {
	return terminalEnvironment({ ...motoEnvironment(), ORGDASH_CONFIG_DIR: configDirectory });
}

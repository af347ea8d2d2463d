/**
 * Runs a command in a real pseudo-terminal and times, from just before the
 * spawn, the moments when given things first appear on its screen.
 */
import { readFileSync } from 'node:fs';
import pty from '@lydell/node-pty';
import { VirtualScreen } from './screen.js';

export interface ScreenWatch {
	readonly name: string;
	/** Gets the visible rows of the screen. */
	readonly seen: (screen: readonly string[]) => boolean;
}

export interface PtyOptions {
	readonly columns?: number;
	readonly rows?: number;
	readonly env?: NodeJS.ProcessEnv;
	readonly cwd?: string;
	/** Give up waiting for the watches after this long. */
	readonly timeoutMs?: number;
	/** Keys typed once every watch has been seen, before quitting (e.g. "q"). */
	readonly quitKeys?: string;
	/** Read the process's peak resident memory once every watch has been seen. */
	readonly measurePeakMemory?: boolean;
	/** Wait this long after the last watch before reading memory and quitting. */
	readonly settleMs?: number;
}

export interface PtyRun {
	/** Milliseconds from spawn to each watch, or undefined when it never appeared. */
	readonly times: Readonly<Record<string, number | undefined>>;
	/** Peak resident set size (MB), when asked for and readable (Linux /proc). */
	readonly peakMemoryMB?: number;
	readonly exitCode: number | undefined;
	/** The screen when the run ended (for error messages). */
	readonly lastScreen: string[];
	readonly timedOut: boolean;
}

/** An environment for a program that should draw as it would for a person at a terminal. */
export function terminalEnvironment(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	// After `extra`: an environment built from process.env (motoEnvironment, say) must not bring CI back.
	// A UTF-8 locale, as terminals have: the cut mark is `…` whatever the machine running the tests sets.
	const environment: NodeJS.ProcessEnv = { ...process.env, LC_ALL: 'C.UTF-8', ...extra, TERM: 'xterm-256color' };
	// Ink draws only the last frame, at exit, when it believes it runs in CI.
	delete environment.CI;
	delete environment.CONTINUOUS_INTEGRATION;
	delete environment.COLUMNS;
	delete environment.LINES;
	return environment;
}

/** VmHWM: the peak resident set size, the figure getrusage's ru_maxrss reports, read from outside the process. */
export function peakMemoryMB(pid: number): number | undefined {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
		return match ? Number(match[1]) / 1024 : undefined;
	} catch {
		return undefined;
	}
}

export function runInPty(
	file: string,
	args: readonly string[],
	watches: readonly ScreenWatch[],
	options: PtyOptions = {},
): Promise<PtyRun> {
	const columns = options.columns ?? 120;
	const rows = options.rows ?? 40;
	const screen = new VirtualScreen(columns, rows);
	const times: Record<string, number | undefined> = Object.fromEntries(watches.map((watch) => [watch.name, undefined]));
	const started = performance.now();
	const child = pty.spawn(file, [...args], {
		name: 'xterm-256color',
		cols: columns,
		rows,
		cwd: options.cwd ?? process.cwd(),
		env: (options.env ?? terminalEnvironment()) as Record<string, string>,
	});
	return new Promise((resolve) => {
		let exitCode: number | undefined;
		let finished = false;
		let peak: number | undefined;
		let timedOut = false;
		let quitting = false;
		let quitScheduled = false;

		const finish = () => {
			if (finished) return;
			finished = true;
			clearTimeout(deadline);
			clearTimeout(killTimer);
			resolve({ times, peakMemoryMB: peak, exitCode, lastScreen: screen.text(), timedOut });
		};
		let killTimer: NodeJS.Timeout | undefined;
		const quit = () => {
			if (quitting) return;
			quitting = true;
			if (options.measurePeakMemory) peak = peakMemoryMB(child.pid);
			if (options.quitKeys) child.write(options.quitKeys);
			killTimer = setTimeout(
				() => {
					try {
						child.kill('SIGKILL');
					} catch {
						// Already gone.
					}
				},
				options.quitKeys ? 3000 : 0,
			);
		};
		const deadline = setTimeout(() => {
			timedOut = true;
			quit();
		}, options.timeoutMs ?? 60_000);

		const allSeen = () => watches.every((watch) => times[watch.name] !== undefined);
		child.onData((data) => {
			const now = performance.now() - started;
			screen.write(data);
			if (quitting) return;
			const text = screen.text();
			for (const watch of watches) {
				if (times[watch.name] === undefined && watch.seen(text)) times[watch.name] = now;
			}
			if (!quitScheduled && allSeen()) {
				quitScheduled = true;
				setTimeout(quit, options.settleMs ?? 0);
			}
		});
		child.onExit(({ exitCode: code }) => {
			exitCode = code;
			// Output may still be draining; the screen is complete enough for error messages.
			setTimeout(finish, 20);
		});
	});
}

/**
 * Run as its own process by the benchmark (without CI in its environment:
 * Ink draws no live frames in CI): renders the real App with Ink's render(),
 * as the command line does, on a fake 120x40 terminal, with a sandbox
 * organization of N accounts, then times key presses from the moment the key
 * is written to stdin until the frame that shows its effect has been written
 * to stdout. Prints one JSON line (KeysChildResult).
 *
 *   node dist-tools/bench/keys-child.js --accounts 10000 --presses 40
 *
 * Ink throttles rendering (maxFps, 60 here as in the command line: at most one
 * frame per 17 ms, the first at once). Presses are spaced by the time the
 * screen needs to settle plus a random gap, like a person's, so a press meets
 * the throttle only where a real one would (right after another frame).
 */
import { EventEmitter } from 'node:events';
import { render } from 'ink';
import { createSandbox } from '../../source/org/sandbox/engine.js';
import { App } from '../../source/ui/app.js';
import { holdHeapGrowth } from '../../source/young-generation.js';
import { VirtualScreen } from '../../test/support/screen.js';
import { loadedTotal } from './loaded.js';

export const KEYS = {
	j: 'j',
	pageDown: '\u001B[6~',
	bottom: 'G',
	filterChar: '(filter)',
	mark: ' ',
	markAllFiltered: 'A',
} as const;
export type KeyName = keyof typeof KEYS;

export interface KeySamples {
	/** Key written to the first frame written after it (ms). */
	readonly firstFrame: number[];
	/** Key written to the last frame it caused, once the screen is quiet (ms). */
	readonly settledFrame: number[];
	/** The process's CPU time (user and system) from the key to its last frame (ms): the work, whatever the load. */
	readonly cpu: number[];
}

export interface KeysChildResult {
	readonly accounts: number;
	/** Render to the whole list on screen (ms). */
	readonly loadMs: number;
	readonly keys: Record<KeyName, KeySamples>;
	readonly maxRssMB: number;
}

const COLUMNS = 120;
const ROWS = 40;
/** No write for this long after a key: the screen has settled (well past Ink's 17 ms throttle). */
const QUIET_MS = 60;
/** A key with no frame at all after this long is a failure, not a sample. */
const KEY_TIMEOUT_MS = 5000;
/** Synchronized-output end marker: Ink ends each frame with it on a TTY. */
const END_SYNCHRONIZED = '\u001B[?2026l';

class FakeTerminalOutput extends EventEmitter {
	readonly isTTY = true;
	readonly columns = COLUMNS;
	readonly rows = ROWS;
	readonly screen = new VirtualScreen(COLUMNS, ROWS);
	/** performance.now() of each completed frame. */
	readonly frameTimes: number[] = [];
	private synchronized = false;

	write = (data: string | Uint8Array, callback?: () => void): boolean => {
		const now = performance.now();
		const text = typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
		// A terminal's line discipline turns \n into \r\n (onlcr); this stream is not a terminal, so do it here.
		this.screen.write(text.replace(/\r?\n/g, '\r\n'));
		if (text.includes('\u001B[?2026h')) this.synchronized = true;
		if (!this.synchronized || text.includes(END_SYNCHRONIZED)) this.frameTimes.push(now);
		callback?.();
		return true;
	};

	// Ink asks for these on some paths; a terminal that never blocks needs no more.
	cork(): void {}
	uncork(): void {}
	end(): void {}
}

class FakeTerminalInput extends EventEmitter {
	readonly isTTY = true;
	private pending: string[] = [];

	write(data: string): void {
		this.pending.push(data);
		this.emit('readable');
	}

	read = (): string | null => this.pending.shift() ?? null;
	// Ink calls these on a terminal; a fake one has nothing to set, and answers with itself as Node's streams do.
	readonly setEncoding = (): this => this;
	readonly setRawMode = (): this => this;
	readonly ref = (): this => this;
	readonly unref = (): this => this;
	readonly resume = (): this => this;
	readonly pause = (): this => this;
}

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
	const deadline = performance.now() + timeoutMs;
	while (!condition()) {
		if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await sleep(5);
	}
}

/** Resolves once no frame has been written for QUIET_MS. */
async function settle(output: FakeTerminalOutput): Promise<void> {
	for (;;) {
		const last = output.frameTimes[output.frameTimes.length - 1] ?? 0;
		const quietFor = performance.now() - last;
		if (quietFor >= QUIET_MS) return;
		await sleep(QUIET_MS - quietFor + 1);
	}
}

async function pressAndTime(
	input: FakeTerminalInput,
	output: FakeTerminalOutput,
	key: string,
): Promise<{ first: number; settled: number; cpu: number }> {
	const before = output.frameTimes.length;
	const cpuBefore = process.cpuUsage();
	const started = performance.now();
	input.write(key);
	await waitFor(() => output.frameTimes.length > before, KEY_TIMEOUT_MS, `a frame after key ${JSON.stringify(key)}`);
	await settle(output);
	// Includes the polling while the screen settles (a few timers, well under a millisecond).
	const used = process.cpuUsage(cpuBefore);
	const frames = output.frameTimes.slice(before);
	return {
		first: (frames[0] as number) - started,
		settled: (frames[frames.length - 1] as number) - started,
		cpu: (used.user + used.system) / 1000,
	};
}

function option(name: string, fallback: number): number {
	const index = process.argv.indexOf(name);
	const value = index >= 0 ? Number(process.argv[index + 1]) : Number.NaN;
	return Number.isFinite(value) && value > 0 ? value : fallback;
}

async function main(): Promise<void> {
	// As the command's dashboard does (source/cli.tsx).
	holdHeapGrowth();
	const accountCount = option('--accounts', 1000);
	const presses = option('--presses', 40);
	const output = new FakeTerminalOutput();
	const input = new FakeTerminalInput();
	const gateway = createSandbox({ accountCount });
	const started = performance.now();
	const instance = render(<App gateway={gateway} />, {
		stdout: output as unknown as NodeJS.WriteStream,
		stdin: input as unknown as NodeJS.ReadStream,
		stderr: output as unknown as NodeJS.WriteStream,
		// As the command line renders it (source/cli.tsx).
		exitOnCtrlC: false,
		maxFps: 60,
	});
	await waitFor(() => loadedTotal(output.screen.text()) !== undefined, 120_000, 'the whole list on screen').catch(
		(error: Error) => {
			throw new Error(`${error.message}; the screen:\n${output.screen.text().filter(Boolean).join('\n')}`);
		},
	);
	const loadMs = performance.now() - started;
	await settle(output);

	const keys: Record<KeyName, KeySamples> = {
		j: { firstFrame: [], settledFrame: [], cpu: [] },
		pageDown: { firstFrame: [], settledFrame: [], cpu: [] },
		bottom: { firstFrame: [], settledFrame: [], cpu: [] },
		filterChar: { firstFrame: [], settledFrame: [], cpu: [] },
		mark: { firstFrame: [], settledFrame: [], cpu: [] },
		markAllFiltered: { firstFrame: [], settledFrame: [], cpu: [] },
	};
	const record = (name: KeyName, time: { first: number; settled: number; cpu: number }) => {
		keys[name].firstFrame.push(time.first);
		keys[name].settledFrame.push(time.settled);
		keys[name].cpu.push(time.cpu);
	};
	// Letters and digits that occur in names, emails and ids, so each one really filters the whole list.
	const filterChars = 'a1e2o3s4r5';
	for (let press = 0; press < presses; press++) {
		record('j', await pressAndTime(input, output, KEYS.j));
		await sleep(Math.random() * 20);
		record('pageDown', await pressAndTime(input, output, KEYS.pageDown));
		await sleep(Math.random() * 20);
		record('bottom', await pressAndTime(input, output, KEYS.bottom));
		await pressAndTime(input, output, 'g');
		await sleep(Math.random() * 20);
		await pressAndTime(input, output, '/');
		record('filterChar', await pressAndTime(input, output, filterChars[press % filterChars.length] as string));
		// Esc leaves the filter and clears it; a lone Esc is read one tick late, so let it settle.
		await pressAndTime(input, output, '\u001B');
		await sleep(Math.random() * 20);
		record('mark', await pressAndTime(input, output, KEYS.mark));
		await sleep(Math.random() * 20);
		// A after a filter that keeps most of the list (the generated accounts are mostly active): thousands marked.
		await pressAndTime(input, output, '/');
		for (const char of 'state:active') await pressAndTime(input, output, char);
		await pressAndTime(input, output, '\r');
		record('markAllFiltered', await pressAndTime(input, output, KEYS.markAllFiltered));
		await pressAndTime(input, output, 'U');
		await pressAndTime(input, output, '\u001B');
		await sleep(Math.random() * 20);
	}
	instance.unmount();
	const result: KeysChildResult = {
		accounts: loadedTotal(output.screen.text()) ?? accountCount,
		loadMs,
		keys,
		maxRssMB: process.resourceUsage().maxRSS / 1024,
	};
	process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
		process.exit(1);
	},
);

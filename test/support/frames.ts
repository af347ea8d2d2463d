/**
 * Helpers for ink-testing-library: wait for the frame to show something
 * (never a fixed sleep: a lone Esc, for one, arrives a tick late), type keys
 * by name, and resize the test terminal.
 */
import type { EventEmitter } from 'node:events';

/** What a terminal sends for each key. */
export const KEY = {
	up: '\u001B[A',
	down: '\u001B[B',
	left: '\u001B[D',
	right: '\u001B[C',
	pageUp: '\u001B[5~',
	pageDown: '\u001B[6~',
	home: '\u001B[H',
	end: '\u001B[F',
	enter: '\r',
	escape: '\u001B',
	backspace: '\u007F',
	ctrlB: '\u0002',
	ctrlC: '\u0003',
	ctrlF: '\u0006',
	ctrlU: '\u0015',
} as const;

export interface FrameSource {
	lastFrame(): string | undefined;
}

export interface WaitOptions {
	readonly timeoutMs?: number;
	/** What the test waits for, for the failure message. */
	readonly description?: string;
}

const POLL_MS = 5;

/**
 * React attaches a new screen's key handler in an effect that runs just after
 * the frame is drawn; a person never types within that moment, so the helpers
 * let it pass before handing the frame back.
 */
async function settle(): Promise<void> {
	await new Promise((resolve) => setImmediate(resolve));
	await new Promise((resolve) => setTimeout(resolve, 0));
}

/** Resolves with the first frame for which `predicate` holds; rejects with the last frame after the timeout. */
export async function waitForFrame(
	source: FrameSource,
	predicate: (frame: string) => boolean,
	options: WaitOptions = {},
): Promise<string> {
	const { timeoutMs = 5000, description = 'the expected frame' } = options;
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const frame = source.lastFrame() ?? '';
		if (predicate(frame)) {
			await settle();
			return frame;
		}
		if (Date.now() > deadline) {
			throw new Error(`Timed out after ${timeoutMs} ms waiting for ${description}. Last frame:\n${frame}`);
		}
		await new Promise((resolve) => setTimeout(resolve, POLL_MS));
	}
}

/** Waits until the frame contains `text`. */
export function waitForText(source: FrameSource, text: string, options: WaitOptions = {}): Promise<string> {
	return waitForFrame(source, (frame) => frame.includes(text), { description: JSON.stringify(text), ...options });
}

/** Waits until the frame no longer contains `text`. */
export function waitForNoText(source: FrameSource, text: string, options: WaitOptions = {}): Promise<string> {
	return waitForFrame(source, (frame) => !frame.includes(text), {
		description: `${JSON.stringify(text)} to disappear`,
		...options,
	});
}

/** Writes `keys` and waits for a frame different from the one before. */
export async function pressAndWait(
	source: FrameSource & { stdin: { write(data: string): void } },
	keys: string,
	options: WaitOptions = {},
): Promise<string> {
	const before = source.lastFrame();
	source.stdin.write(keys);
	return waitForFrame(source, (frame) => frame !== before, {
		description: `the frame to change after ${JSON.stringify(keys)}`,
		...options,
	});
}

/** The line of the frame holding the selection marker (the selected account row). */
export function selectedLine(frame: string): string | undefined {
	return frame.split('\n').find((line) => line.startsWith('>'));
}

/** Changes the test terminal's size and tells the app, as a terminal's SIGWINCH would. */
export function resize(stdout: EventEmitter, columns: number, rows: number): void {
	Object.defineProperty(stdout, 'columns', { value: columns, configurable: true });
	Object.defineProperty(stdout, 'rows', { value: rows, configurable: true });
	stdout.emit('resize');
}

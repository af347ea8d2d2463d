/**
 * The built command (dist/cli.js) as the tests run it: a child process with
 * pipes, as a script runs it, or a real pseudo-terminal, as a person does.
 * `npm test` builds first.
 */
import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import pty from '@lydell/node-pty';
import { afterEach, beforeAll, beforeEach } from 'vitest';
import { VirtualScreen } from './screen.js';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BUILT_CLI = join(PROJECT_ROOT, 'dist', 'cli.js');

/** Throws, saying what to do, when the command was not built. */
export function assertBuiltCommand(): void {
	if (!existsSync(BUILT_CLI)) throw new Error('dist/cli.js is missing: run `npm run build` (npm test does it first).');
}

/** Fails the calling file's tests at once, saying what to do, when the command was not built. */
export function requireBuiltCommand(): void {
	beforeAll(assertBuiltCommand);
}

/** A new empty folder for each test of the calling file, removed after it; the function gives the current one. */
export function temporaryFolderForEachTest(prefix: string): () => string {
	let folder: string | undefined;
	beforeEach(() => {
		folder = mkdtempSync(join(tmpdir(), prefix));
	});
	afterEach(() => {
		if (folder) rmSync(folder, { recursive: true, force: true });
		folder = undefined;
	});
	return () => {
		if (!folder) throw new Error('The temporary folder exists only while a test runs.');
		return folder;
	};
}

/**
 * This process's environment without the developer's AWS settings or colour
 * choices, with orgdash's settings in `configDir` and no instance metadata
 * lookups; `extra` is added last.
 */
export function environmentWithoutAws(configDir: string, extra: NodeJS.ProcessEnv = {}): Record<string, string> {
	const environment: Record<string, string> = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (value !== undefined && !key.startsWith('AWS_') && key !== 'NO_COLOR' && key !== 'FORCE_COLOR') {
			environment[key] = value;
		}
	}
	const added: Record<string, string> = { ORGDASH_CONFIG_DIR: configDir, AWS_EC2_METADATA_DISABLED: 'true' };
	for (const [key, value] of Object.entries(extra)) if (value !== undefined) added[key] = value;
	return { ...environment, ...added };
}

/** The environment as a terminal gives it: TERM set, and no CI (Ink then draws only the last frame, at exit). */
export function asTerminal(environment: NodeJS.ProcessEnv): Record<string, string> {
	const terminal: Record<string, string> = {};
	for (const [key, value] of Object.entries(environment)) if (value !== undefined) terminal[key] = value;
	terminal.TERM = 'xterm-256color';
	delete terminal.CI;
	return terminal;
}

export interface CommandRun {
	readonly code: number | null;
	readonly stdout: string;
	readonly stderr: string;
	/** From the start to the exit. */
	readonly ms: number;
}

/** Collects a child's output until it closes. */
export function finished(
	child: ChildProcessByStdio<Writable | null, Readable, Readable>,
	started = Date.now(),
): Promise<CommandRun> {
	return new Promise((done, fail) => {
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => {
			stdout += chunk.toString();
		});
		child.stderr.on('data', (chunk: Buffer) => {
			stderr += chunk.toString();
		});
		child.on('error', fail);
		child.on('close', (code) => done({ code, stdout, stderr, ms: Date.now() - started }));
	});
}

/** Runs `orgdash ARGS` with pipes and an empty stdin, like a script would. */
export function runBuiltCommand(args: readonly string[], env: NodeJS.ProcessEnv): Promise<CommandRun> {
	const started = Date.now();
	const child = spawn(process.execPath, [BUILT_CLI, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
	child.stdin.end();
	return finished(child, started);
}

export interface TerminalOptions {
	/** Used as given: see asTerminal and terminalEnvironment. */
	readonly env: NodeJS.ProcessEnv;
	readonly columns: number;
	readonly rows: number;
}

/** `orgdash ARGS` in a pseudo-terminal: its output as written and as a screen shows it. */
export interface BuiltCommandInTerminal {
	readonly child: pty.IPty;
	/** Everything written so far, escape sequences included. */
	readonly output: () => string;
	readonly screen: VirtualScreen;
	/** How many writes came so far, and when the last one came (Date.now()). */
	readonly writes: () => number;
	readonly lastWriteAt: () => number;
	readonly exited: Promise<number>;
	/**
	 * Checks every pollMs until `check` holds; after timeoutMs, ends the
	 * command and throws the message (which should show what was on screen).
	 */
	waitUntil(check: () => boolean, message: () => string, timeoutMs: number, pollMs?: number): Promise<void>;
}

export function startBuiltCommandInTerminal(args: readonly string[], options: TerminalOptions): BuiltCommandInTerminal {
	const child = pty.spawn(process.execPath, [BUILT_CLI, ...args], {
		name: 'xterm-256color',
		cols: options.columns,
		rows: options.rows,
		env: options.env as Record<string, string>,
		cwd: PROJECT_ROOT,
	});
	const screen = new VirtualScreen(options.columns, options.rows);
	let output = '';
	let writes = 0;
	let lastWriteAt = 0;
	child.onData((data) => {
		output += data;
		screen.write(data);
		writes++;
		lastWriteAt = Date.now();
	});
	const exited = new Promise<number>((resolveExit) => child.onExit(({ exitCode }) => resolveExit(exitCode)));
	return {
		child,
		output: () => output,
		screen,
		writes: () => writes,
		lastWriteAt: () => lastWriteAt,
		exited,
		async waitUntil(check, message, timeoutMs, pollMs = 20) {
			const deadline = Date.now() + timeoutMs;
			while (!check()) {
				if (Date.now() > deadline) {
					child.kill();
					throw new Error(message());
				}
				await new Promise((wait) => setTimeout(wait, pollMs));
			}
		},
	};
}

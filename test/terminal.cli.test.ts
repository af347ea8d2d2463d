/**
 * The built command's dashboard as a terminal sees it, byte for byte: it runs
 * on the alternate screen and leaves it on every way out (q, ctrl-c, SIGTERM),
 * its exit code says whether the organization could be read, and a terminal
 * that cannot move the cursor gets one clear line instead of a redrawn screen.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pty from '@lydell/node-pty';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freePort } from './support/moto-server.js';
import { terminalEnvironment } from './support/pty.js';
import { VirtualScreen } from './support/screen.js';

const CLI = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.js');
const ESC = '\u001b';
const ENTER_ALTERNATE_SCREEN = '\u001b[?1049h';
const LEAVE_ALTERNATE_SCREEN = '\u001b[?1049l';
const SHOW_CURSOR = '\u001b[?25h';
/** CSI sequences that move the cursor or erase: what a dumb terminal cannot do. */
const CURSOR_MOVEMENT = new RegExp(`${ESC}\\[[0-9;?]*[ABCDEFGHJKfsu]|${ESC}\\[\\?1049[hl]`);

let folder: string;

beforeAll(() => {
	if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` (npm test does it first).');
});

beforeEach(() => {
	folder = mkdtempSync(join(tmpdir(), 'orgdash-terminal-'));
});

afterEach(() => {
	rmSync(folder, { recursive: true, force: true });
});

interface Ended {
	readonly raw: string;
	readonly exitCode: number;
}

/**
 * The dashboard in a 100x30 pseudo-terminal: waits until its screen shows `ready`,
 * then ends it with `end` (keys typed, or a signal) and resolves with every byte written.
 */
function runDashboard(
	args: readonly string[],
	ready: string,
	end: { readonly keys: string } | { readonly signal: NodeJS.Signals },
	env: NodeJS.ProcessEnv = {},
): Promise<Ended> {
	const child = pty.spawn(process.execPath, [CLI, ...args], {
		name: 'xterm-256color',
		cols: 100,
		rows: 30,
		env: terminalEnvironment({
			ORGDASH_CONFIG_DIR: folder,
			AWS_CONFIG_FILE: join(folder, 'no-aws-config'),
			AWS_SHARED_CREDENTIALS_FILE: join(folder, 'no-aws-credentials'),
			AWS_EC2_METADATA_DISABLED: 'true',
			...env,
		}) as Record<string, string>,
	});
	const screen = new VirtualScreen(100, 30);
	let raw = '';
	let ended = false;
	return new Promise((resolve, reject) => {
		const deadline = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`The screen never showed "${ready}". Screen:\n${screen.text().join('\n')}`));
		}, 20_000);
		child.onData((data) => {
			raw += data;
			screen.write(data);
			if (ended || !screen.text().join('\n').includes(ready)) return;
			ended = true;
			// A moment for the frame to settle, as a person would look before quitting.
			setTimeout(() => {
				if ('keys' in end) child.write(end.keys);
				else child.kill(end.signal);
			}, 200);
		});
		child.onExit(({ exitCode }) => {
			clearTimeout(deadline);
			// The last bytes may still be on their way from the pty.
			setTimeout(() => resolve({ raw, exitCode }), 50);
		});
	});
}

/** The alternate screen is entered before anything is drawn and left last: after it, at most the cursor is shown again. */
function expectAlternateScreenAroundEverything(raw: string): void {
	expect(raw.startsWith(ENTER_ALTERNATE_SCREEN), JSON.stringify(raw.slice(0, 40))).toBe(true);
	expect(raw.split(ENTER_ALTERNATE_SCREEN)).toHaveLength(2);
	const leaveAt = raw.lastIndexOf(LEAVE_ALTERNATE_SCREEN);
	expect(leaveAt, 'the alternate screen was never left').toBeGreaterThan(0);
	const after = raw.slice(leaveAt + LEAVE_ALTERNATE_SCREEN.length);
	expect(after.split(SHOW_CURSOR).join(''), JSON.stringify(after)).toBe('');
}

describe('the alternate screen', () => {
	it.each([
		['q', { keys: 'q' }, 0],
		['ctrl-c', { keys: '\u0003' }, 0],
		['SIGTERM', { signal: 'SIGTERM' as const }, 143],
		['SIGHUP', { signal: 'SIGHUP' as const }, 129],
	])(
		'is entered first and left last when the dashboard ends with %s',
		async (_name, end, code) => {
			const result = await runDashboard(['--demo'], 'sorted by name', end);
			expect(result.exitCode).toBe(code);
			expectAlternateScreenAroundEverything(result.raw);
		},
		30_000,
	);
});

describe('pasted escape sequences', () => {
	it('a colour sequence pasted into the filter (text copied from a coloured terminal) is ignored, never a crash', async () => {
		// Enter keeps the filter, then q quits as usual.
		const result = await runDashboard(['--demo'], 'sorted by name', { keys: `/${ESC}[31mprod${ESC}[0m\rq` });
		expect(result.raw).not.toMatch(/TypeError|at \w+ \(file:/);
		expect(result.exitCode).toBe(0);
		expectAlternateScreenAroundEverything(result.raw);
	}, 30_000);
});

describe('the exit code of the dashboard', () => {
	it('is 1 when quit after the organization could not be read, and the screen is restored', async () => {
		const port = await freePort();
		const result = await runDashboard(
			['--endpoint-url', `http://127.0.0.1:${port}`],
			'Could not reach AWS',
			{ keys: 'q' },
			{ AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_REGION: 'us-east-1' },
		);
		expect(result.exitCode).toBe(1);
		expectAlternateScreenAroundEverything(result.raw);
	}, 30_000);

	it('is 1 when no credentials let it read the organization', async () => {
		const port = await freePort();
		const result = await runDashboard(['--endpoint-url', `http://127.0.0.1:${port}`], 'No AWS credentials', {
			keys: '\u0003',
		});
		expect(result.exitCode).toBe(1);
	}, 30_000);

	it('is 0 when quit after the organization was read', async () => {
		const result = await runDashboard(['--demo'], 'sorted by name', { keys: 'q' });
		expect(result.exitCode).toBe(0);
	}, 30_000);
});

describe('TERM=dumb', () => {
	it('gets one line that says what to do, with no cursor movement, and exit code 2', async () => {
		const child = pty.spawn(process.execPath, [CLI, '--demo'], {
			name: 'dumb',
			cols: 100,
			rows: 30,
			env: { ...terminalEnvironment({ ORGDASH_CONFIG_DIR: folder }), TERM: 'dumb' } as Record<string, string>,
		});
		let raw = '';
		child.onData((data) => {
			raw += data;
		});
		const exitCode = await new Promise<number>((resolve) => child.onExit(({ exitCode: code }) => resolve(code)));
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(exitCode).toBe(2);
		expect(raw).not.toMatch(CURSOR_MOVEMENT);
		expect(raw).not.toContain('\u001b');
		expect(raw.trim().split('\n')).toHaveLength(1);
		expect(raw).toContain('TERM is dumb');
		expect(raw).toContain('orgdash list --json');
	}, 30_000);
});

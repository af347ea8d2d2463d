import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInPty, terminalEnvironment } from './pty.js';

// A stand-in terminal program: a header at once, a row after 150 ms, then
// a redrawn frame saying everything loaded; quits with 0 on "q".
const program = `
const write = (text) => process.stdout.write(text);
write('header ' + process.stdout.columns + 'x' + process.stdout.rows + ' ci=' + (process.env.CI ?? '-') + '\\n');
setTimeout(() => write('row 123456789012 someone@example.com ACTIVE\\n'), 150);
setTimeout(() => write('\\u001b[2K\\u001b[1A\\u001b[2K\\u001b[1A\\u001b[2K\\u001b[Gheader\\nall 2 of 2 loaded\\n'), 300);
process.stdin.setRawMode(true);
process.stdin.on('data', (data) => { if (String(data) === 'q') process.exit(0); });
`;

let folder: string;
let script: string;

beforeAll(async () => {
	folder = await mkdtemp(join(tmpdir(), 'orgdash-pty-'));
	script = join(folder, 'program.cjs');
	await writeFile(script, program);
});

afterAll(async () => {
	await rm(folder, { recursive: true, force: true });
});

describe('runInPty', () => {
	it('times what appears on the screen of a real pseudo-terminal, then quits with the given keys', async () => {
		const run = await runInPty(
			process.execPath,
			[script],
			[
				{ name: 'row', seen: (screen) => screen.some((line) => /\d{12} \S+@\S+/.test(line)) },
				{ name: 'loaded', seen: (screen) => screen.some((line) => line.includes('2 of 2 loaded')) },
			],
			{ quitKeys: 'q', measurePeakMemory: true, timeoutMs: 10_000 },
		);
		expect(run.timedOut).toBe(false);
		expect(run.exitCode).toBe(0);
		expect(run.times.row).toBeGreaterThanOrEqual(150);
		expect(run.times.loaded).toBeGreaterThanOrEqual(300);
		expect(run.times.loaded as number).toBeGreaterThan(run.times.row as number);
		// The screen is what a person sees: the row was erased by the redraw.
		expect(run.lastScreen.slice(0, 2)).toEqual(['header', 'all 2 of 2 loaded']);
		if (process.platform === 'linux') expect(run.peakMemoryMB).toBeGreaterThan(10);
	});

	it('runs at 120x40 and without CI in the environment, so Ink draws every frame', async () => {
		const run = await runInPty(
			process.execPath,
			[script],
			[{ name: 'header', seen: (screen) => screen.some((line) => line.startsWith('header')) }],
			{ quitKeys: 'q', timeoutMs: 10_000 },
		);
		expect(run.lastScreen[0]).toBe('header 120x40 ci=-');
	});

	it('gives up after the timeout and says what it never saw', async () => {
		const run = await runInPty(
			process.execPath,
			[script],
			[{ name: 'never', seen: (screen) => screen.some((line) => line.includes('no such text')) }],
			{ timeoutMs: 500 },
		);
		expect(run.timedOut).toBe(true);
		expect(run.times.never).toBeUndefined();
	});
});

describe('terminalEnvironment', () => {
	it('leaves CI out even when the extra variables were copied from an environment that has it', () => {
		const inherited = { ...process.env, CI: 'true', CONTINUOUS_INTEGRATION: 'true', ORGDASH_CONFIG_DIR: '/x' };
		const environment = terminalEnvironment(inherited);
		expect(environment.CI).toBeUndefined();
		expect(environment.CONTINUOUS_INTEGRATION).toBeUndefined();
		expect(environment.ORGDASH_CONFIG_DIR).toBe('/x');
		expect(environment.TERM).toBe('xterm-256color');
	});
});

/**
 * The built command and its files: private modes whatever the umask, a
 * settings folder that cannot be written (read-only with a note, quick exit),
 * and a damaged settings file kept as a copy. On moto: the demo keeps its
 * settings in a folder of its own, so only a real organization uses these.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pty from '@lydell/node-pty';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { journalFile } from '../source/store/journal.js';
import { describeWithMoto, motoEnvironment, seedOrganization } from './support/moto.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'cli.js');

let root: string;
/** Where the seeded organization answers, and its id. */
let endpoint: string;
let organizationId: string;

beforeAll(() => {
	if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` (npm test does it first).');
});

beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'orgdash-files-'));
});

afterEach(() => {
	rmSync(root, { recursive: true, force: true });
});

function environment(configDir: string): Record<string, string> {
	const env: Record<string, string> = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (value !== undefined && !key.startsWith('AWS_') && key !== 'NO_COLOR' && key !== 'FORCE_COLOR') {
			env[key] = value;
		}
	}
	return { ...env, ...motoEnvironment(endpoint), ORGDASH_CONFIG_DIR: configDir };
}

interface Run {
	readonly code: number | null;
	readonly stdout: string;
	readonly stderr: string;
	readonly ms: number;
}

/** `orgdash ARGS` under `umask 000`, through a shell, as a user with a careless umask would run it. */
function runUnderUmask000(args: readonly string[], configDir: string): Promise<Run> {
	const started = Date.now();
	return new Promise((done, fail) => {
		const child = spawn('/bin/sh', ['-c', 'umask 000 && exec "$0" "$@"', process.execPath, CLI, ...args], {
			env: environment(configDir),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
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

const mode = (path: string) => statSync(path).mode & 0o777;

/** Terminal output without its control sequences. */
const plain = (text: string) => text.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[A-Za-z]`, 'g'), '');

describeWithMoto('the built command and its files', (moto) => {
	beforeEach(async () => {
		await moto.server.reset();
		endpoint = moto.server.endpoint;
		organizationId = (await seedOrganization(endpoint, { accounts: [{ name: 'payments-prod', ou: '' }] }))
			.organizationId;
	});

	it('--demo leaves the settings folder alone: it is not even created', async () => {
		const configDir = join(root, 'fresh', 'orgdash');
		const result = await runUnderUmask000(['--demo', 'list', '--json'], configDir);
		expect(result.code, result.stderr).toBe(0);
		expect(existsSync(join(root, 'fresh'))).toBe(false);
	});

	describe('file modes', () => {
		it('under umask 000, the settings folder is 0700 and its file 0600', async () => {
			const configDir = join(root, 'fresh', 'orgdash');
			const result = await runUnderUmask000(['list', '--json'], configDir);
			expect(result.code, result.stderr).toBe(0);
			expect(result.stderr).toBe('');
			expect(mode(configDir)).toBe(0o700);
			expect(mode(join(configDir, 'config.json'))).toBe(0o600);
			expect(readdirSync(configDir)).toEqual(['config.json']);
		});

		it('folders and files found open to everyone are tightened', async () => {
			const configDir = join(root, 'orgdash');
			const journal = journalFile(configDir, organizationId);
			mkdirSync(dirname(journal), { recursive: true });
			writeFileSync(join(configDir, 'config.json'), '{"checklist":{}}\n');
			writeFileSync(journal, '');
			for (const folder of [configDir, dirname(journal)]) chmodSync(folder, 0o777);
			for (const file of [join(configDir, 'config.json'), journal]) chmodSync(file, 0o666);
			const result = await runUnderUmask000(['list', '--json'], configDir);
			expect(result.code, result.stderr).toBe(0);
			expect(mode(configDir)).toBe(0o700);
			expect(mode(join(configDir, 'config.json'))).toBe(0o600);
			expect(mode(dirname(journal))).toBe(0o700);
			expect(mode(journal)).toBe(0o600);
		});
	});

	describe('a settings folder that cannot be written', () => {
		it('list --json still prints the list, with one line on stderr saying the settings are read-only', async () => {
			const file = join(root, 'a-file');
			writeFileSync(file, '');
			const result = await runUnderUmask000(['list', '--json', '--quota', '50'], join(file, 'orgdash'));
			expect(result.code).toBe(0);
			expect(JSON.parse(result.stdout).accounts.length).toBeGreaterThan(0);
			const lines = result.stderr.trimEnd().split('\n');
			expect(lines).toHaveLength(1);
			expect(lines[0]).toMatch(
				/^orgdash: Settings are read-only: .+config\.json cannot be written \(a file is where the folder should be\)/,
			);
			expect(result.stderr).not.toMatch(/ENOTDIR|EACCES|\n\s+at /);
			expect(result.ms).toBeLessThan(10_000);
		});

		it('the dashboard shows the note, keeps ticks in memory and quits at once with q', async () => {
			const file = join(root, 'a-file');
			writeFileSync(file, '');
			const env: Record<string, string> = { ...environment(file), TERM: 'xterm-256color', NO_COLOR: '1' };
			// Ink draws only the last frame when it believes it runs in CI.
			delete env.CI;
			const child = pty.spawn(process.execPath, [CLI], {
				cols: 200,
				rows: 30,
				env,
				cwd: ROOT,
			});
			let output = '';
			child.onData((data) => {
				output += data;
			});
			const exited = new Promise<number>((done) => child.onExit(({ exitCode }) => done(exitCode)));
			const deadline = Date.now() + 20_000;
			while (
				!/sorted by \w+ · settings read-only \(a file is where the folder should be\): changes last until you quit/.test(
					plain(output),
				)
			) {
				if (Date.now() > deadline) {
					child.kill();
					throw new Error(`The note never showed. Output:\n${plain(output)}`);
				}
				await new Promise((wait) => setTimeout(wait, 20));
			}
			// A sort change is a settings write: it must neither throw nor wait.
			child.write('s');
			await new Promise((wait) => setTimeout(wait, 200));
			const quitAt = Date.now();
			child.write('q');
			expect(await exited).toBe(0);
			expect(Date.now() - quitAt).toBeLessThan(3_000);
			expect(output).not.toMatch(/ENOTDIR:|EACCES:|\n\s+at /);
		}, 30_000);
	});

	describe('a damaged settings file', () => {
		it('is kept as a dated copy, said so on stderr, and the command goes on', async () => {
			const configDir = join(root, 'orgdash');
			mkdirSync(configDir);
			writeFileSync(join(configDir, 'config.json'), '{"quotaOverride": 3');
			const result = await runUnderUmask000(['list', '--json'], configDir);
			expect(result.code).toBe(0);
			const copies = readdirSync(configDir).filter((name) => name.startsWith('config.json.damaged-'));
			expect(copies).toHaveLength(1);
			expect(copies[0]).toMatch(/^config\.json\.damaged-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ$/);
			expect(mode(join(configDir, copies[0] as string))).toBe(0o600);
			expect(result.stderr.trimEnd()).toBe(
				`orgdash: The settings file was damaged and starts afresh; the damaged copy is ${join(configDir, copies[0] as string)}.`,
			);
		});
	});
});

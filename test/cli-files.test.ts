/**
 * The built command and its files: private modes whatever the umask, a
 * settings folder that cannot be written (read-only with a note, quick exit),
 * and a damaged settings file kept as a copy.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { journalFile } from '../source/store/journal/journal.js';
import {
	asTerminal,
	BUILT_CLI,
	type CommandRun,
	environmentWithoutAws,
	finished,
	requireBuiltCommand,
	startBuiltCommandInTerminal,
	temporaryFolderForEachTest,
} from './support/built-command.js';
import { describeWithMoto, motoEnvironment, seedOrganization } from './support/moto.js';

requireBuiltCommand();
const root = temporaryFolderForEachTest('orgdash-files-');
/** Where the seeded organization answers, and its id: the demo keeps no files of the user's, so these run on moto. */
let endpoint: string;
let organizationId: string;

/** The command's environment: no AWS settings but moto's, and its own settings folder. */
function environment(configDir: string, extra: NodeJS.ProcessEnv = {}): Record<string, string> {
	return environmentWithoutAws(configDir, { ...motoEnvironment(endpoint), ...extra });
}

/** `orgdash ARGS` under `umask 000`, through a shell, as a user with a careless umask would run it. */
function runUnderUmask000(args: readonly string[], configDir: string): Promise<CommandRun> {
	const started = Date.now();
	const child = spawn('/bin/sh', ['-c', 'umask 000 && exec "$0" "$@"', process.execPath, BUILT_CLI, ...args], {
		env: environment(configDir),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	return finished(child, started);
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
		const configDir = join(root(), 'fresh', 'orgdash');
		const result = await runUnderUmask000(['--demo', 'list', '--json'], configDir);
		expect(result.code, result.stderr).toBe(0);
		expect(existsSync(join(root(), 'fresh'))).toBe(false);
	});

	describe('file modes', () => {
		it('under umask 000, the settings folder is 0700 and its file 0600', async () => {
			const configDir = join(root(), 'fresh', 'orgdash');
			const result = await runUnderUmask000(['list', '--json'], configDir);
			expect(result.code, result.stderr).toBe(0);
			expect(result.stderr).toBe('');
			expect(mode(configDir)).toBe(0o700);
			expect(mode(join(configDir, 'config.json'))).toBe(0o600);
			expect(readdirSync(configDir)).toEqual(['config.json']);
		});

		it('folders and files found open to everyone are tightened', async () => {
			const configDir = join(root(), 'orgdash');
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
			const file = join(root(), 'a-file');
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
			const file = join(root(), 'a-file');
			writeFileSync(file, '');
			const terminal = startBuiltCommandInTerminal([], {
				env: asTerminal(environment(file, { NO_COLOR: '1' })),
				columns: 200,
				rows: 30,
			});
			const { child, exited, output } = terminal;
			await terminal.waitUntil(
				() =>
					/sorted by \w+ · \d+\/\d+ · settings read-only \(a file is where the folder should be\): changes last until you quit/.test(
						plain(output()),
					),
				() => `The note never showed. Output:\n${plain(output())}`,
				20_000,
			);
			// A sort change is a settings write: it must neither throw nor wait.
			child.write('s');
			await new Promise((wait) => setTimeout(wait, 200));
			const quitAt = Date.now();
			child.write('q');
			expect(await exited).toBe(0);
			expect(Date.now() - quitAt).toBeLessThan(3_000);
			expect(output()).not.toMatch(/ENOTDIR:|EACCES:|\n\s+at /);
		}, 30_000);
	});

	describe('a damaged settings file', () => {
		it('is kept as a dated copy, said so on stderr, and the command goes on', async () => {
			const configDir = join(root(), 'orgdash');
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

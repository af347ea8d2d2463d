/**
 * Read-only mode in the built command, in a pseudo-terminal: --read-only on
 * the demo, and the remembered setting (--read-only, then nothing, then
 * --no-read-only) in a settings folder of its own.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	asTerminal,
	environmentWithoutAws,
	requireBuiltCommand,
	startBuiltCommandInTerminal,
	temporaryFolderForEachTest,
} from './support/built-command.js';
import { freePort } from './support/moto-server.js';

requireBuiltCommand();
const configDir = temporaryFolderForEachTest('orgdash-read-only-');

const REFUSAL = 'read-only mode: nothing that changes AWS is possible; start with --no-read-only';

function terminalEnv(): NodeJS.ProcessEnv {
	return asTerminal(
		environmentWithoutAws(configDir(), {
			AWS_CONFIG_FILE: join(configDir(), 'no-aws-config'),
			AWS_SHARED_CREDENTIALS_FILE: join(configDir(), 'no-aws-credentials'),
			AWS_ACCESS_KEY_ID: 'testing',
			AWS_SECRET_ACCESS_KEY: 'testing',
		}),
	);
}

/** The dashboard started with `args`; `until` is awaited on the screen's text, then q quits it. */
/** A key to press, and what the screen shows once it has been handled (other redraws, such as the background scan, do not count). */
type KeyStep = readonly [key: string, shown: (screen: string) => boolean];

async function dashboard(args: readonly string[], until: (screen: string) => boolean, keys: readonly KeyStep[] = []) {
	const terminal = startBuiltCommandInTerminal(args, { env: terminalEnv(), columns: 120, rows: 30 });
	const screen = () => terminal.screen.text().join('\n');
	const wait = (check: (text: string) => boolean, what: string) =>
		terminal.waitUntil(
			() => check(screen()),
			() => `${what} never came on screen:\n${screen()}`,
			20_000,
		);
	await wait(until, 'the first screen');
	const seen: string[] = [screen()];
	for (const [key, shown] of keys) {
		terminal.child.write(key);
		await wait(shown, `the frame after ${JSON.stringify(key)}`);
		seen.push(screen());
	}
	terminal.child.write('q');
	return { seen, code: await terminal.exited };
}

/** The remembered settings file, as JSON (undefined: not written). */
function savedSettings(): Record<string, unknown> | undefined {
	const file = join(configDir(), 'config.json');
	return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : undefined;
}

describe('read-only mode in the built command', () => {
	it('--read-only on the demo: READ-ONLY in the header; c and x say why they cannot open', async () => {
		const selected = (name: string) => (text: string) => new RegExp(`^>.. ?${name}`, 'm').test(text);
		const refused = (text: string) => text.includes(REFUSAL);
		const { seen, code } = await dashboard(['--demo', '--read-only'], (text) => text.includes('sorted by name'), [
			['j', selected('Audit')],
			['c', refused],
			['j', selected('Backup Vault')],
			['x', refused],
		]);
		expect(seen[0]).toMatch(/^orgdash DEMO READ-ONLY {2}organization o-demo1234567/);
		expect(seen[0]).not.toContain('c close');
		expect(seen[2]).toContain(REFUSAL);
		expect(seen[4]).toContain(REFUSAL);
		for (const frame of seen) expect(frame).not.toMatch(/Close account|Remove .* from the organization/);
		expect(code).toBe(0);
	});

	it('is remembered until --no-read-only', async () => {
		// Nothing listens there: the header is drawn before any answer, which is all this needs.
		const endpoint = `http://127.0.0.1:${await freePort()}`;
		const header = (text: string) => /^orgdash/.test(text) && text.includes('data:');

		const first = await dashboard(['--read-only', '--endpoint-url', endpoint], header);
		expect(first.seen[0]).toMatch(/^orgdash READ-ONLY/);
		expect(savedSettings()?.readOnlyMode).toBe(true);

		const again = await dashboard(['--endpoint-url', endpoint], header);
		expect(again.seen[0]).toMatch(/^orgdash READ-ONLY/);

		const off = await dashboard(['--no-read-only', '--endpoint-url', endpoint], header);
		expect(off.seen[0]).not.toContain('READ-ONLY');
		expect(savedSettings()?.readOnlyMode).toBeUndefined();

		const stillOff = await dashboard(['--endpoint-url', endpoint], header);
		expect(stillOff.seen[0]).not.toContain('READ-ONLY');
	});
});

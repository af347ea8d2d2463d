/**
 * The built command (npm test builds first): `orgdash journal --json`, the
 * journal of the organization the gateway reaches, the demo's own with
 * --demo; and the flows' last question typed into a real pseudo-terminal.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../source/org/sandbox/demo.js';
import { Journal } from '../../source/store/journal/journal.js';
import {
	BUILT_CLI,
	requireBuiltCommand,
	startBuiltCommandInTerminal,
	temporaryFolderForEachTest,
} from '../support/built-command.js';
import { terminalEnvironment } from '../support/pty.js';
import { KEYS } from './flows-support.js';

const run = promisify(execFile);
requireBuiltCommand();
const folder = temporaryFolderForEachTest('orgdash-journal-cli-');

function orgdash(args: string[]) {
	return run(process.execPath, [BUILT_CLI, ...args], {
		env: { ...process.env, ORGDASH_CONFIG_DIR: folder(), NO_COLOR: '1' },
	});
}

describe('orgdash journal --json', () => {
	it("with --demo prints the demo's own journal of this run, never one in the user's folder", async () => {
		// A demo journal in the user's folder, as versions that kept the demo's records there left it.
		const journal = new Journal(folder(), 'o-demo1234567');
		const caller = { accountId: '111111111111', arn: 'arn:aws:iam::111111111111:user/demo-admin' };
		const done = journal.appendIntent({ caller, accountId: '318274650192', action: 'close' });
		journal.appendOutcome(done, { result: { summary: 'CloseAccount accepted.' } });
		journal.appendIntent({ caller, accountId: '184627395021', action: 'remove' });

		const { stdout } = await orgdash(['journal', '--json', '--demo']);
		const document = JSON.parse(stdout);
		expect(document.organizationId).toBe('o-demo1234567');
		expect(document.path.startsWith(folder())).toBe(false);
		expect(document.records).toEqual([]);
		expect(document.pending).toEqual([]);
		expect(document.requests).toEqual([]);
		expect(document.skipped).toEqual([]);
		// The folder the demo used for its run is gone.
		expect(existsSync(dirname(dirname(document.path)))).toBe(false);
	});

	it('says what to do when --json is missing', async () => {
		await expect(orgdash(['journal', '--demo'])).rejects.toMatchObject({
			code: 2,
			stderr: expect.stringContaining('run orgdash journal --json'),
		});
	});
});

/**
 * The last question of both flows, in the built command on the demo in a real
 * pseudo-terminal: words typed one key at a time, as a person types them,
 * never send the request; y then Enter does.
 */
describe('the [y/N] question in a terminal', () => {
	const PAUSE_MS = 25;
	const ID = { close: DEMO_ACCOUNTS.logArchive, remove: DEMO_ACCOUNTS.paymentsProd } as const;
	const NAME = { close: 'Log Archive', remove: 'Payments Prod' } as const;
	const WORDS = ['no', 'not yet', 'nay', 'yes please'];

	const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

	/** The dashboard in a 120x40 pseudo-terminal, and what its screen shows now (not the whole output so far). */
	function openTerminal() {
		const terminal = startBuiltCommandInTerminal(['--demo'], {
			env: terminalEnvironment({ ORGDASH_CONFIG_DIR: folder(), NO_COLOR: '1' }),
			columns: 120,
			rows: 40,
		});
		const { child, screen, writes } = terminal;
		const text = () => screen.text().join('\n');
		const see = (expected: string | RegExp, timeoutMs = 10_000) =>
			terminal.waitUntil(
				() => (typeof expected === 'string' ? text().includes(expected) : expected.test(text())),
				() => `The screen never showed ${expected}. Screen:\n${text()}`,
				timeoutMs,
				10,
			);
		/** One key, then a pause: separate writes, as a person's keys arrive. */
		const press = async (key: string) => {
			child.write(key);
			await sleep(PAUSE_MS);
		};
		const type = async (text: string) => {
			for (const char of text) await press(char);
		};
		/** One key, then wait for the screen to be drawn again: the key was read on its own, never with the next. */
		const pressAndDraw = async (key: string) => {
			const before = writes();
			child.write(key);
			await terminal.waitUntil(
				() => writes() !== before,
				() => `No frame came after ${JSON.stringify(key)}. Screen:\n${text()}`,
				10_000,
				5,
			);
			await sleep(PAUSE_MS);
		};
		return { child, exited: terminal.exited, text, see, press, pressAndDraw, type };
	}

	type Terminal = ReturnType<typeof openTerminal>;

	/** Types the answer one key at a time, each drawn before the next one goes (a space too, which shows as nothing). */
	async function answer(terminal: Terminal, line: string): Promise<void> {
		let typed = '';
		for (const char of line) {
			typed += char;
			await terminal.pressAndDraw(char);
			await terminal.see(`[y/N] ${typed.trimEnd()}`);
		}
		expect(terminal.text()).not.toContain('pasted keys do not count');
	}

	async function selectAccount(terminal: Terminal, kind: 'close' | 'remove'): Promise<void> {
		await terminal.see('sorted by name');
		await terminal.press('/');
		await terminal.type(ID[kind]);
		await terminal.press(KEYS.enter);
		await terminal.see(new RegExp(`^>.*${NAME[kind]}.*${ID[kind]}.*ACTIVE`, 'm'));
	}

	/** From the dashboard to the account-id step of the flow. */
	async function openFlow(terminal: Terminal, kind: 'close' | 'remove'): Promise<void> {
		if (kind === 'close') {
			await terminal.press('c');
			await terminal.see('What closing means');
			await terminal.press(KEYS.enter);
			await terminal.see(/Enabled regions: \d+/);
			if (!terminal.text().includes('7 of 7 done')) {
				for (let item = 0; item < 7; item++) {
					await terminal.press(KEYS.space);
					await terminal.press(KEYS.down);
				}
			}
			await terminal.see('7 of 7 done');
			await terminal.press(KEYS.enter);
			await terminal.see('Close it inside the organization (CloseAccount)');
			await terminal.press(KEYS.enter);
		} else {
			await terminal.press('x');
			await terminal.see('Enter continue');
			await terminal.press(KEYS.enter);
		}
		await terminal.see('type its account id in full');
	}

	/** Types the id and Enter: the [y/N] question. */
	async function toQuestion(terminal: Terminal, kind: 'close' | 'remove'): Promise<void> {
		await terminal.type(ID[kind]);
		await terminal.see('12 of 12 digits');
		await terminal.press(KEYS.enter);
		await terminal.see('[y/N]');
	}

	function journalLines(): string[] {
		const path = join(folder(), 'journal', 'o-demo1234567.jsonl');
		return existsSync(path) ? readFileSync(path, 'utf8').trim().split('\n').filter(Boolean) : [];
	}

	it.each(['close', 'remove'] as const)(
		'%s: no, not yet, nay and yes please send nothing; y sends the request',
		async (kind) => {
			const terminal = openTerminal();
			try {
				await selectAccount(terminal, kind);
				await openFlow(terminal, kind);
				for (const word of WORDS) {
					await toQuestion(terminal, kind);
					await answer(terminal, word);
					await terminal.press(KEYS.enter);
					await terminal.see(`“${word}” is not yes, so it is No: nothing was sent.`);
					// Back one step before the id: Enter opens the id step again.
					await terminal.press(KEYS.enter);
					await terminal.see('type its account id in full');
				}
				expect(journalLines()).toEqual([]);

				// Out to the dashboard: the account is still ACTIVE, and the journal holds no request.
				for (let step = 0; step < 6 && !terminal.text().includes('sorted by name'); step++) {
					await terminal.pressAndDraw(KEYS.escape);
				}
				await terminal.see(new RegExp(`^>.*${ID[kind]}.*ACTIVE`, 'm'));
				await terminal.press('L');
				await terminal.see('Journal of o-demo1234567: 0 requests');
				await terminal.see('No close or remove request has been made for this organization yet.');
				await terminal.press(KEYS.escape);
				await terminal.see('sorted by name');

				await openFlow(terminal, kind);
				await toQuestion(terminal, kind);
				await answer(terminal, 'y');
				await terminal.see(
					kind === 'close' ? 'Enter now sends CloseAccount.' : 'Enter now sends RemoveAccountFromOrganization.',
				);
				await terminal.press(KEYS.enter);
				await terminal.see(
					kind === 'close' ? 'AWS accepted the closure request' : `Account ${ID[kind]} left the organization.`,
				);
				// The demo's journal holds the request for this run (L shows it), and the user's folder has none.
				for (let step = 0; step < 6 && !terminal.text().includes('sorted by name'); step++) {
					await terminal.pressAndDraw(KEYS.escape);
				}
				await terminal.press('L');
				await terminal.see('Journal of o-demo1234567: 1 request');
				expect(journalLines()).toEqual([]);
			} finally {
				terminal.child.write('\u0003');
				await Promise.race([terminal.exited, sleep(3000)]);
				terminal.child.kill();
			}
			// A later run of the demo starts afresh: no request on record, the account ACTIVE as listed.
			expect(existsSync(join(folder(), 'journal'))).toBe(false);
			const journal = JSON.parse((await orgdash(['journal', '--json', '--demo'])).stdout);
			expect(journal.requests).toEqual([]);
			expect(journal.records).toEqual([]);
			const list = JSON.parse((await orgdash(['list', '--json', '--demo'])).stdout);
			expect(list.accounts.find((account: { id: string }) => account.id === ID[kind])?.state).toBe('ACTIVE');
		},
		60_000,
	);
});

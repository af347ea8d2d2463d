/**
 * The built command on a terminal of 80x24, the size many terminals open at:
 * the close flow's first step fits, names its account on top, keeps its key
 * line last and says what is below; PgDn shows the rest. And the cut mark,
 * `…` in a UTF-8 terminal, ASCII under TERM=dumb or another character set.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../source/org/sandbox/demo.js';
import {
	requireBuiltCommand,
	runBuiltCommand,
	startBuiltCommandInTerminal,
	temporaryFolderForEachTest,
} from '../support/built-command.js';
import { terminalEnvironment } from '../support/pty.js';
import { KEYS } from './flows-support.js';

requireBuiltCommand();
const folder = temporaryFolderForEachTest('orgdash-small-terminal-');

const COLUMNS = 80;
const ROWS = 24;

describe('at 80x24 in a terminal', () => {
	it('the close flow keeps the account on top and the keys last, and PgDn shows what is below', async () => {
		const terminal = startBuiltCommandInTerminal(['--demo'], {
			env: terminalEnvironment({ ORGDASH_CONFIG_DIR: folder(), NO_COLOR: '1' }),
			columns: COLUMNS,
			rows: ROWS,
		});
		const lines = () => terminal.screen.text();
		const text = () => lines().join('\n');
		const see = (expected: string | RegExp) =>
			terminal.waitUntil(
				() => (typeof expected === 'string' ? text().includes(expected) : expected.test(text())),
				() => `The screen never showed ${expected}. Screen:\n${text()}`,
				15_000,
			);
		const press = async (key: string) => {
			terminal.child.write(key);
			await new Promise((resolve) => setTimeout(resolve, 30));
		};
		const id = DEMO_ACCOUNTS.logArchive;
		try {
			await see('sorted by name');
			// A cell too long for its column ends with the ellipsis.
			expect(text()).toMatch(/aws-management@acme-[^ ]*…/);
			await press('/');
			for (const char of id) await press(char);
			await press(KEYS.enter);
			await see(new RegExp(`^>.*Log Archive.*${id}`, 'm'));
			await press('c');
			await see(/↓ \d+ more lines?, PgDn/);

			const title = `Close account ${id} · Log Archive`;
			const keyLine = 'Enter continue  Esc back';
			const check = () => {
				const shown = lines();
				expect(shown).toHaveLength(ROWS);
				expect(
					shown.filter((line) => line.includes(title)),
					text(),
				).toHaveLength(1);
				// The key line is the frame's last line: only the line Ink leaves free is below it.
				expect(
					shown.findLastIndex((line) => line.trim() !== ''),
					text(),
				).toBe(shown.indexOf(keyLine));
			};
			check();
			expect(text()).toContain('What closing means');
			expect(text()).not.toContain('CLOSE_ACCOUNT_QUOTA_EXCEEDED');

			await press(KEYS.pageDown);
			await see('CLOSE_ACCOUNT_QUOTA_EXCEEDED');
			await see(/↑ \d+ lines? above, PgUp/);
			check();
			// Paging on reaches the end of the step, where no more marker is left.
			for (let page = 0; page < 10 && /↓ \d+ more/.test(text()); page++) {
				const before = text();
				await press(KEYS.pageDown);
				await terminal.waitUntil(
					() => text() !== before,
					() => `PgDn changed nothing. Screen:\n${text()}`,
					15_000,
				);
				check();
			}
			expect(text()).not.toMatch(/↓ \d+ more/);

			// And back up to the top, page by page.
			for (let page = 0; page < 10 && /↑ \d+ lines? above/.test(text()); page++) {
				const before = text();
				await press(KEYS.pageUp);
				await terminal.waitUntil(
					() => text() !== before,
					() => `PgUp changed nothing. Screen:\n${text()}`,
					15_000,
				);
			}
			await see('What closing means');
			check();
		} finally {
			terminal.child.write('\u0003');
			await terminal.exited;
		}
	});
});

describe('the cut mark of orgdash list', () => {
	const env = (extra: NodeJS.ProcessEnv) => {
		const environment: NodeJS.ProcessEnv = { ...process.env, ORGDASH_CONFIG_DIR: folder(), NO_COLOR: '1', ...extra };
		delete environment.LC_ALL;
		delete environment.LC_CTYPE;
		return environment;
	};

	it('is … in a UTF-8 locale', async () => {
		const run = await runBuiltCommand(['list', '--demo'], env({ TERM: 'xterm-256color', LANG: 'C.UTF-8' }));
		expect(run.code).toBe(0);
		expect(run.stdout).toMatch(/aws-management@acme[^ ]*… \|/);
	});

	it('is > and < (vim: text goes on past the edge) under TERM=dumb and in a locale of another character set', async () => {
		for (const extra of [
			{ TERM: 'dumb', LANG: 'C.UTF-8' },
			{ TERM: 'xterm-256color', LANG: 'C' },
		]) {
			const run = await runBuiltCommand(['list', '--demo'], env(extra));
			expect(run.code).toBe(0);
			expect(run.stdout).not.toContain('…');
			expect(run.stdout).toMatch(/aws-management@acme[^ ]*> \|/);
			// An OU path keeps its end: its cut start is marked.
			expect(run.stdout).toMatch(/\| <[^|]*Shared Services \|/);
		}
	});
});

/**
 * The renderer that ships: the built dist/cli.js (its bundled Ink, with the
 * styling cache kept across frames) in a real pseudo-terminal, its output
 * replayed on a screen model. Moving away and back must redraw exactly the
 * screen shown before at the same place: a line cached in an earlier frame
 * must never stand where another line belongs.
 */
import { execFileSync } from 'node:child_process';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
	asTerminal,
	BUILT_CLI,
	type BuiltCommandInTerminal,
	requireBuiltCommand,
	startBuiltCommandInTerminal,
} from '../support/built-command.js';
import { KEY } from '../support/frames.js';

const COLUMNS = 120;
const ROWS = 30;
/** No output for this long after a key: its frames are all drawn (Ink draws at most every 17 ms). */
const QUIET_MS = 150;
const KEY_TIMEOUT_MS = 10_000;

const ACCOUNTS = 300;

interface ListedAccount {
	readonly id: string;
	readonly name: string;
	readonly email: string;
	readonly state: string;
}

/** The same generated organization as `list --json` prints it: what each row must show. */
let listed: Map<string, ListedAccount>;

requireBuiltCommand();

beforeAll(() => {
	const document = JSON.parse(
		execFileSync(process.execPath, [BUILT_CLI, 'list', '--json', '--demo-accounts', String(ACCOUNTS)], {
			encoding: 'utf8',
		}),
	) as { accounts: ListedAccount[] };
	listed = new Map(document.accounts.map((account) => [account.id, account]));
});

interface Dashboard {
	/** Writes the key, waits until its frames are drawn, and returns the screen. */
	press(key: string): Promise<string[]>;
	screen(): string[];
	quit(): Promise<number>;
}

let running: BuiltCommandInTerminal['child'] | undefined;

afterEach(() => {
	running?.kill();
	running = undefined;
});

async function startDashboard(args: string[]): Promise<Dashboard> {
	// Colours stay on, as for a person.
	const env = asTerminal(process.env);
	delete env.NO_COLOR;
	const terminal = startBuiltCommandInTerminal(args, { env, columns: COLUMNS, rows: ROWS });
	const { child, screen, exited } = terminal;
	running = child;

	async function quietAfter(chunksBefore: number, what: string): Promise<string[]> {
		await terminal.waitUntil(
			() => terminal.writes() !== chunksBefore && Date.now() - terminal.lastWriteAt() >= QUIET_MS,
			() => `No frame after ${what}. The screen:\n${screen.text().join('\n')}`,
			KEY_TIMEOUT_MS,
			10,
		);
		return comparable(screen.text());
	}

	await terminal.waitUntil(
		() => screen.text().some((line) => line.includes('sorted by name')),
		() => `The dashboard never drew its list. The screen:\n${screen.text().join('\n')}`,
		KEY_TIMEOUT_MS,
	);
	await quietAfter(0, 'the start');
	return {
		press(key) {
			const before = terminal.writes();
			child.write(key);
			return quietAfter(before, `the key ${JSON.stringify(key)}`);
		},
		screen: () => comparable(screen.text()),
		async quit() {
			child.write('q');
			return exited;
		},
	};
}

/** The screen, with the age of the data (it counts up as the test runs) left out. */
function comparable(screen: readonly string[]): string[] {
	return screen.map((line) => line.replace(/^data: loaded [^·]*·/, 'data: loaded (age) ·'));
}

/** A cell as the list shows it: the whole text, or its start followed by '…' when cut. */
function showsAs(cell: string, full: string): boolean {
	const text = cell.trimEnd();
	return text.endsWith('…') ? full.startsWith(text.slice(0, -1)) : text === full;
}

/**
 * Every account row shows one account's own name, id, email and state, and
 * no account twice: a line left from an earlier frame breaks one or the other.
 */
function expectRowsTrue(screen: readonly string[]): void {
	const ids: string[] = [];
	for (const line of screen) {
		const row = /^[> ][MD ] (.{23}) (\d{12}) (.{22}) (\S+)/.exec(line);
		if (!row) continue;
		const [, name = '', id = '', email = '', state = ''] = row;
		const account = listed.get(id);
		expect(account, `a listed account for the row: ${line}`).toBeDefined();
		expect(showsAs(name, account?.name ?? ''), `the name of ${id} in: ${line}`).toBe(true);
		expect(showsAs(email, account?.email ?? ''), `the email of ${id} in: ${line}`).toBe(true);
		expect(state, `the state of ${id} in: ${line}`).toBe(account?.state);
		ids.push(id);
	}
	expect(ids.length, `account rows in:\n${screen.join('\n')}`).toBeGreaterThan(15);
	expect(new Set(ids).size, `no account twice in:\n${screen.join('\n')}`).toBe(ids.length);
}

/** The one selected row (marked with '>'), as its index on the screen. */
function selectedRow(screen: readonly string[]): number {
	expectRowsTrue(screen);
	const marked = screen.flatMap((line, index) => (line.startsWith('>') ? [index] : []));
	expect(marked, `exactly one selected row in:\n${screen.join('\n')}`).toHaveLength(1);
	return marked[0] as number;
}

describe('the bundled renderer across key presses', () => {
	it('redraws the same screen whenever the selection comes back to the same place', async () => {
		const dashboard = await startDashboard(['--demo-accounts', String(ACCOUNTS)]);
		const top = dashboard.screen();
		const firstRow = selectedRow(top);
		// The screens one to four rows down, as first drawn.
		const down: string[][] = [];
		let bottom: string[] | undefined;
		let pageDown: string[] | undefined;

		for (let round = 0; round < 3; round++) {
			for (let step = 1; step <= 4; step++) {
				const screen = await dashboard.press('j');
				expect(selectedRow(screen)).toBe(firstRow + step);
				if (round === 0) down.push(screen);
				else expect(screen).toEqual(down[step - 1]);
			}
			for (let step = 3; step >= 0; step--) {
				const screen = await dashboard.press('k');
				expect(screen).toEqual(step === 0 ? top : down[step - 1]);
			}

			// The other end of the list: every account row is a different one.
			const end = await dashboard.press('G');
			if (bottom === undefined) {
				bottom = end;
				expect(end).not.toEqual(top);
				const ids = (lines: readonly string[]) => lines.flatMap((line) => line.match(/\b\d{12}\b/g) ?? []);
				const shared = ids(end.slice(firstRow)).filter((id) => ids(top.slice(firstRow)).includes(id));
				expect(shared).toEqual([]);
			} else {
				expect(end).toEqual(bottom);
			}
			const bottomRow = selectedRow(end);
			for (let step = 1; step <= 3; step++) expect(selectedRow(await dashboard.press('k'))).toBe(bottomRow - step);
			for (let step = 1; step <= 3; step++) await dashboard.press('j');
			expect(dashboard.screen()).toEqual(bottom);

			// Home, a page down, and home again.
			expect(await dashboard.press('g')).toEqual(top);
			const paged = await dashboard.press(KEY.pageDown);
			if (pageDown === undefined) {
				pageDown = paged;
				expect(paged).not.toEqual(top);
				selectedRow(paged);
			} else {
				expect(paged).toEqual(pageDown);
			}
			expect(await dashboard.press('g')).toEqual(top);
		}
		expect(await dashboard.quit()).toBe(0);
	}, 120_000);
});

/**
 * Names, emails, OU paths and journal records may hold any text: escape
 * sequences, bidi overrides, zero-width characters. Every screen shows them as
 * visible escapes, never raw, and the table stays aligned whatever the names.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup } from 'ink-testing-library';
import stringWidth from 'string-width';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OrgError } from '../../source/org/errors.js';
import { DEMO_ACCOUNTS } from '../../source/org/sandbox/demo.js';
import { createSandbox } from '../../source/org/sandbox/engine.js';
import type { SandboxGateway } from '../../source/org/sandbox/types.js';
import { Journal, journalFile } from '../../source/store/journal/journal.js';
import { Settings } from '../../source/store/settings.js';
import { resize } from '../support/frames.js';
import { unsafeInFrame, withoutStyling } from '../support/unsafe-text.js';
import { KEYS, renderApp, selectAccount, settle } from './flows-support.js';

const NOW = new Date('2026-11-26T12:00:00.000Z');
const ORGANIZATION = 'o-demo1234567';

/** Sets the terminal's title, writes the clipboard, reverses what follows, hides a character. */
const HOSTILE_NAME = 'Log\u001b]0;pwned\u0007 \u202eevihcrA\u202c\u200b';
const HOSTILE_EMAIL = 'log\u001b]8;;https://evil.example\u001b\\@acme.example\u0007';
const HOSTILE_PATH = 'Root/Sec\u001b]52;c;cm0gLXJmIH4=\u0007\u009b2J/Ops\u2066';
const SHOWN_NAME = 'Log\\x1b]0;pwned\\x07 \\u202eevihcrA\\u202c\\u200b';

function visible(frame: string | undefined): string {
	return withoutStyling(frame ?? '');
}

function expectSafe(frame: string | undefined): void {
	const bad = unsafeInFrame(frame ?? '');
	expect(bad, `raw ${JSON.stringify(bad)} on screen:\n${visible(frame)}`).toBeUndefined();
}

let folder: string;
let settings: Settings;
let sandbox: SandboxGateway;

beforeEach(() => {
	folder = mkdtempSync(join(tmpdir(), 'orgdash-hostile-'));
	settings = new Settings(folder);
});

afterEach(() => {
	cleanup();
	rmSync(folder, { recursive: true, force: true });
});

function start(
	renamed: Parameters<typeof createSandbox>[0] extends infer O
		? O extends { renamed?: infer R }
			? R
			: never
		: never = {},
) {
	sandbox = createSandbox({ now: () => NOW, renamed });
	return renderApp(sandbox, settings, { visible, checkEveryFrame: expectSafe });
}

const HOSTILE_LOG_ARCHIVE = {
	[DEMO_ACCOUNTS.logArchive]: { name: HOSTILE_NAME, email: HOSTILE_EMAIL, parentPath: HOSTILE_PATH },
};

describe('hostile names on every screen', () => {
	it('the list and the details screen show escapes, never the raw characters', async () => {
		const app = start(HOSTILE_LOG_ARCHIVE);
		await app.see('35 accounts');
		await selectAccount(app, DEMO_ACCOUNTS.logArchive);
		expect(app.frame()).toContain('Log\\x1b]0;pwned');
		await app.press(KEYS.enter);
		await app.see(SHOWN_NAME);
		expect(app.frame()).toContain('log\\x1b]8;;https://evil.example\\x1b\\@acme.example\\x07');
		expect(app.frame()).toContain('Root/Sec\\x1b]52;c;cm0gLXJmIH4=\\x07\\x9b2J/Ops\\u2066');
	});

	it('the close flow: title, checklist facts, confirmation and tracking', async () => {
		const app = start(HOSTILE_LOG_ARCHIVE);
		await app.see('35 accounts');
		await selectAccount(app, DEMO_ACCOUNTS.logArchive);
		await app.press('c');
		await app.see(`Close account ${DEMO_ACCOUNTS.logArchive} · ${SHOWN_NAME}`);
		await app.press(KEYS.enter);
		await app.see('0 of 7 done');
		// The fifth item (root sign-in) shows the root email.
		for (let item = 0; item < 4; item++) await app.press(KEYS.space, KEYS.down);
		await app.see('log\\x1b]8;;https://evil.example\\x1b\\@acme.example\\x07');
		for (let item = 4; item < 7; item++) await app.press(KEYS.space, KEYS.down);
		await app.see('7 of 7 done');
		await app.press(KEYS.enter, KEYS.enter, ...DEMO_ACCOUNTS.logArchive, KEYS.enter);
		await app.see(`(${SHOWN_NAME}) now? [y/N]`);
		await app.press('y', KEYS.enter);
		await app.see('AWS accepted the closure request');
		expect(sandbox.calls.filter((call) => call.operation === 'closeAccount')).toEqual([
			{ operation: 'closeAccount', accountId: DEMO_ACCOUNTS.logArchive },
		]);
	});

	it('the remove flow title and confirmation', async () => {
		const app = start(HOSTILE_LOG_ARCHIVE);
		await app.see('35 accounts');
		await selectAccount(app, DEMO_ACCOUNTS.logArchive);
		await app.press('x');
		await app.see('What removal means');
		await app.see(SHOWN_NAME);
		await app.press(KEYS.enter, ...DEMO_ACCOUNTS.logArchive, KEYS.enter);
		await app.see('[y/N]');
	});

	it('the journal view and the reconcile notice show a tampered journal escaped, and skip a crafted account id', async () => {
		const journal = new Journal(settings.directory, ORGANIZATION);
		const caller = { accountId: '111111111111', arn: 'arn:aws:iam::111111111111:user/\u001b]0;pwned\u0007admin' };
		const settled = journal.appendIntent({ caller, accountId: DEMO_ACCOUNTS.sandboxBob, action: 'close' });
		journal.appendOutcome(settled, { result: { summary: 'Accepted\u001b[2J\u009b31m\u202e.' } });
		journal.appendIntent({ caller, accountId: DEMO_ACCOUNTS.logArchive, action: 'close' });
		const crafted = {
			...settled,
			accountId: '123\u001b]0;pwned\u0007',
			intentId: 'crafted',
		};
		writeFileSync(journalFile(settings.directory, ORGANIZATION), `${JSON.stringify(crafted)}\n`, { flag: 'a' });

		const app = start();
		sandbox.failNext(
			'describeAccount',
			new OrgError('AccessDeniedException', 'denied\u001b]52;c;aGk=\u0007 by \u202epolicy'),
		);
		await app.see('A request from an earlier run had no recorded outcome');
		await app.see('denied\\x1b]52;c;aGk=\\x07 by \\u202epolicy');
		// Only the valid intent was asked about: the crafted id never reached the gateway.
		expect(sandbox.calls.filter((call) => call.operation === 'describeAccount')).toEqual([
			{ operation: 'describeAccount', accountId: DEMO_ACCOUNTS.logArchive },
		]);
		await app.press(KEYS.enter);
		await app.see('NAME');
		await app.press('L');
		await app.see(`Journal of ${ORGANIZATION}`);
		await app.see('Accepted\\x1b[2J\\x9b');
		await app.see('1 unreadable line was skipped (line 4)');
		expect(journal.read().skipped).toEqual([
			{ line: 4, reason: 'not a journal record (the account id is not 12 digits)' },
		]);
	});
});

describe('the table stays aligned whatever the names', () => {
	it('every column starts at the same place on every row, with wide, emoji, zero-width, combining and right-to-left names', async () => {
		const names = {
			[DEMO_ACCOUNTS.logArchive]: { name: '東京本番環境のログ保管アカウント', parentPath: 'Root/監査/ログ' },
			[DEMO_ACCOUNTS.paymentsProd]: { name: 'Payments 👍🏽🇺🇸❤️1️⃣⌚ prod', email: 'pay👍@example.com' },
			[DEMO_ACCOUNTS.sandboxBob]: { name: 'ze\u200bro\u200dwidth\ufeff\u2060name' },
			[DEMO_ACCOUNTS.quarantine]: { name: 'Ze\u0301\u0301\u0301lda Ca\u0308\u0323fe\u0301 Z\u0351\u0352\u0353\u0354a' },
			[DEMO_ACCOUNTS.securityTooling]: { name: 'חשבון אבטחה ראשי', parentPath: 'Root/אבטחה' },
			[DEMO_ACCOUNTS.federalReportingProd]: { name: 'حساب التقارير الفيدرالية', email: 'تقارير@example.com' },
			[DEMO_ACCOUNTS.mobileAppDev]: { name: '한국어 계정 가 이름 ｆｕｌｌ' },
		};
		for (const columns of [160, 100, 70]) {
			const app = start(names);
			resize(app.instance.stdout, columns, 40);
			await app.see('35 accounts');
			await settle();
			const lines = visible(app.instance.lastFrame()).split('\n');
			const header = lines.findIndex((line) => line.includes('NAME'));
			const rows = lines.slice(header + 1).filter((line) => /\b\d{12}\b/.test(line));
			expect(rows.length).toBeGreaterThan(columns > 100 ? 25 : 20);
			// Every column starts at the same screen column on every row: measured up to the id and to the state.
			const starts = rows.map((line) => {
				const id = line.search(/\b\d{12}\b/);
				const state = line.search(/ (ACTIVE|CLOSED|SUSPENDED|PENDING_CLOSURE|PENDING_ACTIVATION)(?= |$)/);
				return `${stringWidth(line.slice(0, id))} ${stringWidth(line.slice(0, state))}`;
			});
			const report = rows.map((line, index) => `${starts[index]} ${line}`).join('\n');
			expect(new Set(starts).size, report).toBe(1);
			for (const line of rows) expect(stringWidth(line), report).toBeLessThanOrEqual(columns);
			// With the joined date last (no trailing spaces to trim), every row is exactly as wide.
			if (columns === 160) expect(new Set(rows.map((line) => stringWidth(line))).size, report).toBe(1);
			expect(rows.join('\n')).toContain(DEMO_ACCOUNTS.paymentsProd);
			expect(rows.join('\n')).toContain('ze\\u200b');
			cleanup();
		}
	});
});

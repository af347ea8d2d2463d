import { spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { redactCredentials } from '../../source/domain/redact.js';
import { OrgError } from '../../source/org/errors.js';
import { DEMO_ACCOUNTS } from '../../source/org/sandbox/demo.js';
import { createSandbox } from '../../source/org/sandbox/engine.js';
import { journalDocument } from '../../source/store/journal/document.js';
import { journalEntries } from '../../source/store/journal/entries.js';
import { Journal, journalFile } from '../../source/store/journal/journal.js';
import { reconcilePending } from '../../source/store/journal/reconcile.js';
import { parseJournal } from '../../source/store/journal/records.js';
import { Settings } from '../../source/store/settings.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const caller = { accountId: '111111111111', arn: 'arn:aws:iam::111111111111:user/admin' };
const roots: string[] = [];

function tempDir(): string {
	const dir = mkdtempSync(join(tmpdir(), 'orgdash-journal-'));
	roots.push(dir);
	return dir;
}

afterAll(() => {
	for (const dir of roots) rmSync(dir, { recursive: true, force: true });
});

let directory: string;
beforeEach(() => {
	directory = tempDir();
});

describe('journal records', () => {
	it('lives in the settings directory, one file per organization', () => {
		const previous = process.env.ORGDASH_CONFIG_DIR;
		process.env.ORGDASH_CONFIG_DIR = directory;
		try {
			const settings = new Settings();
			expect(settings.directory).toBe(directory);
			const demo = new Journal(settings.directory, 'o-demo1234567');
			const other = new Journal(settings.directory, 'o-other000000');
			expect(demo.path).toBe(join(directory, 'journal', 'o-demo1234567.jsonl'));
			demo.appendIntent({ caller, accountId: '318274650192', action: 'close' });
			other.appendIntent({ caller, accountId: '222222222222', action: 'remove' });
			expect(demo.read().records.map((record) => record.accountId)).toEqual(['318274650192']);
			expect(other.read().records.map((record) => record.accountId)).toEqual(['222222222222']);
		} finally {
			if (previous === undefined) delete process.env.ORGDASH_CONFIG_DIR;
			else process.env.ORGDASH_CONFIG_DIR = previous;
		}
	});

	it('keeps a file name safe whatever the organization id', () => {
		expect(journalFile('/x', '../../etc/passwd')).toBe(join('/x', 'journal', '______etc_passwd.jsonl'));
		expect(journalFile('/x', '')).toBe(join('/x', 'journal', 'unknown.jsonl'));
	});

	it('writes an intent and its outcome, linked by the intent id', () => {
		const times = ['2026-05-10T12:00:00.000Z', '2026-05-10T12:00:01.000Z'];
		const journal = new Journal(directory, 'o-test', { now: () => new Date(times.shift() ?? '') });
		const intent = journal.appendIntent({ caller, accountId: '318274650192', action: 'close' });
		const outcome = journal.appendOutcome(intent, { result: { summary: 'CloseAccount accepted' } });
		const { records, skipped } = journal.read();
		expect(skipped).toEqual([]);
		expect(records).toEqual([
			{
				time: '2026-05-10T12:00:00.000Z',
				organizationId: 'o-test',
				caller,
				accountId: '318274650192',
				action: 'close',
				phase: 'intent',
				intentId: intent.intentId,
			},
			{
				time: '2026-05-10T12:00:01.000Z',
				organizationId: 'o-test',
				caller,
				accountId: '318274650192',
				action: 'close',
				phase: 'outcome',
				intentId: intent.intentId,
				result: { summary: 'CloseAccount accepted' },
			},
		]);
		expect(outcome.intentId).toMatch(/^[0-9a-f-]{36}$/);
		expect(readFileSync(journal.path, 'utf8').split('\n')).toHaveLength(3);
		expect(statSync(journal.path).mode & 0o777).toBe(0o600);
	});

	it('records errors with code, reason and message', () => {
		const journal = new Journal(directory, 'o-test');
		const intent = journal.appendIntent({ caller, accountId: '184627395021', action: 'remove' });
		journal.appendOutcome(intent, {
			error: new OrgError('ConstraintViolationException', 'needs a phone', {
				reason: 'ACCOUNT_CANNOT_LEAVE_WITHOUT_PHONE_VERIFICATION',
			}),
		});
		expect(journal.read().records[1]?.error).toEqual({
			code: 'ConstraintViolationException',
			reason: 'ACCOUNT_CANNOT_LEAVE_WITHOUT_PHONE_VERIFICATION',
			message: 'needs a phone',
		});
	});

	it('never holds credentials', () => {
		const journal = new Journal(directory, 'o-test');
		const intent = journal.appendIntent({ caller, accountId: '100000000001', action: 'close' });
		journal.appendOutcome(intent, {
			error: {
				code: 'SignatureDoesNotMatch',
				message:
					'Credential=AKIAIOSFODNN7EXAMPLE/20260510/us-east-1/organizations/aws4_request, SessionToken=FQoGZXIvYXdzEJr//secret, key ASIAY34FZKBOKMUTVV7A',
			},
		});
		const text = readFileSync(journal.path, 'utf8');
		expect(text).not.toMatch(/AKIAIOSFODNN7EXAMPLE|ASIAY34FZKBOKMUTVV7A|FQoGZXIvYXdzEJr/);
		expect(text).toMatch(/\[redacted\]/);
		expect(redactCredentials('aws_secret_access_key = wJalrXUtnFEMI/K7MDENG')).toBe(
			'aws_secret_access_key = [redacted]',
		);
	});

	it('keeps each line short even for a huge message', () => {
		const journal = new Journal(directory, 'o-test');
		const intent = journal.appendIntent({ caller, accountId: '100000000001', action: 'close' });
		journal.appendOutcome(intent, { error: { code: 'X', message: 'm'.repeat(100_000) } });
		const lines = readFileSync(journal.path, 'utf8').trim().split('\n');
		expect(Math.max(...lines.map((line) => Buffer.byteLength(line)))).toBeLessThan(4000);
		expect(journal.read().records[1]?.error?.code).toBe('X');
	});
});

describe('reading', () => {
	it('returns nothing for a journal not written yet', () => {
		expect(new Journal(directory, 'o-none').read()).toEqual({ records: [], skipped: [] });
	});

	it('skips a corrupt or partial line with a note, and keeps the rest', () => {
		const journal = new Journal(directory, 'o-test');
		const first = journal.appendIntent({ caller, accountId: '100000000001', action: 'close' });
		appendFileSync(journal.path, 'this is not json\n');
		appendFileSync(journal.path, '{"time":"2026-01-01T00:00:00Z","action":"close"}\n');
		appendFileSync(journal.path, '\n');
		const second = journal.appendIntent({ caller, accountId: '100000000002', action: 'remove' });
		appendFileSync(journal.path, '{"time":"2026-01-01T00:00:00Z","organizationId":"o-te');
		const { records, skipped } = journal.read();
		expect(records.map((record) => record.intentId)).toEqual([first.intentId, second.intentId]);
		expect(skipped).toEqual([
			{ line: 2, reason: 'not valid JSON (a partial or corrupted line)' },
			{ line: 3, reason: 'not a journal record (missing organizationId)' },
			{ line: 6, reason: 'not valid JSON (a partial or corrupted line)' },
		]);
	});

	it('reports a journal it cannot read instead of failing', () => {
		const journal = new Journal(directory, 'o-dir');
		mkdirSync(journal.path, { recursive: true });
		const contents = journal.read();
		expect(contents.records).toEqual([]);
		expect(contents.unreadable).toMatch(/could not be read/);
	});

	it('rejects records of the wrong shape', () => {
		const base = {
			time: '2026-05-10T12:00:00.000Z',
			organizationId: 'o',
			accountId: '123456789012',
			intentId: 'i',
			action: 'close',
			phase: 'intent',
			caller,
		};
		const lines = [
			base,
			{ ...base, action: 'delete' },
			{ ...base, phase: 'maybe' },
			{ ...base, caller: { accountId: 1 } },
			[1, 2],
		].map((value) => JSON.stringify(value));
		const { records, skipped } = parseJournal(lines.join('\n'));
		expect(records).toHaveLength(1);
		expect(skipped.map((line) => line.reason)).toEqual([
			'not a journal record (unknown action)',
			'not a journal record (unknown phase)',
			'not a journal record (missing caller)',
			'not a journal record (not an object)',
		]);
	});

	it('skips a record whose account id is not 12 digits, whose time is not a date, or whose fields have the wrong type', () => {
		const base = {
			time: '2026-05-10T12:00:00.000Z',
			organizationId: 'o-test',
			accountId: '123456789012',
			intentId: 'i',
			action: 'close',
			phase: 'outcome',
			caller,
		};
		const lines = [
			base,
			{ ...base, accountId: '123\u001b]0;pwned\u0007' },
			{ ...base, accountId: '12345678901' },
			{ ...base, accountId: '1234567890123' },
			{ ...base, time: 'yesterday' },
			{ ...base, result: { summary: 7 } },
			{ ...base, result: 'ok' },
			{ ...base, error: { code: 'X' } },
			{ ...base, error: { code: 'X', message: 'm', reason: 1 } },
			{ ...base, reconciles: 'delete' },
			{ ...base, result: { summary: 'ok', gone: 'yes' } },
		].map((value) => JSON.stringify(value));
		const { records, skipped } = parseJournal(lines.join('\n'));
		expect(records).toHaveLength(1);
		expect(skipped.map((line) => line.reason)).toEqual([
			'not a journal record (the account id is not 12 digits)',
			'not a journal record (the account id is not 12 digits)',
			'not a journal record (the account id is not 12 digits)',
			'not a journal record (the time is not a date)',
			'not a journal record (damaged result)',
			'not a journal record (damaged result)',
			'not a journal record (damaged error)',
			'not a journal record (damaged error)',
			'not a journal record (unknown reconciled action)',
			'not a journal record (damaged result)',
		]);
	});

	it('reads every text of a record back display-safe, and leaves out fields it does not know', () => {
		const line = JSON.stringify({
			time: '2026-05-10T12:00:00.000Z',
			organizationId: 'o-test\u001b]0;x\u0007',
			accountId: '123456789012',
			intentId: 'i\u202e',
			action: 'close',
			phase: 'outcome',
			caller: { accountId: '111111111111', arn: 'arn:aws:iam::111111111111:user/\u001b]52;c;aGk=\u0007' },
			result: { accountState: 'CLOSED\u0007', summary: 'ok\u009b2J', gone: false },
			error: { code: 'X\u001b', reason: 'R\u200b', message: 'm\u001b[2J' },
			extra: '\u001b]0;pwned\u0007',
		});
		const { records } = parseJournal(line);
		expect(records).toEqual([
			{
				time: '2026-05-10T12:00:00.000Z',
				organizationId: 'o-test\\x1b]0;x\\x07',
				accountId: '123456789012',
				intentId: 'i\\u202e',
				action: 'close',
				phase: 'outcome',
				caller: { accountId: '111111111111', arn: 'arn:aws:iam::111111111111:user/\\x1b]52;c;aGk=\\x07' },
				result: { accountState: 'CLOSED\\x07', summary: 'ok\\x9b2J', gone: false },
				error: { code: 'X\\x1b', reason: 'R\\u200b', message: 'm\\x1b[2J' },
			},
		]);
	});

	it('never asks AWS about a crafted account id', async () => {
		const journal = new Journal(directory, 'o-crafted');
		mkdirSync(dirname(journal.path), { recursive: true });
		const crafted = {
			time: '2026-05-10T12:00:00.000Z',
			organizationId: 'o-crafted',
			accountId: '123\u001b]0;pwned\u0007',
			intentId: 'crafted',
			action: 'close',
			phase: 'intent',
			caller,
		};
		writeFileSync(journal.path, `${JSON.stringify(crafted)}\n`);
		const asked: string[] = [];
		const results = await reconcilePending(
			journal,
			{
				async describeAccount(accountId) {
					asked.push(accountId);
					return { state: 'ACTIVE' };
				},
			},
			caller,
		);
		expect(results).toEqual([]);
		expect(asked).toEqual([]);
		expect(journal.read().skipped).toEqual([
			{ line: 1, reason: 'not a journal record (the account id is not 12 digits)' },
		]);
	});
});

describe('pending intents and closures', () => {
	it('finds intents with no outcome', () => {
		const journal = new Journal(directory, 'o-test');
		const settled = journal.appendIntent({ caller, accountId: '100000000001', action: 'close' });
		journal.appendOutcome(settled, { result: { summary: 'ok' } });
		const pending = journal.appendIntent({ caller, accountId: '100000000002', action: 'remove' });
		expect(journal.pendingIntents().map((record) => record.intentId)).toEqual([pending.intentId]);
	});

	it('counts closures AWS accepted since a date, including reconciled ones', () => {
		const clock = { now: new Date('2026-05-01T00:00:00.000Z') };
		const journal = new Journal(directory, 'o-test', { now: () => clock.now });
		const old = journal.appendIntent({ caller, accountId: '100000000001', action: 'close' });
		journal.appendOutcome(old, { result: { summary: 'ok' } });
		clock.now = new Date('2026-05-20T00:00:00.000Z');
		const accepted = journal.appendIntent({ caller, accountId: '100000000002', action: 'close' });
		journal.appendOutcome(accepted, { result: { summary: 'ok' } });
		const refused = journal.appendIntent({ caller, accountId: '100000000003', action: 'close' });
		journal.appendOutcome(refused, { error: { code: 'AccessDeniedException' } });
		const reconciled = journal.appendIntent({ caller, accountId: '100000000004', action: 'close' });
		journal.appendReconcile(reconciled, caller, {
			result: { accountState: 'PENDING_CLOSURE', summary: 'went through' },
		});
		const notThrough = journal.appendIntent({ caller, accountId: '100000000005', action: 'close' });
		journal.appendReconcile(notThrough, caller, { result: { accountState: 'ACTIVE', summary: 'did not' } });
		const removal = journal.appendIntent({ caller, accountId: '100000000006', action: 'remove' });
		journal.appendOutcome(removal, { result: { summary: 'ok' } });
		// No outcome written, and an answer lost: either may have gone through, so both count until settled.
		journal.appendIntent({ caller, accountId: '100000000007', action: 'close' });
		const lost = journal.appendIntent({ caller, accountId: '100000000008', action: 'close' });
		journal.appendOutcome(lost, { error: { code: 'NetworkError', message: 'socket hang up' }, unknown: true });
		expect(journal.closuresSince(new Date('2026-05-10T00:00:00.000Z'))).toEqual([
			{ accountId: '100000000002', at: '2026-05-20T00:00:00.000Z' },
			{ accountId: '100000000004', at: '2026-05-20T00:00:00.000Z' },
			{ accountId: '100000000007', at: '2026-05-20T00:00:00.000Z' },
			{ accountId: '100000000008', at: '2026-05-20T00:00:00.000Z' },
		]);
		expect(journal.closuresSince(new Date('2026-04-01T00:00:00.000Z'))).toHaveLength(5);
		// Deletion dates come only from closures known to have gone through.
		expect([...journal.closureDates().keys()]).toEqual(['100000000001', '100000000002', '100000000004']);
		// Settled as not gone through, the lost one stops counting.
		journal.appendReconcile(lost, caller, { result: { accountState: 'ACTIVE', summary: 'Did not go through' } });
		expect(journal.closuresSince(new Date('2026-05-10T00:00:00.000Z')).map((closure) => closure.accountId)).toEqual([
			'100000000002',
			'100000000004',
			'100000000007',
		]);
	});

	it('keeps an intent whose answer was lost pending, with its unknown outcome on record', () => {
		const journal = new Journal(directory, 'o-test');
		const lost = journal.appendIntent({ caller, accountId: '318274650192', action: 'close' });
		journal.appendOutcome(lost, { error: { code: 'NetworkError', message: 'socket hang up' }, unknown: true });
		expect(journal.read().records[1]).toMatchObject({
			phase: 'outcome',
			outcomeUnknown: true,
			error: { code: 'NetworkError', message: 'socket hang up' },
		});
		expect(journal.pendingIntents().map((record) => record.intentId)).toEqual([lost.intentId]);
		const [entry] = journalEntries(journal.read().records);
		expect(entry?.status).toBe('unknown');
		expect(entry?.summary).toMatch(/^checking: the answer was lost \(NetworkError: socket hang up\)/);
		journal.appendReconcile(lost, caller, {
			result: { accountState: 'PENDING_CLOSURE', summary: 'Went through: now PENDING_CLOSURE.' },
		});
		expect(journal.pendingIntents()).toEqual([]);
		const [settled] = journalEntries(journal.read().records);
		expect(settled?.status).toBe('reconciled');
		expect(settled?.summary).toBe('Went through: now PENDING_CLOSURE.');
		expect(settled?.unknownOutcome?.outcomeUnknown).toBe(true);
	});
});

describe('reconciliation on the next start', () => {
	it('asks AWS about each pending intent and writes what the account is now', async () => {
		const sandbox = createSandbox({ now: () => new Date('2026-05-10T12:00:00.000Z') });
		const journal = new Journal(directory, 'o-demo1234567');
		// The program stopped after CloseAccount was sent, before the outcome was written.
		const closed = journal.appendIntent({ caller, accountId: DEMO_ACCOUNTS.paymentsProd, action: 'close' });
		await sandbox.closeAccount(DEMO_ACCOUNTS.paymentsProd);
		// ...and before CloseAccount was sent at all.
		const notSent = journal.appendIntent({ caller, accountId: DEMO_ACCOUNTS.logArchive, action: 'close' });
		// A removal that went through.
		const removed = journal.appendIntent({ caller, accountId: DEMO_ACCOUNTS.storefrontSearchProd, action: 'remove' });
		await sandbox.removeAccount(DEMO_ACCOUNTS.storefrontSearchProd);
		// AWS cannot be asked about this one right now.
		const unreachable = journal.appendIntent({ caller, accountId: '427361905837', action: 'close' });
		const order = [closed, notSent, removed, unreachable];
		const describer = {
			async describeAccount(accountId: string) {
				if (accountId === unreachable.accountId) throw new OrgError('TimeoutError', 'timed out', { network: true });
				return sandbox.describeAccount(accountId);
			},
		};

		const results = await reconcilePending(journal, describer, caller);
		expect(results.map((result) => result.intent.intentId)).toEqual(order.map((intent) => intent.intentId));
		expect(results[0]?.outcome?.result).toEqual({
			accountState: 'PENDING_CLOSURE',
			summary: 'Went through: now PENDING_CLOSURE.',
		});
		expect(results[1]?.outcome?.result?.summary).toBe('Did not go through: still ACTIVE.');
		expect(results[2]?.outcome?.result).toEqual({
			gone: true,
			summary: 'Went through: no longer in the organization (or it had left before).',
		});
		expect(results[3]?.outcome).toBeUndefined();
		expect(results[3]?.error?.code).toBe('TimeoutError');

		const reconcileRecords = journal.read().records.filter((record) => record.action === 'reconcile');
		expect(reconcileRecords.map((record) => [record.phase, record.reconciles])).toEqual([
			['outcome', 'close'],
			['outcome', 'close'],
			['outcome', 'remove'],
		]);
		expect(journal.pendingIntents().map((record) => record.intentId)).toEqual([unreachable.intentId]);
		// The one AWS could not be asked about counts against the allowance until it is settled.
		expect(journal.closuresSince(new Date(0)).map((closure) => closure.accountId)).toEqual([
			DEMO_ACCOUNTS.paymentsProd,
			unreachable.accountId,
		]);
	});
});

/**
 * Loads the real journal module in plain Node: it depends only on Node's own
 * modules, the pure domain and its private-files neighbour, so a transpile-only
 * build of those files is the module itself.
 */
function buildJournalForChildren(): string {
	const out = join(repo, 'node_modules', '.cache', 'orgdash-test', `journal-${process.pid}`);
	// The journal and the modules it imports, transpiled file by file in the same layout.
	for (const file of [
		'store/journal/journal',
		'store/journal/records',
		'store/private-files',
		'domain/account',
		'domain/display-text',
		'domain/redact',
	]) {
		const source = readFileSync(join(repo, 'source', `${file}.ts`), 'utf8');
		const { outputText } = ts.transpileModule(source, {
			compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
		});
		mkdirSync(dirname(join(out, file)), { recursive: true });
		writeFileSync(join(out, `${file}.js`), outputText);
	}
	writeFileSync(join(out, 'package.json'), '{"type":"module"}\n');
	writeFileSync(
		join(out, 'writer.mjs'),
		`import { Journal } from './store/journal/journal.js';
const [directory, label, count, startAt] = process.argv.slice(2);
const journal = new Journal(directory, 'o-concurrent');
const caller = { accountId: '111111111111', arn: 'arn:aws:iam::111111111111:role/' + label };
while (Date.now() < Number(startAt)) {}
for (let index = 0; index < Number(count); index++) {
	const intent = journal.appendIntent({ caller, accountId: String(100000000000 + index), action: 'close' });
	journal.appendOutcome(intent, { error: { code: label, message: label.repeat(120) + ' #' + index } });
}
`,
	);
	// Writes a close intent, says so, then waits for an answer that never comes (killed with SIGKILL meanwhile).
	writeFileSync(
		join(out, 'hung-closer.mjs'),
		`import { Journal } from './store/journal/journal.js';
const [directory, organizationId, accountId] = process.argv.slice(2);
const journal = new Journal(directory, organizationId);
const caller = { accountId: '111111111111', arn: 'arn:aws:iam::111111111111:user/demo-admin' };
const intent = journal.appendIntent({ caller, accountId, action: 'close' });
process.stdout.write('sent ' + intent.intentId + '\\n');
setInterval(() => {}, 1000);
`,
	);
	roots.push(out);
	return join(out, 'writer.mjs');
}

function runWriter(writer: string, args: string[]): Promise<number> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [writer, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
		let stderr = '';
		child.stderr.on('data', (chunk) => {
			stderr += chunk;
		});
		child.on('error', reject);
		child.on('exit', (code) => (code === 0 ? resolve(code) : reject(new Error(`writer exited ${code}: ${stderr}`))));
	});
}

describe('two processes writing at once', () => {
	it('never corrupt the journal: every line parses and every record is there', async () => {
		const writer = buildJournalForChildren();
		const perWriter = 3000;
		const startAt = String(Date.now() + 400);
		await Promise.all([
			runWriter(writer, [directory, 'A', String(perWriter), startAt]),
			runWriter(writer, [directory, 'B', String(perWriter), startAt]),
		]);
		const journal = new Journal(directory, 'o-concurrent');
		const text = readFileSync(journal.path, 'utf8');
		expect(text.endsWith('\n')).toBe(true);
		// A writer that looks at the last byte while another's write is landing may add a newline of its own:
		// an empty line, which reading skips.
		const lines = text.split('\n').filter((line) => line !== '');
		expect(lines).toHaveLength(4 * perWriter);
		for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
		const { records, skipped } = journal.read();
		expect(skipped).toEqual([]);
		for (const label of ['A', 'B']) {
			const outcomes = records.filter((record) => record.error?.code === label);
			expect(outcomes).toHaveLength(perWriter);
			outcomes.forEach((record, index) => {
				expect(record.error?.message).toBe(`${label.repeat(120)} #${index}`);
			});
		}
		expect(journal.pendingIntents()).toEqual([]);
		// The writers really overlapped: their lines alternate many times in the file.
		let switches = 0;
		for (let index = 1; index < records.length; index++) {
			if (records[index]?.caller.arn !== records[index - 1]?.caller.arn) switches++;
		}
		expect(switches).toBeGreaterThan(20);
	});
});

describe('the journal as a document and as requests', () => {
	it('gives records, pending intents and skipped lines for journal --json', () => {
		const journal = new Journal(directory, 'o-doc');
		const done = journal.appendIntent({ caller, accountId: '100000000001', action: 'close' });
		journal.appendOutcome(done, { result: { summary: 'ok' } });
		const open = journal.appendIntent({ caller, accountId: '100000000002', action: 'remove' });
		appendFileSync(journal.path, 'garbage\n');
		const document = journalDocument(journal);
		expect(document.organizationId).toBe('o-doc');
		expect(document.path).toBe(journal.path);
		expect(document.records).toHaveLength(3);
		expect(document.pending.map((record) => record.intentId)).toEqual([open.intentId]);
		expect(document.skipped).toEqual([{ line: 4, reason: 'not valid JSON (a partial or corrupted line)' }]);
		expect(JSON.parse(JSON.stringify(document))).toEqual(document);
	});

	it('pairs intents with outcomes, newest first; an outcome whose intent was lost still shows', () => {
		const times = [
			'2026-05-01T00:00:00.000Z',
			'2026-05-01T00:00:01.000Z',
			'2026-05-02T00:00:00.000Z',
			'2026-05-02T00:00:01.000Z',
			'2026-05-03T00:00:00.000Z',
			'2026-05-04T00:00:00.000Z',
			'2026-05-04T00:00:01.000Z',
		];
		const journal = new Journal(directory, 'o-entries', { now: () => new Date(times.shift() ?? '') });
		const accepted = journal.appendIntent({ caller, accountId: '100000000001', action: 'close' });
		journal.appendOutcome(accepted, { result: { summary: 'CloseAccount accepted.' } });
		const refused = journal.appendIntent({ caller, accountId: '100000000002', action: 'remove' });
		journal.appendOutcome(refused, {
			error: { code: 'ConstraintViolationException', reason: 'WAIT_PERIOD_ACTIVE', message: 'young' },
		});
		journal.appendIntent({ caller, accountId: '100000000003', action: 'close' });
		const reconciled = journal.appendIntent({ caller, accountId: '100000000004', action: 'close' });
		journal.appendReconcile(reconciled, caller, {
			result: { accountState: 'CLOSED', summary: 'The closure went through.' },
		});
		const entries = journalEntries(journal.read().records);
		expect(entries.map((entry) => [entry.accountId, entry.status, entry.summary])).toEqual([
			['100000000004', 'reconciled', 'The closure went through.'],
			['100000000003', 'pending', 'No outcome recorded: orgdash checks it with AWS on the next start.'],
			['100000000002', 'refused', 'ConstraintViolationException WAIT_PERIOD_ACTIVE: young'],
			['100000000001', 'accepted', 'CloseAccount accepted.'],
		]);
		const orphan = journalEntries(
			journal.read().records.filter((record) => record.intentId !== accepted.intentId || record.phase === 'outcome'),
		);
		expect(orphan.find((entry) => entry.accountId === '100000000001')?.status).toBe('accepted');
	});
});

describe('a journal whose last line was cut', () => {
	const cut = '{"time":"2026-05-10T11:00:00.000Z","organizationId":"o-test","caller":{"accountId":"1111';

	it('ends the cut line before the next record, so the record is read', () => {
		const journal = new Journal(directory, 'o-test');
		const first = journal.appendIntent({ caller, accountId: '318274650192', action: 'close' });
		appendFileSync(journal.path, cut);
		const next = journal.appendIntent({ caller, accountId: '184627395021', action: 'close' });
		const { records, skipped } = journal.read();
		expect(records.map((record) => record.intentId)).toEqual([first.intentId, next.intentId]);
		expect(skipped).toEqual([{ line: 2, reason: 'not valid JSON (a partial or corrupted line)' }]);
		expect(readFileSync(journal.path, 'utf8').endsWith('\n')).toBe(true);
		expect(journal.pendingIntents().map((record) => record.intentId)).toEqual([first.intentId, next.intentId]);
	});

	it('reads a whole record glued onto a broken line, as an earlier version wrote it', () => {
		const journal = new Journal(directory, 'o-test');
		const intent = journal.appendIntent({ caller, accountId: '318274650192', action: 'close' });
		const glued = `${cut}${JSON.stringify(intent)}\n`;
		const { records, skipped } = parseJournal(`garbage${JSON.stringify(intent)}\n${glued}not json at all\n`);
		expect(records).toEqual([intent, intent]);
		expect(skipped.map((line) => [line.line, line.reason])).toEqual([
			[1, 'began with a partial record (kept the whole record after it)'],
			[2, 'began with a partial record (kept the whole record after it)'],
			[3, 'not valid JSON (a partial or corrupted line)'],
		]);
	});

	it('keeps the intent of a closure whose process was killed before its outcome; the next start settles it', async () => {
		const hung = join(dirname(buildJournalForChildren()), 'hung-closer.mjs');
		const sandbox = createSandbox({ now: () => new Date('2026-05-10T12:00:00.000Z') });
		const journal = new Journal(directory, 'o-demo1234567');
		const earlier = journal.appendIntent({ caller, accountId: DEMO_ACCOUNTS.logArchive, action: 'close' });
		journal.appendOutcome(earlier, { error: { code: 'AccessDeniedException', message: 'no' } });
		// A crash while appending left the last line without its newline.
		appendFileSync(journal.path, cut);

		const child = spawn(process.execPath, [hung, directory, 'o-demo1234567', DEMO_ACCOUNTS.paymentsProd], {
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const sent = await new Promise<string>((resolve, reject) => {
			let output = '';
			child.stdout.on('data', (chunk) => {
				output += chunk;
				const match = /sent (\S+)\n/.exec(output);
				if (match?.[1]) resolve(match[1]);
			});
			child.on('error', reject);
			child.on('exit', (code) => reject(new Error(`the child exited (${code}) before sending`)));
		});
		// AWS received the request; the process dies before the answer and before writing an outcome.
		await sandbox.closeAccount(DEMO_ACCOUNTS.paymentsProd);
		const killed = new Promise((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
		child.kill('SIGKILL');
		expect(await killed).toBe('SIGKILL');

		expect(journal.pendingIntents().map((intent) => intent.intentId)).toEqual([sent]);
		const [settled] = await reconcilePending(journal, sandbox, caller);
		expect(settled?.intent.intentId).toBe(sent);
		expect(settled?.outcome?.result?.summary).toBe('Went through: now PENDING_CLOSURE.');
		expect(journal.pendingIntents()).toEqual([]);
		expect(journal.closuresSince(new Date(0)).map((closure) => closure.accountId)).toEqual([
			DEMO_ACCOUNTS.paymentsProd,
		]);
	});
});

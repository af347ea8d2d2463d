/**
 * `orgdash journal --json` on the built command (npm test builds first): the
 * journal of the organization the gateway reaches, the demo's own with --demo.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Journal } from '../../source/store/journal.js';

const CLI = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'cli.js');
const run = promisify(execFile);
let folder: string;

beforeAll(() => {
	if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` (npm test does it first).');
});

beforeEach(() => {
	folder = mkdtempSync(join(tmpdir(), 'orgdash-journal-cli-'));
});

afterEach(() => {
	rmSync(folder, { recursive: true, force: true });
});

function orgdash(args: string[]) {
	return run(process.execPath, [CLI, ...args], { env: { ...process.env, ORGDASH_CONFIG_DIR: folder, NO_COLOR: '1' } });
}

describe('orgdash journal --json', () => {
	it("prints the demo organization's records and pending requests", async () => {
		const journal = new Journal(folder, 'o-demo1234567');
		const caller = { accountId: '111111111111', arn: 'arn:aws:iam::111111111111:user/demo-admin' };
		const done = journal.appendIntent({ caller, accountId: '318274650192', action: 'close' });
		journal.appendOutcome(done, { result: { summary: 'CloseAccount accepted.' } });
		const open = journal.appendIntent({ caller, accountId: '184627395021', action: 'remove' });
		// Another organization's journal is never mixed in.
		new Journal(folder, 'o-other000000').appendIntent({ caller, accountId: '999999999999', action: 'close' });

		const { stdout } = await orgdash(['journal', '--json', '--demo']);
		const document = JSON.parse(stdout);
		expect(document.organizationId).toBe('o-demo1234567');
		expect(document.path).toBe(join(folder, 'journal', 'o-demo1234567.jsonl'));
		expect(
			document.records.map((record: { accountId: string; phase: string }) => [record.accountId, record.phase]),
		).toEqual([
			['318274650192', 'intent'],
			['318274650192', 'outcome'],
			['184627395021', 'intent'],
		]);
		expect(document.pending.map((record: { intentId: string }) => record.intentId)).toEqual([open.intentId]);
		expect(document.skipped).toEqual([]);
		expect(stdout).not.toMatch(/secret|AKIA/i);
	});

	it('says what to do when --json is missing', async () => {
		await expect(orgdash(['journal', '--demo'])).rejects.toMatchObject({
			code: 2,
			stderr: expect.stringContaining('run orgdash journal --json'),
		});
	});
});

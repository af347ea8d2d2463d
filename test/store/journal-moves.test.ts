import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Journal } from '../../source/store/journal/journal.js';
import { reconcilePending } from '../../source/store/journal/reconcile.js';
import { parseJournal } from '../../source/store/journal/records.js';

const folders: string[] = [];
afterEach(() => {
	for (const path of folders.splice(0)) rmSync(path, { recursive: true, force: true });
});
function journal(): Journal {
	const path = mkdtempSync(join(tmpdir(), 'orgdash-moves-'));
	folders.push(path);
	return new Journal(path, 'o-abc');
}

const caller = { accountId: '111111111111', arn: 'arn:aws:iam::111111111111:user/admin' };
const QUARANTINE = 'ou-abcd-11111111';
const DEV = 'ou-abcd-22222222';

describe('moves in the journal', () => {
	it('records the former parent of each quarantined account, for moving it back', () => {
		const log = journal();
		const moved = log.appendIntent({
			caller,
			accountId: '200000000001',
			action: 'move',
			fromParentId: DEV,
			toParentId: QUARANTINE,
		});
		log.appendOutcome(moved, { result: { summary: 'Moved into Root/Suspended.' } });
		const refused = log.appendIntent({
			caller,
			accountId: '200000000002',
			action: 'move',
			fromParentId: 'r-abcd',
			toParentId: QUARANTINE,
		});
		log.appendOutcome(refused, { error: { code: 'AccessDeniedException', message: 'no' } });
		expect(log.formerParents(QUARANTINE)).toEqual(new Map([['200000000001', DEV]]));
		// Closures are not moves.
		expect(log.closuresSince(new Date(0))).toEqual([]);
	});

	it('settles a move left without an outcome from the account’s parent now', async () => {
		const log = journal();
		log.appendIntent({ caller, accountId: '200000000001', action: 'move', fromParentId: DEV, toParentId: QUARANTINE });
		log.appendIntent({ caller, accountId: '200000000002', action: 'move', fromParentId: DEV, toParentId: QUARANTINE });
		const parents: Record<string, string> = { '200000000001': QUARANTINE, '200000000002': DEV };
		const settled = await reconcilePending(
			log,
			{ describeAccount: async (id) => ({ state: 'ACTIVE', parentId: parents[id] as string }) },
			caller,
		);
		expect(settled.map((item) => item.outcome?.result?.summary)).toEqual([
			`Went through: now in ${QUARANTINE}.`,
			`Did not go through: still in ${DEV}.`,
		]);
		expect(log.pendingIntents()).toEqual([]);
		expect(log.formerParents(QUARANTINE)).toEqual(new Map([['200000000001', DEV]]));
	});

	it('skips a move whose parent ids are not AWS ids', () => {
		const line = JSON.stringify({
			time: '2026-01-01T00:00:00.000Z',
			organizationId: 'o-abc',
			caller,
			accountId: '200000000001',
			action: 'move',
			phase: 'intent',
			intentId: 'x',
			fromParentId: '$(reboot)',
			toParentId: QUARANTINE,
		});
		expect(parseJournal(line).skipped[0]?.reason).toContain('damaged fromParentId');
	});
});

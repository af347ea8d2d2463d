import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BatchQueue } from '../../source/store/batch-queue.js';

const folders: string[] = [];
function folder(): string {
	const path = mkdtempSync(join(tmpdir(), 'orgdash-queue-'));
	folders.push(path);
	return path;
}
afterEach(() => {
	for (const path of folders.splice(0)) rmSync(path, { recursive: true, force: true });
});

const A = '200000000001';
const B = '200000000002';
const C = '200000000003';

describe('the batch queue', () => {
	it('keeps one batch per verb in a private file, and takes accounts out as they are done', () => {
		const queue = new BatchQueue(folder(), 'o-abc');
		expect(queue.read()).toEqual({ batches: [] });
		queue.save({ verb: 'close', accountIds: [A, B, C], queuedAt: '2026-01-01T00:00:00.000Z' });
		queue.save({ verb: 'remove', accountIds: [C], queuedAt: '2026-01-01T00:00:00.000Z' });
		expect(statSync(queue.path).mode & 0o777).toBe(0o600);
		queue.remove('close', [A]);
		expect(new BatchQueue(join(queue.path, '..', '..'), 'o-abc').batch('close')?.accountIds).toEqual([B, C]);
		queue.remove('close', [B, C]);
		expect(queue.batch('close')).toBeUndefined();
		queue.remove('remove', [C]);
		expect(() => statSync(queue.path)).toThrow();
	});

	it('reads a damaged file as empty with a note, and skips a crafted batch', () => {
		const queue = new BatchQueue(folder(), 'o-abc');
		queue.save({ verb: 'close', accountIds: [A], queuedAt: '2026-01-01T00:00:00.000Z' });
		writeFileSync(queue.path, '{"batches": [');
		expect(queue.read().batches).toEqual([]);
		expect(queue.read().problem).toContain('not valid JSON');
		const good = { verb: 'close', accountIds: [A], queuedAt: '2026-01-01T00:00:00.000Z' };
		const crafted = { verb: 'close', accountIds: ['$(rm -rf /)'], queuedAt: 'x' };
		writeFileSync(queue.path, JSON.stringify({ batches: [good, crafted] }));
		expect(queue.read()).toMatchObject({ batches: [good], problem: expect.stringContaining('1 damaged batch') });
		expect(readFileSync(queue.path, 'utf8')).toContain('rm -rf');
	});
});

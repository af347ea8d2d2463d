import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Account, displayAccount } from '../../source/domain/account.js';
import {
	type CacheKey,
	cacheFilePath,
	clearAccountCache,
	defaultCacheDirectory,
	isCacheable,
	lastSeenFilePath,
	readAccountCache,
	readLastSeen,
	readLastSeenList,
	writeAccountCache,
	writeLastSeen,
} from '../../source/store/cache.js';
import { UNSAFE_TEXT } from '../support/unsafe-text.js';

const key: CacheKey = {
	sourceKey: 'profile=default;region=us-east-1;endpoint=',
	organizationId: 'o-aaaaaaaaaa',
	callerAccountId: '111111111111',
};

function makeAccounts(count: number, prefix = 'workload'): Account[] {
	return Array.from({ length: count }, (_, i) => ({
		id: String(200000000000 + i),
		name: `${prefix}-${i}`,
		email: `aws+${prefix}-${i}@example.com`,
		state: 'ACTIVE',
		stateSource: 'State',
		joinedMethod: 'CREATED',
		joinedAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
		parentId: `ou-root-${String(i % 7).padStart(8, '0')}`,
		parentPath: `Root/Workloads/Team${i % 7}`,
	}));
}

const mixed: Account[] = [
	{
		id: '111111111111',
		name: 'management',
		email: 'root@example.com',
		state: 'ACTIVE',
		stateSource: 'State',
		joinedMethod: 'INVITED',
		joinedAt: '2020-01-01T00:00:00.000Z',
		parentId: 'r-abcd',
		parentPath: 'Root',
	},
	{
		id: '222222222222',
		name: 'old "sandbox" é ✓',
		email: 'sandbox@example.com',
		state: 'CLOSED',
		stateSource: 'State',
		joinedMethod: 'CREATED',
		joinedAt: '2021-05-06T07:08:09.000Z',
		parentId: 'ou-abcd-11111111',
		parentPath: 'Root/Sandbox/Deep/Deeper',
		closedAt: '2025-01-02T03:04:05.000Z',
	},
	{
		id: '333333333333',
		name: 'legacy',
		email: 'legacy@example.com',
		state: 'SUSPENDED',
		stateSource: 'Status',
		joinedMethod: 'CREATED',
		joinedAt: '2022-02-02T02:02:02.000Z',
		parentId: '',
		parentPath: '',
	},
	{
		id: '444444444444',
		name: 'pending',
		email: 'pending@example.com',
		state: 'PENDING_CLOSURE',
		stateSource: 'State',
		joinedMethod: 'INVITED',
		joinedAt: '2023-03-03T03:03:03.000Z',
		parentId: 'ou-abcd-11111111',
		parentPath: 'Root/Sandbox/Deep/Deeper',
	},
];

let directory: string;
let previousConfigDir: string | undefined;

beforeEach(async () => {
	directory = await mkdtemp(join(tmpdir(), 'orgdash-cache-'));
	previousConfigDir = process.env.ORGDASH_CONFIG_DIR;
	process.env.ORGDASH_CONFIG_DIR = join(directory, 'config');
});

afterEach(async () => {
	if (previousConfigDir === undefined) delete process.env.ORGDASH_CONFIG_DIR;
	else process.env.ORGDASH_CONFIG_DIR = previousConfigDir;
	await rm(directory, { recursive: true, force: true });
});

describe('account cache', () => {
	it('returns exactly what was written, with the time it was saved', async () => {
		const savedAt = new Date('2025-06-01T12:00:00.000Z');
		await writeAccountCache(key, mixed, { directory, savedAt });
		const read = await readAccountCache(key, directory);
		expect(read.status).toBe('hit');
		if (read.status !== 'hit') return;
		expect(read.accounts).toEqual(mixed);
		expect(read.savedAt.toISOString()).toBe(savedAt.toISOString());
		// No closedAt key at all where none was known (not an empty string).
		expect('closedAt' in (read.accounts[0] as Account)).toBe(false);
	});

	it('is a miss when nothing was written', async () => {
		expect(await readAccountCache(key, directory)).toEqual({ status: 'miss' });
	});

	it('is a miss, not an error, when a file stands where the settings folder should be', async () => {
		const file = join(directory, 'a-file');
		await writeFile(file, '');
		expect(await readAccountCache(key, join(file, 'orgdash'))).toEqual({ status: 'miss' });
	});

	it('keeps an empty organization list', async () => {
		await writeAccountCache(key, [], { directory });
		const read = await readAccountCache(key, directory);
		expect(read.status === 'hit' && read.accounts).toEqual([]);
	});

	it('lives in the settings folder, which ORGDASH_CONFIG_DIR moves', async () => {
		expect(defaultCacheDirectory().startsWith(join(directory, 'config'))).toBe(true);
		const path = await writeAccountCache(key, mixed);
		expect(path.startsWith(join(directory, 'config'))).toBe(true);
		const read = await readAccountCache(key);
		expect(read.status).toBe('hit');
	});

	it.each([
		['another organization', { organizationId: 'o-bbbbbbbbbb' }],
		['another profile', { sourceKey: 'profile=prod;region=us-east-1;endpoint=' }],
		['another region', { sourceKey: 'profile=default;region=eu-west-1;endpoint=' }],
		['another endpoint', { sourceKey: 'profile=default;region=us-east-1;endpoint=http://127.0.0.1:5000' }],
		['another caller account', { callerAccountId: '999999999999' }],
	])('never returns a list to %s', async (_label, change) => {
		await writeAccountCache(key, mixed, { directory });
		const other = { ...key, ...change };
		expect(await readAccountCache(other, directory)).toEqual({ status: 'miss' });
		// Each key has its own entry: writing the other one leaves the first intact.
		await writeAccountCache(other, makeAccounts(3, 'other'), { directory });
		const first = await readAccountCache(key, directory);
		const second = await readAccountCache(other, directory);
		expect(first.status === 'hit' && first.accounts).toEqual(mixed);
		expect(second.status === 'hit' && second.accounts.map((account) => account.name)).toEqual([
			'other-0',
			'other-1',
			'other-2',
		]);
	});

	it('checks the key stored inside the file, not only the file name', async () => {
		const other: CacheKey = { ...key, organizationId: 'o-bbbbbbbbbb' };
		const otherPath = await writeAccountCache(other, mixed, { directory });
		// A file copied or renamed to this key's name is still another organization's list.
		await writeFile(cacheFilePath(directory, key), await readFile(otherPath));
		const read = await readAccountCache(key, directory);
		expect(read.status).toBe('ignored');
		expect(read.status === 'ignored' && read.note).toMatch(/another organization, profile or endpoint/);
	});

	it.each([
		['not JSON', 'this is { not json'],
		[
			'cut short',
			async () => (await readFile(await writeAccountCache(key, mixed, { directory }), 'utf8')).slice(0, 200),
		],
		['JSON of the wrong shape', JSON.stringify({ hello: 'world' })],
		['JSON null', 'null'],
		['an unknown format version', async () => rewrite((file) => ({ ...file, version: 99 }))],
		['a column of the wrong length', async () => rewrite((file) => withColumn(file, 'email', ['x@example.com']))],
		['an unknown state', async () => rewrite((file) => withColumn(file, 'state', [0, 1, 2, 42]))],
		['a path index out of range', async () => rewrite((file) => withColumn(file, 'parentPathIndex', [0, 1, 2, 7]))],
		['a bad saved time', async () => rewrite((file) => ({ ...file, savedAt: 'yesterday' }))],
	])('ignores a file that is %s, with a note', async (_label, content) => {
		const text = typeof content === 'string' ? content : await content();
		await mkdir(directory, { recursive: true });
		await writeFile(cacheFilePath(directory, key), text);
		const read = await readAccountCache(key, directory);
		expect(read.status).toBe('ignored');
		expect(read.status === 'ignored' && read.note).toMatch(/^The cached account list was ignored: .+\(.+\)/);
		// The next good write replaces the damaged file.
		await writeAccountCache(key, mixed, { directory });
		expect((await readAccountCache(key, directory)).status).toBe('hit');
	});

	it('ignores an unreadable entry (a folder where the file should be) with a note', async () => {
		await mkdir(cacheFilePath(directory, key), { recursive: true });
		const read = await readAccountCache(key, directory);
		expect(read.status).toBe('ignored');
		expect(read.status === 'ignored' && read.note).toMatch(/folder/);
	});

	it('writes atomically: concurrent readers only ever see a whole list, old or new', async () => {
		const lists = [makeAccounts(3000, 'a'), makeAccounts(4000, 'b'), makeAccounts(5000, 'c')];
		await writeAccountCache(key, lists[0] as Account[], { directory });
		const sizes = new Set<number>();
		let writing = true;
		const writer = (async () => {
			for (let round = 0; round < 12; round++) {
				await writeAccountCache(key, lists[round % 3] as Account[], { directory });
			}
			writing = false;
		})();
		let reads = 0;
		while (writing || reads < 5) {
			const read = await readAccountCache(key, directory);
			expect(read.status).toBe('hit');
			if (read.status === 'hit') {
				sizes.add(read.accounts.length);
				const prefix = read.accounts[0]?.name.split('-')[0];
				expect(read.accounts.every((account) => account.name.startsWith(`${prefix}-`))).toBe(true);
			}
			reads++;
		}
		await writer;
		expect([...sizes].every((size) => size === 3000 || size === 4000 || size === 5000)).toBe(true);
		// No temporary files are left behind: the list, and the record of whose list the source saw last.
		expect((await readdir(directory)).sort()).toEqual(
			[cacheFilePath(directory, key), lastSeenFilePath(directory, key.sourceKey)]
				.map((path) => path.split('/').pop())
				.sort(),
		);
	});

	it('keeps the old list and leaves no temporary file when a write fails', async () => {
		const path = await writeAccountCache(key, mixed, { directory });
		const other: CacheKey = { ...key, callerAccountId: '999999999999' };
		// A folder in the way makes the final rename fail.
		await mkdir(join(cacheFilePath(directory, other), 'blocker'), { recursive: true });
		await expect(writeAccountCache(other, mixed, { directory })).rejects.toThrow();
		const names = await readdir(directory);
		expect(names.some((name) => name.endsWith('.tmp'))).toBe(false);
		expect((await readAccountCache(key, directory)).status).toBe('hit');
		expect((await stat(path)).mode & 0o777).toBe(0o600);
	});

	it('loads 10,000 accounts quickly', async () => {
		const accounts = makeAccounts(10_000);
		await writeAccountCache(key, accounts, { directory });
		const times: number[] = [];
		for (let run = 0; run < 5; run++) {
			const start = performance.now();
			const read = await readAccountCache(key, directory);
			times.push(performance.now() - start);
			expect(read.status === 'hit' && read.accounts.length).toBe(10_000);
		}
		// A generous bound for a shared CI machine; the benchmark reports the real figure.
		expect(Math.min(...times)).toBeLessThan(100);
	});

	it('keeps the original text and reads a hostile list back display-safe, originals beside', async () => {
		const hostile = makeAccounts(3).map((account, index) =>
			index === 1
				? displayAccount({
						...account,
						name: 'x\u001b]0;pwned\u0007',
						email: 'e\u202e@example.com',
						parentPath: 'Root/\u009b2J',
					})
				: account,
		);
		const path = await writeAccountCache(key, hostile, { directory });
		const file = JSON.parse(await readFile(path, 'utf8'));
		expect(file.columns.name[1]).toBe('x\u001b]0;pwned\u0007');
		const read = await readAccountCache(key, directory);
		expect(read.status === 'hit' && read.accounts).toEqual(hostile);
		const back = read.status === 'hit' ? read.accounts[1] : undefined;
		expect(back?.name).toBe('x\\x1b]0;pwned\\x07');
		expect(back?.email).toBe('e\\u202e@example.com');
		expect(back?.parentPath).toBe('Root/\\x9b2J');
	});

	it('shows a hand-edited file with escape sequences in it escaped, never raw', async () => {
		const path = await writeAccountCache(key, makeAccounts(2), { directory });
		const file = JSON.parse(await readFile(path, 'utf8'));
		file.columns.name[0] = 'n\u001b]8;;https://evil.example\u001b\\';
		file.columns.id[1] = '2\u0007';
		file.paths[0] = 'Root/\u2066x';
		await writeFile(path, JSON.stringify(file));
		const read = await readAccountCache(key, directory);
		expect(read.status).toBe('hit');
		const accounts = read.status === 'hit' ? read.accounts : [];
		for (const account of accounts) {
			expect(`${account.id}${account.name}${account.email}${account.parentPath}`).not.toMatch(UNSAFE_TEXT);
		}
		expect(accounts[0]?.name).toBe('n\\x1b]8;;https://evil.example\\x1b\\');
		expect(accounts[1]?.id).toBe('2\\x07');
	});

	it('keeps its folder 0700 and its files 0600, tightening ones found open to everyone', async () => {
		const path = await writeAccountCache(key, mixed, { directory });
		const mode = async (target: string) => (await stat(target)).mode & 0o777;
		expect(await mode(directory)).toBe(0o700);
		expect(await mode(path)).toBe(0o600);
		await chmod(directory, 0o777);
		await chmod(path, 0o666);
		expect((await readAccountCache(key, directory)).status).toBe('hit');
		expect(await mode(directory)).toBe(0o700);
		expect(await mode(path)).toBe(0o600);
		await chmod(directory, 0o777);
		await writeAccountCache(key, mixed, { directory });
		expect(await mode(directory)).toBe(0o700);
	});

	it('clears one entry', async () => {
		await writeAccountCache(key, mixed, { directory });
		await clearAccountCache(key, directory);
		expect(await readAccountCache(key, directory)).toEqual({ status: 'miss' });
	});

	it('finds the list last seen from a source without being told the organization or the caller', async () => {
		expect(await readLastSeenList(key.sourceKey, directory)).toBeUndefined();
		const savedAt = new Date('2026-11-30T08:00:00.000Z');
		await writeAccountCache(key, mixed, { directory, savedAt });
		const other: CacheKey = { ...key, organizationId: 'o-bbbbbbbbbb', callerAccountId: '222222222222' };
		await writeAccountCache(other, makeAccounts(2), { directory });
		// The last list written from the source is the one found; another source finds nothing.
		expect(await readLastSeenList(key.sourceKey, directory)).toEqual({
			...other,
			accounts: makeAccounts(2),
			savedAt: expect.any(Date),
		});
		expect(await readLastSeenList(`${key.sourceKey}:other`, directory)).toBeUndefined();
		// Once AWS names the first organization and caller again, the next start looks for their list.
		await writeLastSeen(key, directory);
		expect(await readLastSeenList(key.sourceKey, directory)).toEqual({ ...key, accounts: mixed, savedAt });
	});

	it('finds no last list when the record names a list that is gone or damaged, or is damaged itself', async () => {
		await writeAccountCache(key, mixed, { directory });
		await writeFile(cacheFilePath(directory, key), '{"version": 1,');
		expect(await readLastSeenList(key.sourceKey, directory)).toBeUndefined();
		await clearAccountCache(key, directory);
		expect(await readLastSeenList(key.sourceKey, directory)).toBeUndefined();

		await writeAccountCache(key, mixed, { directory });
		const record = lastSeenFilePath(directory, key.sourceKey);
		// A record copied from another source's file name names that source: it is not this one's.
		await writeFile(
			record,
			JSON.stringify({ version: 1, sourceKey: 'elsewhere', organizationId: 'o-a', callerAccountId: '1' }),
		);
		expect(await readLastSeen(key.sourceKey, directory)).toBeUndefined();
		await writeFile(record, 'not json');
		expect(await readLastSeenList(key.sourceKey, directory)).toBeUndefined();
		await writeLastSeen(key, directory);
		expect((await stat(record)).mode & 0o777).toBe(0o600);
		expect(await readLastSeen(key.sourceKey, directory)).toEqual(key);
	});

	it('caches the AWS adapter only, not the sandbox', () => {
		expect(isCacheable({ kind: 'aws' })).toBe(true);
		expect(isCacheable({ kind: 'sandbox' })).toBe(false);
	});
});

type FileShape = Record<string, unknown> & { columns: Record<string, unknown[]> };

async function rewrite(change: (file: FileShape) => unknown): Promise<string> {
	const path = await writeAccountCache(key, mixed, { directory });
	return JSON.stringify(change(JSON.parse(await readFile(path, 'utf8')) as FileShape));
}

function withColumn(file: FileShape, column: string, values: unknown[]): FileShape {
	return { ...file, columns: { ...file.columns, [column]: values } };
}

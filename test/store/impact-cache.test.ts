import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IMPACT_SOURCES, knownItem, type OrganizationImpact, unknownFromError } from '../../source/domain/impact.js';
import type { CacheKey } from '../../source/store/cache.js';
import {
	impactCachePath,
	readImpactCache,
	readTagCache,
	tagCachePath,
	writeImpactCache,
	writeTagCache,
} from '../../source/store/impact-cache.js';

const key: CacheKey = {
	sourceKey: 'aws:profile=default:region=us-east-1:endpoint=aws',
	organizationId: 'o-aaaaaaaaaa',
	callerAccountId: '111111111111',
};

const scan: OrganizationImpact = {
	delegatedAdministrators: knownItem(IMPACT_SOURCES.delegatedAdministrators, {
		'204815739210': ['guardduty.amazonaws.com'],
	}),
	spend: unknownFromError(IMPACT_SOURCES.spend, { code: 'AccessDeniedException', message: 'no ce' }),
};

let directory: string;
beforeEach(async () => {
	directory = await mkdtemp(join(tmpdir(), 'orgdash-impact-cache-'));
});
afterEach(async () => {
	await rm(directory, { recursive: true, force: true });
});

describe('the impact scan cache', () => {
	it('reads back what was written for the same key, unknown reasons included', async () => {
		const savedAt = new Date('2026-11-30T08:00:00.000Z');
		await writeImpactCache(key, scan, { directory, savedAt });
		expect(await readImpactCache(key, directory)).toEqual({ impact: scan, savedAt });
	});

	it('never returns another organization, caller or source', async () => {
		await writeImpactCache(key, scan, { directory });
		expect(await readImpactCache({ ...key, organizationId: 'o-bbbbbbbbbb' }, directory)).toBeUndefined();
		// A file copied over another key's is refused by the key inside it.
		const other = { ...key, callerAccountId: '222222222222' };
		await writeFile(impactCachePath(directory, other), await readFile(impactCachePath(directory, key), 'utf8'));
		expect(await readImpactCache(other, directory)).toBeUndefined();
	});

	it('ignores a damaged file, and makes a crafted one display-safe', async () => {
		await writeFile(impactCachePath(directory, key), '{ not json');
		expect(await readImpactCache(key, directory)).toBeUndefined();
		const crafted = {
			version: 1,
			...key,
			savedAt: '2026-11-30T08:00:00.000Z',
			impact: {
				delegatedAdministrators: { known: true, source: 'x', value: { '1': ['evil\u001b[2J.amazonaws.com'] } },
				spend: { known: true, source: 'y', value: { '1': { month: '2026-10', lastMonth: 'lots' } } },
			},
		};
		await writeFile(impactCachePath(directory, key), JSON.stringify(crafted));
		const read = await readImpactCache(key, directory);
		expect(JSON.stringify(read?.impact.delegatedAdministrators)).not.toContain('\u001b');
		// A spend figure that is not a number is not shown as one.
		expect(read?.impact.spend.known).toBe(false);
	});
});

describe('the row tags cache', () => {
	const tags = new Map([
		['204815739210', [{ key: 'env', value: 'prod' }]],
		['318274650192', []],
	]);

	it('reads back what was written for the same key, and nothing for another', async () => {
		await writeTagCache(key, tags, { directory });
		expect(await readTagCache(key, directory)).toEqual(tags);
		expect(await readTagCache({ ...key, callerAccountId: '222222222222' }, directory)).toBeUndefined();
		const other = { ...key, organizationId: 'o-bbbbbbbbbb' };
		await writeFile(tagCachePath(directory, other), await readFile(tagCachePath(directory, key), 'utf8'));
		expect(await readTagCache(other, directory)).toBeUndefined();
	});

	it('ignores a damaged file, and the entries that are not an account id with a list of tags', async () => {
		await writeFile(tagCachePath(directory, key), '{ not json');
		expect(await readTagCache(key, directory)).toBeUndefined();
		const crafted = {
			version: 1,
			...key,
			tags: {
				'204815739210': [{ key: 'env', value: 'prod', extra: 1 }],
				'not-an-id': [{ key: 'a', value: 'b' }],
				'318274650192': [{ key: 'env', value: 7 }],
			},
		};
		await writeFile(tagCachePath(directory, key), JSON.stringify(crafted));
		expect(await readTagCache(key, directory)).toEqual(new Map([['204815739210', [{ key: 'env', value: 'prod' }]]]));
	});
});

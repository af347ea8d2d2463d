/**
 * The tags of the rows on screen, read in the background on the demo
 * organization, and the filter's `tag:` term matching them.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSandbox } from '../../source/org/sandbox/engine.js';
import type { SandboxGateway } from '../../source/org/sandbox/types.js';
import {
	readImpactCache,
	readTagCache,
	tagCachePath,
	writeImpactCache,
	writeTagCache,
} from '../../source/store/impact-cache.js';
import { Settings } from '../../source/store/settings.js';
import { sortAccounts } from '../../source/ui/account-list.js';
import { App } from '../../source/ui/app.js';
import type { ImpactCache } from '../../source/ui/hooks/use-impact.js';
import { TAG_READS_IN_FLIGHT } from '../../source/ui/hooks/use-row-tags.js';
import { createTheme } from '../../source/ui/theme.js';
import { KEY, pressAndWait, waitForFrame, waitForText } from '../support/frames.js';

const NOW = new Date('2026-11-26T12:00:00.000Z');
/** ink-testing-library has no rows: the app falls back to 24, so 16 account rows. */
const TABLE_ROWS = 16;

let folder: string;

beforeEach(() => {
	folder = mkdtempSync(join(tmpdir(), 'orgdash-tags-'));
});

afterEach(() => {
	cleanup();
	rmSync(folder, { recursive: true, force: true });
});

function start(gateway: SandboxGateway, impactCache?: ImpactCache) {
	return render(
		<App gateway={gateway} settings={new Settings(folder)} theme={createTheme(false)} impactCache={impactCache} />,
	);
}

const cacheKey = (organizationId: string, callerAccountId: string) => ({
	sourceKey: 'demo-test',
	organizationId,
	callerAccountId,
});

/** The impact cache as a live gateway has it (the sandbox's lists are not cached), in the test's folder. */
function impactCache(): ImpactCache {
	const directory = join(folder, 'cache');
	return {
		read: (organizationId, caller) => readImpactCache(cacheKey(organizationId, caller), directory),
		write: (organizationId, caller, impact) =>
			writeImpactCache(cacheKey(organizationId, caller), impact, { directory }),
		readTags: (organizationId, caller) => readTagCache(cacheKey(organizationId, caller), directory),
		writeTags: (organizationId, caller, tags) => writeTagCache(cacheKey(organizationId, caller), tags, { directory }),
	};
}

function accountRows(frame: string): string[] {
	return frame.split('\n').filter((line) => /^[> ][MD* ] /.test(line) && /\d{12}/.test(line));
}

/** The ids whose tags were asked for, in order, repeats kept. */
function tagReads(gateway: SandboxGateway): string[] {
	return gateway.calls.filter((call) => call.operation === 'accountTags').map((call) => call.accountId as string);
}

async function byName(gateway: SandboxGateway): Promise<string[]> {
	return sortAccounts(await gateway.listAccounts(), 'name').map((account) => account.id);
}

/** The demo's accounts tagged env=prod (source/org/sandbox/demo-impact.ts). */
async function prodIds(gateway: SandboxGateway, ids: readonly string[]): Promise<string[]> {
	const prod: string[] = [];
	for (const id of ids) {
		const tags = await gateway.accountTags(id);
		if (tags.known && tags.value.some((tag) => tag.key === 'env' && tag.value === 'prod')) prod.push(id);
	}
	return prod;
}

describe('row tags', () => {
	it('reads the tags of the rows on screen only, each once, and tag:env=prod shows the matching rows', async () => {
		const order = await byName(createSandbox({ now: () => NOW }));
		const onScreen = order.slice(0, TABLE_ROWS);
		const expected = await prodIds(createSandbox({ now: () => NOW }), onScreen);
		// The demo has env=prod accounts both on the first screen and below it.
		expect(expected.length).toBeGreaterThan(0);
		expect((await prodIds(createSandbox({ now: () => NOW }), order)).length).toBeGreaterThan(expected.length);

		const gateway = createSandbox({ now: () => NOW, latencyMs: 5 });
		const app = start(gateway);
		await waitForText(app, 'sorted by');
		await waitForFrame(app, () => new Set(tagReads(gateway)).size >= TABLE_ROWS, {
			description: 'the visible rows’ tags read',
		});
		// Give any stray read a moment to show up.
		await new Promise((resolve) => setTimeout(resolve, 100));
		const reads = tagReads(gateway);
		expect(new Set(reads)).toEqual(new Set(onScreen));
		expect(reads).toHaveLength(TABLE_ROWS);
		// The rows far below the window are not read.
		for (const id of order.slice(TABLE_ROWS)) expect(reads).not.toContain(id);

		await pressAndWait(app, '/');
		const frame = await pressAndWait(app, 'tag:env=prod');
		const rows = accountRows(frame);
		expect(rows).toHaveLength(expected.length);
		expect(rows.map((row) => row.match(/\d{12}/)?.[0])).toEqual(expected);
		expect(frame).toContain(
			`tag: checks ${TABLE_ROWS} of ${order.length} accounts (tags read so far); scroll to read more`,
		);

		// Inverted: the read accounts without the tag.
		await pressAndWait(app, KEY.ctrlU);
		const inverted = await pressAndWait(app, '!tag:env=prod');
		expect(accountRows(inverted)).toHaveLength(TABLE_ROWS - expected.length);
	});

	it('reads no more than four at a time, and the rows scrolled to after the first screen', async () => {
		const gateway = createSandbox({ now: () => NOW, latencyMs: 20 });
		let inFlight = 0;
		let most = 0;
		const read = gateway.accountTags.bind(gateway);
		gateway.accountTags = async (accountId) => {
			inFlight++;
			most = Math.max(most, inFlight);
			try {
				return await read(accountId);
			} finally {
				inFlight--;
			}
		};
		const order = await byName(gateway);
		const app = start(gateway);
		await waitForText(app, 'sorted by');
		await waitForFrame(app, () => new Set(tagReads(gateway)).size >= TABLE_ROWS, {
			description: 'the first screen’s tags read',
		});
		expect(most).toBeLessThanOrEqual(TAG_READS_IN_FLIGHT);
		expect(most).toBeGreaterThan(1);

		await pressAndWait(app, 'G');
		const last = order.slice(order.length - TABLE_ROWS);
		await waitForFrame(app, () => last.every((id) => tagReads(gateway).includes(id)), {
			description: 'the last screen’s tags read',
		});
		await new Promise((resolve) => setTimeout(resolve, 100));
		const reads = tagReads(gateway);
		// Each account once; the rows between the first screen and the last never shown, never read.
		expect(new Set(reads).size).toBe(reads.length);
		for (const id of order.slice(TABLE_ROWS, order.length - TABLE_ROWS)) expect(reads).not.toContain(id);
	});

	it('r reads the tags again for the new load', async () => {
		const gateway = createSandbox({ now: () => NOW });
		const app = start(gateway);
		await waitForText(app, 'sorted by');
		await waitForFrame(app, () => tagReads(gateway).length >= TABLE_ROWS, { description: 'the tags read' });
		app.stdin.write('r');
		await waitForFrame(app, () => tagReads(gateway).length >= 2 * TABLE_ROWS, {
			description: 'the tags read again',
		});
	});

	it('keeps the tags read with the impact cache, so the next start filters by them before reading any', async () => {
		const gateway = createSandbox({ now: () => NOW });
		const order = await byName(gateway);
		const organization = await gateway.describeOrganization();
		const caller = await gateway.callerIdentity();
		const key = cacheKey(organization.id, caller.accountId);
		const directory = join(folder, 'cache');
		const first = start(gateway, impactCache());
		await waitForText(first, 'sorted by');
		await waitForFrame(first, () => tagReads(gateway).length >= TABLE_ROWS, { description: 'the tags read' });
		await waitForFrame(first, () => existsSync(tagCachePath(directory, key)), { description: 'the tags written' });
		const written = await readTagCache(key, directory);
		expect(new Set(written?.keys())).toEqual(new Set(order.slice(0, TABLE_ROWS)));
		first.unmount();

		// The next start: an account far below the window has its tags in the cache; reads never answer.
		const last = order[order.length - 1] as string;
		await writeTagCache(key, new Map([...(written ?? []), [last, [{ key: 'env', value: 'cached' }]]]), { directory });
		const next = createSandbox({ now: () => NOW });
		next.accountTags = () => new Promise(() => undefined);
		const app = start(next, impactCache());
		await waitForText(app, 'sorted by');
		await pressAndWait(app, '/');
		await pressAndWait(app, 'tag:env=cached');
		const rows = accountRows(
			await waitForFrame(app, (frame) => accountRows(frame).length > 0, { description: 'the cached tag matched' }),
		);
		expect(rows).toHaveLength(1);
		expect(rows[0]).toContain(last);
	});
});

/**
 * The account cache as the dashboard uses it: rows from the last known list
 * show at once, marked, and no close or removal starts on them until AWS (here
 * the sandbox, its listing held so the cached rows stay a while) has confirmed them.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Account, CallerIdentity, Organization } from '../../source/domain/account.js';
import { WRITE_METHODS } from '../../source/org/read-only.js';
import { DEMO_MANAGEMENT_ACCOUNT_ID, DEMO_ORGANIZATION_ID } from '../../source/org/sandbox/demo.js';
import { createSandbox } from '../../source/org/sandbox/engine.js';
import type { SandboxGateway } from '../../source/org/sandbox/types.js';
import {
	type CacheKey,
	cacheFilePath,
	readAccountCache,
	readLastSeenList,
	writeAccountCache,
} from '../../source/store/cache.js';
import { Settings } from '../../source/store/settings.js';
import { accountsCache } from '../../source/ui/accounts-cache.js';
import { App } from '../../source/ui/app.js';
import type { LastSeenList } from '../../source/ui/hooks/use-accounts.js';
import { createTheme } from '../../source/ui/theme.js';
import { KEY, pressAndWait, waitForFrame, waitForNoText, waitForText } from '../support/frames.js';

const plain = createTheme(false);

/**
 * The sandbox with its account listing held until the test lets it go: the
 * cached rows stay on screen for as long as the test presses keys on them,
 * however busy the machine, and no longer.
 */
function withHeldListing(sandbox: SandboxGateway): { gateway: SandboxGateway; release: () => void } {
	let release = () => {};
	const held = new Promise<void>((resolve) => {
		release = resolve;
	});
	const listAccounts: SandboxGateway['listAccounts'] = async (options) => {
		await held;
		return sandbox.listAccounts(options);
	};
	return { gateway: { ...sandbox, listAccounts }, release };
}

let folder: string;
let cacheFolder: string;
let previousConfigDir: string | undefined;

beforeEach(() => {
	folder = mkdtempSync(join(tmpdir(), 'orgdash-cache-app-'));
	cacheFolder = join(folder, 'cache');
	previousConfigDir = process.env.ORGDASH_CONFIG_DIR;
	process.env.ORGDASH_CONFIG_DIR = join(folder, 'config');
});

afterEach(() => {
	cleanup();
	if (previousConfigDir === undefined) delete process.env.ORGDASH_CONFIG_DIR;
	else process.env.ORGDASH_CONFIG_DIR = previousConfigDir;
	rmSync(folder, { recursive: true, force: true });
});

function keyFor(sourceKey: string, organizationId = DEMO_ORGANIZATION_ID): CacheKey {
	return { sourceKey, organizationId, callerAccountId: DEMO_MANAGEMENT_ACCOUNT_ID };
}

/** The demo organization's accounts, with one renamed so a cached row can be told from a live one. */
async function cachedDemoList(): Promise<Account[]> {
	const accounts = await createSandbox().listAccounts();
	return accounts.map((account) => (account.name === 'Audit' ? { ...account, name: 'Audit (as cached)' } : account));
}

function start(gateway: SandboxGateway) {
	return render(
		<App
			gateway={gateway}
			settings={new Settings()}
			theme={plain}
			cache={accountsCache(gateway.sourceKey, cacheFolder)}
		/>,
	);
}

/** The table's line for the account named `name`. */
function rowOf(frame: string, name: string): string | undefined {
	return frame.split('\n').find((line) => line.includes(name));
}

const liveListShown = (app: ReturnType<typeof start>) =>
	waitForFrame(app, (frame) => /\d+ accounts · sorted by/.test(frame) && !frame.includes('from the cache'), {
		timeoutMs: 15_000,
		description: 'the live list',
	});

describe('the dashboard with a cached list', () => {
	it('marks cached rows, refuses c and x on them, and allows them once AWS has confirmed the row', async () => {
		const { gateway, release } = withHeldListing(createSandbox());
		await writeAccountCache(keyFor(gateway.sourceKey), await cachedDemoList(), {
			directory: cacheFolder,
			savedAt: new Date(Date.now() - 7 * 60_000),
		});
		const app = start(gateway);

		let frame = await waitForText(app, 'Audit (as cached)', { timeoutMs: 10_000 });
		expect(frame).toContain('data: cached 7 min ago, refreshing');
		expect(rowOf(frame, 'Audit (as cached)')).toMatch(/^.\*/);
		expect(frame).toContain('from the cache, not yet confirmed');

		// Select the cached Audit row: "Acme Corp Management" sorts first, Audit second.
		frame = await pressAndWait(app, 'j');
		expect(rowOf(frame, 'Audit (as cached)')?.startsWith('>')).toBe(true);

		frame = await pressAndWait(app, 'c');
		expect(frame).toMatch(/Audit \(as cached\) \(\d{12}\) is shown from the cached list \(saved 7 min ago\)/);
		expect(frame).toContain('press c again');
		await pressAndWait(app, KEY.escape);

		frame = await pressAndWait(app, 'x');
		expect(frame).toContain('is shown from the cached list');
		expect(frame).toContain('press x again');

		// The refusal stays put while the live list arrives (the header says so): no flow opens by itself.
		release();
		frame = await waitForText(app, 'data: loaded', { timeoutMs: 15_000 });
		expect(frame).toContain('press x again');
		await pressAndWait(app, KEY.escape);

		frame = await liveListShown(app);
		expect(frame).not.toContain('Audit (as cached)');
		expect(frame).not.toMatch(/^.\*/m);
		expect(frame).toMatch(/data: loaded/);

		// The same row, now read from AWS: the guided closure starts (and asks before anything is sent).
		const selected = frame.split('\n').find((line) => line.startsWith('>'));
		expect(selected).toContain('Audit');
		frame = await pressAndWait(app, 'c');
		expect(frame).not.toContain('is shown from the cached list');
		await waitForNoText(app, 'Acme Corp Management', { timeoutMs: 5000 });
		expect(gateway.calls.some((call) => call.operation === 'closeAccount')).toBe(false);
	}, 40_000);

	it('saves the live list, so the next start shows its rows before AWS answers', async () => {
		const first = createSandbox();
		const app = start(first);
		await liveListShown(app);
		const key = keyFor(first.sourceKey);
		// The cache is written right after the live list; give the write a moment.
		let saved = await readAccountCache(key, cacheFolder);
		for (let attempt = 0; attempt < 50 && saved.status !== 'hit'; attempt++) {
			await new Promise((resolve) => setTimeout(resolve, 20));
			saved = await readAccountCache(key, cacheFolder);
		}
		expect(saved.status === 'hit' && saved.accounts.length).toBe(35);
		cleanup();

		const second = withHeldListing(createSandbox());
		const again = start(second.gateway);
		const frame = await waitForText(again, 'data: cached', { timeoutMs: 10_000 });
		// Rows are there, from the cache, while the listing is still under way.
		expect(frame).toContain('Acme Corp Management');
		expect(frame).toContain('35 from the cache, not yet confirmed');
		expect(rowOf(frame, 'Acme Corp Management')).toMatch(/^.\*/);
		second.release();
		await liveListShown(again);
	}, 40_000);

	it.each([
		['another organization', (sourceKey: string) => keyFor(sourceKey, 'o-other000000')],
		['another profile or endpoint', (sourceKey: string) => keyFor(`${sourceKey}:endpoint=http://127.0.0.1:9`)],
	])(
		'never shows a list saved for %s',
		async (_label, otherKey) => {
			const gateway = createSandbox({ latencyMs: 300 });
			await writeAccountCache(otherKey(gateway.sourceKey), await cachedDemoList(), { directory: cacheFolder });
			const app = start(gateway);
			await liveListShown(app);
			expect(app.frames.some((frame) => frame.includes('Audit (as cached)'))).toBe(false);
			expect(app.frames.some((frame) => frame.includes('data: cached'))).toBe(false);
		},
		20_000,
	);

	it('ignores a damaged cache with a note and loads the live list', async () => {
		const gateway = createSandbox({ latencyMs: 300 });
		mkdirSync(cacheFolder, { recursive: true });
		writeFileSync(cacheFilePath(cacheFolder, keyFor(gateway.sourceKey)), '{"version": 1, "sourceKey": ');
		const app = start(gateway);
		const frame = await waitForText(app, 'cached account list was ignored', { timeoutMs: 10_000 });
		expect(frame).toContain('not valid JSON');
		await liveListShown(app);
		// Once the live list is in, the damaged file has been replaced by a good one.
		let saved = await readAccountCache(keyFor(gateway.sourceKey), cacheFolder);
		for (let attempt = 0; attempt < 50 && saved.status !== 'hit'; attempt++) {
			await new Promise((resolve) => setTimeout(resolve, 20));
			saved = await readAccountCache(keyFor(gateway.sourceKey), cacheFolder);
		}
		expect(saved.status).toBe('hit');
	}, 20_000);
});

/**
 * The sandbox, with DescribeOrganization and GetCallerIdentity held until the
 * test lets them answer (as AWS names them, or another organization or
 * caller), and ListAccounts held until the test releases it.
 */
function heldAnswers() {
	const sandbox = createSandbox();
	let answerOrganization: (organization?: Partial<Organization>) => void = () => undefined;
	let answerCaller: (caller?: Partial<CallerIdentity>) => void = () => undefined;
	let releaseList: () => void = () => undefined;
	const organizationAnswer = new Promise<Partial<Organization>>((resolve) => {
		answerOrganization = (organization = {}) => resolve(organization);
	});
	const callerAnswer = new Promise<Partial<CallerIdentity>>((resolve) => {
		answerCaller = (caller = {}) => resolve(caller);
	});
	const listReleased = new Promise<void>((resolve) => {
		releaseList = resolve;
	});
	let listAsked = false;
	const gateway: typeof sandbox = {
		...sandbox,
		describeOrganization: async () => ({ ...(await sandbox.describeOrganization()), ...(await organizationAnswer) }),
		callerIdentity: async () => ({ ...(await sandbox.callerIdentity()), ...(await callerAnswer) }),
		listAccounts: async (options) => {
			listAsked = true;
			await listReleased;
			return sandbox.listAccounts(options);
		},
	};
	return {
		gateway,
		calls: sandbox.calls,
		answerOrganization,
		answerCaller,
		releaseList,
		listAsked: () => listAsked,
	};
}

async function lastSeenDemoList(sourceKey: string, minutesAgo = 180): Promise<LastSeenList> {
	await writeAccountCache(keyFor(sourceKey), await cachedDemoList(), {
		directory: cacheFolder,
		savedAt: new Date(Date.now() - minutesAgo * 60_000),
	});
	const lastSeen = await readLastSeenList(sourceKey, cacheFolder);
	if (!lastSeen) throw new Error('the list just written is not found as the last seen');
	return lastSeen;
}

function startWithLastSeen(gateway: ReturnType<typeof createSandbox>, lastSeen: LastSeenList) {
	return render(
		<App
			gateway={gateway}
			settings={new Settings()}
			theme={plain}
			cache={accountsCache(gateway.sourceKey, cacheFolder)}
			lastSeen={lastSeen}
		/>,
	);
}

describe('the list last seen from the source, before AWS has named the organization and the caller', () => {
	it('is in the first frame, every row marked, the header saying it is being checked; it stays once both answers match', async () => {
		const { gateway, answerOrganization, answerCaller, releaseList } = heldAnswers();
		const app = startWithLastSeen(gateway, await lastSeenDemoList(gateway.sourceKey));

		const first = app.frames[0] ?? '';
		expect(first).toContain('Audit (as cached)');
		expect(first).toContain('data: cached 3 h ago, checking the organization…');
		expect(first).toContain('organization …');
		expect(first).toContain('35 from the cache, not yet confirmed');
		expect(rowOf(first, 'Audit (as cached)')).toMatch(/^.\*/);
		expect(rowOf(first, 'Acme Corp Management')).toMatch(/^.\*/);

		answerOrganization();
		answerCaller();
		// Both answers name the organization and caller of the list: it stays, still cached, while the list loads.
		let frame = await waitForText(app, 'data: cached 3 h ago, refreshing', { timeoutMs: 15_000 });
		expect(frame).toContain(`organization ${DEMO_ORGANIZATION_ID}`);
		expect(rowOf(frame, 'Audit (as cached)')).toMatch(/^.\*/);

		releaseList();
		frame = await liveListShown(app);
		expect(frame).not.toContain('Audit (as cached)');
		expect(app.frames.some((shown) => shown.includes('data: loading'))).toBe(false);
	}, 40_000);

	it.each([
		['another organization', 'organization' as const],
		['another caller', 'caller' as const],
	])(
		'goes at once when AWS names %s, before any account is listed',
		async (_label, which) => {
			const { gateway, answerOrganization, answerCaller, releaseList } = heldAnswers();
			const app = startWithLastSeen(gateway, await lastSeenDemoList(gateway.sourceKey));
			await waitForText(app, 'Audit (as cached)');

			if (which === 'organization') {
				answerCaller();
				answerOrganization({ id: 'o-other0000000' });
			} else {
				answerCaller({ accountId: '999999999999', arn: 'arn:aws:iam::999999999999:user/someone' });
			}
			// The listing is held: the rows go on the answer alone, and nothing of the other list stays on screen.
			const gone = await waitForNoText(app, 'Audit (as cached)', { timeoutMs: 10_000 });
			expect(gone).not.toContain('Acme Corp Management');
			expect(gone).not.toContain('from the cache');
			expect(gone).not.toContain('data: cached');
			if (which === 'caller') answerOrganization();
			await waitForText(app, 'data: loading', { timeoutMs: 10_000 });

			releaseList();
			await liveListShown(app);
			const fromGone = app.frames.slice(app.frames.lastIndexOf(gone));
			expect(fromGone.some((shown) => shown.includes('Audit (as cached)'))).toBe(false);
		},
		40_000,
	);

	it('goes when the organization cannot be read, and the failure is shown instead', async () => {
		const { gateway, answerCaller } = heldAnswers();
		gateway.describeOrganization = async () => {
			throw new Error('could not reach Organizations');
		};
		const app = startWithLastSeen(gateway, await lastSeenDemoList(gateway.sourceKey));
		answerCaller();
		const frame = await waitForText(app, 'could not reach Organizations', { timeoutMs: 10_000 });
		expect(frame).not.toContain('Audit (as cached)');
		expect(frame).not.toContain('from the cache');
	}, 20_000);

	it('starts nothing that changes AWS while it is unchecked: c, x, a batch and Q are all refused', async () => {
		const { gateway, calls, answerOrganization, answerCaller, listAsked } = heldAnswers();
		const app = startWithLastSeen(gateway, await lastSeenDemoList(gateway.sourceKey));
		let frame = await waitForText(app, 'Audit (as cached)');
		frame = await pressAndWait(app, 'j');
		expect(rowOf(frame, 'Audit (as cached)')?.startsWith('>')).toBe(true);

		frame = await pressAndWait(app, 'c');
		expect(frame).toContain('The organization is still loading');
		await pressAndWait(app, KEY.escape);
		frame = await pressAndWait(app, 'x');
		expect(frame).toContain('The organization is still loading');
		await pressAndWait(app, KEY.escape);

		// Marked, then the batch menu's first action (close): its plan needs the organization's journal.
		await pressAndWait(app, ' ');
		frame = await pressAndWait(app, 'a');
		expect(frame).toContain('Close the accounts');
		frame = await pressAndWait(app, KEY.enter);
		expect(frame).toContain('The organization is not loaded: a batch needs its journal.');
		await pressAndWait(app, KEY.escape);
		await pressAndWait(app, KEY.escape);
		await waitForText(app, 'Audit (as cached)');
		frame = await pressAndWait(app, 'Q');
		expect(frame).toContain('The queue is kept per organization, and none is loaded yet.');

		// Confirmed since, the list not read yet: the rows are still cached, and c on one is still refused.
		answerOrganization();
		answerCaller();
		await waitForText(app, 'data: cached 3 h ago, refreshing', { timeoutMs: 15_000 });
		expect(listAsked()).toBe(true);
		frame = await pressAndWait(app, 'c');
		expect(frame).toContain('is shown from the cached list');
		expect(calls.filter((call) => call.operation in WRITE_METHODS)).toEqual([]);
	}, 40_000);
});

/** The runs: key presses and starts on the demo organization, then loads and starts against moto, directly and through the proxy. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPlan } from '../../source/domain/batch/plan.js';
import { createSandbox } from '../../source/org/sandbox/engine.js';
import { planInput } from '../../source/ui/batch-plan-input.js';
import { findMotoServer, type MotoServer, startMoto } from '../../test/support/moto-server.js';
import { startProxy } from '../../test/support/proxy.js';
import { timeAwsCliListAccounts } from './aws-cli.js';
import type { Options } from './command-line.js';
import { FIGURE, KEY_FIGURES, PROXY_DELAY_MS, SHAPE_DELAYS_MS, shapeFigures, THROTTLE_SHARE } from './figures.js';
import { timeKeys } from './keys.js';
import type { KeyName } from './keys-child.js';
import { loadSideBySide, timeOrgdashLoad } from './load.js';
import { measure, progress, type Results } from './results.js';
import {
	createOrganizationTree,
	growOrganization,
	largestParent,
	OU_DEPTH,
	type SeededOrganization,
	SHAPE_TEXT,
	type Shape,
} from './seed.js';
import { motoStartEnvironment, timeStart } from './starts.js';

/** Plans of a batch that closes every account of a generated organization, as a (opening the plan) builds them. */
async function timeBatchPlans(size: number, repeats: number): Promise<number[]> {
	const sandbox = createSandbox({ accountCount: size });
	const [organization, caller, accounts] = await Promise.all([
		sandbox.describeOrganization(),
		sandbox.callerIdentity(),
		sandbox.listAccounts(),
	]);
	const ids = accounts.map((account) => account.id);
	const quota = await sandbox.accountQuota();
	const times: number[] = [];
	for (let repeat = 0; repeat < repeats; repeat++) {
		const started = performance.now();
		const plan = buildPlan(
			planInput({
				verb: 'close',
				accountIds: ids,
				accounts,
				organization,
				caller,
				cachedIds: new Set(),
				journal: undefined,
				quota,
				quotaOverride: undefined,
				now: new Date(),
			}),
		);
		times.push(performance.now() - started);
		if (plan.entries.length !== size) throw new Error(`the plan has ${plan.entries.length} entries, not ${size}`);
	}
	return times;
}

/** Key press to frame, every key, at one size. */
async function measureKeys(results: Results, size: number, options: Options, run: number): Promise<void> {
	progress(`${size} accounts: key presses, run ${run}/${options.runs}`);
	await measure(results, Object.values(KEY_FIGURES), size, async () => {
		const keys = await timeKeys(size, options.presses);
		for (const [name, figure] of Object.entries(KEY_FIGURES) as [KeyName, string][]) {
			results.add(figure, size, ...keys.keys[name].settledFrame);
		}
	});
}

/** Only the key presses (--only-keys), at every size. */
export async function measureKeysOnly(results: Results, options: Options): Promise<void> {
	for (const size of options.sizes) {
		for (let run = 1; run <= options.runs; run++) await measureKeys(results, size, options, run);
	}
}

export async function measureDemo(results: Results, options: Options): Promise<void> {
	for (let run = 1; run <= options.runs; run++) {
		progress(`demo start, run ${run}/${options.runs}`);
		await measure(results, [FIGURE.demoFirstRow, FIGURE.demoWholeList], undefined, async () => {
			const start = await timeStart(['--demo']);
			results.add(FIGURE.demoFirstRow, undefined, start.firstRowMs);
			results.add(FIGURE.demoWholeList, undefined, start.wholeListMs);
		});
	}
	for (const size of options.sizes) {
		for (let run = 1; run <= options.runs; run++) {
			if (!options.onlyStarts) {
				await measureKeys(results, size, options, run);
				progress(`${size} accounts: the plan of a batch of all of them, run ${run}/${options.runs}`);
				await measure(results, [FIGURE.batchPlan], size, async () => {
					results.add(FIGURE.batchPlan, size, ...(await timeBatchPlans(size, 10)));
				});
			}
			progress(`${size} accounts: demo start, run ${run}/${options.runs}`);
			await measure(results, [FIGURE.sizedFirstRow, FIGURE.sizedWholeList, FIGURE.memoryDemo], size, async () => {
				const start = await timeStart(['--demo-accounts', String(size)], { expectedTotal: size });
				results.add(FIGURE.sizedFirstRow, size, start.firstRowMs);
				results.add(FIGURE.sizedWholeList, size, start.wholeListMs);
				if (start.peakMemoryMB !== undefined) results.add(FIGURE.memoryDemo, size, start.peakMemoryMB);
				else results.note(FIGURE.memoryDemo, size, 'not readable here (needs Linux /proc)');
			});
		}
	}
}

/** The dashboard's starts on moto directly, first and cached, with its peak memory. */
const MOTO_STARTS = {
	firstRow: FIGURE.motoFirstRow,
	wholeList: FIGURE.motoWholeList,
	cachedFirstRow: FIGURE.cachedFirstRow,
	cachedWholeList: FIGURE.cachedWholeList,
	memory: FIGURE.memoryMoto,
} as const;

export async function measureMoto(results: Results, options: Options, context: string[]): Promise<void> {
	let moto: MotoServer;
	try {
		moto = await startMoto(findMotoServer(), { pinCallerAccount: true });
	} catch (error) {
		for (const size of options.sizes) {
			for (const figure of Object.values(FIGURE).filter((name) => /moto|full load/.test(name))) {
				results.failed(figure, size, error);
			}
		}
		return;
	}
	try {
		const organization: SeededOrganization = await createOrganizationTree(moto.endpoint);
		context.push(spreadContext(organization));
		const largest = options.sizes[options.sizes.length - 1] as number;
		for (const size of options.sizes) {
			await seedSpread(moto.endpoint, organization, size);
			const parentNote = `largest OU ${largestParent(organization).toLocaleString('en-US')} accounts`;
			results.note(FIGURE.proxyOrgdash, size, parentNote);
			for (let run = 1; run <= options.runs; run++) {
				if (!options.onlyStarts) await measureFullLoads(results, size, moto.endpoint, run, options.runs);

				progress(`${size} accounts: dashboard starts on moto, run ${run}/${options.runs}`);
				await measureStarts(results, size, moto.endpoint, MOTO_STARTS);
				progress(
					`${size} accounts: dashboard starts through the ${PROXY_DELAY_MS} ms proxy, run ${run}/${options.runs}`,
				);
				const startProxyServer = await startProxy({ target: moto.endpoint, delayMs: PROXY_DELAY_MS });
				try {
					await measureStarts(results, size, startProxyServer.endpoint, {
						firstRow: FIGURE.proxyFirstRow,
						wholeList: FIGURE.proxyWholeList,
						cachedFirstRow: FIGURE.proxyCachedFirstRow,
						cachedWholeList: FIGURE.proxyCachedWholeList,
					});
				} finally {
					await startProxyServer.close();
				}
			}
			if (size === largest && !options.onlyStarts) {
				progress(`${size} accounts: full load with ${THROTTLE_SHARE * 100}% of answers throttled (once)`);
				const figures = [FIGURE.throttledOrgdash, FIGURE.throttledCli, FIGURE.throttledSurvives];
				await measure(results, figures, size, async () => {
					const proxy = await startProxy({
						target: moto.endpoint,
						delayMs: PROXY_DELAY_MS,
						throttleShare: THROTTLE_SHARE,
					});
					try {
						const orgdash = await timeOrgdashLoad(proxy.endpoint).catch((error: unknown) => error as Error);
						const orgdashThrottled = proxy.stats.throttled;
						const orgdashRequests = proxy.stats.requests;
						const cli = await timeAwsCliListAccounts(proxy.endpoint, { count: true }).catch(
							(error: unknown) => error as Error,
						);
						const orgdashCount = orgdash instanceof Error ? undefined : orgdash.accounts;
						const cliCount = cli instanceof Error ? undefined : cli.accounts;
						keepThrottledLoad(results, FIGURE.throttledOrgdash, size, orgdash, {
							throttled: orgdashThrottled,
							requests: orgdashRequests,
						});
						keepThrottledLoad(results, FIGURE.throttledCli, size, cli, {
							throttled: proxy.stats.throttled - orgdashThrottled,
							requests: proxy.stats.requests - orgdashRequests,
						});
						const survives = orgdashCount === size && cliCount === size;
						results.add(FIGURE.throttledSurvives, size, survives ? 1 : 0);
						results.note(
							FIGURE.throttledSurvives,
							size,
							`orgdash ${orgdashCount ?? 'failed'}, CLI ${cliCount ?? 'failed'}`,
						);
					} finally {
						await proxy.close();
					}
				});
			}
		}
	} finally {
		await moto.stop();
	}
}

/** orgdash's full load and the AWS CLI's, on moto directly and through the proxy. */
async function measureFullLoads(
	results: Results,
	size: number,
	endpoint: string,
	run: number,
	runs: number,
): Promise<void> {
	progress(`${size} accounts: full load direct, run ${run}/${runs}`);
	await measure(
		results,
		[FIGURE.directOrgdash, FIGURE.directCli, FIGURE.directRatio, FIGURE.memoryLoad],
		size,
		async () => {
			const load = await loadSideBySide(endpoint, { count: run === 1 });
			checkCount(load.orgdash.accounts, size, 'orgdash');
			if (load.cli.accounts !== undefined) checkCount(load.cli.accounts, size, 'aws CLI');
			results.add(FIGURE.directOrgdash, size, load.orgdash.seconds);
			results.add(FIGURE.directCli, size, load.cli.seconds);
			results.add(FIGURE.directRatio, size, load.ratio);
			results.add(FIGURE.memoryLoad, size, load.orgdash.maxRssMB);
		},
	);

	progress(`${size} accounts: full load through the ${PROXY_DELAY_MS} ms proxy, run ${run}/${runs}`);
	const proxied = { orgdash: FIGURE.proxyOrgdash, cli: FIGURE.proxyCli, ratio: FIGURE.proxyRatio };
	await measure(results, Object.values(proxied), size, async () => {
		const { cliRequests } = await loadThroughProxy(results, proxied, size, endpoint, PROXY_DELAY_MS, false);
		results.note(FIGURE.proxyCli, size, `${cliRequests.toLocaleString('en-US')} requests, one at a time`);
	});
}

/** What the spread organization is, and how it was seeded. */
function spreadContext(organization: SeededOrganization): string {
	const how = organization.inServer
		? "in moto's own process through the seeding route, with the backend calls of CreateAccount and MoveAccount"
		: 'with CreateAccount and moved with MoveAccount through the SDK';
	return `moto: ${organization.ous.length} OUs up to ${OU_DEPTH} levels below the root; one OU holds about a tenth of the accounts (accounts created ${how}).`;
}

async function seedSpread(endpoint: string, organization: SeededOrganization, size: number): Promise<void> {
	progress(`${size} accounts: seeding moto`);
	const seedStart = performance.now();
	await growOrganization(endpoint, organization, size - 1);
	progress(
		`${size} accounts: seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s (largest parent: ${largestParent(organization)} accounts)`,
	);
}

/** Only the dashboard's starts on moto (first, then cached), with its peak memory: `--only-memory`. */
export async function measureMotoStarts(results: Results, options: Options, context: string[]): Promise<void> {
	let moto: MotoServer;
	try {
		moto = await startMoto(findMotoServer(), { pinCallerAccount: true });
	} catch (error) {
		for (const size of options.sizes) results.failed(FIGURE.memoryMoto, size, error);
		return;
	}
	try {
		const organization = await createOrganizationTree(moto.endpoint);
		context.push(spreadContext(organization));
		for (const size of options.sizes) {
			await seedSpread(moto.endpoint, organization, size);
			for (let run = 1; run <= options.runs; run++) {
				progress(`${size} accounts: dashboard starts on moto, run ${run}/${options.runs}`);
				await measureStarts(results, size, moto.endpoint, MOTO_STARTS);
			}
		}
	} finally {
		await moto.stop();
	}
}

/**
 * Full loads side by side with the AWS CLI on each organization shape, through
 * each proxy delay: a fresh moto server per shape, grown size by size.
 */
export async function measureShapes(results: Results, options: Options, context: string[]): Promise<void> {
	if (options.shapes.length === 0) return;
	const figuresOf = (shape: Shape) => SHAPE_DELAYS_MS.flatMap((delay) => Object.values(shapeFigures(shape, delay)));
	context.push(
		`Full loads by shape (${options.shapes.map((shape) => SHAPE_TEXT[shape]).join('; ')}): each on a moto server of its own; pages are 20 accounts, so no listing can beat the fullest parent's pages one after another, and the CLI pays the whole organization's.`,
	);
	for (const shape of options.shapes) {
		let moto: MotoServer;
		try {
			moto = await startMoto(findMotoServer(), { pinCallerAccount: true });
		} catch (error) {
			for (const size of options.sizes) for (const figure of figuresOf(shape)) results.failed(figure, size, error);
			continue;
		}
		try {
			const organization = await createOrganizationTree(moto.endpoint, shape);
			for (const size of options.sizes) {
				progress(`${size} accounts, ${SHAPE_TEXT[shape]}: seeding moto`);
				await measure(results, figuresOf(shape), size, () => growOrganization(moto.endpoint, organization, size - 1));
				if (organization.memberCount !== size - 1) continue;
				const largest = largestParent(organization);
				const floorNote = `fullest parent ${largest.toLocaleString('en-US')} accounts (${Math.ceil(largest / 20)} pages in a row); the CLI pages ${Math.ceil(size / 20)}`;
				for (let run = 1; run <= options.runs; run++) {
					for (const delayMs of SHAPE_DELAYS_MS) {
						const figures = shapeFigures(shape, delayMs);
						progress(
							`${size} accounts, ${SHAPE_TEXT[shape]}: full load through the ${delayMs} ms proxy, run ${run}/${options.runs}`,
						);
						await measure(results, Object.values(figures), size, async () => {
							await loadThroughProxy(results, figures, size, moto.endpoint, delayMs, run === 1);
							results.note(figures.ratio, size, floorNote);
						});
					}
				}
			}
		} finally {
			await moto.stop();
		}
	}
}

/** The figures of one side-by-side load: orgdash's time, the CLI's, and their ratio. */
interface SideBySideFigures {
	readonly orgdash: string;
	readonly cli: string;
	readonly ratio: string;
}

/**
 * orgdash's full load, then the AWS CLI's, through a proxy that adds `delayMs`
 * to every request: both times and their ratio are added, orgdash's request
 * count is noted. `countCli`: also check the CLI's count (its output is read).
 */
async function loadThroughProxy(
	results: Results,
	figures: SideBySideFigures,
	size: number,
	endpoint: string,
	delayMs: number,
	countCli: boolean,
): Promise<{ readonly cliRequests: number }> {
	const proxy = await startProxy({ target: endpoint, delayMs });
	try {
		const orgdash = await timeOrgdashLoad(proxy.endpoint);
		const orgdashRequests = proxy.stats.requests;
		const maxInFlight = proxy.stats.maxInFlight;
		const cli = await timeAwsCliListAccounts(proxy.endpoint, { count: countCli });
		checkCount(orgdash.accounts, size, 'orgdash');
		if (cli.accounts !== undefined) checkCount(cli.accounts, size, 'aws CLI');
		results.add(figures.orgdash, size, orgdash.seconds);
		results.add(figures.cli, size, cli.seconds);
		results.add(figures.ratio, size, orgdash.seconds / cli.seconds);
		results.note(
			figures.orgdash,
			size,
			`${orgdashRequests.toLocaleString('en-US')} requests, ${maxInFlight} at once at most`,
		);
		return { cliRequests: proxy.stats.requests - orgdashRequests };
	} finally {
		await proxy.close();
	}
}

/** One side of the throttled load: its time and how many of its requests were throttled, or why it failed. */
function keepThrottledLoad(
	results: Results,
	figure: string,
	size: number,
	load: { readonly seconds: number; readonly accounts?: number | undefined } | Error,
	proxySaw: { readonly throttled: number; readonly requests: number },
): void {
	if (load instanceof Error) {
		results.note(figure, size, `failed: ${load.message.split('\n')[0]}`);
		return;
	}
	results.add(figure, size, load.seconds);
	results.note(
		figure,
		size,
		`${proxySaw.throttled} of ${proxySaw.requests} requests throttled; ${load.accounts} accounts`,
	);
}

/** A first start on an empty settings folder, then a second one that finds the list the first one cached. */
async function measureStarts(
	results: Results,
	size: number,
	endpoint: string,
	figures: { firstRow: string; wholeList: string; cachedFirstRow: string; cachedWholeList: string; memory?: string },
): Promise<void> {
	const configDirectory = await mkdtemp(join(tmpdir(), 'orgdash-bench-'));
	try {
		const env = motoStartEnvironment(configDirectory);
		const args = ['--endpoint-url', endpoint];
		const firstFigures = [figures.firstRow, figures.wholeList, ...(figures.memory ? [figures.memory] : [])];
		await measure(results, firstFigures, size, async () => {
			const first = await timeStart(args, { env, expectedTotal: size });
			results.add(figures.firstRow, size, first.firstRowMs);
			results.add(figures.wholeList, size, first.wholeListMs);
			if (figures.memory && first.peakMemoryMB !== undefined) results.add(figures.memory, size, first.peakMemoryMB);
		});
		await measure(results, [figures.cachedFirstRow, figures.cachedWholeList], size, async () => {
			const second = await timeStart(args, { env, expectedTotal: size });
			results.add(figures.cachedFirstRow, size, second.firstRowMs);
			results.add(figures.cachedWholeList, size, second.wholeListMs);
		});
	} finally {
		await rm(configDirectory, { recursive: true, force: true });
	}
}

function checkCount(actual: number, expected: number, who: string): void {
	if (actual !== expected) throw new Error(`${who} listed ${actual} accounts, not ${expected}`);
}

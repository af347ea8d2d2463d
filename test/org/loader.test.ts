/**
 * The concurrent OU-tree loader against a real moto server, through the
 * project's own proxy (test/support/proxy.ts) where a delay or throttling is
 * needed: the same accounts as a sequential ListAccounts, OUs five levels
 * deep, each organization shape the benchmark measures, accounts moved while
 * loading, cancellation, throttling.
 */

import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import {
	ListAccountsForParentCommand,
	ListParentsCommand,
	OrganizationsClient,
	paginateListAccounts,
	type Account as SdkAccount,
} from '@aws-sdk/client-organizations';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../source/domain/account.js';
import { createAwsGateway } from '../../source/org/aws/gateway.js';
import { type LoadAccountsOptions, loadAccounts } from '../../source/org/aws/loader.js';
import {
	type AccountSpec,
	describeWithMoto,
	findMotoServer,
	MOTO_CREDENTIALS,
	MOTO_REGION,
	moveAccount,
	pathOf,
	type SeededOrganization,
	seedOrganization,
} from '../support/moto.js';
import { type RunningProxy, startProxy } from '../support/proxy.js';

const DEEPEST = 'L1/L2/L3/L4/L5';
const BIG = 'Big';
const TARGET = 'Target';
/** Small OUs (one page each) and one with three pages. */
const OUS = [DEEPEST, 'L1/Side', 'L1/L2/Side', 'Spare/Deep/Deeper/Deepest', TARGET, BIG, 'Quiet/A', 'Quiet/B'];

function accountsFor(): AccountSpec[] {
	const specs: AccountSpec[] = [{ name: 'in-root-1' }, { name: 'in-root-2' }];
	const levels = DEEPEST.split('/');
	levels.forEach((_, index) => {
		const path = levels.slice(0, index + 1).join('/');
		for (let n = 0; n < 2; n++) specs.push({ name: `${path.replaceAll('/', '-')}-${n}`, ou: path });
	});
	for (const ou of ['L1/Side', 'L1/L2/Side', 'Spare/Deep/Deeper/Deepest', TARGET, 'Quiet/A', 'Quiet/B']) {
		for (let n = 0; n < 3; n++) specs.push({ name: `${ou.replaceAll('/', '-')}-${n}`, ou });
	}
	for (let n = 0; n < 45; n++) specs.push({ name: `big-${String(n).padStart(2, '0')}`, ou: BIG });
	return specs;
}

/** ListParents requests in flight at once while reading the truth (the answers do not depend on the order). */
const TRUTH_CONCURRENCY = 8;

/** What the organization holds now: every account (sequential ListAccounts) and its OU path (ListParents). */
async function truth(org: SeededOrganization): Promise<Map<string, string>> {
	const pathById = new Map<string, string>();
	for (const [path, id] of org.ouIds) pathById.set(id, pathOf(path));
	const ids: string[] = [];
	for await (const page of paginateListAccounts({ client: org.client, pageSize: 20 }, {})) {
		for (const account of page.Accounts ?? []) ids.push(account.Id ?? '');
	}
	const paths = new Map<string, string>();
	let next = 0;
	const readers = Array.from({ length: TRUTH_CONCURRENCY }, async () => {
		while (next < ids.length) {
			const id = ids[next++] as string;
			const parents = await org.client.send(new ListParentsCommand({ ChildId: id }));
			const parentId = parents.Parents?.[0]?.Id ?? '';
			paths.set(id, pathById.get(parentId) ?? `unknown parent ${parentId}`);
		}
	});
	await Promise.all(readers);
	// In ListAccounts' order, as before.
	return new Map(ids.map((id) => [id, paths.get(id) as string]));
}

function expectSameAccounts(loaded: readonly Account[], expected: Map<string, string>): void {
	const ids = loaded.map((account) => account.id);
	expect(new Set(ids).size, 'every account once').toBe(ids.length);
	expect([...ids].sort()).toEqual([...expected.keys()].sort());
	for (const account of loaded) expect(account.parentPath, account.name).toBe(expected.get(account.id));
}

function proxiedClient(
	proxy: RunningProxy,
	maxAttempts = 5,
	retryMode: 'adaptive' | 'standard' = 'adaptive',
): OrganizationsClient {
	return new OrganizationsClient({
		endpoint: proxy.endpoint,
		region: MOTO_REGION,
		credentials: MOTO_CREDENTIALS,
		retryMode,
		maxAttempts,
	});
}

/** Accounts per parent path. */
function countByPath(expected: Map<string, string>): Map<string, number> {
	const counts = new Map<string, number>();
	for (const path of expected.values()) counts.set(path, (counts.get(path) ?? 0) + 1);
	return counts;
}

/** A shape's test seeds up to 160 accounts, and reads them back twice (the SDK and boto3). */
const SHAPE_TEST_MS = 120_000;

function parentIdOf(body: string): string | undefined {
	return (JSON.parse(body) as { ParentId?: string }).ParentId;
}

/** Every account id and its parent's id, as boto3 (the AWS CLI's library, beside moto in .venv) lists them. */
async function boto3Listing(endpoint: string): Promise<Map<string, string>> {
	const python = join(dirname(findMotoServer() ?? ''), 'python');
	const script = [
		'import boto3, json, sys',
		'from concurrent.futures import ThreadPoolExecutor',
		"c = boto3.client('organizations', endpoint_url=sys.argv[1], region_name='us-east-1', aws_access_key_id='testing', aws_secret_access_key='testing')",
		"ids = [a['Id'] for p in c.get_paginator('list_accounts').paginate(PaginationConfig={'PageSize': 20}) for a in p['Accounts']]",
		// boto3's clients are thread-safe: the parents are read eight at a time.
		"parent = lambda i: c.list_parents(ChildId=i)['Parents'][0]['Id']",
		'with ThreadPoolExecutor(8) as pool: print(json.dumps(dict(zip(ids, pool.map(parent, ids)))))',
	].join('\n');
	const { stdout } = await promisify(execFile)(python, ['-c', script, endpoint], { timeout: 60_000 });
	return new Map(Object.entries(JSON.parse(stdout) as Record<string, string>));
}

/**
 * A client whose ListAccounts answers carry each account's Paths, as AWS's do
 * since 2026 (moto's do not): read from moto itself (ListParents up to the
 * root) when the answer arrives, so a move during the load shows in them.
 */
function clientWithPaths(proxy: RunningProxy, org: SeededOrganization): OrganizationsClient {
	const client = proxiedClient(proxy);
	const pathTo = async (childId: string): Promise<string> => {
		const parents = await org.client.send(new ListParentsCommand({ ChildId: childId }));
		const parent = parents.Parents?.[0];
		if (!parent?.Id) return `${org.organizationId}/`;
		return `${parent.Type === 'ROOT' ? `${org.organizationId}/` : await pathTo(parent.Id)}${parent.Id}/`;
	};
	client.middlewareStack.add(
		(next, context) => async (args) => {
			const result = await next(args);
			if (context.commandName === 'ListAccountsCommand') {
				const accounts = (result.output as { Accounts?: SdkAccount[] }).Accounts ?? [];
				for (const account of accounts) account.Paths = [`${await pathTo(account.Id ?? '')}${account.Id}/`];
			}
			return result;
		},
		{ step: 'initialize', name: 'addAccountPaths' },
	);
	return client;
}

describeWithMoto('concurrent OU-tree loader against moto', (moto) => {
	let org: SeededOrganization;
	let proxy: RunningProxy | undefined;

	const seedTree = async () => {
		await moto.server.reset();
		org = await seedOrganization(moto.server.endpoint, { ous: OUS, accounts: accountsFor(), concurrency: 6 });
	};

	afterEach(async () => {
		await proxy?.close();
		proxy = undefined;
	});

	describe('on an organization five OUs deep', () => {
		// Seeded once: only the tests that move accounts change it, and they seed it again first.
		beforeAll(seedTree);

		it('loads the same accounts as a sequential ListAccounts, with paths five OUs deep, several requests at once', async () => {
			proxy = await startProxy({ target: moto.server.endpoint, delayMs: 20 });
			const reported = new Map<string, Account>();
			const loaded = await loadAccounts(proxiedClient(proxy), {
				concurrency: 4,
				onAccounts: (page) => {
					for (const account of page) reported.set(account.id, account);
				},
			});
			expectSameAccounts(loaded, await truth(org));
			expect(loaded.map((account) => account.parentPath)).toContain(`Root/${DEEPEST}`);
			expect([...reported.values()]).toEqual(expect.arrayContaining(loaded));
			expect(reported.size).toBe(loaded.length);
			expect(proxy.stats.maxInFlight).toBeGreaterThan(1);
			// The pool's four, and the flat ListAccounts stream's one beside them.
			expect(proxy.stats.maxInFlight).toBeLessThanOrEqual(5);
		});

		/**
		 * From inside onAccounts, while the loader's requests wait in the proxy: an
		 * account moves from an OU not yet requested into the OU just reported (the
		 * move neither listing can see), and Big's 21st account moves away just after
		 * Big's first page (moto then refuses Big's page token).
		 */
		async function loadWhileMoving(options: Pick<LoadAccountsOptions, 'verify'>) {
			await seedTree();
			const bigId = org.ouIds.get(BIG) ?? '';
			const firstPage = await org.client.send(new ListAccountsForParentCommand({ ParentId: bigId, MaxResults: 20 }));
			const secondPage = await org.client.send(
				new ListAccountsForParentCommand({ ParentId: bigId, MaxResults: 20, NextToken: firstPage.NextToken }),
			);
			const bigTwentyFirst = secondPage.Accounts?.[0]?.Id ?? '';

			const requestedParents = new Set<string>();
			const bigFirstPageRequests: string[] = [];
			proxy = await startProxy({
				target: moto.server.endpoint,
				delayMs: 60,
				onRequest: (operation, body) => {
					if (!operation.endsWith('.ListAccountsForParent')) return;
					const parentId = parentIdOf(body) ?? '';
					requestedParents.add(parentId);
					if (parentId === bigId && !(JSON.parse(body) as { NextToken?: string }).NextToken) {
						bigFirstPageRequests.push(body);
					}
				},
			});

			const moves: Promise<unknown>[] = [];
			let hidden: { id: string; toPath: string } | undefined;
			let movedBig = false;
			const loaded = await loadAccounts(proxiedClient(proxy), {
				concurrency: 2,
				...options,
				onAccounts: (page) => {
					const parentId = page[0]?.parentId ?? '';
					const parentPath = page[0]?.parentPath ?? '';
					if (!hidden && parentId !== bigId) {
						const candidate = org.accounts.find(
							(account) =>
								!requestedParents.has(account.parentId) && account.parentId !== parentId && account.parentId !== bigId,
						);
						if (candidate) {
							hidden = { id: candidate.id, toPath: parentPath.replace(/^Root\/?/, '') };
							moves.push(moveAccount(org, candidate, hidden.toPath));
						}
					}
					if (!movedBig && parentId === bigId) {
						movedBig = true;
						moves.push(moveAccount(org, { id: bigTwentyFirst, parentId: bigId }, TARGET));
					}
				},
			});
			await Promise.all(moves);
			if (!hidden) throw new Error('no account could be moved out of sight: the test set-up is wrong');
			return { loaded, hidden, bigTwentyFirst, bigFirstPageRequests };
		}

		it('misses an account moved out of sight when the second walk is off (why there is one)', async () => {
			const { loaded, hidden } = await loadWhileMoving({ verify: false });
			expect(loaded.map((account) => account.id)).not.toContain(hidden.id);
		});

		it('stays complete, each account once and where it ended, when accounts move while loading', async () => {
			const { loaded, hidden, bigTwentyFirst, bigFirstPageRequests } = await loadWhileMoving({});
			const expected = await truth(org);
			expectSameAccounts(loaded, expected);
			expect(loaded.find((account) => account.id === hidden.id)?.parentPath).toBe(pathOf(hidden.toPath));
			expect(loaded.find((account) => account.id === bigTwentyFirst)?.parentPath).toBe(pathOf(TARGET));
			// Big's listing was started over after moto refused its page token.
			expect(bigFirstPageRequests.length).toBeGreaterThanOrEqual(2);
		});

		it('stops promptly when cancelled, and sends nothing more', async () => {
			proxy = await startProxy({ target: moto.server.endpoint, delayMs: 100 });
			const controller = new AbortController();
			const reason = new Error('quit');
			let abortedAt = 0;
			const loading = loadAccounts(proxiedClient(proxy), {
				onAccounts: () => {
					if (controller.signal.aborted) return;
					abortedAt = performance.now();
					controller.abort(reason);
				},
				signal: controller.signal,
			});
			await expect(loading).rejects.toBe(reason);
			// Well before the next answer of a 100 ms proxy could come, whatever else the machine is doing.
			expect(performance.now() - abortedAt).toBeLessThan(500);
			// Requests the SDK had already started when the signal fired may still land: once none is in flight and a
			// moment has passed, nothing more.
			const deadline = Date.now() + 5_000;
			while (proxy.stats.inFlight > 0 && Date.now() < deadline) await new Promise((wait) => setTimeout(wait, 20));
			await new Promise((wait) => setTimeout(wait, 200));
			const requestsAfterAbort = proxy.stats.requests;
			await new Promise((wait) => setTimeout(wait, 500));
			expect(proxy.stats.requests).toBe(requestsAfterAbort);
			expect(proxy.stats.inFlight).toBe(0);
		});

		it('cancels through the gateway too, with the signal reason', async () => {
			proxy = await startProxy({ target: moto.server.endpoint, delayMs: 100 });
			const gateway = createAwsGateway({ endpointUrl: proxy.endpoint, region: MOTO_REGION });
			const controller = new AbortController();
			setTimeout(() => controller.abort(new Error('quit')), 250);
			await expect(gateway.listAccounts({ signal: controller.signal })).rejects.toThrow('quit');
		});
	});

	describe('under throttling', () => {
		/** A smaller tree: once throttled, adaptive retries pace the client down to a few requests a second. Neither test changes it. */
		beforeAll(async () => {
			await moto.server.reset();
			org = await seedOrganization(moto.server.endpoint, {
				ous: ['Workloads/Prod', 'Security'],
				accounts: Array.from({ length: 30 }, (_, n) => ({
					name: `member-${n}`,
					ou: ['Workloads/Prod', 'Workloads', 'Security', ''][n % 4],
				})),
			});
		});

		it('survives a share of the requests answered TooManyRequestsException', async () => {
			// One request in eight is throttled, at evenly spread positions.
			let n = 0;
			const everyEighth = () => ((n++ % 8) + 0.5) / 8;
			proxy = await startProxy({ target: moto.server.endpoint, throttleShare: 0.1, random: everyEighth });
			const gateway = createAwsGateway({ endpointUrl: proxy.endpoint, region: MOTO_REGION });
			const loaded = await gateway.listAccounts();
			expectSameAccounts(loaded, await truth(org));
			expect(proxy.stats.throttled).toBeGreaterThanOrEqual(2);
		}, 60_000);

		it('sends a page again when throttling outlasts the SDK retries', async () => {
			// The first three requests are throttled: ListRoots fails both SDK attempts, so only the loader's resend gets it.
			let count = 0;
			proxy = await startProxy({
				target: moto.server.endpoint,
				throttleShare: 1,
				random: () => (++count <= 3 ? 0 : 1),
			});
			// One walk only, so that the first requests are the walk's ListRoots and not the flat stream's ListAccounts.
			const loaded = await loadAccounts(proxiedClient(proxy, 2, 'standard'), { verify: false });
			expectSameAccounts(loaded, await truth(org));
			expect(proxy.stats.throttled).toBe(3);
			expect(proxy.stats.operations.slice(0, 4)).toEqual(Array(4).fill('AWSOrganizationsV20161128.ListRoots'));
		});
	});

	/**
	 * The shapes the benchmark measures, small: where the second walk proves the
	 * set complete first (spread, deep) and where the flat ListAccounts stream
	 * does (every member in the root, one OU holding most).
	 */
	const SHAPES: Record<string, { ous: string[]; accounts: () => AccountSpec[] }> = {
		'spread over OUs': {
			ous: ['A/A1', 'A/A2', 'B/B1', 'C'],
			accounts: () =>
				Array.from({ length: 96 }, (_, n) => ({
					name: `spread-${n}`,
					ou: ['A/A1', 'A/A2', 'A', 'B/B1', 'B', 'C', ''][n % 7],
				})),
		},
		'every member in the root': {
			ous: ['Workloads', 'Sandbox'],
			accounts: () => Array.from({ length: 160 }, (_, n) => ({ name: `root-${n}` })),
		},
		'one OU holding 80%': {
			ous: ['Sandbox', 'Prod/Web', 'Dev'],
			accounts: () =>
				Array.from({ length: 100 }, (_, n) => ({
					name: `one-ou-${n}`,
					ou: n % 5 === 4 ? ['Prod/Web', 'Prod', 'Dev', ''][n % 4] : 'Sandbox',
				})),
		},
		'six levels deep': {
			ous: ['D1/D2/D3/D4/D5/D6', 'E1/E2/E3/E4/E5/E6'],
			accounts: () => {
				const paths = ['D1/D2/D3/D4/D5/D6', 'E1/E2/E3/E4/E5/E6'].flatMap((deepest) =>
					deepest.split('/').map((_, level, parts) => parts.slice(0, level + 1).join('/')),
				);
				return Array.from({ length: 60 }, (_, n) => ({ name: `deep-${n}`, ou: paths[n % paths.length] }));
			},
		},
	};

	for (const [shape, spec] of Object.entries(SHAPES)) {
		describe(`on an organization with ${shape}`, () => {
			beforeAll(async () => {
				await moto.server.reset();
				org = await seedOrganization(moto.server.endpoint, {
					ous: spec.ous,
					accounts: spec.accounts(),
					concurrency: 6,
				});
			});

			it(
				'loads the same accounts as a sequential ListAccounts, each with its path, at most one second pass of the fullest parent',
				async () => {
					const pagesOf = new Map<string, number>();
					proxy = await startProxy({
						target: moto.server.endpoint,
						delayMs: 20,
						onRequest: (operation, body) => {
							if (!operation.endsWith('.ListAccountsForParent')) return;
							const parentId = parentIdOf(body) ?? '';
							pagesOf.set(parentId, (pagesOf.get(parentId) ?? 0) + 1);
						},
					});
					const reported = new Map<string, Account>();
					const loaded = await loadAccounts(proxiedClient(proxy), {
						onAccounts: (page) => {
							for (const account of page) reported.set(account.id, account);
						},
					});
					const expected = await truth(org);
					expectSameAccounts(loaded, expected);
					// Nothing moved: each account is the object reported first (on screen), not a copy a second walk made.
					expect(loaded.filter((account) => reported.get(account.id) !== account)).toEqual([]);
					const listedByBoto3 = await boto3Listing(moto.server.endpoint);
					expect(new Map(loaded.map((account) => [account.id, account.parentId]))).toEqual(listedByBoto3);
					// The fullest parent is paged by the first walk, then by the second walk or not at all:
					// never more pages in a row than two walks, and one when the flat stream proves the set first.
					const fullest = Math.max(...[...pagesOf.values()]);
					const pagesOfFullest = Math.ceil(Math.max(...countByPath(expected).values()) / 20);
					expect(fullest).toBeLessThanOrEqual(2 * pagesOfFullest);
					if (pagesOfFullest >= 4) expect(fullest).toBeLessThan(2 * pagesOfFullest);
					// Every member in one parent: the tree is known after a few round trips, and the walk's
					// listing of that parent stops there, its accounts left to the flat stream (one pass in all).
					if (shape === 'every member in the root') expect(fullest).toBeLessThan(pagesOfFullest);
				},
				SHAPE_TEST_MS,
			);

			/** Loads while one account moves out of the listings' sight; checks that it is where it ended. */
			async function loadWhileOneMoves(client: (proxy: RunningProxy) => OrganizationsClient): Promise<void> {
				const requestedParents = new Set<string>();
				proxy = await startProxy({
					target: moto.server.endpoint,
					delayMs: 40,
					onRequest: (operation, body) => {
						if (operation.endsWith('.ListAccountsForParent')) requestedParents.add(parentIdOf(body) ?? '');
					},
				});
				const reported = new Set<string>();
				let moved: { id: string; toPath: string } | undefined;
				let moving: Promise<unknown> | undefined;
				const loaded = await loadAccounts(client(proxy), {
					onAccounts: (page) => {
						for (const account of page) reported.add(account.id);
						if (moving) return;
						const parentId = page[0]?.parentId ?? '';
						// An account not listed yet: in a parent not requested yet, else the last one of its parent (a later page).
						const candidate =
							org.accounts.find((account) => !requestedParents.has(account.parentId)) ??
							[...org.accounts].reverse().find((account) => !reported.has(account.id));
						if (!candidate) return;
						const pathById = new Map([...org.ouIds].map(([path, id]) => [id, path]));
						const destination =
							candidate.parentId !== parentId
								? parentId
								: ([...org.ouIds.values()].find((id) => id !== candidate.parentId) ?? '');
						moved = { id: candidate.id, toPath: pathById.get(destination) ?? '' };
						moving = moveAccount(org, candidate, moved.toPath);
					},
				});
				await moving;
				if (!moved) throw new Error('no account could be moved while loading: the test set-up is wrong');
				const expected = await truth(org);
				expectSameAccounts(loaded, expected);
				expect(loaded.find((account) => account.id === moved?.id)?.parentPath).toBe(pathOf(moved.toPath));
			}

			it(
				"catches an account moved while loading, out of the listings' sight, where it ended",
				() => loadWhileOneMoves(proxiedClient),
				SHAPE_TEST_MS,
			);

			it(
				'places accounts by their Paths where ListAccounts sends them, one moved while loading, with no ListParents',
				async () => {
					await loadWhileOneMoves((running) => clientWithPaths(running, org));
					expect(proxy?.stats.operations.filter((operation) => operation.endsWith('.ListParents'))).toEqual([]);
				},
				SHAPE_TEST_MS,
			);
		});
	}
});

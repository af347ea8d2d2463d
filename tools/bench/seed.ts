/**
 * Fills a moto server with an organization of N accounts in one of several
 * shapes (spread over OUs, all in the root, one OU holding most, a deep tree):
 * in one request per step where the server has the seeding route of
 * test/support/moto-seeding-server.py (the same backend calls as CreateAccount
 * and MoveAccount, seconds for 10,000 accounts), else through the SDK
 * (CreateAccount, then MoveAccount), several requests at a time.
 */
import {
	CreateAccountCommand,
	CreateOrganizationalUnitCommand,
	CreateOrganizationCommand,
	ListRootsCommand,
	MoveAccountCommand,
	type OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { motoOrganizationsClient, postSeedRoute, seedsInServer } from '../../test/support/moto-server.js';

/** A client for seeding: thousands of requests, several at a time, so a transient failure is retried. */
export function motoClient(endpoint: string): OrganizationsClient {
	return motoOrganizationsClient(endpoint, 5);
}

/**
 * How the members are placed: spread over 85 OUs (one holding a tenth); every
 * member in the root; one OU holding 80% and the rest spread; a tree six levels
 * deep (126 OUs) with a few accounts in each.
 */
export const SHAPES = ['spread', 'root', 'one-ou', 'deep'] as const;
export type Shape = (typeof SHAPES)[number];

export const SHAPE_TEXT: Record<Shape, string> = {
	spread: 'spread over 85 OUs',
	root: 'all in the root',
	'one-ou': 'one OU holds 80%',
	deep: 'six levels deep',
};

export interface SeededOrganization {
	readonly shape: Shape;
	readonly organizationId: string;
	readonly rootId: string;
	/** Every OU, top level first, with its path below the root ("Workloads/L2-0-1"); accounts are spread over them. */
	readonly ous: readonly { readonly id: string; readonly depth: number; readonly path: string }[];
	/** Seeded through the server's seeding route (else through the SDK). */
	readonly inServer: boolean;
	/** Index in `ous` of the crowded OU (three levels deep). */
	readonly crowdedIndex: number;
	/** Member accounts created so far (the management account comes on top). */
	memberCount: number;
	/** Accounts per parent (-1: the root, which also holds the management account). */
	readonly perParent: Map<number, number>;
}

/** Runs `task` for each index in [from, to) with at most `limit` in flight. */
export async function forEachLimited(
	from: number,
	to: number,
	limit: number,
	task: (index: number) => Promise<void>,
): Promise<void> {
	let next = from;
	const worker = async () => {
		while (next < to) {
			const index = next++;
			await task(index);
		}
	};
	await Promise.all(Array.from({ length: Math.max(0, Math.min(limit, to - from)) }, worker));
}

/** Branching per level below the root: 5 top-level OUs, 4 under each, 3 under each of those (85 in all). */
const BRANCHING = [5, 4, 3];
/** The deep shape: two OUs under each, six levels (126 in all). */
const DEEP_BRANCHING = [2, 2, 2, 2, 2, 2];
const TOP_NAMES = ['Workloads', 'Sandbox', 'Security', 'Infrastructure', 'Suspended'];
export const OU_DEPTH = BRANCHING.length;

/** Where member `index` goes in an organization of the given shape (-1: the root). */
export function placeMember(shape: Shape, index: number, ouCount: number, crowdedIndex: number): number {
	switch (shape) {
		case 'spread':
			return parentIndexFor(index, ouCount, crowdedIndex);
		case 'root':
			return -1;
		case 'one-ou':
			// Four in five into the crowded OU; the fifth round-robin over every OU.
			return index % 5 === 4 ? Math.floor(index / 5) % ouCount : crowdedIndex;
		case 'deep':
			return index % ouCount;
	}
}

/**
 * Where account `index` goes: one in ten into the crowded OU (real
 * organizations have one: sandboxes, or everything from an acquisition), one in
 * two hundred stays in the root, the rest round-robin over every OU.
 */
export function parentIndexFor(index: number, ouCount: number, crowdedIndex: number): number {
	if (index % 200 === 199) return -1;
	if (index % 10 === 0) return crowdedIndex;
	// Number the remaining accounts one after another, so the round-robin deals them out evenly.
	const rank = index - (Math.floor(index / 10) + 1) - Math.floor((index + 1) / 200);
	return rank % ouCount;
}

/** An OU of the tree to create: where it goes and its name; parents come before their children. */
interface PlannedOu {
	readonly name: string;
	readonly path: string;
	readonly depth: number;
	/** Index of its parent in the plan; -1: the root. */
	readonly parentIndex: number;
}

/** The OU tree of a shape, top level first: 5, 4 under each, 3 under each of those; or two under each, six levels. */
export function planOuTree(shape: Shape): PlannedOu[] {
	const planned: PlannedOu[] = [];
	let level: { index: number; path: string }[] = [{ index: -1, path: '' }];
	for (const [depthIndex, branching] of (shape === 'deep' ? DEEP_BRANCHING : BRANCHING).entries()) {
		const nextLevel: { index: number; path: string }[] = [];
		for (const [parentRank, parent] of level.entries()) {
			for (let child = 0; child < branching; child++) {
				const name =
					depthIndex === 0 ? (TOP_NAMES[child] ?? `Top${child}`) : `L${depthIndex + 1}-${parentRank}-${child}`;
				const path = parent.path ? `${parent.path}/${name}` : name;
				planned.push({ name, path, depth: depthIndex + 1, parentIndex: parent.index });
				nextLevel.push({ index: planned.length - 1, path });
			}
		}
		level = nextLevel;
	}
	return planned;
}

/** A new organization with its OU tree and no members yet. */
export async function createOrganizationTree(endpoint: string, shape: Shape = 'spread'): Promise<SeededOrganization> {
	const planned = planOuTree(shape);
	const seeded = (organizationId: string, rootId: string, ids: readonly string[], inServer: boolean) => {
		const ous = planned.map((ou, index) => ({ id: ids[index] ?? '', depth: ou.depth, path: ou.path }));
		return {
			shape,
			organizationId,
			rootId,
			ous,
			inServer,
			crowdedIndex: ous.findIndex((ou) => ou.depth === 3),
			memberCount: 0,
			perParent: new Map([[-1, 1]]),
		};
	};
	if (await seedsInServer(endpoint)) {
		const answer = await postSeedRoute(endpoint, { ous: planned.map((ou) => ou.path) });
		const ids = planned.map((ou) => answer.ouIds[ou.path] ?? '');
		if (ids.some((id) => !id)) throw new Error('the seeding route returned no id for some OUs.');
		return seeded(answer.organizationId, answer.rootId, ids, true);
	}
	const client = motoClient(endpoint);
	try {
		const created = await client.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
		const organizationId = created.Organization?.Id ?? '';
		const roots = await client.send(new ListRootsCommand({}));
		const rootId = roots.Roots?.[0]?.Id;
		if (!rootId) throw new Error('moto returned no root for the new organization.');
		const ids: string[] = [];
		for (const ou of planned) {
			const parentId = ou.parentIndex < 0 ? rootId : ids[ou.parentIndex];
			const response = await client.send(new CreateOrganizationalUnitCommand({ ParentId: parentId, Name: ou.name }));
			const id = response.OrganizationalUnit?.Id;
			if (!id) throw new Error(`moto created no OU for ${ou.name}.`);
			ids.push(id);
		}
		return seeded(organizationId, rootId, ids, false);
	} finally {
		client.destroy();
	}
}

/** The name and email of bench member `index`. */
function memberSpec(index: number): { readonly name: string; readonly email: string } {
	return { name: `bench-${String(index).padStart(5, '0')}`, email: `bench+${index}@example.com` };
}

/** Adds members until the organization has `memberCount` of them: CreateAccount, then MoveAccount into its OU. */
export async function growOrganization(
	endpoint: string,
	organization: SeededOrganization,
	memberCount: number,
	options: { concurrency?: number } = {},
): Promise<void> {
	const concurrency = options.concurrency ?? 8;
	const from = organization.memberCount;
	if (memberCount <= from) return;
	if (organization.inServer) {
		await growInServer(endpoint, organization, memberCount);
		return;
	}
	const client = motoClient(endpoint);
	try {
		const ids = new Map<number, string>();
		await forEachLimited(from, memberCount, concurrency, async (index) => {
			const member = memberSpec(index);
			const response = await client.send(new CreateAccountCommand({ AccountName: member.name, Email: member.email }));
			const id = response.CreateAccountStatus?.AccountId;
			if (!id) throw new Error(`moto created no account for bench-${index}.`);
			ids.set(index, id);
		});
		await forEachLimited(from, memberCount, concurrency, async (index) => {
			const target = placeMember(organization.shape, index, organization.ous.length, organization.crowdedIndex);
			organization.perParent.set(target, (organization.perParent.get(target) ?? 0) + 1);
			if (target < 0) return;
			await client.send(
				new MoveAccountCommand({
					AccountId: ids.get(index),
					SourceParentId: organization.rootId,
					DestinationParentId: organization.ous[target]?.id,
				}),
			);
		});
		organization.memberCount = memberCount;
	} finally {
		client.destroy();
	}
}

/** The members from `organization.memberCount` up to `memberCount`, each created and moved into its OU in the server, in one request. */
async function growInServer(endpoint: string, organization: SeededOrganization, memberCount: number): Promise<void> {
	const targets: number[] = [];
	const accounts = [];
	for (let index = organization.memberCount; index < memberCount; index++) {
		const target = placeMember(organization.shape, index, organization.ous.length, organization.crowdedIndex);
		targets.push(target);
		accounts.push({ ...memberSpec(index), ou: target < 0 ? '' : (organization.ous[target]?.path ?? '') });
	}
	const answer = await postSeedRoute(endpoint, { accounts, existing: true });
	for (const [rank, account] of answer.accounts.entries()) {
		const target = targets[rank] as number;
		const expected = target < 0 ? organization.rootId : organization.ous[target]?.id;
		if (account.parentId !== expected) {
			throw new Error(`the seeding route put ${account.id} in ${account.parentId}, not ${expected}.`);
		}
		organization.perParent.set(target, (organization.perParent.get(target) ?? 0) + 1);
	}
	organization.memberCount = memberCount;
}

/** How many accounts the fullest parent holds: it bounds any per-parent listing (pages follow one another). */
export function largestParent(organization: SeededOrganization): number {
	return Math.max(...organization.perParent.values());
}

/**
 * Fills a moto server with an organization of N accounts spread over OUs up to
 * four levels deep, through the SDK (CreateAccount, then MoveAccount), several
 * requests at a time.
 */
import {
	CreateAccountCommand,
	CreateOrganizationalUnitCommand,
	CreateOrganizationCommand,
	ListRootsCommand,
	MoveAccountCommand,
	OrganizationsClient,
} from '@aws-sdk/client-organizations';

/** Dummy credentials: moto accepts any. */
export const MOTO_CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' };
export const MOTO_REGION = 'us-east-1';

export function motoClient(endpoint: string): OrganizationsClient {
	return new OrganizationsClient({
		endpoint,
		region: MOTO_REGION,
		credentials: MOTO_CREDENTIALS,
		maxAttempts: 5,
	});
}

export interface SeededOrganization {
	readonly organizationId: string;
	readonly rootId: string;
	/** Member accounts created (the management account comes on top). */
	readonly memberCount: number;
	readonly ouCount: number;
	readonly maxDepth: number;
	/** How many accounts the fullest parent holds: it bounds any per-parent listing. */
	readonly largestParent: number;
	readonly seconds: number;
}

/** Runs `task` for 0..count-1 with at most `limit` in flight. */
export async function forEachLimited(
	count: number,
	limit: number,
	task: (index: number) => Promise<void>,
): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < count) {
			const index = next++;
			await task(index);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
}

interface OuNode {
	readonly id: string;
	readonly depth: number;
}

/** Branching per level below the root: 5 top-level OUs, 4 under each, 3 under each of those (85 in all). */
const BRANCHING = [5, 4, 3];
const TOP_NAMES = ['Workloads', 'Sandbox', 'Security', 'Infrastructure', 'Suspended'];

/**
 * Where account `index` goes: one in ten into the sandbox OU (the crowded one,
 * as in real organizations), a few in the root, the rest round-robin over
 * every OU.
 */
export function parentIndexFor(index: number, ouCount: number, crowdedIndex: number): number {
	if (index % 200 === 199) return -1;
	if (index % 10 === 0) return crowdedIndex;
	return index % ouCount;
}

export async function seedOrganization(
	endpoint: string,
	memberCount: number,
	options: { concurrency?: number; onProgress?: (done: number) => void } = {},
): Promise<SeededOrganization> {
	const started = performance.now();
	const concurrency = options.concurrency ?? 8;
	const client = motoClient(endpoint);
	try {
		const created = await client.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
		const organizationId = created.Organization?.Id ?? '';
		const roots = await client.send(new ListRootsCommand({}));
		const rootId = roots.Roots?.[0]?.Id;
		if (!rootId) throw new Error('moto returned no root for the new organization.');

		const ous: OuNode[] = [];
		let level: OuNode[] = [{ id: rootId, depth: 0 }];
		for (const [depthIndex, branching] of BRANCHING.entries()) {
			const nextLevel: OuNode[] = [];
			for (const [parentIndex, parent] of level.entries()) {
				for (let child = 0; child < branching; child++) {
					const name =
						depthIndex === 0 ? (TOP_NAMES[child] ?? `Top${child}`) : `L${depthIndex + 1}-${parentIndex}-${child}`;
					const ou = await client.send(new CreateOrganizationalUnitCommand({ ParentId: parent.id, Name: name }));
					const id = ou.OrganizationalUnit?.Id;
					if (!id) throw new Error(`moto created no OU for ${name}.`);
					nextLevel.push({ id, depth: depthIndex + 1 });
				}
			}
			ous.push(...nextLevel);
			level = nextLevel;
		}
		// The sandbox OU's first grandchild is the crowded one: three levels deep.
		const crowdedIndex = ous.findIndex((ou) => ou.depth === 3);

		const ids = new Array<string>(memberCount);
		let done = 0;
		await forEachLimited(memberCount, concurrency, async (index) => {
			const response = await client.send(
				new CreateAccountCommand({
					AccountName: `bench-${String(index).padStart(5, '0')}`,
					Email: `bench+${index}@example.com`,
				}),
			);
			const id = response.CreateAccountStatus?.AccountId;
			if (!id) throw new Error(`moto created no account for bench-${index}.`);
			ids[index] = id;
			done++;
			if (done % 500 === 0) options.onProgress?.(done);
		});

		const perParent = new Map<number, number>();
		await forEachLimited(memberCount, concurrency, async (index) => {
			const target = parentIndexFor(index, ous.length, crowdedIndex);
			perParent.set(target, (perParent.get(target) ?? 0) + 1);
			if (target < 0) return;
			await client.send(
				new MoveAccountCommand({
					AccountId: ids[index],
					SourceParentId: rootId,
					DestinationParentId: (ous[target] as OuNode).id,
				}),
			);
		});
		// The management account stays in the root.
		perParent.set(-1, (perParent.get(-1) ?? 0) + 1);
		return {
			organizationId,
			rootId,
			memberCount,
			ouCount: ous.length,
			maxDepth: BRANCHING.length,
			largestParent: Math.max(...perParent.values()),
			seconds: (performance.now() - started) / 1000,
		};
	} finally {
		client.destroy();
	}
}

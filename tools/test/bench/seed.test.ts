import {
	ListAccountsCommand,
	ListAccountsForParentCommand,
	ListOrganizationalUnitsForParentCommand,
	type OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { afterAll, expect, it } from 'vitest';
import { describeWithMoto, findMotoServer, type MotoServer, startMoto } from '../../../test/support/moto.js';
import {
	createOrganizationTree,
	growOrganization,
	motoClient,
	planOuTree,
	type SeededOrganization,
	type Shape,
} from '../../bench/seed.js';

/** Every account name and email by the path of its parent ("Root/Workloads/L2-0-1"), as the SDK lists them. */
async function accountsByParentPath(client: OrganizationsClient, rootId: string): Promise<Record<string, string[]>> {
	const byPath: Record<string, string[]> = {};
	const visit = async (parentId: string, path: string): Promise<void> => {
		const accounts: string[] = [];
		let token: string | undefined;
		do {
			const page = await client.send(new ListAccountsForParentCommand({ ParentId: parentId, NextToken: token }));
			accounts.push(...(page.Accounts ?? []).map((account) => `${account.Name} <${account.Email}>`));
			token = page.NextToken;
		} while (token);
		byPath[path] = accounts.sort();
		do {
			const page = await client.send(
				new ListOrganizationalUnitsForParentCommand({ ParentId: parentId, NextToken: token }),
			);
			for (const ou of page.OrganizationalUnits ?? []) await visit(ou.Id ?? '', `${path}/${ou.Name}`);
			token = page.NextToken;
		} while (token);
	};
	await visit(rootId, 'Root');
	return byPath;
}

async function listedCount(client: OrganizationsClient): Promise<number> {
	let count = 0;
	let token: string | undefined;
	do {
		const page = await client.send(new ListAccountsCommand({ NextToken: token }));
		count += page.Accounts?.length ?? 0;
		token = page.NextToken;
	} while (token);
	return count;
}

/** An organization of the shape grown in two steps, as the benchmark grows it from size to size. */
async function seedInTwoSteps(endpoint: string, shape: Shape): Promise<SeededOrganization> {
	const organization = await createOrganizationTree(endpoint, shape);
	await growOrganization(endpoint, organization, 23);
	await growOrganization(endpoint, organization, 49);
	return organization;
}

it('plans the OU trees of the shapes: 85 OUs three levels deep, or 126 six levels deep, parents first', () => {
	const spread = planOuTree('spread');
	expect(spread).toHaveLength(85);
	expect(spread.slice(0, 5).map((ou) => ou.path)).toEqual([
		'Workloads',
		'Sandbox',
		'Security',
		'Infrastructure',
		'Suspended',
	]);
	expect(spread[5]).toEqual({ name: 'L2-0-0', path: 'Workloads/L2-0-0', depth: 2, parentIndex: 0 });
	const deep = planOuTree('deep');
	expect(deep).toHaveLength(126);
	expect(Math.max(...deep.map((ou) => ou.depth))).toBe(6);
	for (const [index, ou] of [...spread, ...deep].entries()) {
		const plan = index < spread.length ? spread : deep;
		if (ou.parentIndex >= 0) {
			expect(ou.parentIndex).toBeLessThan(plan.indexOf(ou));
			expect(ou.path).toBe(`${plan[ou.parentIndex]?.path}/${ou.name}`);
		}
	}
});

describeWithMoto('benchmark seeding', (moto) => {
	let plain: MotoServer | undefined;
	afterAll(async () => {
		await plain?.stop();
	});

	it.each(['spread', 'deep'] as const)(
		'builds the same %s organization through the seeding route as through the SDK, grown in two steps',
		async (shape) => {
			await moto.server.reset();
			plain ??= await startMoto(findMotoServer(), { withoutSeedingRoute: true });
			await plain.reset();
			const throughRoute = await seedInTwoSteps(moto.server.endpoint, shape);
			const throughSdk = await seedInTwoSteps(plain.endpoint, shape);
			expect(throughRoute.inServer).toBe(true);
			expect(throughSdk.inServer).toBe(false);
			expect(throughRoute.memberCount).toBe(49);
			expect([...throughRoute.perParent].sort()).toEqual([...throughSdk.perParent].sort());

			const routeClient = motoClient(moto.server.endpoint);
			const sdkClient = motoClient(plain.endpoint);
			try {
				expect(await listedCount(routeClient)).toBe(50);
				expect(await listedCount(sdkClient)).toBe(50);
				const routeTree = await accountsByParentPath(routeClient, throughRoute.rootId);
				expect(Object.keys(routeTree)).toHaveLength(throughRoute.ous.length + 1);
				expect(routeTree).toEqual(await accountsByParentPath(sdkClient, throughSdk.rootId));
				// The counts the benchmark keeps are the ones listed, parent by parent.
				for (const [parent, count] of throughRoute.perParent) {
					const path = parent < 0 ? 'Root' : `Root/${throughRoute.ous[parent]?.path}`;
					expect(routeTree[path], path).toHaveLength(count);
				}
			} finally {
				routeClient.destroy();
				sdkClient.destroy();
			}
		},
		120_000,
	);
});

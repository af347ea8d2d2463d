import { existsSync } from 'node:fs';
import { ListAccountsForParentCommand, ListOrganizationalUnitsForParentCommand } from '@aws-sdk/client-organizations';
import { expect, it } from 'vitest';
import { describeWithMoto } from '../../../test/support/moto.js';
import { startProxy } from '../../../test/support/proxy.js';
import { timeAwsCliListAccounts } from '../../bench/aws-cli.js';
import { loadSideBySide, timeOrgdashLoad } from '../../bench/load.js';
import { projectPath } from '../../bench/paths.js';
import {
	createOrganizationTree,
	growOrganization,
	largestParent,
	motoClient,
	parentIndexFor,
	placeMember,
	type Shape,
} from '../../bench/seed.js';

it('places members by shape: all in the root, four in five in one OU, or round-robin over a deep tree', () => {
	const place = (shape: Shape) => {
		const counts = new Map<number, number>();
		for (let index = 0; index < 1000; index++) {
			const parent = placeMember(shape, index, 126, 25);
			counts.set(parent, (counts.get(parent) ?? 0) + 1);
		}
		return counts;
	};
	expect(place('root')).toEqual(new Map([[-1, 1000]]));
	const oneOu = place('one-ou');
	expect(oneOu.get(25)).toBeGreaterThanOrEqual(800);
	expect(Math.max(...[...oneOu].filter(([parent]) => parent !== 25).map(([, count]) => count))).toBeLessThanOrEqual(2);
	const deep = place('deep');
	expect(deep.size).toBe(126);
	expect(Math.max(...deep.values())).toBeLessThanOrEqual(8);
	expect(place('spread')).toEqual(
		new Map(
			Array.from({ length: 1000 }, (_, index) => parentIndexFor(index, 126, 25)).reduce(
				(counts, parent) => counts.set(parent, (counts.get(parent) ?? 0) + 1),
				new Map<number, number>(),
			),
		),
	);
});

it('spreads accounts: a tenth into the crowded OU, one in two hundred in the root, the rest over every OU', () => {
	const counts = new Map<number, number>();
	for (let index = 0; index < 10_000; index++) {
		const parent = parentIndexFor(index, 85, 25);
		counts.set(parent, (counts.get(parent) ?? 0) + 1);
	}
	expect(counts.get(-1)).toBe(50);
	expect(counts.get(25)).toBeGreaterThan(1000);
	expect(counts.size).toBe(86);
	const others = [...counts].filter(([parent]) => parent !== 25 && parent !== -1).map(([, count]) => count);
	expect(Math.max(...others) - Math.min(...others)).toBeLessThanOrEqual(2);
});

describeWithMoto('benchmark against moto', (moto) => {
	it('seeds OUs three levels deep and lists the same accounts with orgdash and the AWS CLI, direct and through the proxy', async () => {
		// The timed listings run the built program, as `npm run bench` does.
		expect(existsSync(projectPath('dist-tools', 'bench', 'load-child.js')), 'run `npm run build` first').toBe(true);
		await moto.server.reset();
		const endpoint = moto.server.endpoint;
		const organization = await createOrganizationTree(endpoint);
		expect(organization.ous).toHaveLength(85);
		expect(Math.max(...organization.ous.map((ou) => ou.depth))).toBe(3);
		await growOrganization(endpoint, organization, 30);
		await growOrganization(endpoint, organization, 59);
		expect(organization.memberCount).toBe(59);

		const client = motoClient(endpoint);
		try {
			const crowded = organization.ous[organization.crowdedIndex];
			const inCrowded = await client.send(new ListAccountsForParentCommand({ ParentId: crowded?.id, MaxResults: 20 }));
			expect(inCrowded.Accounts?.length).toBe(largestParent(organization));
			const topLevel = await client.send(
				new ListOrganizationalUnitsForParentCommand({ ParentId: organization.rootId }),
			);
			expect(topLevel.OrganizationalUnits?.map((ou) => ou.Name)).toContain('Sandbox');
		} finally {
			client.destroy();
		}

		const direct = await loadSideBySide(endpoint, { count: true });
		expect(direct.orgdash.accounts).toBe(60);
		expect(direct.orgdash.distinctIds).toBe(60);
		expect(direct.cli.accounts).toBe(60);
		expect(direct.ratio).toBeCloseTo(direct.orgdash.seconds / direct.cli.seconds);
		expect(direct.orgdash.maxRssMB).toBeGreaterThan(10);

		const proxy = await startProxy({ target: endpoint, delayMs: 20 });
		try {
			const proxied = await timeOrgdashLoad(proxy.endpoint);
			const orgdashRequests = proxy.stats.operations.length;
			const cli = await timeAwsCliListAccounts(proxy.endpoint, { count: true });
			expect(proxied.accounts).toBe(60);
			expect(cli.accounts).toBe(60);
			// The CLI pages ListAccounts 20 at a time, one page after another.
			const cliOperations = proxy.stats.operations.slice(orgdashRequests);
			expect(cliOperations.filter((name) => name.endsWith('.ListAccounts'))).toHaveLength(3);
		} finally {
			await proxy.close();
		}
	}, 120_000);
});

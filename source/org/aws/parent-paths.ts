/**
 * "Root/Workloads/Prod" by root or OU id, for an account read on its own
 * (DescribeAccount): from the last listing, or found with ListParents and
 * DescribeOrganizationalUnit. OUs never move (no API moves one); a listing
 * refreshes the paths, so a renamed OU shows its new name.
 */
import {
	DescribeOrganizationalUnitCommand,
	ListParentsCommand,
	ListRootsCommand,
	type OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { type Account, originalText } from '../../domain/account.js';
import { OrgError } from '../errors.js';
import { callAws } from './sdk-errors.js';

export interface Parent {
	readonly id: string;
	readonly type: string;
}

export interface ParentPaths {
	/** The account's (or OU's) parent, by ListParents. */
	parentOf(childId: string): Promise<Parent>;
	/** The path of a root or OU, walking ListParents up to the root. */
	pathOf(parent: Parent): Promise<string>;
	/** The paths a listing found, so that reading one account asks nothing more. */
	remember(accounts: readonly Account[]): void;
	/** Forgets every path (a new listing starts). */
	clear(): void;
}

export function createParentPaths(organizations: OrganizationsClient): ParentPaths {
	const rootNames = new Map<string, string>();
	const paths = new Map<string, Promise<string>>();

	async function rootName(rootId: string): Promise<string> {
		if (!rootNames.has(rootId)) {
			const roots = await callAws('Organizations.ListRoots', () => organizations.send(new ListRootsCommand({})));
			for (const root of roots.Roots ?? []) if (root.Id) rootNames.set(root.Id, root.Name ?? 'Root');
		}
		return rootNames.get(rootId) ?? 'Root';
	}

	async function ouName(ouId: string): Promise<string> {
		const result = await callAws('Organizations.DescribeOrganizationalUnit', () =>
			organizations.send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: ouId })),
		);
		return result.OrganizationalUnit?.Name ?? ouId;
	}

	async function parentOf(childId: string): Promise<Parent> {
		const result = await callAws('Organizations.ListParents', () =>
			organizations.send(new ListParentsCommand({ ChildId: childId })),
		);
		const parent = result.Parents?.[0];
		if (!parent?.Id) throw new OrgError('UnknownError', `Organizations.ListParents gave no parent for ${childId}`);
		return { id: parent.Id, type: parent.Type ?? 'ROOT' };
	}

	function pathOf(parent: Parent): Promise<string> {
		let path = paths.get(parent.id);
		if (!path) {
			path =
				parent.type === 'ROOT'
					? rootName(parent.id)
					: Promise.all([ouName(parent.id), parentOf(parent.id).then(pathOf)]).then(
							([name, above]) => `${above}/${name}`,
						);
			path.catch(() => paths.delete(parent.id));
			paths.set(parent.id, path);
		}
		return path;
	}

	return {
		parentOf,
		pathOf,
		remember(accounts) {
			for (const account of accounts) {
				// The path as AWS names it: toAccount escapes it again for display.
				if (account.parentId) paths.set(account.parentId, Promise.resolve(originalText(account).parentPath));
			}
		},
		clear() {
			paths.clear();
		},
	};
}

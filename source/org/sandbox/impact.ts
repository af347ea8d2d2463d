/**
 * The sandbox's impact scan: each account's profile (demo-impact.ts for the
 * demo organization) or a plain member's baseline, in the shapes the AWS
 * adapter gives. Like the adapter, it never throws for an item it cannot read:
 * the item is unknown, with the reason.
 */
import {
	type AccountImpact,
	displayImpact,
	displayOrganizationImpact,
	IMPACT_SOURCES,
	type ImpactItem,
	knownItem,
	type OrganizationImpact,
	type Spend,
	spendPeriod,
	unknownFromError,
	unknownItem,
} from '../../domain/impact.js';
import type { OrgError } from '../errors.js';
import type { ImpactProfile, SandboxAccount, SandboxState } from './types.js';

/** The StackSet every member gets from the organization, as landing zones deploy one. */
const BASELINE_STACK_SET = 'org-baseline';

/** What a member without a profile of its own has: the baseline StackSet while open, and a small spend. */
export function profileOf(account: SandboxAccount, managementId: string): ImpactProfile {
	if (account.impact) return account.impact;
	const open = account.state === 'ACTIVE' || account.state === 'PENDING_ACTIVATION';
	// A figure of its own for each account, from its id, so the cost column has something to sort.
	const seed = Number(account.id.slice(-4)) || 0;
	return {
		stackInstances:
			open && account.id !== managementId
				? [{ stackSet: BASELINE_STACK_SET, region: 'us-east-1', permissionModel: 'SERVICE_MANAGED' }]
				: [],
		spend: open
			? { lastMonth: (seed % 900) + (seed % 97) / 100, monthToDate: (seed % 300) / 3 }
			: { lastMonth: 0, monthToDate: 0 },
	};
}

function item<T>(source: string, value: T, failure: OrgError | undefined): ImpactItem<T> {
	return failure ? unknownFromError(source, failure) : knownItem(source, value);
}

export function accountImpactOf(account: SandboxAccount, managementId: string): AccountImpact {
	const profile = profileOf(account, managementId);
	const unknown = profile.unknown ?? {};
	return displayImpact({
		delegatedServices: item(
			IMPACT_SOURCES.delegatedServices,
			profile.delegatedServices ?? [],
			unknown.delegatedServices,
		),
		stackInstances: item(IMPACT_SOURCES.stackInstances, profile.stackInstances ?? [], unknown.stackInstances),
		identityCenter: item(
			IMPACT_SOURCES.identityCenter,
			profile.identityCenter ?? { permissionSets: [], assignments: 0 },
			unknown.identityCenter,
		),
		policies: item(IMPACT_SOURCES.policies, profile.policies ?? [], unknown.policies),
		tags: item(IMPACT_SOURCES.tags, profile.tags ?? [], unknown.tags),
		spend: unknownItem(IMPACT_SOURCES.spend, 'not-read', 'read once for the whole organization'),
	});
}

/** Every item unknown for the same reason (the caller may not read the organization, a failure queued by a test). */
export function unknownImpact(error: OrgError): AccountImpact {
	return {
		delegatedServices: unknownFromError(IMPACT_SOURCES.delegatedServices, error),
		stackInstances: unknownFromError(IMPACT_SOURCES.stackInstances, error),
		identityCenter: unknownFromError(IMPACT_SOURCES.identityCenter, error),
		policies: unknownFromError(IMPACT_SOURCES.policies, error),
		tags: unknownFromError(IMPACT_SOURCES.tags, error),
		spend: unknownFromError(IMPACT_SOURCES.spend, error),
	};
}

export function organizationImpactOf(state: SandboxState, nowMs: number): OrganizationImpact {
	const managementId = state.organization.managementAccountId;
	const admins: Record<string, readonly string[]> = {};
	const spend: Record<string, Spend> = {};
	const { month } = spendPeriod(new Date(nowMs));
	for (const account of state.accounts.values()) {
		const profile = profileOf(account, managementId);
		if (profile.delegatedServices?.length) admins[account.id] = [...profile.delegatedServices].sort();
		// Cost Explorer lists only the accounts that spent something.
		if (profile.spend && (profile.spend.lastMonth > 0 || profile.spend.monthToDate > 0)) {
			spend[account.id] = { month, ...profile.spend, currency: 'USD' };
		}
	}
	return displayOrganizationImpact({
		delegatedAdministrators: knownItem(IMPACT_SOURCES.delegatedAdministrators, admins),
		spend: knownItem(IMPACT_SOURCES.spend, spend),
	});
}

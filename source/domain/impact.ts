/**
 * What closing or removing one account would break or cost: the services it
 * administers for the organization, the StackSet instances aimed at it, its
 * Identity Center permission sets and assignments, the policies attached to it
 * directly, its tags and its spend. Each item is known, with the call it came
 * from, or unknown, with the reason in words a user can act on.
 */
import { displayText } from './display-text.js';
import type { ErrorInfo } from './error-codes.js';
import type { Refusal } from './removal.js';

/** Why an item is not known. */
export type UnknownReason =
	| 'permission-missing'
	| 'trusted-access-off'
	| 'service-not-enabled'
	| 'not-implemented'
	| 'not-read'
	| 'failed';

export type ImpactItem<T> =
	| { readonly known: true; readonly value: T; readonly source: string }
	| { readonly known: false; readonly reason: UnknownReason; readonly detail: string; readonly source: string };

export interface StackInstanceRef {
	readonly stackSet: string;
	readonly region: string;
	/** SELF: a self-managed set; SERVICE_MANAGED: deployed by Organizations to OUs. */
	readonly permissionModel: 'SELF_MANAGED' | 'SERVICE_MANAGED';
}

export interface IdentityCenterUse {
	/** Names (or ARNs when the name is not known) of the permission sets provisioned to the account. */
	readonly permissionSets: readonly string[];
	/** Users and groups assigned to the account, over every permission set. */
	readonly assignments: number;
}

export interface AttachedPolicy {
	/** SERVICE_CONTROL_POLICY, TAG_POLICY, BACKUP_POLICY, ... */
	readonly type: string;
	readonly name: string;
	readonly id: string;
}

export interface Tag {
	readonly key: string;
	readonly value: string;
}

export interface Spend {
	/** YYYY-MM of the last full month. */
	readonly month: string;
	readonly lastMonth: number;
	readonly monthToDate: number;
	readonly currency: string;
}

export interface AccountImpact {
	readonly delegatedServices: ImpactItem<readonly string[]>;
	readonly stackInstances: ImpactItem<readonly StackInstanceRef[]>;
	readonly identityCenter: ImpactItem<IdentityCenterUse>;
	readonly policies: ImpactItem<readonly AttachedPolicy[]>;
	readonly tags: ImpactItem<readonly Tag[]>;
	readonly spend: ImpactItem<Spend>;
}

/** What one scan of the whole organization tells: read once per load, cached with the list. */
export interface OrganizationImpact {
	/** Account id -> the service principals it is delegated administrator for. */
	readonly delegatedAdministrators: ImpactItem<Readonly<Record<string, readonly string[]>>>;
	/** Account id -> its spend; an account Cost Explorer does not list spent nothing. */
	readonly spend: ImpactItem<Readonly<Record<string, Spend>>>;
}

/** The IAM action that gives each item (the readme's permission list names every call the scan makes). */
export const IMPACT_SOURCES = {
	delegatedAdministrators: 'organizations:ListDelegatedAdministrators',
	delegatedServices: 'organizations:ListDelegatedServicesForAccount',
	stackInstances: 'cloudformation:ListStackInstances',
	identityCenter: 'sso:ListAccountAssignments',
	policies: 'organizations:ListPoliciesForTarget',
	tags: 'organizations:ListTagsForResource',
	spend: 'ce:GetCostAndUsage',
} as const;

export const UNKNOWN_REASON_TEXT: Record<UnknownReason, string> = {
	'permission-missing': 'permission missing',
	'trusted-access-off': 'trusted access off',
	'service-not-enabled': 'service not enabled',
	'not-implemented': 'the endpoint does not implement it',
	'not-read': 'not read yet',
	failed: 'the call failed',
};

const PERMISSION_CODES = new Set([
	'AccessDeniedException',
	'AccessDenied',
	'UnauthorizedOperation',
	'AuthorizationError',
	'AccessDeniedForDependencyException',
]);
const NOT_IMPLEMENTED_CODES = new Set(['UnrecognizedResponse', 'NotImplemented', 'InvalidAction', 'UnknownOperation']);
const NOT_ENABLED_CODES = new Set([
	'PolicyTypeNotEnabledException',
	'AWSOrganizationsNotInUseException',
	'OptInRequired',
	'DataUnavailableException',
]);

/** Which unknown reason an error stands for. */
export function unknownReasonOf(error: ErrorInfo): UnknownReason {
	const text = `${error.code} ${error.message ?? ''}`.toLowerCase();
	if (text.includes('trusted access')) return 'trusted-access-off';
	if (/not (yet |been )?implemented/.test(text)) return 'not-implemented';
	if (NOT_IMPLEMENTED_CODES.has(error.code)) return 'not-implemented';
	if (text.includes('not enabled') || text.includes('not been enabled') || NOT_ENABLED_CODES.has(error.code)) {
		return 'service-not-enabled';
	}
	if (PERMISSION_CODES.has(error.code)) return 'permission-missing';
	return 'failed';
}

/** What to do about each reason, after the reason itself. */
function nextStep(reason: UnknownReason, action: string): string {
	switch (reason) {
		case 'permission-missing':
			return `grant the caller ${action}`;
		case 'trusted-access-off':
			return 'enable trusted access for the service in Organizations (Services page)';
		case 'service-not-enabled':
			return 'nothing to check while the service is not enabled for the organization';
		case 'not-implemented':
			return 'check it in the console';
		case 'not-read':
			return 'it is read in the background';
		case 'failed':
			return 'try again later (r reloads)';
	}
}

/** An item left unknown by an error of the call(s) named by `source`. */
export function unknownFromError(source: string, error: ErrorInfo): ImpactItem<never> {
	const reason = unknownReasonOf(error);
	const detail = `${UNKNOWN_REASON_TEXT[reason]} (${displayText(error.code)}${
		error.message ? `: ${displayText(error.message)}` : ''
	}); ${nextStep(reason, source)}`;
	return { known: false, reason, detail, source };
}

export function unknownItem(source: string, reason: UnknownReason, why: string): ImpactItem<never> {
	return { known: false, reason, detail: `${UNKNOWN_REASON_TEXT[reason]}: ${why}`, source };
}

export function knownItem<T>(source: string, value: T): ImpactItem<T> {
	return { known: true, value, source };
}

/** An item with its value passed through `map` when known. */
export function mapItem<T, U>(item: ImpactItem<T>, map: (value: T) => U): ImpactItem<U> {
	return item.known ? { known: true, value: map(item.value), source: item.source } : item;
}

// ---------------------------------------------------------------------------------------------------------------
// Spend

export interface SpendPeriod {
	/** First day of the last full month, YYYY-MM-DD (Cost Explorer's inclusive start). */
	readonly start: string;
	/** Today, YYYY-MM-DD (Cost Explorer's exclusive end): the month to date ends yesterday. */
	readonly end: string;
	/** First day of the current month, YYYY-MM-DD. */
	readonly monthStart: string;
	/** YYYY-MM of the last full month. */
	readonly month: string;
}

function isoDay(date: Date): string {
	return date.toISOString().slice(0, 10);
}

/** The one Cost Explorer period that covers the last full month and the month to date (UTC). */
export function spendPeriod(now: Date): SpendPeriod {
	const year = now.getUTCFullYear();
	const month = now.getUTCMonth();
	const lastMonthStart = new Date(Date.UTC(year, month - 1, 1));
	return {
		start: isoDay(lastMonthStart),
		end: isoDay(now),
		monthStart: isoDay(new Date(Date.UTC(year, month, 1))),
		month: isoDay(lastMonthStart).slice(0, 7),
	};
}

/** One result period of GetCostAndUsage grouped by LINKED_ACCOUNT, in plain values. */
export interface CostPeriodRow {
	/** The period's start, YYYY-MM-DD. */
	readonly start: string;
	readonly groups: readonly { readonly accountId: string; readonly amount: number; readonly unit: string }[];
}

/**
 * Spend per account from Cost Explorer's monthly rows: a row starting before
 * the current month is the last full month, one starting in it the month to
 * date. Accounts that spent nothing are not listed by Cost Explorer.
 */
export function spendByAccount(rows: readonly CostPeriodRow[], period: SpendPeriod): Record<string, Spend> {
	const spend: Record<string, { lastMonth: number; monthToDate: number; currency: string }> = {};
	for (const row of rows) {
		const current = row.start >= period.monthStart;
		for (const group of row.groups) {
			if (!Number.isFinite(group.amount)) continue;
			const entry = spend[group.accountId] ?? { lastMonth: 0, monthToDate: 0, currency: group.unit || 'USD' };
			if (current) entry.monthToDate += group.amount;
			else entry.lastMonth += group.amount;
			spend[group.accountId] = entry;
		}
	}
	const result: Record<string, Spend> = {};
	for (const [id, entry] of Object.entries(spend)) result[id] = { month: period.month, ...entry };
	return result;
}

/** The currency of the organization's figures: the first one Cost Explorer gave, USD when it listed nothing. */
export function organizationCurrency(spend: Readonly<Record<string, Spend>>): string {
	for (const entry of Object.values(spend)) return entry.currency;
	return 'USD';
}

/** One account's spend from the organization's scan. */
export function spendOf(accountId: string, organization: OrganizationImpact | undefined, now: Date): ImpactItem<Spend> {
	if (!organization) return unknownItem(IMPACT_SOURCES.spend, 'not-read', 'the organization scan has not finished');
	return mapItem(
		organization.spend,
		(all) =>
			all[accountId] ?? {
				month: spendPeriod(now).month,
				lastMonth: 0,
				monthToDate: 0,
				currency: organizationCurrency(all),
			},
	);
}

/** The services an account administers, from the organization's scan (undefined: not known). */
export function delegatedServicesOf(
	accountId: string,
	organization: OrganizationImpact | undefined,
): readonly string[] | undefined {
	if (!organization?.delegatedAdministrators.known) return undefined;
	return organization.delegatedAdministrators.value[accountId] ?? [];
}

/** 1234.5 -> "1,234.50 USD". */
export function formatMoney(amount: number, currency: string): string {
	const figure = amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
	return `${figure} ${currency}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Refusal

/** The command that ends one delegation. */
export function deregisterCommand(accountId: string, servicePrincipal: string): string {
	return `aws organizations deregister-delegated-administrator --account-id ${accountId} --service-principal ${servicePrincipal}`;
}

/**
 * AWS refuses to remove a delegated administrator from the organization
 * (CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG); orgdash refuses first, and
 * says how to end each delegation. Endpoints such as moto do not refuse it.
 */
export function delegatedAdministratorRefusal(
	accountId: string,
	services: readonly string[] | undefined,
): Refusal | undefined {
	if (!services || services.length === 0) return undefined;
	return {
		code: 'delegated-administrator',
		why: `This account is a delegated administrator for ${services.join(', ')}. AWS does not remove a delegated administrator from the organization.`,
		next: `Deregister it first, then start again: ${services.map((service) => deregisterCommand(accountId, service)).join(' ; ')}`,
	};
}

// ---------------------------------------------------------------------------------------------------------------
// Lines for the screens

export type ImpactPurpose = 'details' | 'close' | 'remove';

export interface ImpactLine {
	readonly label: string;
	readonly value: string;
	/** The call the value came from (or could not come from). */
	readonly source: string;
	/** True when the value is a reason it is unknown. */
	readonly unknown: boolean;
	/** Why it matters for this action, when it does. */
	readonly note?: string;
	/** The note must be seen before this action even where space is short (a flow keeps only these). */
	readonly warns?: boolean;
}

function list(items: readonly string[], max = 4): string {
	if (items.length <= max) return items.join(', ');
	return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

function plural(count: number, one: string, many = `${one}s`): string {
	return `${count} ${count === 1 ? one : many}`;
}

function line<T>(
	label: string,
	item: ImpactItem<T>,
	describe: (value: T) => { value: string; note?: string | undefined; warns?: boolean },
): ImpactLine {
	if (!item.known) return { label, value: item.detail, source: item.source, unknown: true };
	const { value, note, warns } = describe(item.value);
	return { label, value, source: item.source, unknown: false, ...(note ? { note, ...(warns ? { warns } : {}) } : {}) };
}

/** The impact as labelled lines, each with its source; notes say what the action would do to it. */
export function impactLines(impact: AccountImpact, purpose: ImpactPurpose): ImpactLine[] {
	const removing = purpose === 'remove';
	return [
		line('Delegated admin', impact.delegatedServices, (services) =>
			services.length === 0
				? { value: 'none' }
				: {
						value: `for ${list(services)}`,
						note: removing
							? 'AWS refuses to remove a delegated administrator: deregister it first.'
							: 'Those services lose their administrator account.',
						warns: removing,
					},
		),
		line('StackSets', impact.stackInstances, (instances) => {
			if (instances.length === 0) return { value: 'no instances' };
			const sets = [...new Set(instances.map((instance) => instance.stackSet))];
			return {
				value: `${plural(instances.length, 'instance')} of ${plural(sets.length, 'StackSet')}: ${list(
					instances.map((instance) => `${instance.stackSet} (${instance.region})`),
				)}`,
				note: removing
					? 'Service-managed instances are deleted or kept as the StackSet says; self-managed ones stay.'
					: 'A suspended account makes StackSet updates fail: remove its instances first.',
				warns: !removing,
			};
		}),
		line('Identity Center', impact.identityCenter, (use) =>
			use.permissionSets.length === 0 && use.assignments === 0
				? { value: 'no permission sets' }
				: {
						value: `${plural(use.permissionSets.length, 'permission set')} (${list(use.permissionSets)}), ${plural(use.assignments, 'assignment')}`,
						note: 'Those users and groups lose their access to the account.',
					},
		),
		line('Policies', impact.policies, (policies) =>
			policies.length === 0
				? { value: 'none attached directly' }
				: {
						value: list(policies.map((policy) => `${policy.name} (${policy.type})`)),
						note: removing ? 'They stop applying once it leaves the organization.' : undefined,
					},
		),
		line('Tags', impact.tags, (tags) =>
			tags.length === 0
				? { value: 'none' }
				: {
						value: list(
							tags.map((tag) => `${tag.key}=${tag.value}`),
							6,
						),
						note: removing ? 'Organization tags are lost on removal.' : undefined,
						warns: removing,
					},
		),
		line('Spend', impact.spend, (spend) => ({
			value: `${spend.month}: ${formatMoney(spend.lastMonth, spend.currency)}; this month so far: ${formatMoney(spend.monthToDate, spend.currency)}`,
			note:
				purpose === 'remove'
					? 'After removal the account pays its own bills.'
					: 'Reserved Instances and Savings Plans keep billing after closure, until they expire.',
			warns: purpose !== 'remove',
		})),
	];
}

/** Every text AWS gave made display-safe; both adapters pass theirs through it. */
export function displayImpact(impact: AccountImpact): AccountImpact {
	return {
		delegatedServices: mapItem(impact.delegatedServices, (services) => services.map(displayText)),
		stackInstances: mapItem(impact.stackInstances, (instances) =>
			instances.map((instance) => ({
				...instance,
				stackSet: displayText(instance.stackSet),
				region: displayText(instance.region),
			})),
		),
		identityCenter: mapItem(impact.identityCenter, (use) => ({
			permissionSets: use.permissionSets.map(displayText),
			assignments: use.assignments,
		})),
		policies: mapItem(impact.policies, (policies) =>
			policies.map((policy) => ({
				type: displayText(policy.type),
				name: displayText(policy.name),
				id: displayText(policy.id),
			})),
		),
		tags: mapItem(impact.tags, (tags) =>
			tags.map((tag) => ({ key: displayText(tag.key), value: displayText(tag.value) })),
		),
		spend: mapItem(impact.spend, (spend) => ({ ...spend, currency: displayText(spend.currency) })),
	};
}

/** The organization scan with every text AWS gave made display-safe. */
export function displayOrganizationImpact(impact: OrganizationImpact): OrganizationImpact {
	return {
		delegatedAdministrators: mapItem(impact.delegatedAdministrators, (byAccount) =>
			Object.fromEntries(
				Object.entries(byAccount).map(([id, services]) => [displayText(id), services.map(displayText)]),
			),
		),
		spend: mapItem(impact.spend, (byAccount) =>
			Object.fromEntries(
				Object.entries(byAccount).map(([id, spend]) => [
					displayText(id),
					{ ...spend, currency: displayText(spend.currency) },
				]),
			),
		),
	};
}

/**
 * One account's impact as far as it is known: its own reads when they have
 * answered (each item "not read yet" until then, except the delegations the
 * organization scan already names), with its spend from the organization scan
 * (or from its own reads, where they asked Cost Explorer).
 */
export function mergeImpact(
	accountId: string,
	own: AccountImpact | undefined,
	organization: OrganizationImpact | undefined,
	now: Date,
): AccountImpact {
	const reading = (source: string) => unknownItem(source, 'not-read', 'reading it now');
	const delegated = delegatedServicesOf(accountId, organization);
	const fromScan =
		delegated === undefined
			? undefined
			: knownItem<readonly string[]>(IMPACT_SOURCES.delegatedAdministrators, delegated);
	return {
		delegatedServices: own?.delegatedServices.known
			? own.delegatedServices
			: (fromScan ?? own?.delegatedServices ?? reading(IMPACT_SOURCES.delegatedServices)),
		stackInstances: own?.stackInstances ?? reading(IMPACT_SOURCES.stackInstances),
		identityCenter: own?.identityCenter ?? reading(IMPACT_SOURCES.identityCenter),
		policies: own?.policies ?? reading(IMPACT_SOURCES.policies),
		tags: own?.tags ?? reading(IMPACT_SOURCES.tags),
		spend: own?.spend.known ? own.spend : spendOf(accountId, organization, now),
	};
}

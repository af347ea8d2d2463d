/**
 * The sandbox's types: its options and gateway, the organization as it keeps
 * it (what the engine changes, and the demo and the generator fill), and the
 * times and limits it keeps to.
 */
import type { AccountState, JoinedMethod, Organization } from '../../domain/account.js';
import type { AccountFacts, LinkedGovCloud, RegionOptStatus } from '../../domain/facts.js';
import type { AccountImpact, AttachedPolicy, IdentityCenterUse, StackInstanceRef, Tag } from '../../domain/impact.js';
import type { QuotaLookup } from '../../domain/quota.js';
import type { OrgError } from '../errors.js';
import type { OrgGateway } from '../gateway.js';

export interface SandboxOptions {
	/** Generate an organization of this many accounts (management included) instead of the demo one. */
	readonly accountCount?: number;
	/** The clock; defaults to the real one. */
	readonly now?: () => Date;
	/** Who is calling; defaults to the management account. */
	readonly callerAccountId?: string;
	/** Delay of every call and of every page of ListAccounts, to make loading visible. Default 0. */
	readonly latencyMs?: number;
	/**
	 * Replaces the name, email or OU path of accounts, by id: any text AWS
	 * allows there (escape sequences, bidi controls, zero-width characters),
	 * for tests of what the screens make of it.
	 */
	readonly renamed?: Readonly<Record<string, SandboxRename>>;
}

export interface SandboxRename {
	readonly name?: string;
	readonly email?: string;
	readonly parentPath?: string;
}

export type GatewayOperation = Exclude<keyof OrgGateway, 'kind' | 'sourceKey'>;

export interface SandboxGateway extends OrgGateway {
	readonly kind: 'sandbox';
	/** Every gateway call, in order. */
	readonly calls: Array<{ operation: string; accountId?: string }>;
	/** The next call of that operation throws this error (queued: several calls queue several errors). */
	failNext(operation: keyof OrgGateway, error: OrgError): void;
	/**
	 * The next call of that operation is carried out, then throws as if its answer were lost on the way back
	 * (by default a NetworkError: connection reset).
	 */
	loseNextAnswer(operation: 'closeAccount' | 'removeAccount', error?: OrgError): void;
	/** Pretend another account is calling: a member (AccessDenied) or an account outside the organization. */
	setCaller(accountId: string): void;
	/** Move sandbox time forward: pending closures complete, closed accounts reach deletion. */
	advance(ms: number): void;
}

export const SECOND_MS = 1000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** How long a requested closure stays PENDING_CLOSURE in the sandbox (AWS: "a few minutes"). */
export const SANDBOX_CLOSURE_DELAY_MS = 20 * SECOND_MS;
/** AWS lets only a few closures run at once (believed to be 3; CLOSE_ACCOUNT_REQUESTS_LIMIT_EXCEEDED past it). */
export const CONCURRENT_CLOSURE_LIMIT = 3;
/** An account created by the organization cannot leave it for this long (current docs: four days). */
export const REMOVAL_WAIT_PERIOD_MS = 4 * DAY_MS;
/** AWS pages ListAccounts 20 at a time. */
export const LIST_PAGE_SIZE = 20;

export interface OrgUnit {
	readonly id: string;
	readonly path: string;
}

export interface SandboxAccount {
	id: string;
	name: string;
	email: string;
	state: AccountState;
	joinedMethod: JoinedMethod;
	joinedAtMs: number;
	parentId: string;
	parentPath: string;
	closedAtMs?: number;
	/** When a PENDING_CLOSURE becomes CLOSED. */
	closesAtMs?: number;
	/** Why RemoveAccountFromOrganization refuses it (ConstraintViolationException reason), besides age. */
	removalBlock?: string;
	/** Enabled for a service as its delegated administrator: may read the organization. */
	delegatedAdministrator?: boolean;
	facts?: FactsProfile;
	/** What closing or removing it would break (see impact.ts); a plain member's baseline when absent. */
	impact?: ImpactProfile;
}

/** The impact scan's answers for one account. */
export interface ImpactProfile {
	/** Service principals it is delegated administrator for: AWS refuses to remove it while there are any. */
	readonly delegatedServices?: readonly string[];
	readonly stackInstances?: readonly StackInstanceRef[];
	readonly identityCenter?: IdentityCenterUse;
	readonly policies?: readonly AttachedPolicy[];
	readonly tags?: readonly Tag[];
	/** Cost Explorer's figures: the last full month and the month to date. */
	readonly spend?: { readonly lastMonth: number; readonly monthToDate: number };
	/** Items that cannot be read for this account: the error the call gives. */
	readonly unknown?: Partial<Record<Exclude<keyof AccountImpact, 'spend'>, OrgError>>;
}

export interface FactsProfile {
	/** Account Management calls that fail for this account, with the reason shown. */
	readonly unknown?: Partial<Record<keyof AccountFacts, string>>;
	readonly govCloud?: LinkedGovCloud;
	/** Opt-in regions beyond the default ones, with their status (an ENABLING or DISABLING one is listed too). */
	readonly extraRegions?: Readonly<Record<string, RegionOptStatus>>;
	readonly noOperationsContact?: boolean;
}

export interface SandboxState {
	readonly organization: Organization;
	readonly sourceKey: string;
	readonly quota: QuotaLookup;
	readonly accounts: Map<string, SandboxAccount>;
	/** Times (ms) of closures in the organization, for the rolling 30-day allowance. */
	readonly closures: number[];
	/** Centralized root access features enabled (iam:ListOrganizationsFeatures), AWS's names. */
	readonly rootAccessFeatures: readonly string[];
}

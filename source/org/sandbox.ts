/**
 * An in-memory organization that follows AWS's rules (see DOMAIN.md): the
 * embedded organization behind `--demo` and the tests. It refuses what AWS
 * refuses, with the same exception names and reasons, closes accounts
 * asynchronously (PENDING_CLOSURE, then CLOSED a short sandbox-time later),
 * and lets AWS delete closed accounts at the end of the post-closure period.
 *
 * Time is `options.now()` plus whatever `advance()` added, so tests can
 * freeze the clock and move it by hand while the demo follows the real one.
 */

import {
	type Account,
	type AccountState,
	type CallerIdentity,
	displayAccount,
	type JoinedMethod,
	type Organization,
} from '../domain/account.js';
import { displayText } from '../domain/display-text.js';
import { type AccountFacts, type AlternateContact, displayFacts, type Fact } from '../domain/facts.js';
import type { QuotaLookup } from '../domain/quota.js';
import { CLOSURE_WINDOW_DAYS, POST_CLOSURE_DAYS } from '../domain/quota.js';
import { OrgError } from './errors.js';
import type { ListAccountsOptions, OrgGateway } from './gateway.js';

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

const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** How long a requested closure stays PENDING_CLOSURE in the sandbox (AWS: "a few minutes"). */
export const SANDBOX_CLOSURE_DELAY_MS = 20 * SECOND_MS;
/** AWS lets only a few closures run at once (believed to be 3; CLOSE_ACCOUNT_REQUESTS_LIMIT_EXCEEDED past it). */
export const CONCURRENT_CLOSURE_LIMIT = 3;
/** An account created by the organization cannot leave it for this long (current docs: four days). */
export const REMOVAL_WAIT_PERIOD_MS = 4 * DAY_MS;
/** AWS pages ListAccounts 20 at a time. */
export const LIST_PAGE_SIZE = 20;
/** Beyond this the generated ids would no longer be unique; far above any real organization. */
export const MAX_GENERATED_ACCOUNTS = 1_000_000;

export const DEMO_ORGANIZATION_ID = 'o-demo1234567';
export const DEMO_MANAGEMENT_ACCOUNT_ID = '111111111111';
export const DEMO_ROOT_ID = 'r-demo';

/**
 * Accounts of the demo organization that tests and the demo rely on, by what
 * makes them interesting. States are as seeded (sandbox time not advanced).
 */
export const DEMO_ACCOUNTS = {
	management: DEMO_MANAGEMENT_ACCOUNT_ID,
	/** ACTIVE, CREATED; delegated administrator: removal refused with CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG. */
	securityTooling: '204815739210',
	/** ACTIVE, CREATED long ago: can be closed and removed. */
	logArchive: '318274650192',
	/** ACTIVE, CREATED long ago, in Root/Workloads/Prod/Payments: can be closed and removed. */
	paymentsProd: '184627395021',
	/** PENDING_CLOSURE (requested 12 minutes before the sandbox started; completes 10 minutes after). */
	paymentsFraudDetection: '306849517243',
	/** ACTIVE, INVITED; some facts unknown (regions, GovCloud). */
	storefrontSearchProd: '528061739465',
	/** ACTIVE, CREATED; a linked GovCloud (US) account. */
	federalReportingProd: '639172840576',
	/** CLOSED 75 days ago: deleted in 15 days. */
	dataPlatformStaging: '962405173809',
	/** ACTIVE, CREATED 2 days ago: removal refused with WAIT_PERIOD_ACTIVE. */
	mlExperimentsDev: '395738406142',
	/** PENDING_ACTIVATION, CREATED minutes ago: removal refused with WAIT_PERIOD_ACTIVE. */
	mobileAppDev: '406849517253',
	/** CLOSED 20 days ago (inside the 30-day closure window). */
	legacyBillingDev: '517950628364',
	/** CLOSED 3 days ago (inside the 30-day closure window). */
	sandboxBob: '739172840586',
	/** SUSPENDED by AWS. */
	quarantine: '273516284921',
	/** CLOSED 88 days ago: the soonest deletion, in 2 days. */
	oldMarketingSite: '384627395032',
	/** ACTIVE, INVITED, no payment method: removal refused with MEMBER_ACCOUNT_PAYMENT_INSTRUMENT_REQUIRED. */
	brightlineAnalytics: '162405173810',
	/** ACTIVE, INVITED; every Account Management fact unknown (AccessDenied). */
	northwindPartner: '506849517254',
} as const;

/**
 * The demo's quota, as Service Quotas reports an organization whose limit on
 * L-29A0C5DF was raised to 36 on request (AWS default 10): with 35 accounts
 * counted it sits near the limit, so the warning shows.
 */
const DEMO_QUOTA: QuotaLookup = { applied: 36, awsDefault: 10 };

interface OrgUnit {
	readonly id: string;
	readonly path: string;
}

interface SandboxAccount {
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
}

interface FactsProfile {
	/** Account Management calls that fail for this account, with the reason shown. */
	readonly unknown?: Partial<Record<keyof AccountFacts, string>>;
	readonly govCloudAccountId?: string;
	readonly extraRegions?: readonly string[];
	readonly noOperationsContact?: boolean;
}

interface SandboxState {
	readonly organization: Organization;
	readonly sourceKey: string;
	readonly quota: QuotaLookup;
	readonly accounts: Map<string, SandboxAccount>;
	/** Times (ms) of closures in the organization, for the rolling 30-day allowance. */
	readonly closures: number[];
}

export function createSandbox(options: SandboxOptions = {}): SandboxGateway {
	const clock = options.now ?? (() => new Date());
	let offsetMs = 0;
	const nowMs = (): number => clock().getTime() + offsetMs;
	const latencyMs = Math.max(0, options.latencyMs ?? 0);

	const state =
		options.accountCount === undefined ? seedDemo(nowMs()) : generateOrganization(options.accountCount, nowMs());
	for (const [id, rename] of Object.entries(options.renamed ?? {})) {
		const account = state.accounts.get(id);
		if (!account) throw new RangeError(`renamed: no account ${id} in the sandbox`);
		Object.assign(account, rename);
	}
	const managementId = state.organization.managementAccountId;
	let callerId = options.callerAccountId ?? managementId;

	const calls: Array<{ operation: string; accountId?: string }> = [];
	const failures = new Map<string, OrgError[]>();
	/** Errors thrown after the call was carried out: the answer lost on its way back. */
	const lostAnswers = new Map<string, OrgError[]>();

	/** After a call has done its work: throws when its answer is to be lost. */
	function answer(operation: string): void {
		const lost = lostAnswers.get(operation)?.shift();
		if (lost) throw lost;
	}

	/** Brings the organization up to the current sandbox time. */
	function settle(): void {
		const now = nowMs();
		const deleteBefore = now - POST_CLOSURE_DAYS * DAY_MS;
		for (const account of state.accounts.values()) {
			if (account.state === 'PENDING_CLOSURE' && account.closesAtMs !== undefined && account.closesAtMs <= now) {
				account.state = 'CLOSED';
				account.closesAtMs = undefined;
			}
			// AWS deletes a closed account for good at the end of the post-closure period; it leaves the organization.
			if (account.state === 'CLOSED' && account.closedAtMs !== undefined && account.closedAtMs <= deleteBefore) {
				state.accounts.delete(account.id);
			}
		}
	}

	async function begin(operation: GatewayOperation, accountId?: string, signal?: AbortSignal): Promise<void> {
		calls.push(accountId === undefined ? { operation } : { operation, accountId });
		if (latencyMs > 0) await sleep(latencyMs, signal);
		signal?.throwIfAborted();
		const queued = failures.get(operation);
		const failure = queued?.shift();
		if (failure) throw failure;
		settle();
	}

	function requireOrganization(): void {
		if (!state.accounts.has(callerId)) {
			throw new OrgError('AWSOrganizationsNotInUseException', 'Your account is not a member of an organization.');
		}
	}

	/** Read calls: the management account and delegated administrators. */
	function requireReader(): void {
		requireOrganization();
		if (callerId === managementId) return;
		if (state.accounts.get(callerId)?.delegatedAdministrator) return;
		throw accessDenied();
	}

	function requireManagement(): void {
		requireOrganization();
		if (callerId !== managementId) throw accessDenied();
	}

	function findAccount(accountId: string): SandboxAccount {
		const account = state.accounts.get(accountId);
		if (!account) {
			throw new OrgError('AccountNotFoundException', "You specified an account that doesn't exist.");
		}
		return account;
	}

	const gateway: SandboxGateway = {
		kind: 'sandbox',
		sourceKey: state.sourceKey,
		calls,

		failNext(operation, error) {
			const queue = failures.get(operation) ?? [];
			queue.push(error);
			failures.set(operation, queue);
		},

		loseNextAnswer(operation, error) {
			const queue = lostAnswers.get(operation) ?? [];
			queue.push(
				error ??
					new OrgError('NetworkError', `Organizations.${operation}: could not reach AWS (ECONNRESET: socket hang up)`, {
						network: true,
					}),
			);
			lostAnswers.set(operation, queue);
		},

		setCaller(accountId) {
			callerId = accountId;
		},

		advance(ms) {
			if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advance() takes a duration of 0 ms or more, not ${ms}`);
			offsetMs += ms;
		},

		async describeOrganization() {
			await begin('describeOrganization');
			requireOrganization();
			const { id, managementAccountId, managementAccountEmail, featureSet } = state.organization;
			return {
				id: displayText(id),
				managementAccountId: displayText(managementAccountId),
				...(managementAccountEmail === undefined
					? {}
					: { managementAccountEmail: displayText(managementAccountEmail) }),
				featureSet,
			} satisfies Organization;
		},

		async callerIdentity() {
			await begin('callerIdentity');
			const arn =
				callerId === managementId
					? `arn:aws:iam::${callerId}:user/demo-admin`
					: `arn:aws:sts::${callerId}:assumed-role/OrganizationAccountAccessRole/demo-admin`;
			return { accountId: displayText(callerId), arn: displayText(arn) } satisfies CallerIdentity;
		},

		async listAccounts(listOptions: ListAccountsOptions = {}) {
			const { signal, onAccounts } = listOptions;
			await begin('listAccounts', undefined, signal);
			requireReader();
			// One snapshot, as pages of one paginated listing would show it.
			const all = Array.from(state.accounts.values(), toAccount);
			for (let start = 0; start < all.length; start += LIST_PAGE_SIZE) {
				if (start > 0 && latencyMs > 0) await sleep(latencyMs, signal);
				signal?.throwIfAborted();
				onAccounts?.(all.slice(start, start + LIST_PAGE_SIZE));
			}
			return all;
		},

		async describeAccount(accountId) {
			await begin('describeAccount', accountId);
			requireReader();
			return toAccount(findAccount(accountId));
		},

		async accountQuota() {
			await begin('accountQuota');
			return { ...state.quota };
		},

		async accountFacts(accountId, isManagement) {
			await begin('accountFacts', accountId);
			// Like the Account API behind the AWS adapter, every failure becomes an unknown fact with its reason.
			if (isManagement && accountId !== callerId) {
				return unknownFacts(
					`ValidationException: without an AccountId the Account Management API reads the caller's own account (${callerId}), not ${accountId}`,
				);
			}
			if (!isManagement && accountId === callerId && callerId === managementId) {
				return unknownFacts(
					'ValidationException: the management account must read its own account information without an AccountId',
				);
			}
			const account = state.accounts.get(accountId);
			if (!account) {
				return unknownFacts(`AccessDeniedException: account ${accountId} is not a member of this organization`);
			}
			if (accountId !== callerId && callerId !== managementId) {
				return unknownFacts(
					'AccessDeniedException: only the management account (or a delegated administrator for account management) can read another account',
				);
			}
			return displayFacts(factsOf(account));
		},

		async closeAccount(accountId) {
			await begin('closeAccount', accountId);
			requireManagement();
			const account = findAccount(accountId);
			if (accountId === managementId) {
				throw new OrgError(
					'ConstraintViolationException',
					"You can't close the management account with the CloseAccount API. Close it as its root user in the Billing and Cost Management console.",
					{ reason: 'CANNOT_CLOSE_MANAGEMENT_ACCOUNT' },
				);
			}
			if (account.state === 'CLOSED' || account.state === 'PENDING_CLOSURE' || account.state === 'SUSPENDED') {
				throw new OrgError(
					'AccountAlreadyClosedException',
					`You attempted to close an account that is already closed (account ${accountId} is ${account.state}).`,
				);
			}
			const now = nowMs();
			const windowStart = now - CLOSURE_WINDOW_DAYS * DAY_MS;
			const closuresInWindow = state.closures.filter((at) => at > windowStart).length;
			if (closuresInWindow >= closureAllowanceFor(memberCount(state))) {
				throw new OrgError(
					'ConstraintViolationException',
					'You have exceeded the number of accounts you can close in a rolling 30-day period (10% of member accounts, at least 10, at most 1,000).',
					{ reason: 'CLOSE_ACCOUNT_QUOTA_EXCEEDED' },
				);
			}
			let pending = 0;
			for (const other of state.accounts.values()) if (other.state === 'PENDING_CLOSURE') pending++;
			if (pending >= CONCURRENT_CLOSURE_LIMIT) {
				throw new OrgError(
					'ConstraintViolationException',
					'You have exceeded the number of concurrent close account requests. Wait for the pending closures to finish, then try again.',
					{ reason: 'CLOSE_ACCOUNT_REQUESTS_LIMIT_EXCEEDED' },
				);
			}
			account.state = 'PENDING_CLOSURE';
			account.closedAtMs = now;
			account.closesAtMs = now + SANDBOX_CLOSURE_DELAY_MS;
			state.closures.push(now);
			answer('closeAccount');
		},

		async removeAccount(accountId) {
			await begin('removeAccount', accountId);
			requireManagement();
			const account = findAccount(accountId);
			if (accountId === managementId) {
				throw new OrgError(
					'ConstraintViolationException',
					"The management account can't leave the organization. Delete the organization instead, after every member has been removed or closed.",
					{ reason: 'ACCOUNT_CANNOT_LEAVE_ORGANIZATION' },
				);
			}
			if (account.removalBlock) {
				throw new OrgError(
					'ConstraintViolationException',
					REMOVAL_MESSAGES[account.removalBlock] ?? account.removalBlock,
					{
						reason: account.removalBlock,
					},
				);
			}
			if (account.joinedMethod === 'CREATED' && nowMs() - account.joinedAtMs < REMOVAL_WAIT_PERIOD_MS) {
				throw new OrgError('ConstraintViolationException', REMOVAL_MESSAGES.WAIT_PERIOD_ACTIVE ?? '', {
					reason: 'WAIT_PERIOD_ACTIVE',
				});
			}
			state.accounts.delete(accountId);
			answer('removeAccount');
		},
	};
	return gateway;
}

const REMOVAL_MESSAGES: Record<string, string> = {
	WAIT_PERIOD_ACTIVE:
		'You cannot remove an account that was created by the organization until it is at least 4 days old. Try again later.',
	CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG:
		'You cannot remove an account that is a delegated administrator for a service. Deregister it as delegated administrator first.',
	MEMBER_ACCOUNT_PAYMENT_INSTRUMENT_REQUIRED:
		'The member account must have a valid payment method before it can leave the organization. Sign in to it and add one.',
	ACCOUNT_CANNOT_LEAVE_WITHOUT_PHONE_VERIFICATION:
		'The member account must complete phone verification before it can leave the organization.',
	ACCOUNT_CANNOT_LEAVE_WITHOUT_EULA:
		'The member account must accept the AWS Customer Agreement before it can leave the organization.',
	INVALID_PAYMENT_INSTRUMENT:
		"The member account's payment method is not valid. Update it before removing the account.",
};

function accessDenied(): OrgError {
	return new OrgError('AccessDeniedException', "You don't have permissions to access this resource.");
}

function memberCount(state: SandboxState): number {
	return state.accounts.size - (state.accounts.has(state.organization.managementAccountId) ? 1 : 0);
}

function closureAllowanceFor(members: number): number {
	return Math.min(1000, Math.max(10, Math.floor(members * 0.1)));
}

/** Display-safe, as the AWS adapter's accounts are (see display-text.ts). */
function toAccount(account: SandboxAccount): Account {
	const result: Omit<Account, 'original'> = {
		id: account.id,
		name: account.name,
		email: account.email,
		state: account.state,
		stateSource: 'State',
		joinedMethod: account.joinedMethod,
		joinedAt: new Date(account.joinedAtMs).toISOString(),
		parentId: account.parentId,
		parentPath: account.parentPath,
	};
	if (account.closedAtMs === undefined) return displayAccount(result);
	return displayAccount({ ...result, closedAt: new Date(account.closedAtMs).toISOString() });
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
	return new Promise((resolve, reject) => {
		if (signal?.aborted) {
			reject(signal.reason);
			return;
		}
		const onAbort = () => {
			clearTimeout(timer);
			reject(signal?.reason);
		};
		const timer = setTimeout(() => {
			signal?.removeEventListener('abort', onAbort);
			resolve();
		}, ms);
		signal?.addEventListener('abort', onAbort, { once: true });
	});
}

// ---------------------------------------------------------------------------
// Account Management facts

const DEFAULT_REGIONS = [
	'ap-northeast-1',
	'ap-northeast-2',
	'ap-northeast-3',
	'ap-south-1',
	'ap-southeast-1',
	'ap-southeast-2',
	'ca-central-1',
	'eu-central-1',
	'eu-north-1',
	'eu-west-1',
	'eu-west-2',
	'eu-west-3',
	'sa-east-1',
	'us-east-1',
	'us-east-2',
	'us-west-1',
	'us-west-2',
];

function unknownFacts(reason: string): AccountFacts {
	return displayFacts({
		enabledRegions: { known: false, reason },
		primaryEmail: { known: false, reason },
		alternateContacts: { known: false, reason },
		govCloudAccountId: { known: false, reason },
	});
}

function factsOf(account: SandboxAccount): AccountFacts {
	const profile = account.facts ?? {};
	const unknown = profile.unknown ?? {};
	const fact = <T>(key: keyof AccountFacts, value: () => T): Fact<T> => {
		const reason = unknown[key];
		return reason === undefined ? { known: true, value: value() } : { known: false, reason };
	};
	return {
		enabledRegions: fact('enabledRegions', () => [...DEFAULT_REGIONS, ...(profile.extraRegions ?? [])].sort()),
		primaryEmail: fact('primaryEmail', () => account.email),
		alternateContacts: fact('alternateContacts', () => ({
			BILLING: contact(
				'BILLING',
				'Priya Raman',
				'aws-billing@acme-corp.example',
				'+1 206 555 0142',
				'Finance Operations',
			),
			OPERATIONS: profile.noOperationsContact
				? null
				: contact(
						'OPERATIONS',
						'Marcus Lee',
						'cloud-ops@acme-corp.example',
						'+1 206 555 0178',
						'Cloud Operations Lead',
					),
			SECURITY: contact(
				'SECURITY',
				'Hannah Becker',
				'security-alerts@acme-corp.example',
				'+1 206 555 0199',
				'Security Engineering Manager',
			),
		})),
		govCloudAccountId: fact('govCloudAccountId', () => profile.govCloudAccountId ?? null),
	};
}

function contact(
	type: AlternateContact['type'],
	name: string,
	email: string,
	phone: string,
	title: string,
): AlternateContact {
	return { type, name, email, phone, title };
}

// ---------------------------------------------------------------------------
// The demo organization

const TRUSTED_ACCESS_OFF =
	'AccessDeniedException: trusted access for account.amazonaws.com is not enabled for this account, so the Account Management API cannot read it';

interface DemoOu {
	readonly id: string;
	readonly path: string;
}

const DEMO_OUS = {
	root: { id: DEMO_ROOT_ID, path: 'Root' },
	security: { id: 'ou-demo-security', path: 'Root/Security' },
	infrastructure: { id: 'ou-demo-infrastructure', path: 'Root/Infrastructure' },
	network: { id: 'ou-demo-network1', path: 'Root/Infrastructure/Network' },
	sharedServices: { id: 'ou-demo-sharedsvc', path: 'Root/Infrastructure/Shared Services' },
	workloads: { id: 'ou-demo-workloads', path: 'Root/Workloads' },
	prod: { id: 'ou-demo-prod0001', path: 'Root/Workloads/Prod' },
	payments: { id: 'ou-demo-payments', path: 'Root/Workloads/Prod/Payments' },
	storefront: { id: 'ou-demo-storefront', path: 'Root/Workloads/Prod/Storefront' },
	staging: { id: 'ou-demo-staging1', path: 'Root/Workloads/Staging' },
	dev: { id: 'ou-demo-dev00001', path: 'Root/Workloads/Dev' },
	sandbox: { id: 'ou-demo-sandbox1', path: 'Root/Sandbox' },
	suspended: { id: 'ou-demo-suspended', path: 'Root/Suspended' },
} satisfies Record<string, DemoOu>;

interface DemoSeed {
	readonly id: string;
	readonly name: string;
	readonly mailbox: string;
	readonly ou: DemoOu;
	readonly state?: AccountState;
	readonly method?: JoinedMethod;
	/** How long before the sandbox's start it joined. */
	readonly joinedAgoMs: number;
	readonly closedAgoMs?: number;
	readonly removalBlock?: string;
	readonly delegatedAdministrator?: boolean;
	readonly facts?: FactsProfile;
}

const A = DEMO_ACCOUNTS;

const DEMO_SEEDS: readonly DemoSeed[] = [
	{
		id: A.management,
		name: 'Acme Corp Management',
		mailbox: 'aws-management',
		ou: DEMO_OUS.root,
		method: 'INVITED',
		joinedAgoMs: 1460 * DAY_MS,
	},
	{
		id: A.securityTooling,
		name: 'Security Tooling',
		mailbox: 'aws-security-tooling',
		ou: DEMO_OUS.security,
		joinedAgoMs: 1452 * DAY_MS,
		removalBlock: 'CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG',
		delegatedAdministrator: true,
	},
	{
		id: A.logArchive,
		name: 'Log Archive',
		mailbox: 'aws-log-archive',
		ou: DEMO_OUS.security,
		joinedAgoMs: 1452 * DAY_MS,
	},
	{ id: '427361905837', name: 'Audit', mailbox: 'aws-audit', ou: DEMO_OUS.security, joinedAgoMs: 1451 * DAY_MS },
	{
		id: '539102846573',
		name: 'Network Hub',
		mailbox: 'aws-network-hub',
		ou: DEMO_OUS.network,
		joinedAgoMs: 1301 * DAY_MS,
	},
	{
		id: '640283917465',
		name: 'Network Egress Inspection',
		mailbox: 'aws-network-egress',
		ou: DEMO_OUS.network,
		joinedAgoMs: 903 * DAY_MS,
	},
	{
		id: '751938264018',
		name: 'Shared Services',
		mailbox: 'aws-shared-services',
		ou: DEMO_OUS.sharedServices,
		joinedAgoMs: 1290 * DAY_MS,
	},
	{
		id: '862047319586',
		name: 'CI/CD Tooling',
		mailbox: 'aws-cicd',
		ou: DEMO_OUS.sharedServices,
		joinedAgoMs: 1104 * DAY_MS,
	},
	{
		id: '973156428690',
		name: 'Backup Vault',
		mailbox: 'aws-backup-vault',
		ou: DEMO_OUS.sharedServices,
		joinedAgoMs: 712 * DAY_MS,
	},
	{
		id: A.paymentsProd,
		name: 'Payments Prod',
		mailbox: 'aws-payments-prod',
		ou: DEMO_OUS.payments,
		joinedAgoMs: 1190 * DAY_MS,
		facts: { extraRegions: ['eu-south-1'] },
	},
	{
		id: '295738406132',
		name: 'Payments Ledger Prod',
		mailbox: 'aws-payments-ledger-prod',
		ou: DEMO_OUS.payments,
		joinedAgoMs: 1012 * DAY_MS,
	},
	{
		id: A.paymentsFraudDetection,
		name: 'Payments Fraud Detection',
		mailbox: 'aws-payments-fraud',
		ou: DEMO_OUS.payments,
		state: 'PENDING_CLOSURE',
		joinedAgoMs: 640 * DAY_MS,
		closedAgoMs: 12 * MINUTE_MS,
	},
	{
		id: '417950628354',
		name: 'Storefront Prod',
		mailbox: 'aws-storefront-prod',
		ou: DEMO_OUS.storefront,
		joinedAgoMs: 1180 * DAY_MS,
		facts: { extraRegions: ['ap-east-1', 'me-central-1'] },
	},
	{
		id: A.storefrontSearchProd,
		name: 'Storefront Search Prod',
		mailbox: 'search-team',
		ou: DEMO_OUS.storefront,
		method: 'INVITED',
		joinedAgoMs: 530 * DAY_MS,
		facts: {
			unknown: {
				enabledRegions: 'AccessDeniedException: not authorized to perform account:ListRegions on this account',
				govCloudAccountId: 'AccessDeniedException: not authorized to perform account:GetGovCloudAccountInformation',
			},
		},
	},
	{
		id: A.federalReportingProd,
		name: 'Federal Reporting Prod',
		mailbox: 'aws-federal-reporting',
		ou: DEMO_OUS.prod,
		joinedAgoMs: 820 * DAY_MS,
		facts: { govCloudAccountId: '081276345910' },
	},
	{
		id: '617950628365',
		name: 'Data Platform Prod',
		mailbox: 'aws-data-platform-prod',
		ou: DEMO_OUS.prod,
		joinedAgoMs: 760 * DAY_MS,
	},
	{
		id: '740283951687',
		name: 'Payments Staging',
		mailbox: 'aws-payments-staging',
		ou: DEMO_OUS.staging,
		joinedAgoMs: 1150 * DAY_MS,
	},
	{
		id: '851394062798',
		name: 'Storefront Staging',
		mailbox: 'aws-storefront-staging',
		ou: DEMO_OUS.staging,
		joinedAgoMs: 1149 * DAY_MS,
	},
	{
		id: A.dataPlatformStaging,
		name: 'Data Platform Staging',
		mailbox: 'aws-data-platform-staging',
		ou: DEMO_OUS.staging,
		state: 'CLOSED',
		joinedAgoMs: 700 * DAY_MS,
		closedAgoMs: 75 * DAY_MS,
	},
	{
		id: '173516284920',
		name: 'Payments Dev',
		mailbox: 'aws-payments-dev',
		ou: DEMO_OUS.dev,
		joinedAgoMs: 1100 * DAY_MS,
	},
	{
		id: '284627395031',
		name: 'Storefront Dev',
		mailbox: 'aws-storefront-dev',
		ou: DEMO_OUS.dev,
		joinedAgoMs: 1099 * DAY_MS,
	},
	{
		id: A.mlExperimentsDev,
		name: 'ML Experiments Dev',
		mailbox: 'aws-ml-experiments-dev',
		ou: DEMO_OUS.dev,
		joinedAgoMs: 2 * DAY_MS + 3 * HOUR_MS,
	},
	{
		id: A.mobileAppDev,
		name: 'Mobile App Dev',
		mailbox: 'aws-mobile-app-dev',
		ou: DEMO_OUS.dev,
		state: 'PENDING_ACTIVATION',
		joinedAgoMs: 6 * MINUTE_MS,
	},
	{
		id: A.legacyBillingDev,
		name: 'Legacy Billing Dev',
		mailbox: 'aws-legacy-billing-dev',
		ou: DEMO_OUS.dev,
		state: 'CLOSED',
		joinedAgoMs: 1210 * DAY_MS,
		closedAgoMs: 20 * DAY_MS,
	},
	{
		id: '628061739475',
		name: 'Sandbox - alice.nguyen',
		mailbox: 'alice.nguyen+sandbox',
		ou: DEMO_OUS.sandbox,
		joinedAgoMs: 201 * DAY_MS,
		facts: { noOperationsContact: true },
	},
	{
		id: A.sandboxBob,
		name: 'Sandbox - bob.okafor',
		mailbox: 'bob.okafor+sandbox',
		ou: DEMO_OUS.sandbox,
		state: 'CLOSED',
		joinedAgoMs: 388 * DAY_MS,
		closedAgoMs: 3 * DAY_MS + 5 * HOUR_MS,
	},
	{
		id: '840283951697',
		name: 'Sandbox - carmen.diaz',
		mailbox: 'carmen.diaz+sandbox',
		ou: DEMO_OUS.sandbox,
		joinedAgoMs: 97 * DAY_MS,
		facts: { noOperationsContact: true },
	},
	{
		id: '951394062708',
		name: 'Sandbox - deepak.rao',
		mailbox: 'deepak.rao+sandbox',
		ou: DEMO_OUS.sandbox,
		state: 'CLOSED',
		joinedAgoMs: 420 * DAY_MS,
		closedAgoMs: 48 * DAY_MS,
	},
	{
		id: '062516395817',
		name: 'Sandbox - erin.walsh',
		mailbox: 'erin.walsh+sandbox',
		ou: DEMO_OUS.sandbox,
		joinedAgoMs: 33 * DAY_MS,
		facts: { noOperationsContact: true },
	},
	{
		id: A.quarantine,
		name: 'Quarantine - crypto-mining incident',
		mailbox: 'aws-quarantine-01',
		ou: DEMO_OUS.suspended,
		state: 'SUSPENDED',
		joinedAgoMs: 610 * DAY_MS,
	},
	{
		id: A.oldMarketingSite,
		name: 'Old Marketing Site',
		mailbox: 'aws-marketing-site',
		ou: DEMO_OUS.suspended,
		state: 'CLOSED',
		joinedAgoMs: 1380 * DAY_MS,
		closedAgoMs: 88 * DAY_MS,
	},
	{
		id: '495738406143',
		name: 'Hackathon 2023',
		mailbox: 'aws-hackathon-2023',
		ou: DEMO_OUS.suspended,
		state: 'CLOSED',
		joinedAgoMs: 812 * DAY_MS,
		closedAgoMs: 61 * DAY_MS,
	},
	{
		id: A.brightlineAnalytics,
		name: 'Brightline Analytics (acquired)',
		mailbox: 'aws-brightline',
		ou: DEMO_OUS.root,
		method: 'INVITED',
		joinedAgoMs: 402 * DAY_MS,
		removalBlock: 'MEMBER_ACCOUNT_PAYMENT_INSTRUMENT_REQUIRED',
	},
	{
		id: A.northwindPartner,
		name: 'Northwind Partner Integration',
		mailbox: 'aws-northwind',
		ou: DEMO_OUS.root,
		method: 'INVITED',
		joinedAgoMs: 266 * DAY_MS,
		facts: {
			unknown: {
				enabledRegions: TRUSTED_ACCESS_OFF,
				primaryEmail: TRUSTED_ACCESS_OFF,
				alternateContacts: TRUSTED_ACCESS_OFF,
				govCloudAccountId: TRUSTED_ACCESS_OFF,
			},
		},
	},
	{
		id: '738205619374',
		name: 'Identity Center',
		mailbox: 'aws-identity',
		ou: DEMO_OUS.infrastructure,
		joinedAgoMs: 1020 * DAY_MS,
	},
];

/** The seeded PENDING_CLOSURE finishes this long after the sandbox starts (AWS: "a few minutes"). */
const DEMO_PENDING_CLOSURE_REMAINING_MS = 10 * MINUTE_MS;

function seedDemo(startMs: number): SandboxState {
	const accounts = new Map<string, SandboxAccount>();
	const closures: number[] = [];
	for (const seed of DEMO_SEEDS) {
		const account: SandboxAccount = {
			id: seed.id,
			name: seed.name,
			email: `${seed.mailbox}@acme-corp.example`,
			state: seed.state ?? 'ACTIVE',
			joinedMethod: seed.method ?? 'CREATED',
			joinedAtMs: startMs - seed.joinedAgoMs,
			parentId: seed.ou.id,
			parentPath: seed.ou.path,
		};
		if (seed.closedAgoMs !== undefined) {
			account.closedAtMs = startMs - seed.closedAgoMs;
			closures.push(account.closedAtMs);
		}
		if (account.state === 'PENDING_CLOSURE') account.closesAtMs = startMs + DEMO_PENDING_CLOSURE_REMAINING_MS;
		if (seed.removalBlock) account.removalBlock = seed.removalBlock;
		if (seed.delegatedAdministrator) account.delegatedAdministrator = true;
		if (seed.facts) account.facts = seed.facts;
		accounts.set(account.id, account);
	}
	return {
		organization: {
			id: DEMO_ORGANIZATION_ID,
			managementAccountId: DEMO_MANAGEMENT_ACCOUNT_ID,
			managementAccountEmail: 'aws-management@acme-corp.example',
			featureSet: 'ALL',
		},
		sourceKey: 'sandbox:demo',
		quota: DEMO_QUOTA,
		accounts,
		closures,
	};
}

// ---------------------------------------------------------------------------
// Generated organizations of N accounts

/** Small, fast, deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const BUSINESS_UNITS = [
	'payments',
	'storefront',
	'data-platform',
	'mobile',
	'analytics',
	'logistics',
	'identity',
	'media',
];
const ENVIRONMENTS = ['prod', 'staging', 'dev'];
const REGIONS_BY_ENV: Record<string, readonly string[]> = { prod: ['us', 'eu', 'apac'] };
const PEOPLE = [
	'alice.nguyen',
	'bob.okafor',
	'carmen.diaz',
	'deepak.rao',
	'erin.walsh',
	'farah.haddad',
	'gustavo.lima',
	'hana.sato',
	'ivan.petrov',
	'julia.schmidt',
	'kwame.mensah',
	'lena.novak',
];

interface GeneratedOu extends OrgUnit {
	/** Name stem for the accounts placed in it. */
	readonly stem: string;
	/** Relative share of accounts. */
	readonly weight: number;
	readonly personal?: boolean;
}

function generatedOus(): GeneratedOu[] {
	const ous: GeneratedOu[] = [];
	let serial = 0;
	const add = (path: string, stem: string, weight: number, personal = false): void => {
		serial++;
		ous.push({ id: `ou-gen0-${serial.toString(36).padStart(8, '0')}`, path, stem, weight, personal });
	};
	add('Root/Security', 'security', 1);
	add('Root/Security/Log Archive', 'log-archive', 0.5);
	add('Root/Infrastructure/Network', 'network', 1);
	add('Root/Infrastructure/Shared Services', 'shared-services', 1);
	add('Root/Infrastructure/Identity', 'identity-infra', 0.3);
	for (const unit of BUSINESS_UNITS) {
		for (const env of ENVIRONMENTS) {
			const regions = REGIONS_BY_ENV[env];
			if (regions) {
				for (const region of regions)
					add(`Root/Workloads/${title(unit)}/${title(env)}/${region.toUpperCase()}`, `${unit}-${env}-${region}`, 3);
			} else {
				add(`Root/Workloads/${title(unit)}/${title(env)}`, `${unit}-${env}`, env === 'dev' ? 4 : 2);
			}
		}
	}
	add('Root/Sandbox', 'sandbox', 6, true);
	add('Root/Suspended', 'retired', 1);
	add('Root/Policy Staging', 'policy-test', 0.3);
	return ous;
}

function title(stem: string): string {
	return stem
		.split('-')
		.map((word) => word.charAt(0).toUpperCase() + word.slice(1))
		.join(' ');
}

/** Distinct 12-digit ids: a multiplier coprime to 9e11 walks every residue once. */
function generatedId(index: number): string {
	return String(100_000_000_000 + ((index * 7_368_787_397) % 900_000_000_000));
}

function generateOrganization(count: number, startMs: number): SandboxState {
	if (!Number.isInteger(count) || count < 1 || count > MAX_GENERATED_ACCOUNTS) {
		throw new RangeError(
			`The sandbox makes organizations of 1 to ${MAX_GENERATED_ACCOUNTS} accounts; ${count} is not one of those. Pass a whole number such as 1000.`,
		);
	}
	const random = prng(0x5eed ^ count);
	const managementId = DEMO_MANAGEMENT_ACCOUNT_ID;
	const accounts = new Map<string, SandboxAccount>();
	const closures: number[] = [];
	accounts.set(managementId, {
		id: managementId,
		name: 'Acme Corp Management',
		email: 'aws-management@acme-corp.example',
		state: 'ACTIVE',
		joinedMethod: 'INVITED',
		joinedAtMs: startMs - 2190 * DAY_MS,
		parentId: 'r-gen0',
		parentPath: 'Root',
	});

	const ous = generatedOus();
	const cumulative: number[] = [];
	let total = 0;
	for (const ou of ous) {
		total += ou.weight;
		cumulative.push(total);
	}
	const pickOu = (): GeneratedOu => {
		const target = random() * total;
		let index = 0;
		while ((cumulative[index] ?? total) < target) index++;
		return ous[index] ?? (ous[0] as GeneratedOu);
	};

	// At most CONCURRENT_CLOSURE_LIMIT - 1 closures pending, so one more can still be requested.
	let pendingClosures = 0;
	let index = 1;
	for (let made = 1; made < count; made++) {
		let id = generatedId(index++);
		if (id === managementId) id = generatedId(index++);
		const ou = pickOu();
		const serial = String(made).padStart(5, '0');
		const name = ou.personal ? `sandbox-${PEOPLE[made % PEOPLE.length]}-${serial}` : `${ou.stem}-${serial}`;
		const roll = random();
		const joinedAgoMs = Math.floor(random() * 2000 * DAY_MS);
		const account: SandboxAccount = {
			id,
			name,
			email: `aws+${name}@acme-corp.example`,
			state: 'ACTIVE',
			joinedMethod: roll < 0.85 ? 'CREATED' : 'INVITED',
			joinedAtMs: startMs - joinedAgoMs,
			parentId: ou.id,
			parentPath: ou.path,
		};
		const stateRoll = random();
		if (stateRoll < 0.05) {
			account.state = 'CLOSED';
			// Closed at some point in the last 89 days, never before it joined.
			account.closedAtMs = startMs - Math.floor(random() * Math.min(89 * DAY_MS, joinedAgoMs));
			closures.push(account.closedAtMs);
		} else if (stateRoll < 0.055) {
			account.state = 'SUSPENDED';
		} else if (stateRoll < 0.065) {
			account.state = 'PENDING_ACTIVATION';
			account.joinedMethod = 'CREATED';
			account.joinedAtMs = startMs - Math.floor(random() * 30 * MINUTE_MS);
		} else if (stateRoll < 0.068 && pendingClosures < CONCURRENT_CLOSURE_LIMIT - 1) {
			pendingClosures++;
			account.state = 'PENDING_CLOSURE';
			account.closedAtMs = startMs - Math.floor(random() * 3 * MINUTE_MS);
			account.closesAtMs = account.closedAtMs + SANDBOX_CLOSURE_DELAY_MS + 5 * MINUTE_MS;
			closures.push(account.closedAtMs);
		}
		accounts.set(id, account);
	}

	// A raised quota comfortably above the count, as a large organization would have asked for.
	const applied = Math.max(10, Math.ceil((count * 1.2) / 100) * 100);
	return {
		organization: {
			id: `o-gen${String(count).padStart(8, '0')}`,
			managementAccountId: managementId,
			managementAccountEmail: 'aws-management@acme-corp.example',
			featureSet: 'ALL',
		},
		sourceKey: `sandbox:generated:${count}`,
		quota: { applied, awsDefault: 10 },
		accounts,
		closures,
	};
}

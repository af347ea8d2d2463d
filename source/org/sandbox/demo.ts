/**
 * The fixed demo organization behind `--demo`: about 35 accounts, each seeded
 * for a case the flows must handle (a delegated administrator, a recent
 * account, a closure in progress, facts the Account Management API cannot
 * read, ...). Mostly data.
 */
import type { AccountState, JoinedMethod } from '../../domain/account.js';
import type { QuotaLookup } from '../../domain/quota.js';
import { ROOT_CREDENTIALS_MANAGEMENT, ROOT_SESSIONS } from '../../domain/root-access.js';
import { DAY_MS, type FactsProfile, HOUR_MS, MINUTE_MS, type SandboxAccount, type SandboxState } from './types.js';

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
/** Two invitations not yet answered: they hold slots in the quota until answered or expired. */
const DEMO_QUOTA: QuotaLookup = {
	applied: 40,
	awsDefault: 10,
	quotaCode: 'L-29A0C5DF',
	invitations: { known: true, count: 2 },
};

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
		facts: { extraRegions: { 'eu-south-1': 'ENABLED', 'eu-south-2': 'ENABLING' } },
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
		facts: { extraRegions: { 'ap-east-1': 'ENABLED', 'me-central-1': 'DISABLING' } },
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
				regions: 'AccessDeniedException: not authorized to perform account:ListRegions on this account',
				govCloud: 'AccessDeniedException: not authorized to perform account:GetGovCloudAccountInformation',
			},
		},
	},
	{
		id: A.federalReportingProd,
		name: 'Federal Reporting Prod',
		mailbox: 'aws-federal-reporting',
		ou: DEMO_OUS.prod,
		joinedAgoMs: 820 * DAY_MS,
		facts: { govCloud: { accountId: '081276345910', state: 'ACTIVE' } },
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
				regions: TRUSTED_ACCESS_OFF,
				primaryEmail: TRUSTED_ACCESS_OFF,
				alternateContacts: TRUSTED_ACCESS_OFF,
				govCloud: TRUSTED_ACCESS_OFF,
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

export function seedDemo(startMs: number): SandboxState {
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
		// Members' root credentials are managed centrally, so the closure steps show what that means.
		rootAccessFeatures: [ROOT_CREDENTIALS_MANAGEMENT, ROOT_SESSIONS],
	};
}

/**
 * What closing or removing the demo organization's accounts would break:
 * delegated administrators, StackSet instances, Identity Center assignments,
 * policies, tags and spend, so that `--demo` shows every item, and a few items
 * that cannot be read, with AWS's error. Accounts not named here get a plain
 * member's baseline (sandbox/impact.ts). Mostly data.
 */
import { OrgError } from '../errors.js';
import { DEMO_ACCOUNTS } from './demo.js';
import type { ImpactProfile } from './types.js';

const A = DEMO_ACCOUNTS;

const BASELINE = { stackSet: 'org-baseline', region: 'us-east-1', permissionModel: 'SERVICE_MANAGED' } as const;
const DENY_LEAVE = { type: 'SERVICE_CONTROL_POLICY', name: 'DenyLeaveOrganization', id: 'p-demo0leave' } as const;

export const DEMO_IMPACT: Readonly<Record<string, ImpactProfile>> = {
	[A.management]: {
		identityCenter: { permissionSets: ['AdministratorAccess', 'Billing'], assignments: 3 },
		tags: [{ key: 'cost-center', value: 'platform' }],
		spend: { lastMonth: 1_904.12, monthToDate: 655.3 },
	},
	[A.securityTooling]: {
		delegatedServices: ['guardduty.amazonaws.com', 'securityhub.amazonaws.com'],
		stackInstances: [
			BASELINE,
			{ stackSet: 'security-hub-aggregator', region: 'us-east-1', permissionModel: 'SELF_MANAGED' },
			{ stackSet: 'security-hub-aggregator', region: 'eu-west-1', permissionModel: 'SELF_MANAGED' },
		],
		identityCenter: { permissionSets: ['AdministratorAccess', 'SecurityAudit'], assignments: 6 },
		policies: [DENY_LEAVE],
		tags: [
			{ key: 'env', value: 'prod' },
			{ key: 'team', value: 'security' },
		],
		spend: { lastMonth: 412.18, monthToDate: 97.4 },
	},
	'427361905837': {
		// Audit: the second delegated administrator.
		delegatedServices: ['access-analyzer.amazonaws.com'],
		stackInstances: [BASELINE],
		identityCenter: { permissionSets: ['SecurityAudit'], assignments: 2 },
		policies: [DENY_LEAVE],
		tags: [{ key: 'team', value: 'security' }],
		spend: { lastMonth: 38.9, monthToDate: 9.75 },
	},
	[A.logArchive]: {
		stackInstances: [
			BASELINE,
			{ stackSet: 'log-archive-buckets', region: 'us-east-1', permissionModel: 'SELF_MANAGED' },
		],
		identityCenter: { permissionSets: ['ReadOnlyAccess'], assignments: 2 },
		policies: [DENY_LEAVE, { type: 'BACKUP_POLICY', name: 'KeepLogsSevenYears', id: 'p-demo0backup' }],
		tags: [
			{ key: 'env', value: 'prod' },
			{ key: 'data-class', value: 'restricted' },
		],
		spend: { lastMonth: 2_318.44, monthToDate: 801.02 },
	},
	[A.paymentsProd]: {
		stackInstances: [
			BASELINE,
			{ stackSet: 'payments-network', region: 'eu-west-1', permissionModel: 'SELF_MANAGED' },
			{ stackSet: 'payments-network', region: 'eu-south-1', permissionModel: 'SELF_MANAGED' },
		],
		identityCenter: { permissionSets: ['AdministratorAccess', 'PaymentsDeveloper', 'ReadOnlyAccess'], assignments: 14 },
		policies: [
			{ type: 'SERVICE_CONTROL_POLICY', name: 'DenyRegionsOutsideEU', id: 'p-demo0eu' },
			{ type: 'TAG_POLICY', name: 'CostCenterRequired', id: 'p-demo0tags' },
		],
		tags: [
			{ key: 'env', value: 'prod' },
			{ key: 'team', value: 'payments' },
			{ key: 'cost-center', value: 'cc-4410' },
		],
		spend: { lastMonth: 18_402.77, monthToDate: 6_120.05 },
	},
	[A.storefrontSearchProd]: {
		identityCenter: { permissionSets: ['SearchOperator'], assignments: 4 },
		tags: [{ key: 'env', value: 'prod' }],
		spend: { lastMonth: 3_710.6, monthToDate: 1_240.9 },
		unknown: {
			stackInstances: new OrgError(
				'AccessDeniedException',
				'User is not authorized to perform: cloudformation:ListStackInstances',
			),
		},
	},
	[A.northwindPartner]: {
		stackInstances: [BASELINE],
		tags: [{ key: 'partner', value: 'northwind' }],
		spend: { lastMonth: 0, monthToDate: 0 },
		unknown: {
			identityCenter: new OrgError(
				'AccessDeniedException',
				'Trusted access is not enabled for IAM Identity Center (sso.amazonaws.com) in this organization',
			),
		},
	},
	[A.mlExperimentsDev]: {
		stackInstances: [BASELINE],
		identityCenter: { permissionSets: ['PowerUserAccess'], assignments: 5 },
		tags: [{ key: 'env', value: 'dev' }],
		spend: { lastMonth: 0, monthToDate: 1_480.33 },
	},
	'628061739475': {
		// An idle sandbox: nothing spent, nothing deployed but the baseline.
		stackInstances: [BASELINE],
		identityCenter: { permissionSets: ['AdministratorAccess'], assignments: 1 },
		tags: [{ key: 'owner', value: 'alice.nguyen' }],
		spend: { lastMonth: 0, monthToDate: 0 },
	},
};

/**
 * What the impact scan finds, put into a moto organization through the SDK:
 * a delegated administrator, a StackSet instance, an Identity Center
 * assignment, a service control policy, tags, and Cost Explorer figures queued
 * through moto's own API (it answers GetCostAndUsage only with what was queued).
 * The same names as the demo's Security Tooling account, so one contract holds
 * for both.
 */
import {
	CloudFormationClient,
	CreateStackInstancesCommand,
	CreateStackSetCommand,
} from '@aws-sdk/client-cloudformation';
import {
	AttachPolicyCommand,
	CreatePolicyCommand,
	EnablePolicyTypeCommand,
	RegisterDelegatedAdministratorCommand,
	TagResourceCommand,
} from '@aws-sdk/client-organizations';
import {
	CreateAccountAssignmentCommand,
	CreatePermissionSetCommand,
	ListInstancesCommand,
	ProvisionPermissionSetCommand,
	SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import { spendPeriod } from '../../source/domain/impact.js';
import { MOTO_CREDENTIALS, MOTO_REGION, type SeededOrganization } from './moto-server.js';

export const SEEDED_IMPACT = {
	service: 'guardduty.amazonaws.com',
	stackSet: 'security-hub-aggregator',
	permissionSet: 'SecurityAudit',
	policy: 'DenyLeaveOrganization',
	tag: { key: 'team', value: 'security' },
	lastMonth: 412.18,
	monthToDate: 97.4,
} as const;

const TEMPLATE = JSON.stringify({
	Resources: { Topic: { Type: 'AWS::SNS::Topic', Properties: { TopicName: 'security-findings' } } },
});

/** Makes `accountId` a delegated administrator with every item of the impact scan. */
export async function seedImpact(endpoint: string, org: SeededOrganization, accountId: string): Promise<void> {
	const config = { endpoint, region: MOTO_REGION, credentials: MOTO_CREDENTIALS, maxAttempts: 1 };
	const { client } = org;
	await client.send(
		new RegisterDelegatedAdministratorCommand({ AccountId: accountId, ServicePrincipal: SEEDED_IMPACT.service }),
	);
	await client.send(new EnablePolicyTypeCommand({ RootId: org.rootId, PolicyType: 'SERVICE_CONTROL_POLICY' }));
	const policy = await client.send(
		new CreatePolicyCommand({
			Name: SEEDED_IMPACT.policy,
			Description: 'Members may not leave',
			Type: 'SERVICE_CONTROL_POLICY',
			Content: JSON.stringify({
				Version: '2012-10-17',
				Statement: [{ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }],
			}),
		}),
	);
	await client.send(new AttachPolicyCommand({ PolicyId: policy.Policy?.PolicySummary?.Id, TargetId: accountId }));
	await client.send(
		new TagResourceCommand({
			ResourceId: accountId,
			Tags: [{ Key: SEEDED_IMPACT.tag.key, Value: SEEDED_IMPACT.tag.value }],
		}),
	);

	const cloudFormation = new CloudFormationClient(config);
	await cloudFormation.send(
		new CreateStackSetCommand({
			StackSetName: SEEDED_IMPACT.stackSet,
			TemplateBody: TEMPLATE,
			PermissionModel: 'SELF_MANAGED',
		}),
	);
	await cloudFormation.send(
		new CreateStackInstancesCommand({
			StackSetName: SEEDED_IMPACT.stackSet,
			Accounts: [accountId],
			Regions: [MOTO_REGION],
		}),
	);

	const sso = new SSOAdminClient(config);
	const instanceArn = (await sso.send(new ListInstancesCommand({}))).Instances?.[0]?.InstanceArn;
	if (!instanceArn) throw new Error('moto gave no Identity Center instance');
	const set = await sso.send(
		new CreatePermissionSetCommand({ InstanceArn: instanceArn, Name: SEEDED_IMPACT.permissionSet }),
	);
	const permissionSetArn = set.PermissionSet?.PermissionSetArn;
	await sso.send(
		new CreateAccountAssignmentCommand({
			InstanceArn: instanceArn,
			TargetId: accountId,
			TargetType: 'AWS_ACCOUNT',
			PermissionSetArn: permissionSetArn,
			PrincipalType: 'USER',
			PrincipalId: 'user-priya',
		}),
	);
	await sso.send(
		new ProvisionPermissionSetCommand({
			InstanceArn: instanceArn,
			PermissionSetArn: permissionSetArn,
			TargetType: 'AWS_ACCOUNT',
			TargetId: accountId,
		}),
	);

	await queueSpend(endpoint, accountId, new Date());
}

/** Queues the one GetCostAndUsage answer the scan will get: the last full month and the month to date. */
export async function queueSpend(endpoint: string, accountId: string, now: Date): Promise<void> {
	const period = spendPeriod(now);
	const group = (amount: number) => ({
		Keys: [accountId],
		Metrics: { UnblendedCost: { Amount: String(amount), Unit: 'USD' } },
	});
	const results = [
		{
			ResultsByTime: [
				{
					TimePeriod: { Start: period.start, End: period.monthStart },
					Total: {},
					Groups: [group(SEEDED_IMPACT.lastMonth)],
					Estimated: false,
				},
				{
					TimePeriod: { Start: period.monthStart, End: period.end },
					Total: {},
					Groups: [group(SEEDED_IMPACT.monthToDate)],
					Estimated: true,
				},
			],
		},
	];
	const response = await fetch(`${endpoint}/moto-api/static/ce/cost-and-usage-results`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ results }),
	});
	if (!response.ok) throw new Error(`moto refused the Cost Explorer results: HTTP ${response.status}`);
}

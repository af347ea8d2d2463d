/** The quarantine's calls on the AWS adapter: the OU and its deny-all policy, found by name, made, attached; moves. */
import {
	AttachPolicyCommand,
	CreateOrganizationalUnitCommand,
	CreatePolicyCommand,
	EnablePolicyTypeCommand,
	ListOrganizationalUnitsForParentCommand,
	ListPoliciesCommand,
	ListPoliciesForTargetCommand,
	ListRootsCommand,
	MoveAccountCommand,
	type OrganizationsClient,
} from '@aws-sdk/client-organizations';
import type { QuarantineSetup } from '../../domain/batch/quarantine.js';
import { displayText } from '../../domain/display-text.js';
import { OrgError } from '../errors.js';
import type { OrgGateway } from '../gateway.js';
import { callAws } from './sdk-errors.js';

const SCP = 'SERVICE_CONTROL_POLICY';

type QuarantineCalls = Pick<
	OrgGateway,
	| 'quarantineSetup'
	| 'enableServiceControlPolicies'
	| 'createOrganizationalUnit'
	| 'createServiceControlPolicy'
	| 'attachPolicy'
	| 'moveAccount'
>;

/** `reads` for listings; `writes` sends each change once (no SDK retries), like the other destructive calls. */
export function createQuarantineCalls(reads: OrganizationsClient, writes: OrganizationsClient): QuarantineCalls {
	async function rootOf(): Promise<{ id: string; scpEnabled: boolean }> {
		const { Roots } = await callAws('Organizations.ListRoots', () => reads.send(new ListRootsCommand({})));
		const root = Roots?.[0];
		if (!root?.Id) throw new OrgError('UnknownError', 'Organizations.ListRoots gave no root');
		const scpEnabled = (root.PolicyTypes ?? []).some((type) => type.Type === SCP && type.Status === 'ENABLED');
		return { id: root.Id, scpEnabled };
	}

	return {
		async quarantineSetup(ouName, policyName): Promise<QuarantineSetup> {
			const root = await rootOf();
			let ou: QuarantineSetup['ou'];
			let token: string | undefined;
			do {
				const page = await callAws('Organizations.ListOrganizationalUnitsForParent', () =>
					reads.send(new ListOrganizationalUnitsForParentCommand({ ParentId: root.id, NextToken: token })),
				);
				const found = page.OrganizationalUnits?.find((unit) => unit.Name === ouName);
				if (found?.Id) ou = { id: found.Id, path: `Root/${displayText(ouName)}` };
				token = ou ? undefined : page.NextToken;
			} while (token);
			let policyId: string | undefined;
			if (root.scpEnabled) {
				token = undefined;
				do {
					const page = await callAws('Organizations.ListPolicies', () =>
						reads.send(new ListPoliciesCommand({ Filter: SCP, NextToken: token })),
					);
					policyId = page.Policies?.find((policy) => policy.Name === policyName)?.Id;
					token = policyId ? undefined : page.NextToken;
				} while (token);
			}
			let attached = false;
			if (policyId && ou) {
				const ouId = ou.id;
				const { Policies } = await callAws('Organizations.ListPoliciesForTarget', () =>
					reads.send(new ListPoliciesForTargetCommand({ TargetId: ouId, Filter: SCP })),
				);
				attached = (Policies ?? []).some((policy) => policy.Id === policyId);
			}
			return {
				rootId: root.id,
				scpEnabled: root.scpEnabled,
				ou,
				policy: policyId ? { id: policyId, attached } : undefined,
			};
		},

		async enableServiceControlPolicies(rootId) {
			await callAws('Organizations.EnablePolicyType', () =>
				writes.send(new EnablePolicyTypeCommand({ RootId: rootId, PolicyType: SCP })),
			);
		},

		async createOrganizationalUnit(parentId, name) {
			const { OrganizationalUnit } = await callAws('Organizations.CreateOrganizationalUnit', () =>
				writes.send(new CreateOrganizationalUnitCommand({ ParentId: parentId, Name: name })),
			);
			if (!OrganizationalUnit?.Id) throw new OrgError('UnknownError', 'CreateOrganizationalUnit gave no OU id');
			return { id: OrganizationalUnit.Id, path: `Root/${displayText(name)}` };
		},

		async createServiceControlPolicy(name, description, content) {
			const { Policy } = await callAws('Organizations.CreatePolicy', () =>
				writes.send(new CreatePolicyCommand({ Name: name, Description: description, Content: content, Type: SCP })),
			);
			const id = Policy?.PolicySummary?.Id;
			if (!id) throw new OrgError('UnknownError', 'CreatePolicy gave no policy id');
			return id;
		},

		async attachPolicy(policyId, targetId) {
			await callAws('Organizations.AttachPolicy', () =>
				writes.send(new AttachPolicyCommand({ PolicyId: policyId, TargetId: targetId })),
			);
		},

		async moveAccount(accountId, fromParentId, toParentId) {
			await callAws('Organizations.MoveAccount', () =>
				writes.send(
					new MoveAccountCommand({
						AccountId: accountId,
						SourceParentId: fromParentId,
						DestinationParentId: toParentId,
					}),
				),
			);
		},
	};
}

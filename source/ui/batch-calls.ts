/**
 * How a confirmed batch's requests are made, per verb. For quarantine, what
 * the confirmation covers besides the moves is done first, in order: enable
 * service control policies, create the OU, create the deny-all policy, attach
 * it; each step is skipped when already done, and a failure stops before any
 * account moves.
 */
import type { Account } from '../domain/account.js';
import type { Plan } from '../domain/batch/plan.js';
import { denyAllPolicy, type QuarantineSetup } from '../domain/batch/quarantine.js';
import { DEFAULT_QUARANTINE_OU, QUARANTINE_POLICY_NAME } from '../domain/batch/verbs.js';
import type { OrgGateway } from '../org/gateway.js';
import { type BatchCall, plainCall } from './batch-run.js';

export interface QuarantineOptions {
	readonly ouName: string;
	readonly policyName: string;
	/** An IAM role ARN pattern the deny-all policy leaves out (checked with breakGlassProblem). */
	readonly breakGlassRoleArn?: string | undefined;
	/** Why the pattern given was not used, to say so with the plan. */
	readonly breakGlassProblem?: string | undefined;
}

export const DEFAULT_QUARANTINE: QuarantineOptions = {
	ouName: DEFAULT_QUARANTINE_OU,
	policyName: QUARANTINE_POLICY_NAME,
};

export interface BatchCallInput {
	readonly plan: Plan;
	readonly gateway: OrgGateway;
	readonly accounts: readonly Account[];
	readonly quarantine: QuarantineOptions;
	/** As read for the plan (quarantine and move back). */
	readonly setup?: QuarantineSetup | undefined;
	readonly formerParents?: ReadonlyMap<string, string> | undefined;
}

function moveCall(
	gateway: OrgGateway,
	fromOf: (id: string) => string,
	toOf: (id: string) => string,
	summary: string,
): BatchCall {
	return {
		intent: (journal, caller, accountId) =>
			journal.appendIntent({
				caller,
				accountId,
				action: 'move',
				fromParentId: fromOf(accountId),
				toParentId: toOf(accountId),
			}),
		send: (accountId) => gateway.moveAccount(accountId, fromOf(accountId), toOf(accountId)),
		summary,
	};
}

/** The quarantine OU and its attached deny-all policy, made ready; returns the OU's id. */
async function readyQuarantine(
	gateway: OrgGateway,
	setup: QuarantineSetup,
	options: QuarantineOptions,
): Promise<string> {
	if (!setup.scpEnabled) await gateway.enableServiceControlPolicies(setup.rootId);
	const ou = setup.ou ?? (await gateway.createOrganizationalUnit(setup.rootId, options.ouName));
	const policyId =
		setup.policy?.id ??
		(await gateway.createServiceControlPolicy(
			options.policyName,
			'orgdash quarantine: denies every action in the accounts of this OU',
			denyAllPolicy(options.breakGlassRoleArn),
		));
	if (!setup.policy?.attached) await gateway.attachPolicy(policyId, ou.id);
	return ou.id;
}

export async function prepareBatchCall(input: BatchCallInput): Promise<BatchCall> {
	const { plan, gateway } = input;
	const parentOf = new Map(input.accounts.map((account) => [account.id, account.parentId]));
	switch (plan.verb) {
		case 'close':
		case 'remove':
			return plainCall(plan.verb, gateway);
		case 'quarantine': {
			if (!input.setup) throw new Error('the quarantine OU and policy were not read');
			const ouId = await readyQuarantine(gateway, input.setup, input.quarantine);
			return moveCall(
				gateway,
				(id) => parentOf.get(id) ?? '',
				() => ouId,
				`Moved into Root/${input.quarantine.ouName}.`,
			);
		}
		case 'move-back': {
			const ouId = input.setup?.ou?.id;
			const former = input.formerParents;
			if (!ouId || !former) throw new Error('the quarantine OU or the former parents are not known');
			return moveCall(
				gateway,
				() => ouId,
				(id) => former.get(id) ?? '',
				'Moved back to its former parent.',
			);
		}
	}
}

/**
 * Quarantine: accounts moved into an OU with a deny-all service control
 * policy. Nothing runs or changes in them from then on (an SCP limits every
 * principal of a member account, root included), and it is undone by moving
 * them back: the journal records each account's former parent.
 */

/** What the organization has of the quarantine, as read before the plan. */
export interface QuarantineSetup {
	readonly rootId: string;
	/** Whether the SERVICE_CONTROL_POLICY type is enabled on the root. */
	readonly scpEnabled: boolean;
	/** The quarantine OU under the root, when it exists. */
	readonly ou: { readonly id: string; readonly path: string } | undefined;
	/** The deny-all policy, when it exists, and whether it is attached to the OU. */
	readonly policy: { readonly id: string; readonly attached: boolean } | undefined;
}

/** Why quarantine helps, and how it is undone: shown with the plan. */
export const QUARANTINE_MEANS: readonly string[] = [
	'A deny-all service control policy on the OU stops every action of every user and role in the accounts, root included: nothing new runs or changes there.',
	'Nothing is deleted and the accounts stay members: it is undone by moving them back (a, then "move back"), to the parent the journal recorded for each.',
	'Running resources keep running and being billed until stopped from outside or the account is closed.',
];

/** An IAM ARN pattern for ArnNotLike: arn:aws:iam::<account or *>:role/<name, * allowed>. */
const ROLE_ARN_PATTERN = /^arn:aws[a-z-]*:iam::(\d{12}|\*):role\/[\w+=,.@*/-]{1,512}$/;

/** Why a break-glass pattern is not usable, or undefined when it is. */
export function breakGlassProblem(pattern: string): string | undefined {
	if (ROLE_ARN_PATTERN.test(pattern)) return undefined;
	return `"${pattern}" is not a role ARN pattern: use arn:aws:iam::*:role/BreakGlass (or with an account id; * matches any text).`;
}

/** The deny-all policy; with a break-glass pattern, that role is left out through aws:PrincipalArn. */
export function denyAllPolicy(breakGlassRoleArn?: string): string {
	const statement: Record<string, unknown> = { Sid: 'QuarantineDenyAll', Effect: 'Deny', Action: '*', Resource: '*' };
	if (breakGlassRoleArn) statement.Condition = { ArnNotLike: { 'aws:PrincipalArn': breakGlassRoleArn } };
	return JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
}

/** What the confirmation will also do before the moves, in words. */
export function quarantineSteps(setup: QuarantineSetup, ouName: string, policyName: string): string[] {
	const steps: string[] = [];
	if (!setup.scpEnabled) {
		steps.push(
			'Service control policies are not enabled in this organization: the confirmation also enables them on the root (EnablePolicyType SERVICE_CONTROL_POLICY). Only the FullAWSAccess policy is attached at first, so nothing else changes.',
		);
	}
	if (!setup.ou) steps.push(`Create the OU ${ouName} under the root.`);
	if (!setup.policy) steps.push(`Create the deny-all service control policy ${policyName}.`);
	if (!setup.policy?.attached) steps.push(`Attach ${policyName} to Root/${ouName}.`);
	return steps;
}

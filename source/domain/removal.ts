/**
 * Removal of a member from the organization (RemoveAccountFromOrganization):
 * what it means, what the account needs before it can stand alone, and when
 * orgdash refuses to start. The steps themselves run in the shared flow
 * reducer (flow/reducer.ts).
 */
import type { Account, CallerIdentity, Organization } from './account.js';
import { WAIT_PERIOD_DAYS, WAIT_PERIOD_DAYS_OLDER_DOCS } from './explain.js';
import { addDays, POST_CLOSURE_DAYS } from './quota.js';

export interface Refusal {
	readonly code:
		| 'management-account'
		| 'already-closed'
		| 'closed-cannot-leave'
		| 'not-management-caller'
		| 'allowance-spent'
		| 'not-all-features'
		| 'delegated-administrator';
	readonly why: string;
	readonly next: string;
}

/** What removal does to the account, in the product's own words. */
export const REMOVAL_MEANS: readonly string[] = [
	'The account leaves the organization and becomes a standalone AWS account.',
	'It pays its own bills from then on, with its own payment method; the organization no longer pays for it.',
	'It loses the tags the organization gave it, and the service control policies and other policies of the organization stop applying to it.',
	'Its slot in the organization’s account quota frees at once.',
	'Nothing inside the account is deleted: resources keep running and being billed to the account.',
	'The management account that created it stays jointly liable for the charges incurred while it was a member.',
	'IAM roles the organization put there, such as OrganizationAccountAccessRole, stay: delete them in the account if no longer wanted.',
];

export interface Prerequisite {
	readonly title: string;
	readonly detail: string;
	/** Set when orgdash knows this one is not met yet. */
	readonly warning?: string;
}

function day(iso: string): string {
	return iso.slice(0, 10);
}

/** The account must be able to stand alone; AWS checks each of these and refuses with a reason otherwise. */
export function removalPrerequisites(account: Account, now: Date): Prerequisite[] {
	const prerequisites: Prerequisite[] = [
		{
			title: 'A payment method',
			detail: 'A valid card or other payment method on the account itself (Billing console, Payment preferences).',
		},
		{ title: 'A verified phone number', detail: 'Set and verified on the account’s Account page.' },
		{
			title: 'The AWS Customer Agreement accepted',
			detail: 'Accounts created by the organization accept it when someone finishes the standalone sign-up.',
		},
		{ title: 'A support plan chosen', detail: 'Basic (free) is enough.' },
		{
			title: 'Not a delegated administrator',
			detail: 'Deregister it from every service it administers for the organization first.',
		},
	];
	const age: Prerequisite = {
		title: 'Old enough',
		detail: `An account created by the organization must be at least ${WAIT_PERIOD_DAYS} days old (older documentation says ${WAIT_PERIOD_DAYS_OLDER_DOCS}).`,
	};
	if (account.joinedMethod === 'CREATED' && account.joinedAt) {
		const readyAt = addDays(account.joinedAt, WAIT_PERIOD_DAYS);
		if (Date.parse(readyAt) > now.getTime()) {
			prerequisites.push({
				...age,
				warning: `Created on ${day(account.joinedAt)}: AWS will refuse until ${day(readyAt)}.`,
			});
			return prerequisites;
		}
	}
	prerequisites.push(age);
	return prerequisites;
}

export function isManagementAccount(accountId: string, organization: Organization): boolean {
	return accountId === organization.managementAccountId;
}

export function callerRefusal(caller: CallerIdentity, organization: Organization, verb: string): Refusal | undefined {
	if (caller.accountId === organization.managementAccountId) return undefined;
	return {
		code: 'not-management-caller',
		why: `You are signed in to account ${caller.accountId}, not to the management account ${organization.managementAccountId}. Only the management account can ${verb} members.`,
		next: 'Sign in with a role in the management account (for example another --profile) and start again.',
	};
}

/** Why orgdash will not start a removal of this account, if it will not. */
export function removeRefusals(account: Account, organization: Organization, caller: CallerIdentity): Refusal[] {
	const refusals: Refusal[] = [];
	if (isManagementAccount(account.id, organization)) {
		refusals.push({
			code: 'management-account',
			why: 'This is the management account: it cannot leave its own organization.',
			next: 'To get rid of it, close or remove every member, then close it in the console, which deletes the organization (c shows the steps).',
		});
	}
	const closedIssue = closedMemberRefusal(account);
	if (closedIssue) refusals.push(closedIssue);
	const callerIssue = callerRefusal(caller, organization, 'remove');
	if (callerIssue) refusals.push(callerIssue);
	return refusals;
}

/**
 * AWS keeps a closed or closing member in the organization until it is
 * finally closed, up to 90 days after the closure, and refuses to remove it
 * meanwhile; removing it first frees a slot only for an account still open.
 */
export function closedMemberRefusal(account: Account): Refusal | undefined {
	const closing = account.state === 'CLOSED' || account.state === 'PENDING_CLOSURE';
	// Legacy Status shows a closure as SUSPENDED: a closure on record says which it is.
	const closedAsSuspended = account.state === 'SUSPENDED' && account.closedAt !== undefined;
	if (!closing && !closedAsSuspended) return undefined;
	const until = account.closedAt ? ` (around ${day(addDays(account.closedAt, POST_CLOSURE_DAYS))})` : '';
	return {
		code: 'closed-cannot-leave',
		why: `This account is ${account.state === 'PENDING_CLOSURE' ? 'pending closure' : 'closed'}. AWS does not remove a closed or closing member from the organization until it is finally closed, up to 90 days after the closure${until}; until then it keeps its slot in the quota.`,
		next: 'Nothing to do: it leaves the organization, and frees its slot, when AWS deletes it. To free a slot sooner, remove an account that is still open.',
	};
}

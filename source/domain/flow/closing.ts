/** Closing a member (CloseAccount): what it means, and when orgdash refuses to start. */
import type { Account } from '../account.js';
import { CLOSURE_WINDOW_DAYS, deletionDate } from '../quota.js';
import { callerRefusal, isManagementAccount, type Refusal } from '../removal.js';
import { allowanceView } from './closure-allowance.js';
import type { FlowContext } from './types.js';

/** What closing does, in the product's own words. */
export const CLOSING_MEANS: readonly string[] = [
	'Only the root user can still sign in, and only to view past bills, change account settings or contact AWS Support.',
	'It can be reopened only through AWS Support, within 90 days of the closure. After that, the account and everything in it is deleted for good.',
	'Outstanding charges, Reserved Instances and Savings Plans keep being billed.',
	'A linked AWS GovCloud (US) account is closed with it.',
	'Its root email address can never be used for another AWS account.',
];

/** Why orgdash will not start closing this account, if it will not. */
export function closeRefusals(account: Account, context: FlowContext): Refusal[] {
	const { organization, caller } = context;
	const refusals: Refusal[] = [];
	if (isManagementAccount(account.id, organization)) {
		refusals.push({
			code: 'management-account',
			why: 'This is the management account. No API closes it (AWS answers CANNOT_CLOSE_MANAGEMENT_ACCOUNT).',
			next: 'Close or remove every member (closed ones may stay until AWS deletes them), then close the account in the Billing console as its root user; that deletes the organization, which need not be deleted first (c on the management account shows the steps).',
		});
	}
	if (account.state === 'SUSPENDED') {
		refusals.push({
			code: 'already-closed',
			why:
				account.stateSource === 'Status'
					? 'This account is SUSPENDED: closed by its owner or suspended by AWS (the legacy Status field cannot tell them apart). AWS would answer AccountAlreadyClosedException.'
					: 'This account is SUSPENDED. AWS does not close it again (AccountAlreadyClosedException).',
			next: 'If it was closed, nothing to do: it leaves the organization when AWS deletes it. If AWS suspended it, contact AWS Support about it.',
		});
	}
	if (account.state === 'CLOSED' || account.state === 'PENDING_CLOSURE') {
		const deletion = account.closedAt
			? ` AWS deletes it for good around ${deletionDate(account.closedAt).slice(0, 10)}.`
			: '';
		refusals.push({
			code: 'already-closed',
			why: `This account is already ${account.state === 'CLOSED' ? 'closed' : 'pending closure'}.${deletion}`,
			next: 'Nothing to do: it leaves the organization, and stops counting toward the quota, when AWS deletes it. To undo the closure, contact AWS Support within 90 days of it.',
		});
	}
	const callerIssue = callerRefusal(caller, organization, 'close');
	if (callerIssue) refusals.push(callerIssue);
	if (organization.featureSet !== 'ALL') {
		refusals.push({
			code: 'not-all-features',
			why: 'The organization has only consolidated billing enabled; CloseAccount needs all features.',
			next: 'Enable all features for the organization, or remove the account (x) and close it in the console.',
		});
	}
	const allowance = allowanceView(context);
	if (allowance.spent) {
		const when = allowance.nextSlotAt ? ` The next slot frees around ${allowance.nextSlotAt.slice(0, 10)}.` : '';
		refusals.push({
			code: 'allowance-spent',
			why: `The closure allowance is spent: ${allowance.used} closures recorded in the last ${CLOSURE_WINDOW_DAYS} days, of about ${allowance.limit} allowed. AWS would refuse with CLOSE_ACCOUNT_QUOTA_EXCEEDED.${when}`,
			next: 'Wait for the next slot, or remove the account from the organization (x) and close it in the console as a standalone account.',
		});
	}
	return refusals;
}

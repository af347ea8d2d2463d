/**
 * Closing an account that no API can close (the management account, a
 * standalone account, a member just removed from the organization): the
 * root user does it in the Billing and Cost Management console. These are
 * the AWS page's steps, one at a time, with this account's own details.
 */
import type { FlowKey } from './flow/types.js';
import { type RootAccessFeatures, rootAccessStatus, rootRecoveryNote } from './root-access.js';

export type ConsoleClosureKind = 'management' | 'standalone' | 'removed-member';

export interface ConsoleClosureInput {
	readonly kind: ConsoleClosureKind;
	readonly accountId: string;
	readonly accountName?: string;
	/** The root email, where known. */
	readonly rootEmail?: string;
	/** A member created by the organization has no root password until it is recovered. */
	readonly createdByOrganization: boolean;
	/** For the management account: the members still in the organization, and how many of them are closed or suspended. */
	readonly members?: { readonly remaining: number; readonly closedAwaitingDeletion: number };
}

export interface ConsoleStep {
	readonly title: string;
	readonly lines: readonly string[];
	/** Shown in colour: something that blocks this step. */
	readonly warning?: string;
	/** Set when the step is already done (nothing to do here). */
	readonly done?: boolean;
}

export const ROOT_SIGN_IN_URL = 'https://console.aws.amazon.com/ (choose "Root user")';
export const BILLING_ACCOUNT_URL = 'https://console.aws.amazon.com/billing/home#/account';

function optional(line: string | undefined): string[] {
	return line ? [line] : [];
}

function membersStep(
	members: NonNullable<ConsoleClosureInput['members']>,
	rootAccess: RootAccessFeatures | undefined,
): ConsoleStep {
	const { remaining, closedAwaitingDeletion } = members;
	if (remaining === 0) {
		return {
			title: 'Close or remove every member',
			lines: ['No members remain in the organization.'],
			done: true,
		};
	}
	// Closed members wait up to 90 days for AWS to delete them; AWS accepts them as closed meanwhile.
	const open = remaining - closedAwaitingDeletion;
	if (open <= 0) {
		return {
			title: 'Close or remove every member',
			lines: [
				`Every member left is closed (or suspended): ${closedAwaitingDeletion} wait${closedAwaitingDeletion === 1 ? 's' : ''} for AWS to delete ${closedAwaitingDeletion === 1 ? 'it' : 'them'}, about 90 days after closure. That is enough.`,
			],
			done: true,
		};
	}
	const closedNote =
		closedAwaitingDeletion > 0
			? `${closedAwaitingDeletion} of them ${closedAwaitingDeletion === 1 ? 'is' : 'are'} closed (or suspended) and stay${closedAwaitingDeletion === 1 ? 's' : ''} in the organization until AWS deletes ${closedAwaitingDeletion === 1 ? 'it' : 'them'}, about 90 days after closure.`
			: '';
	return {
		title: 'Close or remove every member',
		lines: [
			'The management account can be closed only once it manages nobody.',
			'In orgdash: select each member and press x to remove it (it stays open as a standalone account), or c to close it.',
			...(closedNote ? [closedNote] : []),
			// A member removed to be closed in the console later needs its root password, and only a member can get it back.
			...optional(rootRecoveryNote('members', rootAccess)),
		],
		warning: `${remaining} member${remaining === 1 ? '' : 's'} remain${remaining === 1 ? 's' : ''} in the organization, ${open} of them open.`,
	};
}

/**
 * What the steps say about centralized root access where they advise root
 * sign-in: the organization's answer (not asked for a standalone account,
 * which has none) and what it means for "Forgot password".
 */
function rootAccessLines(kind: ConsoleClosureKind, rootAccess: RootAccessFeatures | undefined): string[] {
	// Each kind of account is also who would sign in as root.
	const note = rootRecoveryNote(kind, rootAccess);
	const status =
		kind === 'standalone' ? [] : [`Centralized root access in the organization: ${rootAccessStatus(rootAccess)}.`];
	return [...status, ...optional(note)];
}

/**
 * The console steps for one account, in order. `rootAccess`: the
 * organization's centralized root access features, once read (undefined while
 * they are).
 */
export function consoleClosureSteps(input: ConsoleClosureInput, rootAccess?: RootAccessFeatures): ConsoleStep[] {
	const steps: ConsoleStep[] = [];
	if (input.kind === 'management') {
		steps.push(membersStep(input.members ?? { remaining: 0, closedAwaitingDeletion: 0 }, rootAccess));
		steps.push({
			title: 'No need to delete the organization',
			lines: [
				'Closing the management account deletes the organization with it.',
				'Deleting the organization first is not required, and is blocked anyway while closed members wait for AWS to delete them (up to 90 days).',
			],
		});
	}
	const email = input.rootEmail ? `the root email ${input.rootEmail}` : 'the account’s root email address';
	const recovers = input.kind === 'removed-member' && input.createdByOrganization;
	if (recovers) {
		steps.push({
			title: 'Recover the root password',
			lines: [
				'This account was created by the organization, so its root user has no password yet.',
				`On the root sign-in page, ${ROOT_SIGN_IN_URL}, enter ${email}, choose "Forgot password", and follow the email AWS sends to set one.`,
				...rootAccessLines(input.kind, rootAccess),
			],
		});
	}
	steps.push(
		{
			title: 'Sign in as the root user',
			lines: [
				`At ${ROOT_SIGN_IN_URL}, sign in with ${email} and its password (or choose "Forgot password" to set a new one).`,
				'IAM users and roles cannot close an account: it must be the root user.',
				// Said once: on the recovery step when there is one.
				...(recovers ? [] : rootAccessLines(input.kind, rootAccess)),
			],
		},
		{
			title: 'Open the Billing and Cost Management console',
			lines: [`Go to ${BILLING_ACCOUNT_URL}`, 'or choose your account name (upper right), then Account.'],
		},
		{
			title: 'Find the Close Account section',
			lines: [
				'On the Account settings page, scroll to the end, to the Close Account section.',
				'Read the text next to the check box.',
			],
		},
		{
			title: 'Tick the box, then choose Close Account',
			lines: ['Ticking it confirms you understand the terms of closing.'],
		},
		{
			title: 'Confirm',
			lines: ['In the confirmation box, choose Close Account.'],
		},
		{
			title: 'Afterwards',
			lines: [
				'Only the root user can sign in, to view past bills or contact AWS Support.',
				'The account can be reopened through AWS Support within 90 days; after that it is deleted for good.',
				'Outstanding charges, Reserved Instances and Savings Plans keep being billed.',
			],
		},
	);
	return steps;
}

/** Moving through the steps: Enter or → goes on, Esc or ← goes back (from the first step Esc leaves). */
export function consoleClosureKey(
	index: number,
	total: number,
	key: FlowKey,
): {
	readonly index: number;
	readonly exit: boolean;
} {
	const forward = key.type === 'enter' || key.type === 'right' || key.type === 'down' || key.type === 'space';
	const backward = key.type === 'escape' || key.type === 'left' || key.type === 'up';
	if (forward) return index >= total - 1 ? { index, exit: true } : { index: index + 1, exit: false };
	if (backward) return index <= 0 ? { index: 0, exit: key.type === 'escape' } : { index: index - 1, exit: false };
	return { index, exit: false };
}

/**
 * What the flow does with AWS's answers: the account read at the start, the
 * request's outcome, the read that settles an outcome left unknown, and the
 * polls that follow a closure until it is done.
 */
import type { Account, AccountState } from '../account.js';
import type { ErrorInfo } from '../error-codes.js';
import { type Explanation, explain } from '../explain.js';
import type { AccountFacts } from '../facts.js';
import { leavesOutcomeUnknown } from '../outcome.js';
import { deletionDate } from '../quota.js';
import { removeRefusals } from '../removal.js';
import { closeRefusals } from './closing.js';
import { delegationRefusal } from './impact-answers.js';
import { stay, to } from './transitions.js';
import type { DestructiveAction, FlowEffect, FlowEvent, FlowState, FlowStep, Transition } from './types.js';

export function onRefreshed(state: FlowState, account: Account): Transition {
	const withAccount = { ...state, account };
	if (state.step.name !== 'loading') return { state: withAccount, effects: [] };
	const refusals =
		state.context.kind === 'close'
			? closeRefusals(account, state.context)
			: removeRefusals(account, state.context.organization, state.context.caller);
	const delegation = state.context.kind === 'remove' ? delegationRefusal(withAccount) : undefined;
	if (delegation) refusals.push(delegation);
	if (refusals.length > 0) return to(withAccount, { name: 'refused', refusals });
	return to(withAccount, state.context.kind === 'close' ? { name: 'intro' } : { name: 'remove-intro' });
}

export function factsFromError(error: ErrorInfo): AccountFacts {
	const reason = explain(error, { action: 'read' }).what;
	const unknown = { known: false as const, reason };
	return { regions: unknown, primaryEmail: unknown, alternateContacts: unknown, govCloud: unknown };
}

export function onSubmitted(state: FlowState, confirmation: number, at: string): Transition {
	const { step } = state;
	if (step.name !== 'submitting' || step.confirmation !== confirmation) return stay(state, state.notice);
	if (step.action === 'remove') {
		return to(state, { name: 'removed', at, thenConsole: state.context.kind === 'close' }, [
			{ type: 'clearProgress', accountId: state.accountId },
		]);
	}
	return to(state, { name: 'tracking', requestedAt: at, state: undefined, polls: 0, pollError: undefined }, [
		{ type: 'clearProgress', accountId: state.accountId },
		{ type: 'poll', accountId: state.accountId, attempt: 0 },
	]);
}

const CALL_NAME: Record<DestructiveAction, string> = {
	close: 'CloseAccount',
	remove: 'RemoveAccountFromOrganization',
};

function explainFor(state: FlowState, action: DestructiveAction, error: ErrorInfo): Explanation {
	return explain(error, {
		action,
		accountId: state.accountId,
		...(state.account?.joinedAt ? { joinedAt: state.account.joinedAt } : {}),
	});
}

export function onSubmitFailed(state: FlowState, event: Extract<FlowEvent, { type: 'submitFailed' }>): Transition {
	const { step } = state;
	if (step.name !== 'submitting' || step.confirmation !== event.confirmation) return stay(state, state.notice);
	const { action, confirmation } = step;
	const explanation = explainFor(state, action, event.error);
	if (!leavesOutcomeUnknown(event.error)) return to(state, { name: 'failed', action, explanation });
	const requestedAt = event.at ?? state.context.startedAt;
	return to(state, { name: 'settling', action, confirmation, requestedAt, lost: explanation }, [
		{ type: 'settle', action, accountId: state.accountId, confirmation },
	]);
}

const WENT_THROUGH_STATES: ReadonlySet<AccountState> = new Set(['PENDING_CLOSURE', 'CLOSED', 'SUSPENDED']);

/** What the account's state says about a request whose answer was lost: it went through, or it did not. */
export function onSettled(state: FlowState, event: Extract<FlowEvent, { type: 'settled' }>): Transition {
	const { step } = state;
	if (step.name !== 'settling' || step.confirmation !== event.confirmation) return stay(state, state.notice);
	const { account } = event;
	const withAccount = account ? { ...state, account } : state;
	const call = CALL_NAME[step.action];
	const clear: FlowEffect = { type: 'clearProgress', accountId: state.accountId };
	if (step.action === 'close' && account && WENT_THROUGH_STATES.has(account.state)) {
		const found = {
			...withAccount,
			settlement: `The answer to ${call} was lost, but AWS shows the account ${account.state}: the closure went through.`,
		};
		if (account.state === 'PENDING_CLOSURE') {
			return to(
				found,
				{ name: 'tracking', requestedAt: step.requestedAt, state: account.state, polls: 0, pollError: undefined },
				[clear, { type: 'poll', accountId: state.accountId, attempt: 0 }],
			);
		}
		return to(found, closedStep(step.requestedAt, account.state as 'CLOSED' | 'SUSPENDED', account), [clear]);
	}
	if (!account) {
		const settlement = `The answer to ${call} was lost, but the account is no longer in the organization: ${step.action === 'close' ? 'it is closed and gone' : 'the removal went through'}.`;
		const next: FlowStep =
			step.action === 'remove'
				? { name: 'removed', at: step.requestedAt, thenConsole: state.context.kind === 'close' }
				: closedStep(step.requestedAt, 'gone');
		return to({ ...state, settlement }, next, [clear]);
	}
	const still = step.action === 'remove' ? `still in the organization (${account.state})` : `still ${account.state}`;
	return to(withAccount, {
		name: 'failed',
		action: step.action,
		explanation: {
			what: `The request to ${step.action === 'close' ? 'close' : 'remove'} account ${state.accountId} did not go through.`,
			why: `The answer to ${call} was lost (${step.lost.code}), and AWS shows the account ${still}.`,
			next: 'Nothing was changed. Check the connection, then start again when you are ready.',
			code: step.lost.code,
		},
	});
}

export function onSettleFailed(state: FlowState, event: Extract<FlowEvent, { type: 'settleFailed' }>): Transition {
	const { step } = state;
	if (step.name !== 'settling' || step.confirmation !== event.confirmation) return stay(state, state.notice);
	return to(state, {
		name: 'unknown',
		action: step.action,
		lost: step.lost,
		checkError: explain(event.error, { action: 'describe', accountId: state.accountId }),
	});
}

function closedStep(requestedAt: string, state: 'CLOSED' | 'SUSPENDED' | 'gone', account?: Account): FlowStep {
	const closedAt = account?.closedAt ?? requestedAt;
	return { name: 'closed', requestedAt, state, reopenUntil: deletionDate(closedAt) };
}

const POLL_DONE_STATES: ReadonlySet<AccountState> = new Set(['CLOSED', 'SUSPENDED']);

/**
 * What a read during tracking shows that is not the closure yet. Right after
 * a closure request DescribeAccount can show ACTIVE again for a few minutes
 * before PENDING_CLOSURE or CLOSED settle: that is no sign the closure was
 * undone, so tracking says what it sees and keeps reading.
 */
export function trackingNote(previous: AccountState | undefined, seen: AccountState): string | undefined {
	if (seen !== 'ACTIVE') return undefined;
	const again = previous === 'PENDING_CLOSURE' ? ' again, after PENDING_CLOSURE' : '';
	return `AWS shows the account ACTIVE${again}. Right after a closure request it can for a few minutes before the closure shows; still checking.`;
}

/** A closure being tracked: done at CLOSED or SUSPENDED, otherwise read again, whatever it shows meanwhile. */
export function onPolled(state: FlowState, account: Account): Transition {
	const { step } = state;
	if (step.name !== 'tracking') return { state: { ...state, account }, effects: [] };
	const withAccount = { ...state, account };
	if (POLL_DONE_STATES.has(account.state)) {
		return to(withAccount, closedStep(step.requestedAt, account.state as 'CLOSED' | 'SUSPENDED', account));
	}
	const note = trackingNote(step.state, account.state);
	return to(withAccount, { ...step, state: account.state, polls: step.polls + 1, pollError: undefined, note }, [
		{ type: 'poll', accountId: state.accountId, attempt: step.polls + 1 },
	]);
}

export function onPollFailed(state: FlowState, error: ErrorInfo): Transition {
	const { step } = state;
	if (step.name !== 'tracking') return stay(state, state.notice);
	if (error.code === 'AccountNotFoundException') return to(state, closedStep(step.requestedAt, 'gone'));
	const pollError = explain(error, { action: 'describe', accountId: state.accountId });
	return to(state, { ...step, polls: step.polls + 1, pollError }, [
		{ type: 'poll', accountId: state.accountId, attempt: step.polls + 1 },
	]);
}

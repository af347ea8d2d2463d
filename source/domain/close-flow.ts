/**
 * The guided close and removal flows as one pure reducer: state + event ->
 * state + the effects it asks for. The destructive effect ('submit') comes
 * from one place only: the last question, answered with the typed line 'y'
 * or 'yes', after the exact account id was typed. The same transition moves
 * the state to 'submitting', where every key is ignored, so one confirmation
 * sends at most one request. When the request's answer is lost (or AWS fails
 * without refusing it), the outcome is unknown: 'settling' reads the account's
 * state at once and says what it found; no step after it can send the request
 * again.
 */
import type { Account, AccountState, CallerIdentity, Organization } from './account.js';
import {
	CHECKLIST_ITEM_IDS,
	type ChecklistItemId,
	checklistProgress,
	normalizeTicked,
	toggleTicked,
} from './checklist.js';
import type { ErrorInfo } from './error-codes.js';
import { type Explanation, explain } from './explain.js';
import type { AccountFacts } from './facts.js';
import { leavesOutcomeUnknown } from './outcome.js';
import { addDays, CLOSURE_WINDOW_DAYS, type ClosureAllowance, closureAllowance, deletionDate } from './quota.js';
import { callerRefusal, isManagementAccount, type Refusal, removeRefusals } from './remove-flow.js';

export type FlowKind = 'close' | 'remove';
export type DestructiveAction = 'close' | 'remove';

/** Keys as the flow understands them (the UI translates terminal input into these). */
export type FlowKey =
	| { readonly type: 'text'; readonly text: string }
	| { readonly type: 'enter' }
	| { readonly type: 'escape' }
	| { readonly type: 'space' }
	| { readonly type: 'backspace' }
	| { readonly type: 'up' }
	| { readonly type: 'down' }
	| { readonly type: 'left' }
	| { readonly type: 'right' };

/** Fixed for the life of one flow. */
export interface FlowContext {
	readonly kind: FlowKind;
	readonly organization: Organization;
	readonly caller: CallerIdentity;
	/** Members of the organization, the management account excluded (for the closure allowance). */
	readonly memberCount: number;
	/** When each closure recorded in the journal was requested (ISO), for the allowance estimate. */
	readonly closuresAt: readonly string[];
	/** ISO 8601; when the flow started. */
	readonly startedAt: string;
	/** Ticked backup items saved from an earlier visit. */
	readonly savedTicked?: readonly string[];
	/** The account quota, when known, to show what a removal frees. */
	readonly quota?: { readonly counted: number; readonly limit: number };
}

export const PATH_OPTIONS = ['close-in-organization', 'remove-then-console', 'cancel'] as const;
export type PathOption = (typeof PATH_OPTIONS)[number];

export type FlowStep =
	| { readonly name: 'loading' }
	| { readonly name: 'refused'; readonly refusals: readonly Refusal[] }
	| { readonly name: 'intro' }
	| { readonly name: 'checklist'; readonly cursor: number }
	| { readonly name: 'path'; readonly cursor: number }
	| { readonly name: 'remove-intro' }
	| { readonly name: 'confirm-id'; readonly action: DestructiveAction; readonly typed: string }
	| {
			readonly name: 'confirm-yes';
			readonly action: DestructiveAction;
			/** The line typed so far, as typed; only y or yes confirms (see isYes). */
			readonly answer: string;
			readonly confirmation: number;
	  }
	| { readonly name: 'submitting'; readonly action: DestructiveAction; readonly confirmation: number }
	/** The answer was lost: reading the account's state to learn whether the request went through. */
	| {
			readonly name: 'settling';
			readonly action: DestructiveAction;
			readonly confirmation: number;
			readonly requestedAt: string;
			readonly lost: Explanation;
	  }
	/** The answer was lost and the account could not be read either: the journal keeps the request pending. */
	| {
			readonly name: 'unknown';
			readonly action: DestructiveAction;
			readonly lost: Explanation;
			readonly checkError: Explanation;
	  }
	| {
			readonly name: 'tracking';
			readonly requestedAt: string;
			readonly state: AccountState | undefined;
			readonly polls: number;
			readonly pollError: Explanation | undefined;
	  }
	| {
			readonly name: 'closed';
			readonly requestedAt: string;
			/** 'gone' when the account no longer appears in the organization. */
			readonly state: 'CLOSED' | 'SUSPENDED' | 'gone';
			readonly reopenUntil: string;
	  }
	| { readonly name: 'removed'; readonly at: string; readonly thenConsole: boolean }
	| { readonly name: 'console'; readonly at: string }
	| { readonly name: 'failed'; readonly action: DestructiveAction | 'describe'; readonly explanation: Explanation }
	| { readonly name: 'exit' };

export interface FlowState {
	readonly context: FlowContext;
	readonly accountId: string;
	/** As DescribeAccount last returned it (undefined until the first answer). */
	readonly account: Account | undefined;
	/** Undefined while the Account API is still being read. */
	readonly facts: AccountFacts | undefined;
	readonly ticked: readonly ChecklistItemId[];
	readonly step: FlowStep;
	/** A one-line hint about the last key (cleared by the next one). */
	readonly notice: string | undefined;
	/** Counts confirmations; each 'submit' effect carries the one it belongs to. */
	readonly confirmations: number;
	/** What reading the account found after a lost answer (shown above the outcome). */
	readonly settlement?: string | undefined;
}

export type FlowEffect =
	| { readonly type: 'refresh'; readonly accountId: string }
	| { readonly type: 'loadFacts'; readonly accountId: string; readonly isManagement: boolean }
	| { readonly type: 'saveProgress'; readonly accountId: string; readonly ticked: readonly ChecklistItemId[] }
	| { readonly type: 'clearProgress'; readonly accountId: string }
	| {
			readonly type: 'submit';
			readonly action: DestructiveAction;
			readonly accountId: string;
			readonly confirmation: number;
	  }
	/** Read the account's state to settle a request whose answer was lost, and journal what it says. */
	| {
			readonly type: 'settle';
			readonly action: DestructiveAction;
			readonly accountId: string;
			readonly confirmation: number;
	  }
	/** `attempt`: how many reads came before (the first ones come sooner). */
	| { readonly type: 'poll'; readonly accountId: string; readonly attempt: number }
	| { readonly type: 'exit' };

export type FlowEvent =
	/** `pasted`: the key came with others in one burst (a paste, keys sent faster than typed). */
	| { readonly type: 'key'; readonly key: FlowKey; readonly pasted?: boolean }
	| { readonly type: 'refreshed'; readonly account: Account }
	| { readonly type: 'refreshFailed'; readonly error: ErrorInfo }
	| { readonly type: 'factsLoaded'; readonly facts: AccountFacts }
	| { readonly type: 'factsFailed'; readonly error: ErrorInfo }
	| { readonly type: 'submitted'; readonly confirmation: number; readonly at: string }
	/**
	 * The request failed. A refusal ends the flow; any other error (lost answer, timeout, AWS failing) leaves the
	 * outcome unknown and the account's state is read at once. `at`: when the request was sent.
	 */
	| { readonly type: 'submitFailed'; readonly confirmation: number; readonly error: ErrorInfo; readonly at?: string }
	/** The account as read after a lost answer; undefined: it is no longer in the organization. */
	| { readonly type: 'settled'; readonly confirmation: number; readonly account: Account | undefined }
	| { readonly type: 'settleFailed'; readonly confirmation: number; readonly error: ErrorInfo }
	| { readonly type: 'polled'; readonly account: Account }
	| { readonly type: 'pollFailed'; readonly error: ErrorInfo };

export interface Transition {
	readonly state: FlowState;
	readonly effects: readonly FlowEffect[];
}

/**
 * The closures to count against the allowance: those the journal recorded and
 * those the organization shows with a closure date, each account once.
 */
export function knownClosureTimes(
	journalClosures: readonly { readonly accountId: string; readonly at: string }[],
	accounts: readonly Account[],
): string[] {
	const byAccount = new Map<string, string>();
	for (const closure of journalClosures) byAccount.set(closure.accountId, closure.at);
	for (const account of accounts) {
		if (account.closedAt && (account.state === 'CLOSED' || account.state === 'PENDING_CLOSURE')) {
			byAccount.set(account.id, account.closedAt);
		}
	}
	return [...byAccount.values()];
}

/** What the closure allowance looks like right now, and when the next slot frees if it is spent. */
export interface AllowanceView extends ClosureAllowance {
	/** ISO; when the oldest closure in the window leaves it (only when spent). */
	readonly nextSlotAt: string | undefined;
}

export function allowanceView(context: FlowContext): AllowanceView {
	const now = new Date(context.startedAt);
	const allowance = closureAllowance(context.memberCount, context.closuresAt, now);
	let nextSlotAt: string | undefined;
	if (allowance.spent) {
		const windowStart = now.getTime() - CLOSURE_WINDOW_DAYS * 24 * 60 * 60 * 1000;
		const inWindow = context.closuresAt.filter((at) => Date.parse(at) > windowStart).sort();
		if (inWindow[0]) nextSlotAt = addDays(inWindow[0], CLOSURE_WINDOW_DAYS);
	}
	return { ...allowance, nextSlotAt };
}

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
			next: 'Close or remove every member, delete the organization, then close the account in the Billing console as its root user (c on the management account shows the steps).',
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

/** The first state of a flow and the reads it needs. */
export function startFlow(context: FlowContext, accountId: string): Transition {
	const state: FlowState = {
		context,
		accountId,
		account: undefined,
		facts: undefined,
		ticked: normalizeTicked(context.savedTicked ?? []),
		step: { name: 'loading' },
		notice: undefined,
		confirmations: 0,
		settlement: undefined,
	};
	const effects: FlowEffect[] = [{ type: 'refresh', accountId }];
	if (context.kind === 'close') {
		effects.push({
			type: 'loadFacts',
			accountId,
			isManagement: accountId === context.organization.managementAccountId,
		});
	}
	return { state, effects };
}

const POLL_DONE_STATES: ReadonlySet<AccountState> = new Set(['CLOSED', 'SUSPENDED']);

function to(state: FlowState, step: FlowStep, effects: FlowEffect[] = [], notice?: string): Transition {
	return { state: { ...state, step, notice }, effects };
}

function stay(state: FlowState, notice?: string): Transition {
	return { state: notice === state.notice ? state : { ...state, notice }, effects: [] };
}

function exit(state: FlowState): Transition {
	return to(state, { name: 'exit' }, [{ type: 'exit' }]);
}

/** The step before confirm-id: where Esc and a "No" lead back to. */
function beforeConfirm(action: DestructiveAction): FlowStep {
	return action === 'close' ? { name: 'path', cursor: 0 } : { name: 'remove-intro' };
}

/** Esc: one step back, never an action. */
function back(state: FlowState): Transition {
	const { step } = state;
	switch (step.name) {
		case 'checklist':
			return to(state, { name: 'intro' });
		case 'path':
			return to(state, { name: 'checklist', cursor: 0 });
		case 'remove-intro':
			return state.context.kind === 'close' ? to(state, { name: 'path', cursor: 1 }) : exit(state);
		case 'confirm-id':
			return to(state, beforeConfirm(step.action));
		case 'confirm-yes':
			return to(state, { name: 'confirm-id', action: step.action, typed: '' });
		case 'submitting':
			return stay(state, 'The request is on its way to AWS; wait for its answer.');
		case 'settling':
			return stay(state, 'Reading the account to learn whether the request went through; wait a moment.');
		case 'removed':
			return exit(state);
		case 'console':
			return to(state, { name: 'removed', at: step.at, thenConsole: true });
		default:
			return exit(state);
	}
}

function onKey(state: FlowState, key: FlowKey, pasted: boolean): Transition {
	if (key.type === 'escape') return back(state);
	const { step } = state;
	switch (step.name) {
		case 'loading':
		case 'submitting':
		case 'settling':
		case 'console':
		case 'exit':
			return stay(
				state,
				step.name === 'submitting'
					? 'The request is on its way to AWS; wait for its answer.'
					: step.name === 'settling'
						? 'Reading the account to learn whether the request went through; wait a moment.'
						: undefined,
			);
		case 'refused':
			return key.type === 'enter' ? exit(state) : stay(state);
		// After a request was sent only Esc leaves, so that keys pressed while waiting never skip AWS's answer.
		case 'failed':
		case 'unknown':
		case 'closed':
		case 'tracking':
			return stay(state);
		case 'removed':
			return step.thenConsole && key.type === 'enter' ? to(state, { name: 'console', at: step.at }) : stay(state);
		case 'intro':
			return key.type === 'enter' ? to(state, { name: 'checklist', cursor: 0 }) : stay(state);
		case 'checklist':
			return onChecklistKey(state, step.cursor, key);
		case 'path':
			return onPathKey(state, step.cursor, key);
		case 'remove-intro':
			return key.type === 'enter' ? to(state, { name: 'confirm-id', action: 'remove', typed: '' }) : stay(state);
		case 'confirm-id':
			return onConfirmIdKey(state, step.action, step.typed, key);
		case 'confirm-yes':
			return onConfirmYesKey(state, step, key, pasted);
	}
}

function moveCursor(cursor: number, key: FlowKey, size: number): number | undefined {
	if (key.type === 'up') return Math.max(0, cursor - 1);
	if (key.type === 'down') return Math.min(size - 1, cursor + 1);
	return undefined;
}

function onChecklistKey(state: FlowState, cursor: number, key: FlowKey): Transition {
	const moved = moveCursor(cursor, key, CHECKLIST_ITEM_IDS.length);
	if (moved !== undefined) return to(state, { name: 'checklist', cursor: moved });
	if (key.type === 'space') {
		const id = CHECKLIST_ITEM_IDS[cursor];
		if (!id) return stay(state);
		const ticked = toggleTicked(state.ticked, id);
		return {
			state: { ...state, ticked, notice: undefined },
			effects: [{ type: 'saveProgress', accountId: state.accountId, ticked }],
		};
	}
	if (key.type === 'enter') {
		const progress = checklistProgress(state.ticked);
		if (!progress.complete) return stay(state, `Tick every item to go on (${progress.label}). Space ticks.`);
		return to(state, { name: 'path', cursor: 0 });
	}
	return stay(state);
}

function onPathKey(state: FlowState, cursor: number, key: FlowKey): Transition {
	const moved = moveCursor(cursor, key, PATH_OPTIONS.length);
	if (moved !== undefined) return to(state, { name: 'path', cursor: moved });
	if (key.type !== 'enter') return stay(state);
	switch (PATH_OPTIONS[cursor]) {
		case 'close-in-organization':
			return to(state, { name: 'confirm-id', action: 'close', typed: '' });
		case 'remove-then-console':
			return to(state, { name: 'remove-intro' });
		default:
			return exit(state);
	}
}

/** The steps where typed characters are text, not commands (j, k and Space included). */
export function takesTypedText(step: FlowStep): boolean {
	return step.name === 'confirm-id' || step.name === 'confirm-yes';
}

const ACCOUNT_ID_LENGTH = 12;

/** The longest answer the last question keeps; only y or yes confirms, so more is a mistake. */
export const ANSWER_MAX_LENGTH = 20;

/** The one answer that confirms: the typed line is y or yes, in any case, spaces around it aside. */
export function isYes(line: string): boolean {
	return /^(?:y|yes)$/i.test(line.trim());
}

function onConfirmIdKey(state: FlowState, action: DestructiveAction, typed: string, key: FlowKey): Transition {
	if (key.type === 'backspace') return to(state, { name: 'confirm-id', action, typed: typed.slice(0, -1) });
	if (key.type === 'text' || key.type === 'space') {
		const digits = key.type === 'text' ? key.text.replace(/\D/g, '') : '';
		if (!digits) return stay(state, 'Only digits: type the 12-digit account id.');
		const kept = (typed + digits).slice(0, ACCOUNT_ID_LENGTH);
		const dropped = typed.length + digits.length - kept.length;
		const notice =
			dropped > 0
				? `An account id has 12 digits: ${dropped === 1 ? 'the extra digit was' : `${dropped} extra digits were`} not added (Backspace deletes).`
				: undefined;
		return to(state, { name: 'confirm-id', action, typed: kept }, [], notice);
	}
	if (key.type !== 'enter') return stay(state);
	if (typed !== state.accountId) {
		const hint =
			typed.length < ACCOUNT_ID_LENGTH
				? `${typed.length} of 12 digits typed: type the whole account id.`
				: 'That is not this account’s id: check the digits (Backspace deletes).';
		return stay(state, hint);
	}
	const confirmation = state.confirmations + 1;
	return {
		state: {
			...state,
			confirmations: confirmation,
			notice: undefined,
			step: { name: 'confirm-yes', action, answer: '', confirmation },
		},
		effects: [],
	};
}

/**
 * The last question: a line of text, typed one key at a time. Enter submits
 * the whole line; only y or yes sends the request, anything else is No.
 */
function onConfirmYesKey(
	state: FlowState,
	step: Extract<FlowStep, { name: 'confirm-yes' }>,
	key: FlowKey,
	pasted: boolean,
): Transition {
	const typed = key.type === 'space' ? ' ' : key.type === 'text' ? key.text : undefined;
	// A person types one character per key: several at once are a paste, whatever the terminal said.
	const burst = pasted || (typed !== undefined && Array.from(typed).length > 1);
	// The answer must be typed: a paste or a burst never answers, and nothing of it stays in the line.
	if (burst && key.type !== 'escape') {
		return to(
			state,
			{ ...step, answer: '' },
			[],
			'Type the answer, one key at a time: pasted keys do not count here (the line was cleared).',
		);
	}
	if (key.type === 'backspace') return to(state, { ...step, answer: Array.from(step.answer).slice(0, -1).join('') });
	if (typed !== undefined) {
		// Control characters are not text a person can see; they never go into the line.
		if (/\p{Cc}/u.test(typed)) return stay(state);
		if (Array.from(step.answer).length >= ANSWER_MAX_LENGTH) {
			return stay(
				state,
				`The answer is at most ${ANSWER_MAX_LENGTH} characters: type yes (or y), or Backspace to delete.`,
			);
		}
		return to(state, { ...step, answer: step.answer + typed });
	}
	if (key.type !== 'enter') return stay(state);
	if (!isYes(step.answer)) {
		const said = step.answer.trim() === '' ? 'You answered No' : `“${step.answer.trim()}” is not yes, so it is No`;
		return to(state, beforeConfirm(step.action), [], `${said}: nothing was sent.`);
	}
	return to(state, { name: 'submitting', action: step.action, confirmation: step.confirmation }, [
		{ type: 'submit', action: step.action, accountId: state.accountId, confirmation: step.confirmation },
	]);
}

function onRefreshed(state: FlowState, account: Account): Transition {
	const withAccount = { ...state, account };
	if (state.step.name !== 'loading') return { state: withAccount, effects: [] };
	const refusals =
		state.context.kind === 'close'
			? closeRefusals(account, state.context)
			: removeRefusals(account, state.context.organization, state.context.caller);
	if (refusals.length > 0) return to(withAccount, { name: 'refused', refusals });
	return to(withAccount, state.context.kind === 'close' ? { name: 'intro' } : { name: 'remove-intro' });
}

function factsFromError(error: ErrorInfo): AccountFacts {
	const reason = explain(error, { action: 'read' }).what;
	const unknown = { known: false as const, reason };
	return { enabledRegions: unknown, primaryEmail: unknown, alternateContacts: unknown, govCloudAccountId: unknown };
}

function onSubmitted(state: FlowState, confirmation: number, at: string): Transition {
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

function onSubmitFailed(state: FlowState, event: Extract<FlowEvent, { type: 'submitFailed' }>): Transition {
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
function onSettled(state: FlowState, event: Extract<FlowEvent, { type: 'settled' }>): Transition {
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

function onSettleFailed(state: FlowState, event: Extract<FlowEvent, { type: 'settleFailed' }>): Transition {
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

export function flowReducer(state: FlowState, event: FlowEvent): Transition {
	const { step } = state;
	switch (event.type) {
		case 'key':
			return onKey(state, event.key, event.pasted === true);
		case 'refreshed':
			return onRefreshed(state, event.account);
		case 'refreshFailed':
			if (step.name !== 'loading') return stay(state, state.notice);
			return to(state, {
				name: 'failed',
				action: 'describe',
				explanation: explain(event.error, { action: 'describe', accountId: state.accountId }),
			});
		case 'factsLoaded':
			return { state: { ...state, facts: event.facts }, effects: [] };
		case 'factsFailed':
			return { state: { ...state, facts: factsFromError(event.error) }, effects: [] };
		case 'submitted':
			return onSubmitted(state, event.confirmation, event.at);
		case 'submitFailed':
			return onSubmitFailed(state, event);
		case 'settled':
			return onSettled(state, event);
		case 'settleFailed':
			return onSettleFailed(state, event);
		case 'polled': {
			if (step.name !== 'tracking') return { state: { ...state, account: event.account }, effects: [] };
			const withAccount = { ...state, account: event.account };
			if (POLL_DONE_STATES.has(event.account.state)) {
				return to(
					withAccount,
					closedStep(step.requestedAt, event.account.state as 'CLOSED' | 'SUSPENDED', event.account),
				);
			}
			return to(withAccount, { ...step, state: event.account.state, polls: step.polls + 1, pollError: undefined }, [
				{ type: 'poll', accountId: state.accountId, attempt: step.polls + 1 },
			]);
		}
		case 'pollFailed': {
			if (step.name !== 'tracking') return stay(state, state.notice);
			if (event.error.code === 'AccountNotFoundException') return to(state, closedStep(step.requestedAt, 'gone'));
			const pollError = explain(event.error, { action: 'describe', accountId: state.accountId });
			return to(state, { ...step, polls: step.polls + 1, pollError }, [
				{ type: 'poll', accountId: state.accountId, attempt: step.polls + 1 },
			]);
		}
	}
}

/** The steps of each flow, for the trail at the top of the panel. */
export function stepTrail(state: FlowState): { readonly labels: readonly string[]; readonly current: number } {
	const { step, context } = state;
	const action = 'action' in step ? step.action : undefined;
	const removing =
		context.kind === 'remove' ||
		step.name === 'remove-intro' ||
		step.name === 'removed' ||
		step.name === 'console' ||
		action === 'remove';
	if (context.kind === 'remove') {
		const labels = ['What removal means', 'Confirm', 'Remove'];
		const current = { 'remove-intro': 0, 'confirm-id': 1, 'confirm-yes': 1 }[step.name as string] ?? 2;
		return { labels, current: step.name === 'loading' || step.name === 'refused' ? 0 : current };
	}
	const labels = removing
		? ['Before you start', 'Backup', 'Path', 'Removal', 'Confirm', 'Remove', 'Close in the console']
		: ['Before you start', 'Backup', 'Path', 'Confirm', 'Close', 'Track'];
	const order: Record<string, number> = removing
		? {
				intro: 0,
				checklist: 1,
				path: 2,
				'remove-intro': 3,
				'confirm-id': 4,
				'confirm-yes': 4,
				submitting: 5,
				settling: 5,
				unknown: 5,
				removed: 5,
				failed: 5,
				console: 6,
			}
		: {
				intro: 0,
				checklist: 1,
				path: 2,
				'confirm-id': 3,
				'confirm-yes': 3,
				submitting: 4,
				settling: 4,
				unknown: 4,
				failed: 4,
				tracking: 5,
				closed: 5,
			};
	return { labels, current: order[step.name] ?? 0 };
}

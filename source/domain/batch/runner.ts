/**
 * The batch runner's scheduling, as a pure state machine: which call goes
 * next, and what each answer does to the rest. The UI carries out its effects
 * (journal intent, the call, journal outcome, tracking) and feeds the answers
 * back as events.
 *
 * - At most `callLimit` calls in flight; for closures also at most
 *   `closingLimit` closures in progress (requested and not yet closed).
 * - CLOSE_ACCOUNT_REQUESTS_LIMIT_EXCEEDED: the account goes back to the front
 *   of the queue and nothing more is sent until a closure in progress
 *   finishes (or, with none of ours in progress, after a pause).
 * - CLOSE_ACCOUNT_QUOTA_EXCEEDED: no more closures; the rest stay queued, with
 *   the date the next slot frees.
 * - Any other error is that account's outcome; the rest go on.
 * - Stop (q): the calls in flight finish, the rest stay queued.
 * Each account is sent at most once, except after a refusal that proves the
 * request was not carried out (the concurrent-closures limit).
 */
import type { ErrorInfo } from '../error-codes.js';
import { leavesOutcomeUnknown } from '../outcome.js';
import type { ActingVerb } from './verbs.js';

export const QUOTA_EXCEEDED = 'CLOSE_ACCOUNT_QUOTA_EXCEEDED';
export const REQUESTS_LIMIT_EXCEEDED = 'CLOSE_ACCOUNT_REQUESTS_LIMIT_EXCEEDED';

/** AWS is believed to allow 3 closures in progress at once. */
export const DEFAULT_CLOSING_LIMIT = 3;
export const DEFAULT_CALL_LIMIT = 3;

export interface FailedItem {
	readonly accountId: string;
	readonly error: ErrorInfo;
	/** The request may have gone through: the journal keeps it pending until settled. */
	readonly unknown: boolean;
}

export interface RunnerState {
	readonly verb: ActingVerb;
	/** Not sent yet, front first. */
	readonly queued: readonly string[];
	readonly inFlight: readonly string[];
	/** Closures accepted (or possibly accepted) and not yet seen closed: they hold a slot of `closingLimit`. */
	readonly closing: readonly string[];
	readonly done: readonly string[];
	readonly failed: readonly FailedItem[];
	readonly callLimit: number;
	readonly closingLimit: number;
	/** Held after CLOSE_ACCOUNT_REQUESTS_LIMIT_EXCEEDED until a closure finishes or the pause ends. */
	readonly held: boolean;
	/** CLOSE_ACCOUNT_QUOTA_EXCEEDED stopped the closures; `until`: when the next slot frees, if known. */
	readonly quotaStop: { readonly until: string | undefined } | undefined;
	/** q: no new calls. */
	readonly stopping: boolean;
}

export type RunnerEffect =
	| { readonly type: 'call'; readonly accountId: string }
	/** Read the account until its closure completes, then send 'closed'. */
	| { readonly type: 'track'; readonly accountId: string }
	/** After the requests limit with none of ours in progress: send 'resume' after a pause. */
	| { readonly type: 'pause' };

export type RunnerEvent =
	| { readonly type: 'start' }
	| { readonly type: 'succeeded'; readonly accountId: string }
	| { readonly type: 'failed'; readonly accountId: string; readonly error: ErrorInfo }
	/** A closure in progress completed (or the account is gone, or could not be tracked further). */
	| { readonly type: 'closed'; readonly accountId: string }
	| { readonly type: 'resume' }
	| { readonly type: 'stop' };

export interface RunnerTransition {
	readonly state: RunnerState;
	readonly effects: readonly RunnerEffect[];
}

export interface RunnerOptions {
	readonly callLimit?: number;
	readonly closingLimit?: number;
	/** When the allowance's next slot frees, said when AWS answers CLOSE_ACCOUNT_QUOTA_EXCEEDED. */
	readonly nextSlotAt?: string | undefined;
}

export function startRunner(verb: ActingVerb, accountIds: readonly string[], options: RunnerOptions = {}): RunnerState {
	return {
		verb,
		queued: [...new Set(accountIds)],
		inFlight: [],
		closing: [],
		done: [],
		failed: [],
		callLimit: Math.max(1, options.callLimit ?? DEFAULT_CALL_LIMIT),
		closingLimit: Math.max(1, options.closingLimit ?? DEFAULT_CLOSING_LIMIT),
		held: false,
		quotaStop: undefined,
		stopping: false,
	};
}

/** Sends what may go now. */
function schedule(state: RunnerState, effects: RunnerEffect[]): RunnerState {
	if (state.stopping || state.held || state.quotaStop) return state;
	const queued = [...state.queued];
	const inFlight = [...state.inFlight];
	while (queued.length > 0 && inFlight.length < state.callLimit) {
		if (state.verb === 'close' && inFlight.length + state.closing.length >= state.closingLimit) break;
		const next = queued.shift() as string;
		inFlight.push(next);
		effects.push({ type: 'call', accountId: next });
	}
	return { ...state, queued, inFlight };
}

function without(list: readonly string[], id: string): string[] {
	return list.filter((item) => item !== id);
}

export function runnerStep(state: RunnerState, event: RunnerEvent, nextSlotAt?: string): RunnerTransition {
	const effects: RunnerEffect[] = [];
	switch (event.type) {
		case 'start':
		case 'resume': {
			const next = schedule({ ...state, held: false }, effects);
			return { state: next, effects };
		}
		case 'stop':
			return { state: { ...state, stopping: true }, effects };
		case 'succeeded': {
			if (!state.inFlight.includes(event.accountId)) return { state, effects };
			let next: RunnerState = {
				...state,
				inFlight: without(state.inFlight, event.accountId),
				done: [...state.done, event.accountId],
			};
			if (state.verb === 'close') {
				next = { ...next, closing: [...next.closing, event.accountId] };
				effects.push({ type: 'track', accountId: event.accountId });
			}
			return { state: schedule(next, effects), effects };
		}
		case 'failed': {
			if (!state.inFlight.includes(event.accountId)) return { state, effects };
			const inFlight = without(state.inFlight, event.accountId);
			const { error } = event;
			if (state.verb === 'close' && error.reason === REQUESTS_LIMIT_EXCEEDED) {
				// Refused, so not carried out: it goes first once a closure in progress finishes.
				const next: RunnerState = { ...state, inFlight, queued: [event.accountId, ...state.queued], held: true };
				if (next.closing.length === 0) effects.push({ type: 'pause' });
				return { state: next, effects };
			}
			if (state.verb === 'close' && error.reason === QUOTA_EXCEEDED) {
				const next: RunnerState = {
					...state,
					inFlight,
					queued: [event.accountId, ...state.queued],
					quotaStop: { until: nextSlotAt },
				};
				return { state: next, effects };
			}
			const unknown = leavesOutcomeUnknown(error);
			let next: RunnerState = {
				...state,
				inFlight,
				failed: [...state.failed, { accountId: event.accountId, error, unknown }],
			};
			// A closure that may have gone through holds its slot until tracking says otherwise.
			if (unknown && state.verb === 'close') {
				next = { ...next, closing: [...next.closing, event.accountId] };
				effects.push({ type: 'track', accountId: event.accountId });
			}
			return { state: schedule(next, effects), effects };
		}
		case 'closed': {
			if (!state.closing.includes(event.accountId)) return { state, effects };
			const next = schedule({ ...state, closing: without(state.closing, event.accountId), held: false }, effects);
			return { state: next, effects };
		}
	}
}

/** No call in flight and none will be sent: what is still queued stays in the queue. */
export function runnerFinished(state: RunnerState): boolean {
	if (state.inFlight.length > 0) return false;
	if (state.queued.length === 0) return true;
	return state.stopping || state.quotaStop !== undefined;
}

/** Why the queued ones were not sent, once the run is over. */
export function leftQueuedReason(state: RunnerState): string | undefined {
	if (state.queued.length === 0) return undefined;
	const count = `${state.queued.length} account${state.queued.length === 1 ? '' : 's'}`;
	if (state.quotaStop) {
		return `AWS says the closure allowance is spent (CLOSE_ACCOUNT_QUOTA_EXCEEDED): ${count} stay queued${state.quotaStop.until ? ` until a slot frees on ${state.quotaStop.until.slice(0, 10)}` : ''}. Q opens the queue at any later start.`;
	}
	if (state.stopping) return `Stopped: ${count} stay queued. Q opens the queue, now or at a later start.`;
	return undefined;
}

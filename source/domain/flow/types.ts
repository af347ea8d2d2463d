/**
 * The guided close and removal flows' vocabulary: the keys they understand,
 * what is fixed for one flow, its steps and state, the effects the reducer
 * asks for and the events that answer them.
 */
import type { Account, AccountState, CallerIdentity, Organization } from '../account.js';
import type { ChecklistItemId } from '../checklist.js';
import type { ErrorInfo } from '../error-codes.js';
import type { Explanation } from '../explain.js';
import type { AccountFacts } from '../facts.js';
import type { AccountImpact, OrganizationImpact } from '../impact.js';
import type { Refusal } from '../removal.js';

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
	/** The organization's impact scan (delegated administrators, spend), when it has finished. */
	readonly organizationImpact?: OrganizationImpact;
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
			/** What the last read showed that is not yet the closure, in words (AWS's state can flap right after a request). */
			readonly note?: string;
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
	/** What closing or removing it would break; undefined while it is being read. */
	readonly impact?: AccountImpact | undefined;
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
	/** `withSpend`: the organization scan has not finished, so the flow asks Cost Explorer itself. */
	| { readonly type: 'loadImpact'; readonly accountId: string; readonly withSpend: boolean }
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
	| { readonly type: 'impactLoaded'; readonly impact: AccountImpact }
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

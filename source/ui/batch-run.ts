/**
 * Carries out a confirmed batch: the runner's effects (domain/batch/runner.ts)
 * through the journal, the gateway and the queue. For each account: the
 * journal's intent, the one call, the journal's outcome, and the account taken
 * out of the queue; closures are tracked until they complete, which frees a
 * place for the next. The runner's state is kept here, ahead of React, so a
 * key or an answer always meets the latest state. Nothing here decides.
 */

import type { Account, CallerIdentity } from '../domain/account.js';
import { closureComplete } from '../domain/batch/closure-complete.js';
import {
	type RunnerEffect,
	type RunnerEvent,
	type RunnerState,
	runnerFinished,
	runnerStep,
	startRunner,
} from '../domain/batch/runner.js';
import type { ActingVerb } from '../domain/batch/verbs.js';
import { toErrorInfo } from '../domain/error-codes.js';
import { explain } from '../domain/explain.js';
import { leavesOutcomeUnknown } from '../domain/outcome.js';
import type { OrgGateway } from '../org/gateway.js';
import type { BatchQueue } from '../store/batch-queue.js';
import type { Journal } from '../store/journal/journal.js';
import type { JournalRecord } from '../store/journal/records.js';

/** How one account's request is made and journalled: the close and remove calls, or a move. */
export interface BatchCall {
	readonly intent: (journal: Journal, caller: CallerIdentity, accountId: string) => JournalRecord;
	readonly send: (accountId: string) => Promise<void>;
	readonly summary: string;
}

export function plainCall(verb: 'close' | 'remove', gateway: OrgGateway): BatchCall {
	return {
		intent: (journal, caller, accountId) => journal.appendIntent({ caller, accountId, action: verb }),
		send: (accountId) => (verb === 'close' ? gateway.closeAccount(accountId) : gateway.removeAccount(accountId)),
		summary: verb === 'close' ? 'Closure requested (CloseAccount accepted).' : 'Removed from the organization.',
	};
}

export interface BatchRunServices {
	readonly gateway: OrgGateway;
	readonly journal: Journal;
	readonly queue: BatchQueue | undefined;
	readonly caller: CallerIdentity;
	readonly call: BatchCall;
	readonly now?: () => Date;
	/** Between two reads of a closing account (default 5 s). */
	readonly pollIntervalMs?: number;
	/** After the concurrent-closures limit with none of ours in progress (default 30 s). */
	readonly pauseMs?: number;
	/**
	 * When the closure allowance's next slot frees, from the closures on record at the moment AWS says it is
	 * spent (the plan's estimate may have missed closures made elsewhere).
	 */
	readonly nextSlotAt?: () => string | undefined;
	/** Every fresh read of an account, so the dashboard's row follows. */
	readonly onAccount?: (account: Account) => void;
}

/** What the progress view shows: the runner's state and each account's outcome in words. */
export interface BatchProgress {
	readonly runner: RunnerState;
	/** Per account: what happened, once something did. */
	readonly outcomes: ReadonlyMap<string, string>;
	/** Closures seen complete (CLOSED, SUSPENDED or gone). */
	readonly completed: ReadonlySet<string>;
	readonly finished: boolean;
}

export interface BatchRun {
	start(): void;
	/** q: the calls in flight finish, the rest stay queued. */
	stop(): void;
	progress(): BatchProgress;
	dispose(): void;
}

export const DEFAULT_BATCH_POLL_MS = 5000;
export const DEFAULT_PAUSE_MS = 30_000;

export function createBatchRun(
	services: BatchRunServices,
	batch: {
		readonly verb: ActingVerb;
		readonly accountIds: readonly string[];
		readonly nextSlotAt?: string | undefined;
	},
	onProgress: (progress: BatchProgress) => void,
): BatchRun {
	const { gateway, journal, queue, caller, call } = services;
	const now = services.now ?? (() => new Date());
	const timers = new Set<ReturnType<typeof setTimeout>>();
	const outcomes = new Map<string, string>();
	const completed = new Set<string>();
	let state = startRunner(batch.verb, batch.accountIds, { nextSlotAt: batch.nextSlotAt });
	let disposed = false;
	const inThisRun = new Set(batch.accountIds);

	const progress = (): BatchProgress => ({ runner: state, outcomes, completed, finished: runnerFinished(state) });

	/** The queue follows every answer, so a process that stops leaves only what was not done. */
	function saveQueue(): void {
		if (!queue) return;
		try {
			const existing = queue.batch(batch.verb);
			// Accounts queued earlier and not part of this run stay queued behind it.
			const others = existing?.accountIds.filter((id) => !inThisRun.has(id)) ?? [];
			const left = [...state.inFlight, ...state.queued, ...others];
			queue.save({
				verb: batch.verb,
				accountIds: left,
				queuedAt: existing?.queuedAt ?? now().toISOString(),
				...(state.quotaStop?.until ? { notBefore: state.quotaStop.until } : {}),
			});
		} catch {
			// The journal is the record of what was done; a queue that cannot be written only loses the reminder.
		}
	}

	function dispatch(event: RunnerEvent): void {
		if (disposed) return;
		const slot = event.type === 'failed' ? (services.nextSlotAt?.() ?? batch.nextSlotAt) : batch.nextSlotAt;
		const transition = runnerStep(state, event, slot);
		state = transition.state;
		if (event.type !== 'closed') saveQueue();
		for (const effect of transition.effects) run(effect);
		onProgress(progress());
	}

	function later(ms: number, then: () => void): void {
		const timer = setTimeout(() => {
			timers.delete(timer);
			if (!disposed) then();
		}, ms);
		timers.add(timer);
	}

	async function send(accountId: string): Promise<void> {
		let intent: JournalRecord;
		try {
			intent = call.intent(journal, caller, accountId);
		} catch (error) {
			// No record, no request.
			outcomes.set(accountId, `Not sent: the journal could not be written (${toErrorInfo(error).message ?? ''}).`);
			dispatch({ type: 'failed', accountId, error: { code: 'JournalWriteFailed', outcomeUnknown: false } });
			return;
		}
		try {
			await call.send(accountId);
		} catch (error) {
			const info = toErrorInfo(error);
			const unknown = leavesOutcomeUnknown(info);
			try {
				journal.appendOutcome(intent, { error: info, unknown });
			} catch {
				// The intent stays pending: the next start settles it.
			}
			const explanation = explain(info, { action: batch.verb === 'remove' ? 'remove' : 'close' });
			outcomes.set(accountId, `${explanation.what} ${explanation.next} (${explanation.code})`);
			if (!disposed) dispatch({ type: 'failed', accountId, error: info });
			return;
		}
		try {
			journal.appendOutcome(intent, { result: { summary: call.summary } });
		} catch {
			// As above.
		}
		outcomes.set(accountId, call.summary);
		if (!disposed) dispatch({ type: 'succeeded', accountId });
	}

	function track(accountId: string, attempt: number): void {
		later(services.pollIntervalMs ?? Math.min(DEFAULT_BATCH_POLL_MS, 1000 * 2 ** attempt), () => {
			gateway.describeAccount(accountId).then(
				(account) => {
					if (disposed) return;
					services.onAccount?.(account);
					if (closureComplete(account.state)) {
						completed.add(accountId);
						outcomes.set(accountId, `Closed (${account.state}).`);
						dispatch({ type: 'closed', accountId });
					} else track(accountId, attempt + 1);
				},
				(error: unknown) => {
					if (disposed) return;
					if (toErrorInfo(error).code === 'AccountNotFoundException') {
						completed.add(accountId);
						dispatch({ type: 'closed', accountId });
					} else track(accountId, attempt + 1);
				},
			);
		});
	}

	function run(effect: RunnerEffect): void {
		switch (effect.type) {
			case 'call':
				void send(effect.accountId);
				return;
			case 'track':
				track(effect.accountId, 0);
				return;
			case 'pause':
				later(services.pauseMs ?? DEFAULT_PAUSE_MS, () => dispatch({ type: 'resume' }));
				return;
		}
	}

	return {
		start: () => dispatch({ type: 'start' }),
		stop: () => dispatch({ type: 'stop' }),
		progress,
		dispose() {
			disposed = true;
			for (const timer of timers) clearTimeout(timer);
			timers.clear();
		},
	};
}

/**
 * Carries out what the flow reducer asks for: reads through the gateway,
 * checklist progress in the settings, and the destructive call wrapped by its
 * journal records (intent before, outcome after). Every answer goes back to
 * the reducer as an event. Nothing here decides anything.
 */
import type { Account, CallerIdentity, Organization } from '../domain/account.js';
import { toErrorInfo } from '../domain/error-codes.js';
import type { FlowEffect, FlowEvent } from '../domain/flow/types.js';
import { spendOf } from '../domain/impact.js';
import { leavesOutcomeUnknown } from '../domain/outcome.js';
import type { OrgGateway } from '../org/gateway.js';
import type { Journal } from '../store/journal/journal.js';
import { reconcileIntent } from '../store/journal/reconcile.js';
import type { JournalRecord } from '../store/journal/records.js';

/** The part of Settings the flows use (checklist progress per account). */
export interface ProgressStore {
	checklistProgress(organizationId: string, accountId: string): { readonly ticked: string[] } | undefined;
	saveChecklistProgress(organizationId: string, accountId: string, ticked: readonly string[]): void;
	clearChecklistProgress(organizationId: string, accountId: string): void;
}

export interface FlowServices {
	readonly gateway: OrgGateway;
	readonly journal: Journal;
	readonly progress?: ProgressStore;
	readonly organization: Organization;
	readonly caller: CallerIdentity;
	readonly now?: () => Date;
	/** Between two DescribeAccount calls while a closure is tracked; by default 1 s, 2 s, 4 s, then every 5 s. */
	readonly pollIntervalMs?: number;
	/** Told about every fresh read of the account, so the dashboard's row follows. */
	readonly onAccount?: (account: Account) => void;
}

export type Dispatch = (event: FlowEvent) => void;

export const DEFAULT_POLL_INTERVAL_MS = 5000;

/** AWS shows PENDING_CLOSURE at once and CLOSED within minutes: look soon, then settle to the interval. */
export function pollDelay(attempt: number, fixedMs?: number): number {
	if (fixedMs !== undefined) return fixedMs;
	return Math.min(DEFAULT_POLL_INTERVAL_MS, 1000 * 2 ** attempt);
}

export interface FlowEffects {
	run(effect: FlowEffect, dispatch: Dispatch): void;
	/** Stops polling and drops answers that arrive afterwards. */
	dispose(): void;
}

export function createFlowEffects(services: FlowServices, onExit: () => void): FlowEffects {
	const { gateway, journal, progress, organization, caller } = services;
	const now = services.now ?? (() => new Date());
	const timers = new Set<ReturnType<typeof setTimeout>>();
	/** Intents whose answer was lost, by confirmation, for the 'settle' effect that follows. */
	const unsettled = new Map<number, JournalRecord>();
	let disposed = false;

	const send = (dispatch: Dispatch, event: FlowEvent): void => {
		if (!disposed) dispatch(event);
	};

	const describe = (accountId: string): Promise<Account> =>
		gateway.describeAccount(accountId).then((account) => {
			if (!disposed) services.onAccount?.(account);
			return account;
		});

	async function submit(effect: Extract<FlowEffect, { type: 'submit' }>, dispatch: Dispatch): Promise<void> {
		const { action, accountId, confirmation } = effect;
		let intent: JournalRecord;
		try {
			intent = journal.appendIntent({ caller, accountId, action });
		} catch (error) {
			// No record, no request: the journal must be able to show what was attempted.
			send(dispatch, {
				type: 'submitFailed',
				confirmation,
				error: { code: 'JournalWriteFailed', message: toErrorInfo(error).message },
			});
			return;
		}
		const at = now().toISOString();
		try {
			if (action === 'close') await gateway.closeAccount(accountId);
			else await gateway.removeAccount(accountId);
		} catch (error) {
			const info = toErrorInfo(error);
			// Only a refusal is an outcome; otherwise the request may have gone through and stays pending until settled.
			const unknown = leavesOutcomeUnknown(info);
			if (unknown) unsettled.set(confirmation, intent);
			tryOutcome(() => journal.appendOutcome(intent, { error: info, unknown }));
			send(dispatch, { type: 'submitFailed', confirmation, error: info, at });
			return;
		}
		const summary =
			action === 'close' ? 'Closure requested (CloseAccount accepted).' : 'Removed from the organization.';
		// An outcome that cannot be written leaves the intent pending; the next start reconciles it.
		tryOutcome(() => journal.appendOutcome(intent, { result: { summary } }));
		send(dispatch, { type: 'submitted', confirmation, at: now().toISOString() });
	}

	/** Reads the account after a lost answer; the journal gets a reconcile record when AWS answers. */
	async function settleLost(effect: Extract<FlowEffect, { type: 'settle' }>, dispatch: Dispatch): Promise<void> {
		const { accountId, confirmation } = effect;
		const intent = unsettled.get(confirmation);
		unsettled.delete(confirmation);
		let found: Account | undefined;
		const describer = { describeAccount: async (id: string) => (found = await describe(id)) };
		if (!intent) {
			// No intent to settle (cannot happen: submit keeps it); still read the account so the screen is right.
			describe(accountId).then(
				(account) => send(dispatch, { type: 'settled', confirmation, account }),
				(error: unknown) => send(dispatch, { type: 'settleFailed', confirmation, error: toErrorInfo(error) }),
			);
			return;
		}
		let reconciliation: Awaited<ReturnType<typeof reconcileIntent>>;
		try {
			reconciliation = await reconcileIntent(journal, describer, caller, intent);
		} catch (error) {
			// The account was read but the journal could not take the record: the next start settles it again.
			if (found) send(dispatch, { type: 'settled', confirmation, account: found });
			else send(dispatch, { type: 'settleFailed', confirmation, error: toErrorInfo(error) });
			return;
		}
		if (reconciliation.error) {
			send(dispatch, { type: 'settleFailed', confirmation, error: reconciliation.error });
			return;
		}
		send(dispatch, { type: 'settled', confirmation, account: found });
	}

	return {
		run(effect, dispatch) {
			if (disposed) return;
			switch (effect.type) {
				case 'refresh':
					describe(effect.accountId).then(
						(account) => send(dispatch, { type: 'refreshed', account }),
						(error: unknown) => send(dispatch, { type: 'refreshFailed', error: toErrorInfo(error) }),
					);
					return;
				case 'loadFacts':
					gateway.accountFacts(effect.accountId, effect.isManagement).then(
						(facts) => send(dispatch, { type: 'factsLoaded', facts }),
						(error: unknown) => send(dispatch, { type: 'factsFailed', error: toErrorInfo(error) }),
					);
					return;
				case 'loadImpact': {
					const { accountId } = effect;
					// Neither rejects: what cannot be read comes back unknown, with the reason.
					void Promise.all([
						gateway.accountImpact(accountId),
						effect.withSpend ? gateway.organizationImpact() : undefined,
					]).then(([impact, organization]) =>
						send(dispatch, {
							type: 'impactLoaded',
							impact: organization ? { ...impact, spend: spendOf(accountId, organization, now()) } : impact,
						}),
					);
					return;
				}
				case 'saveProgress':
					tryOutcome(() => progress?.saveChecklistProgress(organization.id, effect.accountId, effect.ticked));
					return;
				case 'clearProgress':
					tryOutcome(() => progress?.clearChecklistProgress(organization.id, effect.accountId));
					return;
				case 'submit':
					void submit(effect, dispatch);
					return;
				case 'settle':
					void settleLost(effect, dispatch);
					return;
				case 'poll': {
					const timer = setTimeout(
						() => {
							timers.delete(timer);
							describe(effect.accountId).then(
								(account) => send(dispatch, { type: 'polled', account }),
								(error: unknown) => send(dispatch, { type: 'pollFailed', error: toErrorInfo(error) }),
							);
						},
						pollDelay(effect.attempt, services.pollIntervalMs),
					);
					timers.add(timer);
					return;
				}
				case 'exit':
					onExit();
					return;
			}
		},
		dispose() {
			disposed = true;
			for (const timer of timers) clearTimeout(timer);
			timers.clear();
		},
	};
}

/** Saving progress or an outcome must never stop the flow; the journal's reconciliation covers a lost outcome. */
function tryOutcome(write: () => unknown): void {
	try {
		write();
	} catch {
		// Deliberately ignored: see above.
	}
}

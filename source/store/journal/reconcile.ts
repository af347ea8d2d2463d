/**
 * Reconciliation: an intent with no outcome (the answer was lost, or orgdash
 * stopped before it came) is settled by reading the account's state now and
 * writing a 'reconcile' record.
 */
import { toErrorInfo } from '../../domain/error-codes.js';
import { isClosedState, type Journal } from './journal.js';
import type { JournalCaller, JournalError, JournalRecord, JournalResult } from './records.js';

/** What reconciliation needs from the organization (OrgGateway fits). */
export interface AccountDescriber {
	describeAccount(accountId: string): Promise<{ readonly state: string; readonly parentId?: string }>;
}

export interface Reconciliation {
	readonly intent: JournalRecord;
	/** The reconcile record written, when AWS answered. */
	readonly outcome?: JournalRecord;
	/** Why it stays pending, when AWS could not be asked. */
	readonly error?: JournalError;
}

/** What the account's state now says about the intent's request; `state` undefined: the account is gone. */
export function describeOutcome(intent: JournalRecord, state: string | undefined, parentId?: string): JournalResult {
	if (state === undefined) {
		return {
			gone: true,
			summary:
				intent.action === 'remove'
					? 'Went through: no longer in the organization (or it had left before).'
					: 'No longer in the organization.',
		};
	}
	if (intent.action === 'move') {
		return {
			accountState: state,
			summary:
				parentId === intent.toParentId
					? `Went through: now in ${parentId}.`
					: `Did not go through: still in ${parentId || 'its former parent'}.`,
		};
	}
	if (intent.action === 'close') {
		return {
			accountState: state,
			summary: isClosedState(state) ? `Went through: now ${state}.` : `Did not go through: still ${state}.`,
		};
	}
	return {
		accountState: state,
		summary: `Did not go through: still in the organization (${state}).`,
	};
}

/**
 * For each intent with no outcome, asks AWS what the account's state is now
 * and writes a 'reconcile' outcome. An intent AWS could not be asked about
 * (network, permissions) stays pending for the next start.
 */
export async function reconcilePending(
	journal: Journal,
	describer: AccountDescriber,
	caller: JournalCaller,
): Promise<Reconciliation[]> {
	const reconciliations: Reconciliation[] = [];
	for (const intent of journal.pendingIntents()) {
		reconciliations.push(await reconcileIntent(journal, describer, caller, intent));
	}
	return reconciliations;
}

/**
 * Settles one intent from the account's state now, and writes the reconcile
 * record; when AWS cannot be asked, nothing is written and it stays pending.
 */
export async function reconcileIntent(
	journal: Journal,
	describer: AccountDescriber,
	caller: JournalCaller,
	intent: JournalRecord,
): Promise<Reconciliation> {
	try {
		const account = await describer.describeAccount(intent.accountId);
		const outcome = journal.appendReconcile(intent, caller, {
			result: describeOutcome(intent, account.state, account.parentId),
		});
		return { intent, outcome };
	} catch (error) {
		const { code, reason, message } = toErrorInfo(error);
		if (code === 'AccountNotFoundException') {
			const outcome = journal.appendReconcile(intent, caller, { result: describeOutcome(intent, undefined) });
			return { intent, outcome };
		}
		return { intent, error: { code, ...(reason ? { reason } : {}), message: message ?? '' } };
	}
}

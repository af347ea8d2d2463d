/** The journal's records as requests, for the journal screen and `journal --json`. */
import { isSettlement } from './journal.js';
import type { JournalCaller, JournalError, JournalRecord } from './records.js';

/** One request as the journal tells it: the intent with its outcome, or its reconciliation, or neither yet. */
export interface JournalEntry {
	readonly intentId: string;
	readonly time: string;
	readonly accountId: string;
	readonly action: 'close' | 'remove' | 'move';
	readonly caller: JournalCaller;
	/** 'unknown': the answer was lost, the account's state not read yet; 'pending': no outcome written at all. */
	readonly status: 'accepted' | 'refused' | 'pending' | 'unknown' | 'reconciled';
	readonly summary: string;
	/** The outcome or reconcile record, when there is one. */
	readonly settledBy?: JournalRecord;
	/** The unknown outcome written when the answer was lost, if one was. */
	readonly unknownOutcome?: JournalRecord;
}

function errorSummary(error: JournalError): string {
	return `${error.code}${error.reason ? ` ${error.reason}` : ''}${error.message ? `: ${error.message}` : ''}`;
}

/** The journal's records as requests, newest first. Outcomes whose intent was lost are shown on their own. */
export function journalEntries(records: readonly JournalRecord[]): JournalEntry[] {
	const settlements = new Map<string, JournalRecord>();
	const unknownOutcomes = new Map<string, JournalRecord>();
	for (const record of records) {
		if (record.phase !== 'outcome') continue;
		const byIntent = isSettlement(record) ? settlements : unknownOutcomes;
		if (!byIntent.has(record.intentId)) byIntent.set(record.intentId, record);
	}
	const entries: JournalEntry[] = [];
	const seen = new Set<string>();
	for (const record of records) {
		if (record.phase !== 'intent' || record.action === 'reconcile') continue;
		seen.add(record.intentId);
		entries.push(
			entryFor(record, record.action, settlements.get(record.intentId), unknownOutcomes.get(record.intentId)),
		);
	}
	for (const [intentId, outcome] of [...settlements, ...unknownOutcomes]) {
		if (seen.has(intentId)) continue;
		seen.add(intentId);
		const settlement = settlements.get(intentId);
		const action = outcome.action === 'reconcile' ? (outcome.reconciles ?? 'close') : outcome.action;
		entries.push(entryFor(outcome, action, settlement, unknownOutcomes.get(intentId)));
	}
	return entries.sort((a, b) => (a.time < b.time ? 1 : a.time > b.time ? -1 : 0));
}

function entryFor(
	record: JournalRecord,
	action: 'close' | 'remove' | 'move',
	settledBy: JournalRecord | undefined,
	unknownOutcome: JournalRecord | undefined,
): JournalEntry {
	const base = {
		intentId: record.intentId,
		time: record.time,
		accountId: record.accountId,
		action,
		caller: record.caller,
		...(unknownOutcome ? { unknownOutcome } : {}),
	};
	if (!settledBy && unknownOutcome) {
		const why = unknownOutcome.error ? ` (${errorSummary(unknownOutcome.error)})` : '';
		return {
			...base,
			status: 'unknown',
			summary: `checking: the answer was lost${why}, so it may have gone through; orgdash reads the account's state to settle it (at once, else on the next start).`,
		};
	}
	if (!settledBy) {
		return {
			...base,
			status: 'pending',
			summary: 'No outcome recorded: orgdash checks it with AWS on the next start.',
		};
	}
	if (settledBy.action === 'reconcile') {
		const summary = settledBy.result?.summary ?? (settledBy.error ? errorSummary(settledBy.error) : '');
		return { ...base, status: 'reconciled', summary, settledBy };
	}
	if (settledBy.error) return { ...base, status: 'refused', summary: errorSummary(settledBy.error), settledBy };
	return { ...base, status: 'accepted', summary: settledBy.result?.summary ?? 'Accepted.', settledBy };
}

/**
 * The journal's records: their shape, and how a file's text becomes records.
 * Records are checked when read: a line with the wrong shape, an account id
 * that is not 12 digits or a time that is not a date is skipped with a note,
 * so it is never shown and never sent to AWS (reconciliation asks
 * DescribeAccount about the journal's account ids). The text of a record read
 * back is made display-safe (see display-text.ts), and a whole record glued
 * after a cut line is kept.
 */
import { isAccountId } from '../../domain/account.js';
import { displayText } from '../../domain/display-text.js';

export type JournalAction = 'close' | 'remove' | 'move' | 'reconcile';
export type JournalPhase = 'intent' | 'outcome';

export interface JournalCaller {
	readonly accountId: string;
	readonly arn: string;
}

export interface JournalError {
	readonly code: string;
	readonly reason?: string;
	readonly message: string;
}

export interface JournalResult {
	/** The account's state as AWS reported it, where known. */
	readonly accountState?: string;
	/** True when the account is no longer in the organization. */
	readonly gone?: boolean;
	readonly summary: string;
}

export interface JournalRecord {
	/** ISO 8601. */
	readonly time: string;
	readonly organizationId: string;
	readonly caller: JournalCaller;
	readonly accountId: string;
	readonly action: JournalAction;
	readonly phase: JournalPhase;
	/** Links an outcome (or a reconcile) to its intent. */
	readonly intentId: string;
	/** On a 'reconcile' record: the action of the intent it settles. */
	readonly reconciles?: 'close' | 'remove' | 'move';
	/** On a move (quarantine, move back): the parent the account left, so that it can be moved back. */
	readonly fromParentId?: string;
	/** On a move: the parent it goes to. */
	readonly toParentId?: string;
	readonly result?: JournalResult;
	readonly error?: JournalError;
	/**
	 * On an outcome: the call failed in a way that does not prove AWS rejected it (the answer was lost, AWS
	 * failed), so the request may have gone through. The intent stays pending until a reconcile settles it.
	 */
	readonly outcomeUnknown?: true;
}

export interface SkippedLine {
	/** 1-based. */
	readonly line: number;
	readonly reason: string;
}

export interface JournalContents {
	readonly records: JournalRecord[];
	readonly skipped: SkippedLine[];
	/** Set when the file exists but could not be read at all. */
	readonly unreadable?: string;
}

/** A root or OU id as AWS writes them. */
const PARENT_ID = /^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/;

function isString(value: unknown): value is string {
	return typeof value === 'string';
}

function isOptional(value: unknown, check: (value: unknown) => boolean): boolean {
	return value === undefined || check(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Why `value` is not a journal record, or undefined when it is one. */
function validate(value: unknown): string | undefined {
	if (!isObject(value)) return 'not an object';
	const record = value;
	for (const field of ['time', 'organizationId', 'accountId', 'intentId'] as const) {
		if (!isString(record[field])) return `missing ${field}`;
	}
	if (!isAccountId(record.accountId as string)) return 'the account id is not 12 digits';
	if (Number.isNaN(Date.parse(record.time as string))) return 'the time is not a date';
	if (!['close', 'remove', 'move', 'reconcile'].includes(record.action as string)) return 'unknown action';
	for (const field of ['fromParentId', 'toParentId'] as const) {
		if (!isOptional(record[field], (v) => isString(v) && PARENT_ID.test(v))) return `damaged ${field}`;
	}
	if (!['intent', 'outcome'].includes(record.phase as string)) return 'unknown phase';
	if (!isOptional(record.reconciles, (v) => v === 'close' || v === 'remove' || v === 'move')) {
		return 'unknown reconciled action';
	}
	const caller = record.caller;
	if (!isObject(caller) || !isString(caller.accountId) || !isString(caller.arn)) return 'missing caller';
	const result = record.result;
	if (
		!isOptional(
			result,
			(v) =>
				isObject(v) &&
				isString(v.summary) &&
				isOptional(v.accountState, isString) &&
				isOptional(v.gone, (gone) => typeof gone === 'boolean'),
		)
	) {
		return 'damaged result';
	}
	const error = record.error;
	if (
		!isOptional(error, (v) => isObject(v) && isString(v.code) && isString(v.message) && isOptional(v.reason, isString))
	) {
		return 'damaged error';
	}
	if (!isOptional(record.outcomeUnknown, (v) => v === true)) return 'damaged outcomeUnknown';
	return undefined;
}

/** A checked record with only the known fields, every text display-safe. */
function displayRecord(value: Record<string, unknown>): JournalRecord {
	const record = value as unknown as JournalRecord;
	const { result, error, reconciles } = record;
	return {
		time: displayText(record.time),
		organizationId: displayText(record.organizationId),
		caller: { accountId: displayText(record.caller.accountId), arn: displayText(record.caller.arn) },
		accountId: record.accountId,
		action: record.action,
		phase: record.phase,
		intentId: displayText(record.intentId),
		...(reconciles === undefined ? {} : { reconciles }),
		...(record.fromParentId === undefined ? {} : { fromParentId: record.fromParentId }),
		...(record.toParentId === undefined ? {} : { toParentId: record.toParentId }),
		...(record.outcomeUnknown === true ? { outcomeUnknown: true as const } : {}),
		...(result === undefined
			? {}
			: {
					result: {
						...(result.accountState === undefined ? {} : { accountState: displayText(result.accountState) }),
						...(result.gone === undefined ? {} : { gone: result.gone }),
						summary: displayText(result.summary),
					},
				}),
		...(error === undefined
			? {}
			: {
					error: {
						code: displayText(error.code),
						...(error.reason === undefined ? {} : { reason: displayText(error.reason) }),
						message: displayText(error.message),
					},
				}),
	};
}

function parsed(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

/**
 * A whole record at the end of a broken line: a record appended after a cut
 * one, by a version that did not end the cut line first, is glued onto it
 * ("garbage{...record...}"). Tried from each "{" in turn; the first that
 * parses to the end of the line as a valid record is the one.
 */
function recordAfterBrokenStart(line: string): JournalRecord | undefined {
	for (let start = line.indexOf('{', 1); start !== -1; start = line.indexOf('{', start + 1)) {
		const value = parsed(line.slice(start));
		if (value !== undefined && !validate(value)) return value as JournalRecord;
	}
	return undefined;
}

/** Parses the journal's text; bad or partial lines are skipped with the reason, and a whole record glued after one is kept. */
export function parseJournal(text: string): JournalContents {
	const records: JournalRecord[] = [];
	const skipped: SkippedLine[] = [];
	const lines = text.split('\n');
	lines.forEach((line, index) => {
		if (line.trim() === '') return;
		const value = parsed(line);
		if (value === undefined) {
			const recovered = recordAfterBrokenStart(line);
			skipped.push({
				line: index + 1,
				reason: recovered
					? 'began with a partial record (kept the whole record after it)'
					: 'not valid JSON (a partial or corrupted line)',
			});
			if (recovered) records.push(displayRecord(recovered as unknown as Record<string, unknown>));
			return;
		}
		const problem = validate(value);
		if (problem) skipped.push({ line: index + 1, reason: `not a journal record (${problem})` });
		else records.push(displayRecord(value as Record<string, unknown>));
	});
	return { records, skipped };
}

/**
 * The audit journal: one JSON line per intent (written before each
 * destructive call) and per outcome (written after), one file per
 * organization in the settings directory. Append-only. Each record is a
 * single write of one short line to a file opened with O_APPEND, so two
 * orgdash processes writing at once never interleave their lines. A line
 * that cannot be read is skipped with a note, never fatal.
 *
 * Records are checked when read: a line with the wrong shape, an account id
 * that is not 12 digits or a time that is not a date is skipped with a note,
 * so it is never shown and never sent to AWS (reconciliation asks
 * DescribeAccount about the journal's account ids). The text of a record read
 * back is made display-safe (see display-text.ts).
 *
 * This module depends only on Node's own modules and the pure domain, so that
 * it can be loaded anywhere (tests run it in child processes).
 */
import { randomUUID } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isAccountId } from '../../domain/account.js';
import { displayText } from '../../domain/display-text.js';
import { redactCredentials } from '../../domain/redact.js';
import {
	ensurePrivateFolder,
	PRIVATE_FILE_MODE,
	PRIVATE_FOLDER_MODE,
	tightenMode,
	tightenOpenFile,
} from '../private-files.js';

export type JournalAction = 'close' | 'remove' | 'reconcile';
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
	readonly reconciles?: 'close' | 'remove';
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

/** Lines stay far below the size at which a single write could be split. */
const MAX_MESSAGE_LENGTH = 600;
const MAX_LINE_BYTES = 4000;

export function journalFile(directory: string, organizationId: string): string {
	const safe = organizationId.replace(/[^A-Za-z0-9_-]/g, '_') || 'unknown';
	return join(directory, 'journal', `${safe}.jsonl`);
}

/** True for an empty file, or one whose last byte is a newline. */
function endsWithNewline(fd: number): boolean {
	const { size } = fstatSync(fd);
	if (size === 0) return true;
	const last = Buffer.alloc(1);
	readSync(fd, last, 0, 1, size - 1);
	return last[0] === 0x0a;
}

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
	if (!['close', 'remove', 'reconcile'].includes(record.action as string)) return 'unknown action';
	if (!['intent', 'outcome'].includes(record.phase as string)) return 'unknown phase';
	if (!isOptional(record.reconciles, (v) => v === 'close' || v === 'remove')) return 'unknown reconciled action';
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

export interface RecordedClosure {
	readonly accountId: string;
	/** ISO 8601; when the closure was requested. */
	readonly at: string;
}

export interface IntentInput {
	readonly caller: JournalCaller;
	readonly accountId: string;
	readonly action: 'close' | 'remove';
}

export type OutcomeInput =
	| { readonly result: JournalResult; readonly error?: undefined }
	| {
			readonly error: { readonly code: string; readonly reason?: string | undefined; readonly message?: string };
			/** The error does not prove a refusal: the request may have gone through (see OutcomeUnknown). */
			readonly unknown?: boolean;
			readonly result?: undefined;
	  };

export class Journal {
	readonly path: string;
	readonly organizationId: string;
	private readonly now: () => Date;

	constructor(directory: string, organizationId: string, options: { now?: () => Date } = {}) {
		this.organizationId = organizationId;
		this.path = journalFile(directory, organizationId);
		this.now = options.now ?? (() => new Date());
	}

	/** One record, one line, one write with O_APPEND. */
	append(record: JournalRecord): JournalRecord {
		let line = `${JSON.stringify(record)}\n`;
		if (Buffer.byteLength(line) > MAX_LINE_BYTES) {
			// Only a very long message can get here; the record keeps its meaning without it.
			const error = record.error ? { ...record.error, message: '(message too long, left out)' } : undefined;
			line = `${JSON.stringify({ ...record, ...(error ? { error } : {}) })}\n`;
		}
		ensurePrivateFolder(dirname(this.path));
		// Read and append: the last byte tells whether an earlier write was cut short.
		const fd = openSync(this.path, 'a+', PRIVATE_FILE_MODE);
		try {
			tightenOpenFile(fd);
			// A last line without its newline (a crash mid-write, a full disk) would swallow this record when read:
			// the newline that ends it goes in the same single write, so concurrent writers still never interleave.
			// (A look while another process's write is landing can add a needless newline: an empty line, skipped.)
			if (!endsWithNewline(fd)) line = `\n${line}`;
			const bytes = Buffer.from(line);
			const written = writeSync(fd, bytes, 0, bytes.length);
			if (written !== bytes.length) throw new Error(`The journal took only ${written} of ${bytes.length} bytes.`);
		} finally {
			closeSync(fd);
		}
		return record;
	}

	appendIntent(input: IntentInput): JournalRecord {
		return this.append({
			time: this.now().toISOString(),
			organizationId: this.organizationId,
			caller: { accountId: input.caller.accountId, arn: input.caller.arn },
			accountId: input.accountId,
			action: input.action,
			phase: 'intent',
			intentId: randomUUID(),
		});
	}

	appendOutcome(intent: JournalRecord, outcome: OutcomeInput): JournalRecord {
		return this.append(this.outcomeRecord(intent, intent.action, outcome));
	}

	/** Settles an intent whose outcome was never written, from what AWS says now. */
	appendReconcile(intent: JournalRecord, caller: JournalCaller, outcome: OutcomeInput): JournalRecord {
		const record = this.outcomeRecord(intent, 'reconcile', outcome);
		return this.append({
			...record,
			caller: { accountId: caller.accountId, arn: caller.arn },
			reconciles: intent.action === 'remove' ? 'remove' : 'close',
		});
	}

	private outcomeRecord(intent: JournalRecord, action: JournalAction, outcome: OutcomeInput): JournalRecord {
		const base = {
			time: this.now().toISOString(),
			organizationId: this.organizationId,
			caller: intent.caller,
			accountId: intent.accountId,
			action,
			phase: 'outcome' as const,
			intentId: intent.intentId,
		};
		if (outcome.error) {
			const message = redactCredentials(outcome.error.message ?? '').slice(0, MAX_MESSAGE_LENGTH);
			return {
				...base,
				error: { code: outcome.error.code, ...(outcome.error.reason ? { reason: outcome.error.reason } : {}), message },
				...(outcome.unknown ? { outcomeUnknown: true as const } : {}),
			};
		}
		return { ...base, result: { ...outcome.result, summary: redactCredentials(outcome.result.summary) } };
	}

	read(): JournalContents {
		let text: string;
		tightenMode(dirname(this.path), PRIVATE_FOLDER_MODE);
		tightenMode(this.path, PRIVATE_FILE_MODE);
		try {
			text = readFileSync(this.path, 'utf8');
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], skipped: [] };
			return { records: [], skipped: [], unreadable: `${this.path} could not be read (${(error as Error).message}).` };
		}
		return parseJournal(text);
	}

	/**
	 * Intents whose outcome is not known: none was written (the program stopped between the call and its answer),
	 * or the one written is unknown (the answer was lost). Each is settled by reading the account's state.
	 */
	pendingIntents(records: readonly JournalRecord[] = this.read().records): JournalRecord[] {
		const settled = new Set(records.filter(isSettlement).map((record) => record.intentId));
		return records.filter((record) => record.phase === 'intent' && !settled.has(record.intentId));
	}

	/** When each account's accepted closure was requested (the latest one): the date its deletion is counted from. */
	closureDates(records: readonly JournalRecord[] = this.read().records): Map<string, string> {
		const dates = new Map<string, string>();
		for (const closure of this.closuresSince(new Date(0), records, { includeUnknown: false })) {
			dates.set(closure.accountId, closure.at);
		}
		return dates;
	}

	/**
	 * Closures requested at or after `since` that AWS accepted (a close intent
	 * whose outcome succeeded, or whose reconciliation found the account
	 * closing or closed) and, unless `includeUnknown` is false, those whose
	 * outcome is not known yet: for the closure allowance, a request that may
	 * have gone through counts as if it did.
	 */
	closuresSince(
		since: Date,
		records: readonly JournalRecord[] = this.read().records,
		options: { readonly includeUnknown?: boolean } = {},
	): RecordedClosure[] {
		const accepted = new Set<string>();
		for (const record of records) {
			if (record.phase !== 'outcome' || !record.result) continue;
			if (record.action === 'close') accepted.add(record.intentId);
			if (record.action === 'reconcile' && record.reconciles === 'close' && isClosedState(record.result.accountState)) {
				accepted.add(record.intentId);
			}
		}
		if (options.includeUnknown !== false) {
			for (const intent of this.pendingIntents(records)) accepted.add(intent.intentId);
		}
		return records
			.filter((record) => record.phase === 'intent' && record.action === 'close' && accepted.has(record.intentId))
			.filter((record) => Date.parse(record.time) >= since.getTime())
			.map((record) => ({ accountId: record.accountId, at: record.time }));
	}
}

/** An outcome or reconcile record that says how the request ended (an unknown outcome does not). */
export function isSettlement(record: JournalRecord): boolean {
	return record.phase === 'outcome' && record.outcomeUnknown !== true;
}

/** The states a closure request leads to: it went through. */
export function isClosedState(state: string | undefined): boolean {
	return state === 'CLOSED' || state === 'PENDING_CLOSURE' || state === 'SUSPENDED';
}

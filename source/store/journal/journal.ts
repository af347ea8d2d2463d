/**
 * The audit journal: one JSON line per intent (written before each
 * destructive call) and per outcome (written after), one file per
 * organization in the settings directory. Append-only. Each record is a
 * single write of one short line to a file opened with O_APPEND, so two
 * orgdash processes writing at once never interleave their lines. A line
 * that cannot be read is skipped with a note, never fatal.
 *
 * Records are checked when read (records.ts): a damaged or crafted line is
 * skipped with a note, never shown raw and never sent to AWS.
 *
 * This module depends only on Node's own modules and the pure domain, so that
 * it can be loaded anywhere (tests run it in child processes).
 */
import { randomUUID } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { redactCredentials } from '../../domain/redact.js';
import {
	ensurePrivateFolder,
	PRIVATE_FILE_MODE,
	PRIVATE_FOLDER_MODE,
	tightenMode,
	tightenOpenFile,
} from '../private-files.js';
import {
	type JournalAction,
	type JournalCaller,
	type JournalContents,
	type JournalRecord,
	type JournalResult,
	parseJournal,
} from './records.js';

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

export interface RecordedClosure {
	readonly accountId: string;
	/** ISO 8601; when the closure was requested. */
	readonly at: string;
}

export type IntentInput =
	| { readonly caller: JournalCaller; readonly accountId: string; readonly action: 'close' | 'remove' }
	/** A move between parents (quarantine, move back): where it was, for moving it back. */
	| {
			readonly caller: JournalCaller;
			readonly accountId: string;
			readonly action: 'move';
			readonly fromParentId: string;
			readonly toParentId: string;
	  };

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
			...(input.action === 'move' ? { fromParentId: input.fromParentId, toParentId: input.toParentId } : {}),
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
			reconciles: intent.action === 'remove' || intent.action === 'move' ? intent.action : 'close',
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

	/**
	 * Where each account was before its latest accepted move into `parentId` (quarantine): its former parent,
	 * for moving it back. A move that may not have gone through counts, as the account's parent tells.
	 */
	formerParents(parentId: string, records: readonly JournalRecord[] = this.read().records): Map<string, string> {
		const accepted = new Set<string>();
		for (const record of records) {
			if (record.phase !== 'outcome' || !record.result) continue;
			if (record.action === 'move' || (record.action === 'reconcile' && record.reconciles === 'move')) {
				if (!record.result.summary.startsWith('Did not')) accepted.add(record.intentId);
			}
		}
		for (const intent of this.pendingIntents(records)) accepted.add(intent.intentId);
		const former = new Map<string, string>();
		for (const record of records) {
			if (record.phase !== 'intent' || record.action !== 'move' || !accepted.has(record.intentId)) continue;
			if (record.toParentId === parentId && record.fromParentId) former.set(record.accountId, record.fromParentId);
		}
		return former;
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

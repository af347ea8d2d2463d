/**
 * The audit journal: one JSON line per intent (written before each
 * destructive call) and per outcome (written after), one file per
 * organization in the settings directory. Append-only. Each record is a
 * single write of one short line to a file opened with O_APPEND, so two
 * orgdash processes writing at once never interleave their lines. A line
 * that cannot be read is skipped with a note, never fatal.
 *
 * This module depends only on Node's own modules so that it can be loaded
 * anywhere (tests run it in child processes).
 */
import { randomUUID } from 'node:crypto';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
	ensurePrivateFolder,
	PRIVATE_FILE_MODE,
	PRIVATE_FOLDER_MODE,
	tightenMode,
	tightenOpenFile,
} from './private-files.js';

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

/** Removes anything that looks like a credential from an error message before it is written. */
export function scrubCredentials(text: string): string {
	return text
		.replace(/\b(?:AKIA|ASIA|AROA|AIDA)[A-Z0-9]{12,20}\b/g, '[redacted]')
		.replace(
			/(Credential|Signature|X-Amz-Security-Token|X-Amz-Signature|SessionToken|aws_secret_access_key|aws_session_token)(["'\s:=]+)[^\s,&"']+/gi,
			'$1$2[redacted]',
		);
}

export function journalFile(directory: string, organizationId: string): string {
	const safe = organizationId.replace(/[^A-Za-z0-9_-]/g, '_') || 'unknown';
	return join(directory, 'journal', `${safe}.jsonl`);
}

function isString(value: unknown): value is string {
	return typeof value === 'string';
}

function validate(value: unknown): string | undefined {
	if (typeof value !== 'object' || value === null) return 'not an object';
	const record = value as Record<string, unknown>;
	for (const field of ['time', 'organizationId', 'accountId', 'intentId'] as const) {
		if (!isString(record[field])) return `missing ${field}`;
	}
	if (!['close', 'remove', 'reconcile'].includes(record.action as string)) return 'unknown action';
	if (!['intent', 'outcome'].includes(record.phase as string)) return 'unknown phase';
	const caller = record.caller as Record<string, unknown> | undefined;
	if (!caller || !isString(caller.accountId) || !isString(caller.arn)) return 'missing caller';
	return undefined;
}

/** Parses the journal's text; bad or partial lines are skipped with the reason. */
export function parseJournal(text: string): JournalContents {
	const records: JournalRecord[] = [];
	const skipped: SkippedLine[] = [];
	const lines = text.split('\n');
	lines.forEach((line, index) => {
		if (line.trim() === '') return;
		let value: unknown;
		try {
			value = JSON.parse(line);
		} catch {
			skipped.push({ line: index + 1, reason: 'not valid JSON (a partial or corrupted line)' });
			return;
		}
		const problem = validate(value);
		if (problem) skipped.push({ line: index + 1, reason: `not a journal record (${problem})` });
		else records.push(value as JournalRecord);
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
		const fd = openSync(this.path, 'a', PRIVATE_FILE_MODE);
		try {
			tightenOpenFile(fd);
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
			const message = scrubCredentials(outcome.error.message ?? '').slice(0, MAX_MESSAGE_LENGTH);
			return {
				...base,
				error: { code: outcome.error.code, ...(outcome.error.reason ? { reason: outcome.error.reason } : {}), message },
			};
		}
		return { ...base, result: { ...outcome.result, summary: scrubCredentials(outcome.result.summary) } };
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

	/** Intents with no outcome: the program stopped between the call and its answer. */
	pendingIntents(records: readonly JournalRecord[] = this.read().records): JournalRecord[] {
		const settled = new Set(records.filter((record) => record.phase === 'outcome').map((record) => record.intentId));
		return records.filter((record) => record.phase === 'intent' && !settled.has(record.intentId));
	}

	/** When each account's accepted closure was requested (the latest one): the date its deletion is counted from. */
	closureDates(records: readonly JournalRecord[] = this.read().records): Map<string, string> {
		const dates = new Map<string, string>();
		for (const closure of this.closuresSince(new Date(0), records)) dates.set(closure.accountId, closure.at);
		return dates;
	}

	/**
	 * Closures that AWS accepted, requested at or after `since`: a close intent
	 * whose outcome succeeded, or whose reconciliation found the account
	 * closing or closed.
	 */
	closuresSince(since: Date, records: readonly JournalRecord[] = this.read().records): RecordedClosure[] {
		const accepted = new Set<string>();
		for (const record of records) {
			if (record.phase !== 'outcome' || !record.result) continue;
			if (record.action === 'close') accepted.add(record.intentId);
			if (record.action === 'reconcile' && record.reconciles === 'close' && isClosedState(record.result.accountState)) {
				accepted.add(record.intentId);
			}
		}
		return records
			.filter((record) => record.phase === 'intent' && record.action === 'close' && accepted.has(record.intentId))
			.filter((record) => Date.parse(record.time) >= since.getTime())
			.map((record) => ({ accountId: record.accountId, at: record.time }));
	}
}

function isClosedState(state: string | undefined): boolean {
	return state === 'CLOSED' || state === 'PENDING_CLOSURE' || state === 'SUSPENDED';
}

/** What reconciliation needs from the organization (OrgGateway fits). */
export interface AccountDescriber {
	describeAccount(accountId: string): Promise<{ readonly state: string }>;
}

export interface Reconciliation {
	readonly intent: JournalRecord;
	/** The reconcile record written, when AWS answered. */
	readonly outcome?: JournalRecord;
	/** Why it stays pending, when AWS could not be asked. */
	readonly error?: JournalError;
}

function describeOutcome(intent: JournalRecord, state: string | undefined): JournalResult {
	if (state === undefined) {
		return {
			gone: true,
			summary:
				intent.action === 'remove'
					? 'Went through: no longer in the organization (or it had left before).'
					: 'No longer in the organization.',
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
		try {
			const account = await describer.describeAccount(intent.accountId);
			const outcome = journal.appendReconcile(intent, caller, { result: describeOutcome(intent, account.state) });
			reconciliations.push({ intent, outcome });
		} catch (error) {
			const { code, reason, message } = error as { code?: string; reason?: string; message?: string };
			if (code === 'AccountNotFoundException') {
				const outcome = journal.appendReconcile(intent, caller, { result: describeOutcome(intent, undefined) });
				reconciliations.push({ intent, outcome });
				continue;
			}
			reconciliations.push({
				intent,
				error: {
					code: code ?? 'Error',
					...(reason ? { reason } : {}),
					message: scrubCredentials(message ?? String(error)),
				},
			});
		}
	}
	return reconciliations;
}

/** One request as the journal tells it: the intent with its outcome, or its reconciliation, or neither yet. */
export interface JournalEntry {
	readonly intentId: string;
	readonly time: string;
	readonly accountId: string;
	readonly action: 'close' | 'remove';
	readonly caller: JournalCaller;
	readonly status: 'accepted' | 'refused' | 'pending' | 'reconciled';
	readonly summary: string;
	/** The outcome or reconcile record, when there is one. */
	readonly settledBy?: JournalRecord;
}

function errorSummary(error: JournalError): string {
	return `${error.code}${error.reason ? ` ${error.reason}` : ''}${error.message ? `: ${error.message}` : ''}`;
}

/** The journal's records as requests, newest first. Outcomes whose intent was lost are shown on their own. */
export function journalEntries(records: readonly JournalRecord[]): JournalEntry[] {
	const settlements = new Map<string, JournalRecord>();
	for (const record of records) {
		if (record.phase === 'outcome' && !settlements.has(record.intentId)) settlements.set(record.intentId, record);
	}
	const entries: JournalEntry[] = [];
	const seen = new Set<string>();
	for (const record of records) {
		if (record.phase !== 'intent' || record.action === 'reconcile') continue;
		seen.add(record.intentId);
		entries.push(entryFor(record, record.action, settlements.get(record.intentId)));
	}
	for (const [intentId, settlement] of settlements) {
		if (seen.has(intentId)) continue;
		const action = settlement.action === 'reconcile' ? (settlement.reconciles ?? 'close') : settlement.action;
		entries.push(entryFor(settlement, action, settlement));
	}
	return entries.sort((a, b) => (a.time < b.time ? 1 : a.time > b.time ? -1 : 0));
}

function entryFor(
	record: JournalRecord,
	action: 'close' | 'remove',
	settledBy: JournalRecord | undefined,
): JournalEntry {
	const base = {
		intentId: record.intentId,
		time: record.time,
		accountId: record.accountId,
		action,
		caller: record.caller,
	};
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

/** What `orgdash journal --json` prints. */
export interface JournalDocument {
	readonly organizationId: string;
	readonly path: string;
	readonly records: readonly JournalRecord[];
	/** Intents with no outcome yet. */
	readonly pending: readonly JournalRecord[];
	readonly skipped: readonly SkippedLine[];
	readonly unreadable?: string;
}

export function journalDocument(journal: Journal): JournalDocument {
	const contents = journal.read();
	return {
		organizationId: journal.organizationId,
		path: journal.path,
		records: contents.records,
		pending: journal.pendingIntents(contents.records),
		skipped: contents.skipped,
		...(contents.unreadable ? { unreadable: contents.unreadable } : {}),
	};
}

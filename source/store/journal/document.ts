import { type JournalEntry, journalEntries } from './entries.js';
import type { Journal } from './journal.js';
import type { JournalRecord, SkippedLine } from './records.js';

/** What `orgdash journal --json` prints. */
export interface JournalDocument {
	readonly organizationId: string;
	readonly path: string;
	readonly records: readonly JournalRecord[];
	/** Intents whose outcome is not known yet: none written, or the answer was lost. */
	readonly pending: readonly JournalRecord[];
	/** Every request with how it ended (accepted, refused, pending, unknown, reconciled), newest first. */
	readonly requests: readonly JournalEntry[];
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
		requests: journalEntries(contents.records),
		skipped: contents.skipped,
		...(contents.unreadable ? { unreadable: contents.unreadable } : {}),
	};
}

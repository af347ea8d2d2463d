/**
 * The batch queue: the accounts of a confirmed batch not yet acted on, per
 * organization and per verb, so that a batch outlives the process (the
 * closure allowance spent, q, a crash). A private file next to the journal,
 * rewritten whole through a temporary file and a rename, so a crash leaves
 * the old queue or the new one, never half of one. A damaged file is set
 * aside with a note, never fatal, and nothing in it is ever sent to AWS
 * without the plan and the typed confirmation.
 */
import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isAccountId } from '../domain/account.js';
import { ACTING_VERBS, type ActingVerb } from '../domain/batch/verbs.js';
import { ensurePrivateFolder, PRIVATE_FILE_MODE, PRIVATE_FOLDER_MODE, tightenMode } from './private-files.js';

export interface QueuedBatch {
	readonly verb: ActingVerb;
	/** In the order they will be planned again. */
	readonly accountIds: readonly string[];
	/** ISO; when the batch was confirmed. */
	readonly queuedAt: string;
	/** ISO; when the closure allowance's next slot frees, if it was spent. */
	readonly notBefore?: string;
}

export interface QueueContents {
	readonly batches: readonly QueuedBatch[];
	/** Why the file could not be read, when it could not (it is then treated as empty). */
	readonly problem?: string;
}

export function queueFile(directory: string, organizationId: string): string {
	const safe = organizationId.replace(/[^A-Za-z0-9_-]/g, '_') || 'unknown';
	return join(directory, 'queue', `${safe}.json`);
}

function isBatch(value: unknown): value is QueuedBatch {
	if (typeof value !== 'object' || value === null) return false;
	const batch = value as Record<string, unknown>;
	return (
		ACTING_VERBS.includes(batch.verb as ActingVerb) &&
		Array.isArray(batch.accountIds) &&
		batch.accountIds.every((id) => typeof id === 'string' && isAccountId(id)) &&
		typeof batch.queuedAt === 'string' &&
		Number.isFinite(Date.parse(batch.queuedAt)) &&
		(batch.notBefore === undefined ||
			(typeof batch.notBefore === 'string' && Number.isFinite(Date.parse(batch.notBefore))))
	);
}

export class BatchQueue {
	readonly path: string;

	constructor(
		directory: string,
		readonly organizationId: string,
	) {
		this.path = queueFile(directory, organizationId);
	}

	read(): QueueContents {
		tightenMode(dirname(this.path), PRIVATE_FOLDER_MODE);
		tightenMode(this.path, PRIVATE_FILE_MODE);
		let text: string;
		try {
			text = readFileSync(this.path, 'utf8');
		} catch (error) {
			// No file, or no settings folder to hold one (read-only settings say so themselves): nothing is queued.
			const code = (error as NodeJS.ErrnoException).code;
			if (code === 'ENOENT' || code === 'ENOTDIR') return { batches: [] };
			return { batches: [], problem: `${this.path} could not be read (${(error as Error).message}).` };
		}
		let parsed: unknown;
		try {
			parsed = JSON.parse(text);
		} catch {
			return {
				batches: [],
				problem: `${this.path} is not valid JSON: the queue was left as it is; delete it to start afresh.`,
			};
		}
		const batches = (parsed as { batches?: unknown }).batches;
		if (!Array.isArray(batches)) return { batches: [], problem: `${this.path} has no list of batches.` };
		const good = batches.filter(isBatch);
		const dropped = batches.length - good.length;
		return dropped > 0
			? { batches: good, problem: `${dropped} damaged batch${dropped === 1 ? '' : 'es'} in ${this.path} ignored.` }
			: { batches: good };
	}

	/** The queued batch of one verb, if any. */
	batch(verb: ActingVerb): QueuedBatch | undefined {
		return this.read().batches.find((batch) => batch.verb === verb);
	}

	/** Replaces the verb's batch; an empty list removes it. */
	save(batch: QueuedBatch): void {
		const others = this.read().batches.filter((other) => other.verb !== batch.verb);
		const ids = [...new Set(batch.accountIds)];
		const batches = ids.length > 0 ? [...others, { ...batch, accountIds: ids }] : others;
		this.write(batches);
	}

	/** Takes accounts out of the verb's batch (acted on, or dropped by a new plan). */
	remove(verb: ActingVerb, accountIds: Iterable<string>): void {
		const current = this.batch(verb);
		if (!current) return;
		const gone = new Set(accountIds);
		this.save({ ...current, accountIds: current.accountIds.filter((id) => !gone.has(id)) });
	}

	private write(batches: readonly QueuedBatch[]): void {
		ensurePrivateFolder(dirname(this.path));
		if (batches.length === 0) {
			rmSync(this.path, { force: true });
			return;
		}
		const temporary = `${this.path}.${randomUUID()}.tmp`;
		const fd = openSync(temporary, 'w', PRIVATE_FILE_MODE);
		try {
			writeSync(fd, `${JSON.stringify({ version: 1, organizationId: this.organizationId, batches }, null, '\t')}\n`);
			fsyncSync(fd);
		} finally {
			closeSync(fd);
		}
		renameSync(temporary, this.path);
	}
}

/**
 * The filter's syntax, pure: terms split on spaces, all of which must match.
 * A term is free text (name, id, email or OU path), or a field: `state:closed`
 * (the state starts with it), `ou:Sandbox` (the OU path contains it),
 * `tag:env=dev` or `tag:env` (a tag, key and value whole, of the accounts
 * whose tags are read: they are read for the rows on screen, so the caller
 * hands them in and the filter says how many are not read yet). `!` before a
 * term inverts it.
 */
import { ACCOUNT_STATES } from '../domain/account.js';
import type { Tag } from '../domain/impact.js';

export type FilterField = 'text' | 'state' | 'ou' | 'tag';

export interface FilterTerm {
	readonly field: FilterField;
	/** Lower case; for `tag:`, the whole `key=value`. */
	readonly value: string;
	readonly negated: boolean;
}

export interface ParsedFilter {
	readonly terms: readonly FilterTerm[];
	/** Why the filter may show fewer accounts than the user expects (an unknown state; see tagNote for tags). */
	readonly notes: readonly string[];
}

const FIELD_PREFIXES: ReadonlyArray<readonly [string, FilterField]> = [
	['state:', 'state'],
	['ou:', 'ou'],
	['tag:', 'tag'],
];

const STATE_VALUES = ACCOUNT_STATES.map((state) => state.toLowerCase());

/** Lower-case state names, `-` written as `_` (so `state:pending-closure` works too). */
function stateValue(text: string): string {
	return text.replace(/-/g, '_');
}

function parseTerm(word: string): FilterTerm | undefined {
	const negated = word.startsWith('!');
	const body = negated ? word.slice(1) : word;
	for (const [prefix, field] of FIELD_PREFIXES) {
		if (body.startsWith(prefix)) {
			const value = body.slice(prefix.length);
			// A field still being typed (`state:`) constrains nothing yet.
			if (!value) return undefined;
			return { field, value: field === 'state' ? stateValue(value) : value, negated };
		}
	}
	return body ? { field: 'text', value: body, negated } : undefined;
}

/** The query's terms (lower case) and what to tell the user about them. */
export function parseFilter(query: string): ParsedFilter {
	const terms: FilterTerm[] = [];
	const notes: string[] = [];
	for (const word of query.toLowerCase().split(/\s+/)) {
		const term = word ? parseTerm(word) : undefined;
		if (!term) continue;
		terms.push(term);
		if (term.field === 'state' && !STATE_VALUES.some((state) => state.startsWith(term.value))) {
			notes.push(`no state starts with "${term.value}" (states: ${STATE_VALUES.join(', ')})`);
		}
	}
	return { terms, notes };
}

/** What one account offers the filter, lower case, computed once per account. */
export interface FilterSubject {
	/** Name, id, email and OU path, one per line. */
	readonly text: string;
	readonly state: string;
	readonly ou: string;
}

/** The tags read so far, by account id; an account not in it has unknown tags. */
export type TagsById = ReadonlyMap<string, readonly Tag[]>;

/** Whether one of the tags is the term's `key` or `key=value` (lower case, each part whole). */
export function matchesTag(value: string, tags: readonly Tag[]): boolean {
	const equals = value.indexOf('=');
	const key = equals < 0 ? value : value.slice(0, equals);
	const wanted = equals < 0 ? undefined : value.slice(equals + 1);
	return tags.some(
		(tag) => tag.key.toLowerCase() === key && (wanted === undefined || tag.value.toLowerCase() === wanted),
	);
}

/** Whether the query has a `tag:` term, so the accounts' tags matter. */
export function hasTagTerm(filter: ParsedFilter): boolean {
	return filter.terms.some((term) => term.field === 'tag');
}

/** What to say when a `tag:` term is used while some accounts' tags are not read yet; undefined when all are. */
export function tagNote(read: number, total: number): string | undefined {
	if (read >= total) return undefined;
	return `tag: checks ${read} of ${total} accounts (tags read so far); scroll to read more`;
}

/** Whether the account matches the term, before `!`. */
function matchesField(term: FilterTerm, subject: FilterSubject): boolean {
	switch (term.field) {
		case 'text':
			return subject.text.includes(term.value);
		case 'state':
			return subject.state.startsWith(term.value);
		case 'ou':
			return subject.ou.includes(term.value);
		case 'tag':
			return false;
	}
}

/**
 * Whether the account matches the term. `tags` are the account's tags, or
 * undefined when not read: then neither a tag nor its absence is known, and a
 * `tag:` term, inverted or not, does not match.
 */
export function matchesTerm(term: FilterTerm, subject: FilterSubject, tags?: readonly Tag[]): boolean {
	if (term.field === 'tag') return tags !== undefined && matchesTag(term.value, tags) !== term.negated;
	return matchesField(term, subject) !== term.negated;
}

/**
 * Whether every account matching `next` also matches `previous`, so that
 * `next` need only search `previous`'s matches: the same terms, the last
 * possibly longer (a longer text, state prefix or OU never matches more; an
 * inverted one can; a tag is matched whole, so only the same tag), and maybe
 * more terms after them. The tags read must be the same too (the caller's check).
 */
export function narrows(previous: ParsedFilter, next: ParsedFilter): boolean {
	if (next.terms.length < previous.terms.length) return false;
	return previous.terms.every((term, index) => {
		const other = next.terms[index] as FilterTerm;
		if (other.field !== term.field || other.negated !== term.negated) return false;
		if (term.field === 'tag') return other.value === term.value;
		return other.value === term.value || (!term.negated && other.value.startsWith(term.value));
	});
}

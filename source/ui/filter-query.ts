/**
 * The filter's syntax, pure: terms split on spaces, all of which must match.
 * A term is free text (name, id, email or OU path), or a field: `state:closed`
 * (the state starts with it), `ou:Sandbox` (the OU path contains it),
 * `tag:env=dev` (a tag; tags are not loaded, so such a term matches nothing and
 * the filter says why). `!` before a term inverts it.
 */
import { ACCOUNT_STATES } from '../domain/account.js';

export type FilterField = 'text' | 'state' | 'ou' | 'tag';

export interface FilterTerm {
	readonly field: FilterField;
	/** Lower case; for `tag:`, the whole `key=value`. */
	readonly value: string;
	readonly negated: boolean;
}

export interface ParsedFilter {
	readonly terms: readonly FilterTerm[];
	/** Why the filter may show fewer accounts than the user expects (a tag term, an unknown state). */
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
		if (term.field === 'tag') {
			const note = 'tags are not loaded, so tag: matches no account';
			if (!notes.includes(note)) notes.push(note);
		}
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

export function matchesTerm(term: FilterTerm, subject: FilterSubject): boolean {
	// Tags are unknown: neither a tag nor its absence can be confirmed, so a tag term never matches.
	if (term.field === 'tag') return false;
	return matchesField(term, subject) !== term.negated;
}

/**
 * Whether every account matching `next` also matches `previous`, so that
 * `next` need only search `previous`'s matches: the same terms, the last
 * possibly longer (a longer text, state prefix or OU never matches more; an
 * inverted one can), and maybe more terms after them.
 */
export function narrows(previous: ParsedFilter, next: ParsedFilter): boolean {
	if (next.terms.length < previous.terms.length) return false;
	return previous.terms.every((term, index) => {
		const other = next.terms[index] as FilterTerm;
		if (other.field !== term.field || other.negated !== term.negated) return false;
		return other.value === term.value || (!term.negated && other.value.startsWith(term.value));
	});
}

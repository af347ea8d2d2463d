import { describe, expect, it } from 'vitest';
import { matchesTag, matchesTerm, narrows, parseFilter, tagNote } from '../../source/ui/filter-query.js';

describe('parseFilter', () => {
	it('splits on spaces, lower case, fields known by their prefix, ! inverting', () => {
		expect(parseFilter('  Pay  !STATE:Pending-Closure ou:Sand tag:Env=Dev ').terms).toEqual([
			{ field: 'text', value: 'pay', negated: false },
			{ field: 'state', value: 'pending_closure', negated: true },
			{ field: 'ou', value: 'sand', negated: false },
			{ field: 'tag', value: 'env=dev', negated: false },
		]);
	});

	it('leaves out terms with nothing to match yet (a lone !, a field without a value)', () => {
		expect(parseFilter('! state: !ou:').terms).toEqual([]);
	});

	it('keeps an unknown field as free text', () => {
		expect(parseFilter('name:x').terms).toEqual([{ field: 'text', value: 'name:x', negated: false }]);
	});

	it('says why a term matches nothing: a state that does not exist (tags are said by tagNote)', () => {
		expect(parseFilter('tag:a=b tag:c').notes).toEqual([]);
		expect(parseFilter('state:gone').notes).toEqual([
			'no state starts with "gone" (states: active, pending_activation, pending_closure, suspended, closed)',
		]);
		expect(parseFilter('state:pend ou:x').notes).toEqual([]);
	});
});

describe('tags', () => {
	const tags = [
		{ key: 'Env', value: 'Prod' },
		{ key: 'cost-center', value: 'cc=4410' },
	];
	const subject = { text: 'a', state: 'active', ou: 'root' };

	it('matches a key, or a key and value, each whole and without regard to case', () => {
		expect(matchesTag('env', tags)).toBe(true);
		expect(matchesTag('env=prod', tags)).toBe(true);
		expect(matchesTag('env=dev', tags)).toBe(false);
		expect(matchesTag('en', tags)).toBe(false);
		expect(matchesTag('env=pr', tags)).toBe(false);
		// The first = splits key from value.
		expect(matchesTag('cost-center=cc=4410', tags)).toBe(true);
		expect(matchesTag('env=', tags)).toBe(false);
		expect(matchesTag('env=', [{ key: 'env', value: '' }])).toBe(true);
	});

	it('a tag term, inverted or not, matches only an account whose tags are read', () => {
		const [term] = parseFilter('tag:env=prod').terms;
		const [inverted] = parseFilter('!tag:env=prod').terms;
		if (!term || !inverted) throw new Error('no term');
		expect(matchesTerm(term, subject, tags)).toBe(true);
		expect(matchesTerm(inverted, subject, tags)).toBe(false);
		expect(matchesTerm(term, subject, [])).toBe(false);
		expect(matchesTerm(inverted, subject, [])).toBe(true);
		expect(matchesTerm(term, subject, undefined)).toBe(false);
		expect(matchesTerm(inverted, subject, undefined)).toBe(false);
	});

	it('notes how many accounts are not read, and nothing once all are', () => {
		expect(tagNote(0, 35)).toBe('tag: checks 0 of 35 accounts (tags read so far); scroll to read more');
		expect(tagNote(16, 35)).toBe('tag: checks 16 of 35 accounts (tags read so far); scroll to read more');
		expect(tagNote(35, 35)).toBeUndefined();
	});
});

describe('narrows', () => {
	const narrowing = (from: string, to: string) => narrows(parseFilter(from), parseFilter(to));

	it('holds when terms only grow or are added', () => {
		expect(narrowing('pay', 'paym')).toBe(true);
		expect(narrowing('pay', 'pay ou:dev')).toBe(true);
		expect(narrowing('state:c', 'state:cl')).toBe(true);
		expect(narrowing('', '!x')).toBe(true);
	});

	it('does not hold for a longer inverted term, a changed field or a removed term', () => {
		expect(narrowing('!pay', '!paym')).toBe(false);
		expect(narrowing('ou', 'ou:x')).toBe(false);
		expect(narrowing('pay dev', 'pay')).toBe(false);
		expect(narrowing('pay', '!pay')).toBe(false);
	});

	it('does not hold for a longer tag term: key and value are matched whole', () => {
		expect(narrowing('tag:env', 'tag:env=prod')).toBe(false);
		expect(narrowing('tag:en', 'tag:env')).toBe(false);
		expect(narrowing('tag:env', 'tag:env ou:x')).toBe(true);
	});
});

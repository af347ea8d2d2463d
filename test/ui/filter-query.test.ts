import { describe, expect, it } from 'vitest';
import { narrows, parseFilter } from '../../source/ui/filter-query.js';

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

	it('says why a term matches nothing: tags are not loaded, a state that does not exist', () => {
		expect(parseFilter('tag:a=b tag:c').notes).toEqual(['tags are not loaded, so tag: matches no account']);
		expect(parseFilter('state:gone').notes).toEqual([
			'no state starts with "gone" (states: active, pending_activation, pending_closure, suspended, closed)',
		]);
		expect(parseFilter('state:pend ou:x').notes).toEqual([]);
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
});

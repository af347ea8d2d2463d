import { describe, expect, it } from 'vitest';
import { hiddenLines, moreMarker, moveOffset, offsetShowing } from '../../source/ui/scroll.js';

describe('scrolling a body taller than its room', () => {
	const position = { offset: 0, content: 30, view: 10 };

	it('moves by a line or by a page less one line, never past either end', () => {
		expect(moveOffset(position, 'line-down')).toBe(1);
		expect(moveOffset(position, 'page-down')).toBe(9);
		expect(moveOffset({ ...position, offset: 18 }, 'page-down')).toBe(20);
		expect(moveOffset(position, 'line-up')).toBe(0);
		expect(moveOffset({ ...position, offset: 5 }, 'page-up')).toBe(0);
		expect(moveOffset({ offset: 0, content: 5, view: 10 }, 'page-down')).toBe(0);
	});

	it('says how many lines are hidden below and above, and the keys that show them', () => {
		expect(moreMarker(position)).toBe('↓ 20 more lines, PgDn');
		expect(moreMarker({ ...position, offset: 19 })).toBe('↓ 1 more line, PgDn  ↑ 19 lines above, PgUp');
		expect(moreMarker({ ...position, offset: 20 })).toBe('↑ 20 lines above, PgUp');
		expect(moreMarker({ offset: 0, content: 10, view: 10 })).toBeUndefined();
		expect(hiddenLines({ ...position, offset: 50 })).toEqual({ above: 20, below: 0 });
	});

	it('brings lines into view with the smallest move, their top first when they do not fit', () => {
		expect(offsetShowing(position, 3, 1)).toBe(0);
		expect(offsetShowing(position, 12, 2)).toBe(4);
		expect(offsetShowing({ ...position, offset: 15 }, 2, 1)).toBe(2);
		expect(offsetShowing(position, 5, 20)).toBe(5);
	});
});

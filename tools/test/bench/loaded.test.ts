import { expect, it } from 'vitest';
import { loadedTotal } from '../../bench/loaded.js';

it('reads the whole-list count from the status line, and nothing while loading or while cached rows remain', () => {
	expect(loadedTotal(['header', '   NAME  ACCOUNT ID', '10,000 accounts · sorted by name'])).toBe(10_000);
	expect(loadedTotal(['1 account · sorted by OU'])).toBe(1);
	expect(loadedTotal(['⠋ Loading accounts… 2,340 so far'])).toBeUndefined();
	expect(loadedTotal(['10,000 accounts · sorted by name · ~ 12 from the cache, not yet confirmed'])).toBeUndefined();
	expect(loadedTotal(['Quota 35 of 36 accounts (97%)'])).toBeUndefined();
});

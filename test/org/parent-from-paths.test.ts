/** The parent an account's Paths name (ListAccounts since 2026), or nothing when they do not say it plainly. */
import { describe, expect, it } from 'vitest';
import { parentFromPaths } from '../../source/org/aws/loader.js';

describe('parentFromPaths', () => {
	it('is the last root or OU before the account id', () => {
		expect(
			parentFromPaths({ Id: '111111111111', Paths: ['o-abc/r-root/ou-root-aaaa/ou-root-bbbb/111111111111/'] }),
		).toBe('ou-root-bbbb');
		expect(parentFromPaths({ Id: '111111111111', Paths: ['o-abc/r-root/111111111111/'] })).toBe('r-root');
	});

	it('is undefined without Paths, or when they end with another id or name no root or OU', () => {
		expect(parentFromPaths({ Id: '111111111111' })).toBeUndefined();
		expect(parentFromPaths({ Id: '111111111111', Paths: [] })).toBeUndefined();
		expect(parentFromPaths({ Id: '111111111111', Paths: ['o-abc/r-root/222222222222/'] })).toBeUndefined();
		expect(parentFromPaths({ Id: '111111111111', Paths: ['o-abc/111111111111/'] })).toBeUndefined();
		expect(parentFromPaths({ Id: '111111111111', Paths: ['o-abc/x-odd/111111111111/'] })).toBeUndefined();
	});
});

import { describe, expect, it } from 'vitest';
import { ACCOUNT_STATES, isAccountId, normalizeState } from '../../source/domain/account.js';

describe('normalizeState', () => {
	it('takes the new State field when it is present', () => {
		expect(normalizeState('CLOSED', 'SUSPENDED')).toEqual({ state: 'CLOSED', stateSource: 'State' });
		expect(normalizeState('PENDING_ACTIVATION', 'ACTIVE')).toEqual({
			state: 'PENDING_ACTIVATION',
			stateSource: 'State',
		});
	});

	it('prefers State even where the legacy Status disagrees', () => {
		// Legacy Status says SUSPENDED for an owner-closed account; State tells CLOSED and SUSPENDED (by AWS) apart.
		expect(normalizeState('SUSPENDED', 'SUSPENDED')).toEqual({ state: 'SUSPENDED', stateSource: 'State' });
		expect(normalizeState('ACTIVE', 'PENDING_CLOSURE')).toEqual({ state: 'ACTIVE', stateSource: 'State' });
	});

	it('accepts every state AWS documents', () => {
		for (const state of ACCOUNT_STATES) {
			expect(normalizeState(state, undefined)).toEqual({ state, stateSource: 'State' });
		}
	});

	it('falls back to the legacy Status when State is absent', () => {
		expect(normalizeState(undefined, 'ACTIVE')).toEqual({ state: 'ACTIVE', stateSource: 'Status' });
		expect(normalizeState(undefined, 'SUSPENDED')).toEqual({ state: 'SUSPENDED', stateSource: 'Status' });
		expect(normalizeState(undefined, 'PENDING_CLOSURE')).toEqual({ state: 'PENDING_CLOSURE', stateSource: 'Status' });
		expect(normalizeState('', 'SUSPENDED')).toEqual({ state: 'SUSPENDED', stateSource: 'Status' });
	});

	it('falls back to Status when State holds a value it does not know', () => {
		expect(normalizeState('HIBERNATING', 'SUSPENDED')).toEqual({ state: 'SUSPENDED', stateSource: 'Status' });
	});

	it('treats an account with no readable state as active, and says which field it tried', () => {
		expect(normalizeState(undefined, undefined)).toEqual({ state: 'ACTIVE', stateSource: 'Status' });
		expect(normalizeState('HIBERNATING', undefined)).toEqual({ state: 'ACTIVE', stateSource: 'State' });
		expect(normalizeState('HIBERNATING', 'DORMANT')).toEqual({ state: 'ACTIVE', stateSource: 'State' });
		expect(normalizeState(undefined, 'DORMANT')).toEqual({ state: 'ACTIVE', stateSource: 'Status' });
	});

	it('is case-sensitive, as the API is', () => {
		expect(normalizeState('closed', 'SUSPENDED')).toEqual({ state: 'SUSPENDED', stateSource: 'Status' });
	});
});

describe('isAccountId', () => {
	it('accepts exactly twelve digits, leading zeros included', () => {
		expect(isAccountId('111111111111')).toBe(true);
		expect(isAccountId('012345678901')).toBe(true);
	});

	it('refuses anything else', () => {
		for (const value of [
			'',
			'11111111111',
			'1111111111111',
			'11111111111a',
			' 111111111111',
			'111111111111 ',
			'1111-1111-1111',
			'111111111111\n',
			'１１１１１１１１１１１１',
		]) {
			expect(isAccountId(value), JSON.stringify(value)).toBe(false);
		}
	});
});

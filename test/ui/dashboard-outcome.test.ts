import { describe, expect, it } from 'vitest';
import { dashboardOutcome } from '../../source/ui/app.js';
import type { AccountsState } from '../../source/ui/hooks/use-accounts.js';

const LOADING: AccountsState = { status: 'loading', accounts: [], cachedIds: new Set(), fromCache: false, received: 0 };
const FAILURE = { operation: 'describeOrganization', error: new Error('connect ECONNREFUSED') } as const;

describe('dashboardOutcome: what the exit code follows', () => {
	it('a failed load with no live list read: the organization could not be read', () => {
		expect(dashboardOutcome({ ...LOADING, status: 'failed', failure: FAILURE })).toEqual({ readFailed: true });
	});

	it('a failed load while only the cached list is shown: still not read', () => {
		expect(
			dashboardOutcome({ ...LOADING, status: 'failed', failure: FAILURE, fromCache: true, loadedAt: new Date() }),
		).toEqual({ readFailed: true });
	});

	it('a refresh that failed after a live list was read: it was read', () => {
		expect(dashboardOutcome({ ...LOADING, status: 'failed', failure: FAILURE, loadedAt: new Date() })).toEqual({
			readFailed: false,
		});
	});

	it('quit while loading, before any failure: nothing failed', () => {
		expect(dashboardOutcome(LOADING)).toEqual({ readFailed: false });
	});

	it('a list read: not failed', () => {
		expect(dashboardOutcome({ ...LOADING, status: 'ready', loadedAt: new Date() })).toEqual({ readFailed: false });
	});
});

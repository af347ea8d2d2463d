/** Whether a closure request has completed, as far as a batch is concerned. */
import type { AccountState } from '../account.js';

/** CLOSED, or SUSPENDED as some endpoints (and the legacy Status) report a closure. */
export function closureComplete(state: AccountState): boolean {
	return state === 'CLOSED' || state === 'SUSPENDED';
}

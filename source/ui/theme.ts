/**
 * Colours, in one place, and NO_COLOR (https://no-color.org): when it is set
 * to a non-empty value no colour is used at all. Chalk, which Ink uses, does
 * not read NO_COLOR itself, so every colour the product shows comes from here.
 * Meaning never rests on colour alone: states, warnings and the selected row
 * also read as text (labels, a marker), so nothing is lost without colour.
 */
import type { AccountState } from '../domain/account.js';
import type { QuotaLevel } from '../domain/quota.js';

export type Colour = 'green' | 'yellow' | 'red' | 'cyan' | 'gray' | 'magenta' | 'blue';

export function colorsEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
	return !env.NO_COLOR;
}

export interface Theme {
	readonly enabled: boolean;
	/** The colour to pass to Ink, or undefined when colours are off. */
	readonly colour: (name: Colour) => Colour | undefined;
	readonly state: (state: AccountState) => Colour | undefined;
	readonly quota: (level: QuotaLevel) => Colour | undefined;
}

const STATE_COLOUR: Record<AccountState, Colour> = {
	ACTIVE: 'green',
	PENDING_ACTIVATION: 'cyan',
	PENDING_CLOSURE: 'yellow',
	SUSPENDED: 'red',
	CLOSED: 'gray',
};

const QUOTA_COLOUR: Record<QuotaLevel, Colour> = {
	ok: 'green',
	near: 'yellow',
	full: 'red',
	over: 'red',
};

export function createTheme(enabled: boolean): Theme {
	const colour = (name: Colour): Colour | undefined => (enabled ? name : undefined);
	return {
		enabled,
		colour,
		state: (state) => colour(STATE_COLOUR[state]),
		quota: (level) => colour(QUOTA_COLOUR[level]),
	};
}

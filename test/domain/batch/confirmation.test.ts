import { describe, expect, it } from 'vitest';
import {
	type BatchConfirmation,
	CONFIRMATION_START,
	confirmationKey,
} from '../../../source/domain/batch/confirmation.js';
import { confirmationPhrase } from '../../../source/domain/batch/verbs.js';
import type { FlowKey } from '../../../source/domain/flow/types.js';

const PHRASE = confirmationPhrase('close', 12);

function typeKeys(keys: readonly (FlowKey | string)[], pasted = false, start: BatchConfirmation = CONFIRMATION_START) {
	let state = start;
	let notice: string | undefined;
	for (const key of keys) {
		const flowKey: FlowKey = typeof key === 'string' ? { type: 'text', text: key } : key;
		({ state, notice } = confirmationKey(state, flowKey, pasted, PHRASE, 12));
	}
	return { state, notice };
}

const ENTER: FlowKey = { type: 'enter' };
const ESC: FlowKey = { type: 'escape' };
const chars = (text: string) => Array.from(text).map((char) => (char === ' ' ? ({ type: 'space' } as FlowKey) : char));

describe('the batch confirmation', () => {
	it('is the verb and the count, then y typed one key at a time', () => {
		expect(PHRASE).toBe('close 12');
		expect(typeKeys([ENTER, ...chars('close 12'), ENTER, 'y', ENTER]).state).toEqual({ step: 'confirmed' });
		expect(typeKeys([ENTER, ...chars(' CLOSE  12 '), ENTER, ...chars('yes'), ENTER]).state.step).toBe('confirmed');
	});

	it('refuses the wrong count or verb, says what to type, and stays', () => {
		const { state, notice } = typeKeys([ENTER, ...chars('close 11'), ENTER]);
		expect(state.step).toBe('phrase');
		expect(notice).toContain('close 12');
		expect(typeKeys([ENTER, ...chars('remove 12'), ENTER]).state.step).toBe('phrase');
	});

	it('takes Enter alone, no or a pasted yes as No, and goes back to the plan', () => {
		expect(typeKeys([ENTER, ...chars('close 12'), ENTER, ENTER]).state.step).toBe('plan');
		expect(typeKeys([ENTER, ...chars('close 12'), ENTER, 'n', ENTER]).notice).toContain('nothing was sent');
		const atYes = typeKeys([ENTER, ...chars('close 12'), ENTER]).state;
		expect(typeKeys(['y'], true, atYes).state).toEqual({ step: 'yes', answer: '' });
		expect(typeKeys(['yes'], false, atYes).state).toEqual({ step: 'yes', answer: '' });
	});

	it('goes back one step on Esc, and leaves from the plan', () => {
		const atYes = typeKeys([ENTER, ...chars('close 12'), ENTER]).state;
		expect(typeKeys([ESC], false, atYes).state).toEqual({ step: 'phrase', typed: '' });
		expect(typeKeys([ESC, ESC], false, atYes).state).toEqual({ step: 'plan' });
		expect(typeKeys([ESC, ESC, ESC], false, atYes).state).toEqual({ step: 'left' });
	});

	it('cannot be confirmed with nothing to act on', () => {
		const { state, notice } = confirmationKey(CONFIRMATION_START, ENTER, false, 'close 0', 0);
		expect(state.step).toBe('plan');
		expect(notice).toContain('nothing to confirm');
	});
});

describe('the batch confirmation and pastes', () => {
	it('takes the phrase typed ahead, but a pasted Enter submits nothing, on the plan or the phrase', () => {
		const atPhrase = typeKeys([ENTER]).state;
		const typedAhead = typeKeys(['close 12'], true, atPhrase).state;
		expect(typedAhead).toEqual({ step: 'phrase', typed: 'close 12' });
		expect(typeKeys([ENTER], true, typedAhead).state).toEqual(typedAhead);
		expect(typeKeys([ENTER], false, typedAhead).state).toEqual({ step: 'yes', answer: '' });
		expect(typeKeys([ENTER], true).state).toEqual({ step: 'plan' });
	});
});

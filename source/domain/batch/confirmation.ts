/**
 * The batch's typed confirmation: the verb and the number of accounts that
 * will be acted on (`close 12`), then [y/N], with the single account's rules
 * (flow/confirmation.ts): only y or yes typed one key at a time confirms, a
 * paste or a burst never does, Enter alone or any other line is No, and Esc
 * always goes back a step. The verb and the count, like the single flow's id,
 * may arrive typed ahead in one burst, but a pasted Enter submits nothing.
 * `confirmed` is the only way a batch starts.
 */
import { ANSWER_MAX_LENGTH, isYes } from '../flow/confirmation.js';
import type { FlowKey } from '../flow/types.js';

export type BatchConfirmation =
	/** The plan is shown; Enter starts typing the phrase. */
	| { readonly step: 'plan' }
	| { readonly step: 'phrase'; readonly typed: string }
	| { readonly step: 'yes'; readonly answer: string }
	| { readonly step: 'confirmed' }
	/** Esc on the plan: leave it. */
	| { readonly step: 'left' };

export interface ConfirmationTransition {
	readonly state: BatchConfirmation;
	readonly notice?: string | undefined;
}

export const CONFIRMATION_START: BatchConfirmation = { step: 'plan' };

/** The longest phrase kept: as long as an answer ("move back 10000" fits). */
const PHRASE_MAX_LENGTH = ANSWER_MAX_LENGTH;

/** Case, and spaces around and between words, aside. */
function samePhrase(typed: string, phrase: string): boolean {
	const normal = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();
	return normal(typed) === normal(phrase);
}

/**
 * One key. `phrase` is what must be typed (confirmationPhrase), `count` the
 * accounts that will be acted on: a plan with none cannot be confirmed.
 */
export function confirmationKey(
	state: BatchConfirmation,
	key: FlowKey,
	pasted: boolean,
	phrase: string,
	count: number,
): ConfirmationTransition {
	switch (state.step) {
		case 'plan':
			if (key.type === 'escape') return { state: { step: 'left' } };
			// A pasted Enter is not a decision to start.
			if (key.type !== 'enter' || pasted) return { state };
			if (count === 0)
				return { state, notice: 'No account in this plan can be acted on: nothing to confirm (Esc goes back).' };
			return { state: { step: 'phrase', typed: '' } };
		case 'phrase': {
			if (key.type === 'escape') return { state: { step: 'plan' } };
			// Typed ahead or pasted, the phrase is text like the single flow's id; a pasted Enter decides nothing.
			if (key.type === 'enter' && pasted) return { state };
			if (key.type === 'backspace')
				return { state: { step: 'phrase', typed: Array.from(state.typed).slice(0, -1).join('') } };
			const text = key.type === 'space' ? ' ' : key.type === 'text' ? key.text.replace(/\p{Cc}/gu, '') : undefined;
			if (text !== undefined) {
				const typed = Array.from(state.typed + text)
					.slice(0, PHRASE_MAX_LENGTH)
					.join('');
				return { state: { step: 'phrase', typed } };
			}
			if (key.type !== 'enter') return { state };
			if (!samePhrase(state.typed, phrase)) {
				return { state, notice: `Type “${phrase}” exactly (the number is how many accounts will be acted on).` };
			}
			return { state: { step: 'yes', answer: '' } };
		}
		case 'yes': {
			if (key.type === 'escape') return { state: { step: 'phrase', typed: '' } };
			const typed = key.type === 'space' ? ' ' : key.type === 'text' ? key.text : undefined;
			// A person types one character per key: several at once are a paste, whatever the terminal said.
			if (pasted || (typed !== undefined && Array.from(typed).length > 1)) {
				return {
					state: { step: 'yes', answer: '' },
					notice: 'Type the answer, one key at a time: pasted keys do not count here (the line was cleared).',
				};
			}
			if (key.type === 'backspace')
				return { state: { step: 'yes', answer: Array.from(state.answer).slice(0, -1).join('') } };
			if (typed !== undefined) {
				if (/\p{Cc}/u.test(typed)) return { state };
				if (Array.from(state.answer).length >= ANSWER_MAX_LENGTH) {
					return {
						state,
						notice: `The answer is at most ${ANSWER_MAX_LENGTH} characters: type yes (or y), or Backspace.`,
					};
				}
				return { state: { step: 'yes', answer: state.answer + typed } };
			}
			if (key.type !== 'enter') return { state };
			if (!isYes(state.answer)) {
				const said =
					state.answer.trim() === '' ? 'You answered No' : `“${state.answer.trim()}” is not yes, so it is No`;
				return { state: { step: 'plan' }, notice: `${said}: nothing was sent.` };
			}
			return { state: { step: 'confirmed' } };
		}
		case 'confirmed':
		case 'left':
			// Once confirmed, keys belong to the run; repeated Enters cannot confirm twice.
			return { state };
	}
}

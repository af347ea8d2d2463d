/**
 * The typed confirmation before a destructive request: the 12-digit account id,
 * then the [y/N] line. This file is the one place a flow produces the
 * destructive effect ('submit'), in onConfirmYesKey: only when the line typed
 * there, one key at a time, is y or yes, after the exact id was typed in the
 * same visit. The same transition moves to 'submitting', where every key is
 * ignored, so one confirmation sends at most one request.
 */
import { beforeConfirm, stay, to } from './transitions.js';
import type { DestructiveAction, FlowKey, FlowState, FlowStep, Transition } from './types.js';

/** The steps where typed characters are text, not commands (j, k and Space included). */
export function takesTypedText(step: FlowStep): boolean {
	return step.name === 'confirm-id' || step.name === 'confirm-yes';
}

const ACCOUNT_ID_LENGTH = 12;

/** The longest answer the last question keeps; only y or yes confirms, so more is a mistake. */
export const ANSWER_MAX_LENGTH = 20;

/** The one answer that confirms: the typed line is y or yes, in any case, spaces around it aside. */
export function isYes(line: string): boolean {
	return /^(?:y|yes)$/i.test(line.trim());
}

export function onConfirmIdKey(state: FlowState, action: DestructiveAction, typed: string, key: FlowKey): Transition {
	if (key.type === 'backspace') return to(state, { name: 'confirm-id', action, typed: typed.slice(0, -1) });
	if (key.type === 'text' || key.type === 'space') {
		const digits = key.type === 'text' ? key.text.replace(/\D/g, '') : '';
		if (!digits) return stay(state, 'Only digits: type the 12-digit account id.');
		const kept = (typed + digits).slice(0, ACCOUNT_ID_LENGTH);
		const dropped = typed.length + digits.length - kept.length;
		const notice =
			dropped > 0
				? `An account id has 12 digits: ${dropped === 1 ? 'the extra digit was' : `${dropped} extra digits were`} not added (Backspace deletes).`
				: undefined;
		return to(state, { name: 'confirm-id', action, typed: kept }, [], notice);
	}
	if (key.type !== 'enter') return stay(state);
	if (typed !== state.accountId) {
		const hint =
			typed.length < ACCOUNT_ID_LENGTH
				? `${typed.length} of 12 digits typed: type the whole account id.`
				: 'That is not this account’s id: check the digits (Backspace deletes).';
		return stay(state, hint);
	}
	const confirmation = state.confirmations + 1;
	return {
		state: {
			...state,
			confirmations: confirmation,
			notice: undefined,
			step: { name: 'confirm-yes', action, answer: '', confirmation },
		},
		effects: [],
	};
}

/**
 * The last question: a line of text, typed one key at a time. Enter submits
 * the whole line; only y or yes sends the request, anything else is No.
 */
export function onConfirmYesKey(
	state: FlowState,
	step: Extract<FlowStep, { name: 'confirm-yes' }>,
	key: FlowKey,
	pasted: boolean,
): Transition {
	const typed = key.type === 'space' ? ' ' : key.type === 'text' ? key.text : undefined;
	// A person types one character per key: several at once are a paste, whatever the terminal said.
	const burst = pasted || (typed !== undefined && Array.from(typed).length > 1);
	// The answer must be typed: a paste or a burst never answers, and nothing of it stays in the line.
	if (burst && key.type !== 'escape') {
		return to(
			state,
			{ ...step, answer: '' },
			[],
			'Type the answer, one key at a time: pasted keys do not count here (the line was cleared).',
		);
	}
	if (key.type === 'backspace') return to(state, { ...step, answer: Array.from(step.answer).slice(0, -1).join('') });
	if (typed !== undefined) {
		// Control characters are not text a person can see; they never go into the line.
		if (/\p{Cc}/u.test(typed)) return stay(state);
		if (Array.from(step.answer).length >= ANSWER_MAX_LENGTH) {
			return stay(
				state,
				`The answer is at most ${ANSWER_MAX_LENGTH} characters: type yes (or y), or Backspace to delete.`,
			);
		}
		return to(state, { ...step, answer: step.answer + typed });
	}
	if (key.type !== 'enter') return stay(state);
	if (!isYes(step.answer)) {
		const said = step.answer.trim() === '' ? 'You answered No' : `“${step.answer.trim()}” is not yes, so it is No`;
		return to(state, beforeConfirm(step.action), [], `${said}: nothing was sent.`);
	}
	return to(state, { name: 'submitting', action: step.action, confirmation: step.confirmation }, [
		{ type: 'submit', action: step.action, accountId: state.accountId, confirmation: step.confirmation },
	]);
}

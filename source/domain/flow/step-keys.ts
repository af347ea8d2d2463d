/**
 * What a key does at each step of the flows, Esc (one step back, never an
 * action) included. The two confirmation steps hand their keys to
 * confirmation.ts, the only place a key can lead to a request.
 */
import { CHECKLIST_ITEM_IDS, checklistProgress, toggleTicked } from '../checklist.js';
import { onConfirmIdKey, onConfirmYesKey } from './confirmation.js';
import { delegationRefusal } from './impact-answers.js';
import { beforeConfirm, exit, stay, to } from './transitions.js';
import { type FlowKey, type FlowState, PATH_OPTIONS, type Transition } from './types.js';

/** Esc: one step back, never an action. */
function back(state: FlowState): Transition {
	const { step } = state;
	switch (step.name) {
		case 'checklist':
			return to(state, { name: 'intro' });
		case 'path':
			return to(state, { name: 'checklist', cursor: 0 });
		case 'remove-intro':
			return state.context.kind === 'close' ? to(state, { name: 'path', cursor: 1 }) : exit(state);
		case 'confirm-id':
			return to(state, beforeConfirm(step.action));
		case 'confirm-yes':
			return to(state, { name: 'confirm-id', action: step.action, typed: '' });
		case 'submitting':
			return stay(state, 'The request is on its way to AWS; wait for its answer.');
		case 'settling':
			return stay(state, 'Reading the account to learn whether the request went through; wait a moment.');
		case 'removed':
			return exit(state);
		case 'console':
			return to(state, { name: 'removed', at: step.at, thenConsole: true });
		default:
			return exit(state);
	}
}

export function onKey(state: FlowState, key: FlowKey, pasted: boolean): Transition {
	if (key.type === 'escape') return back(state);
	const { step } = state;
	switch (step.name) {
		case 'loading':
		case 'submitting':
		case 'settling':
		case 'console':
		case 'exit':
			return stay(
				state,
				step.name === 'submitting'
					? 'The request is on its way to AWS; wait for its answer.'
					: step.name === 'settling'
						? 'Reading the account to learn whether the request went through; wait a moment.'
						: undefined,
			);
		case 'refused':
			return key.type === 'enter' ? exit(state) : stay(state);
		// After a request was sent only Esc leaves, so that keys pressed while waiting never skip AWS's answer.
		case 'failed':
		case 'unknown':
		case 'closed':
		case 'tracking':
			return stay(state);
		case 'removed':
			return step.thenConsole && key.type === 'enter' ? to(state, { name: 'console', at: step.at }) : stay(state);
		case 'intro':
			return key.type === 'enter' ? to(state, { name: 'checklist', cursor: 0 }) : stay(state);
		case 'checklist':
			return onChecklistKey(state, step.cursor, key);
		case 'path':
			return onPathKey(state, step.cursor, key);
		case 'remove-intro': {
			if (key.type !== 'enter') return stay(state);
			// A delegated administrator learnt of on the way (the close flow's path to removal) is refused here.
			const delegation = delegationRefusal(state);
			if (delegation) return to(state, { name: 'refused', refusals: [delegation] });
			return to(state, { name: 'confirm-id', action: 'remove', typed: '' });
		}
		case 'confirm-id':
			return onConfirmIdKey(state, step.action, step.typed, key);
		case 'confirm-yes':
			return onConfirmYesKey(state, step, key, pasted);
	}
}

function moveCursor(cursor: number, key: FlowKey, size: number): number | undefined {
	if (key.type === 'up') return Math.max(0, cursor - 1);
	if (key.type === 'down') return Math.min(size - 1, cursor + 1);
	return undefined;
}

function onChecklistKey(state: FlowState, cursor: number, key: FlowKey): Transition {
	const moved = moveCursor(cursor, key, CHECKLIST_ITEM_IDS.length);
	if (moved !== undefined) return to(state, { name: 'checklist', cursor: moved });
	if (key.type === 'space') {
		const id = CHECKLIST_ITEM_IDS[cursor];
		if (!id) return stay(state);
		const ticked = toggleTicked(state.ticked, id);
		return {
			state: { ...state, ticked, notice: undefined },
			effects: [{ type: 'saveProgress', accountId: state.accountId, ticked }],
		};
	}
	if (key.type === 'enter') {
		const progress = checklistProgress(state.ticked);
		if (!progress.complete) return stay(state, `Tick every item to go on (${progress.label}). Space ticks.`);
		return to(state, { name: 'path', cursor: 0 });
	}
	return stay(state);
}

function onPathKey(state: FlowState, cursor: number, key: FlowKey): Transition {
	const moved = moveCursor(cursor, key, PATH_OPTIONS.length);
	if (moved !== undefined) return to(state, { name: 'path', cursor: moved });
	if (key.type !== 'enter') return stay(state);
	switch (PATH_OPTIONS[cursor]) {
		case 'close-in-organization':
			return to(state, { name: 'confirm-id', action: 'close', typed: '' });
		case 'remove-then-console':
			return to(state, { name: 'remove-intro' });
		default:
			return exit(state);
	}
}

/** The small moves every part of the flow reducer makes: to a step, stay with a notice, exit. */
import type { DestructiveAction, FlowEffect, FlowState, FlowStep, Transition } from './types.js';

export function to(state: FlowState, step: FlowStep, effects: FlowEffect[] = [], notice?: string): Transition {
	return { state: { ...state, step, notice }, effects };
}

export function stay(state: FlowState, notice?: string): Transition {
	return { state: notice === state.notice ? state : { ...state, notice }, effects: [] };
}

export function exit(state: FlowState): Transition {
	return to(state, { name: 'exit' }, [{ type: 'exit' }]);
}

/** The step before confirm-id: where Esc and a "No" lead back to. */
export function beforeConfirm(action: DestructiveAction): FlowStep {
	return action === 'close' ? { name: 'path', cursor: 0 } : { name: 'remove-intro' };
}

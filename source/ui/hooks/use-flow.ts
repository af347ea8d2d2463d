/**
 * Runs the flow reducer for a panel. The state lives in a ref that each key
 * updates synchronously before any effect starts, so a second Enter pressed
 * before React re-renders already meets the 'submitting' step and is ignored.
 */
import type { Key } from 'ink';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type FlowEvent, type FlowKey, type FlowState, flowReducer, type Transition } from '../../domain/close-flow.js';
import type { FlowEffects } from '../flow-effects.js';
import { commandFor, FLOW_KEYS } from '../keymap.js';

/** Terminal input as the flows understand it (FLOW_KEYS); undefined for keys they do not use. */
export function toFlowKey(input: string, key: Key): FlowKey | undefined {
	switch (commandFor(FLOW_KEYS, input, key)) {
		case 'back':
			return { type: 'escape' };
		case 'continue':
			return { type: 'enter' };
		case 'tick':
			return { type: 'space' };
		case 'delete-char':
			return { type: 'backspace' };
		case 'move-up':
			return { type: 'up' };
		case 'move-down':
			return { type: 'down' };
		case 'previous-step':
			return { type: 'left' };
		case 'next-step':
			return { type: 'right' };
	}
	// Everything else that types text is text (digits, y, n, a pasted id); other special keys are ignored.
	if (key.ctrl || key.meta || key.tab || !input) return undefined;
	return { type: 'text', text: input };
}

/** The keys of one burst of text, in order: a paste, or keys that arrived faster than the screen reads them. */
function splitBurst(input: string): FlowKey[] {
	const keys: FlowKey[] = [];
	for (const char of Array.from(input)) {
		if (char === '\r' || char === '\n') keys.push({ type: 'enter' });
		else if (char === ' ') keys.push({ type: 'space' });
		else if (char === '\u007F' || char === '\b') keys.push({ type: 'backspace' });
		else if (char >= ' ') keys.push({ type: 'text', text: char });
	}
	return keys;
}

/**
 * Terminal input as flow keys. Ink hands over a burst of typed characters as
 * one input; it is split into its keys, marked as pasted, so that the flow can
 * refuse a pasted answer to its last question.
 */
export function toFlowKeys(input: string, key: Key): { readonly keys: FlowKey[]; readonly pasted: boolean } {
	const single = toFlowKey(input, key);
	if (single?.type !== 'text' || Array.from(input).length <= 1) return { keys: single ? [single] : [], pasted: false };
	return { keys: splitBurst(input), pasted: true };
}

export interface UseFlow {
	readonly state: FlowState;
	dispatch(event: FlowEvent): void;
}

export function useFlow(start: () => Transition, effects: FlowEffects, onState?: (state: FlowState) => void): UseFlow {
	const [initial] = useState(start);
	const stateRef = useRef(initial.state);
	const [state, setState] = useState(initial.state);
	const effectsRef = useRef(effects);
	effectsRef.current = effects;
	const onStateRef = useRef(onState);
	onStateRef.current = onState;

	const dispatch = useCallback((event: FlowEvent) => {
		const transition = flowReducer(stateRef.current, event);
		if (transition.state === stateRef.current && transition.effects.length === 0) return;
		stateRef.current = transition.state;
		setState(transition.state);
		onStateRef.current?.(transition.state);
		for (const effect of transition.effects) effectsRef.current.run(effect, dispatch);
	}, []);

	useEffect(() => {
		onStateRef.current?.(stateRef.current);
		for (const effect of initial.effects) effectsRef.current.run(effect, dispatch);
		return () => effectsRef.current.dispose();
	}, [initial, dispatch]);

	return { state, dispatch };
}

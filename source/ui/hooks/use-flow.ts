/**
 * Runs the flow reducer for a flow screen. The state lives in a ref that each key
 * updates synchronously before any effect starts, so a second Enter pressed
 * before React re-renders already meets the 'submitting' step and is ignored.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { type FlowEvent, type FlowKey, type FlowState, flowReducer, type Transition } from '../../domain/close-flow.js';
import type { FlowEffects } from '../flow-effects.js';
import { FLOW_KEYS, type FlowCommand, type KeyPress } from '../keymap.js';
import type { KeyScheme } from './use-keys.js';

/**
 * The flows' keys (FLOW_KEYS) as the reducer's keys, for useKeys. Everything
 * else that types text is text (digits, y, n, a pasted id); other special keys
 * are ignored. A press that came in a burst is sent as pasted, so that the
 * flow can refuse a pasted answer to its last question.
 */
export function flowKeyScheme(send: (key: FlowKey, pasted: boolean) => void): KeyScheme<FlowCommand> {
	const as = (key: FlowKey) => (press: KeyPress) => send(key, press.burst === true);
	return {
		bindings: FLOW_KEYS,
		on: {
			back: as({ type: 'escape' }),
			continue: as({ type: 'enter' }),
			tick: as({ type: 'space' }),
			'delete-char': as({ type: 'backspace' }),
			'move-up': as({ type: 'up' }),
			'move-down': as({ type: 'down' }),
			'previous-step': as({ type: 'left' }),
			'next-step': as({ type: 'right' }),
		},
		otherwise: ({ input, key, burst }) => {
			if (key.ctrl || key.meta || key.tab || !input) return;
			send({ type: 'text', text: input }, burst === true);
		},
	};
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

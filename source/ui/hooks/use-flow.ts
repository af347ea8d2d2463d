/**
 * Runs the flow reducer for a flow screen. The state lives in a ref that each key
 * updates synchronously before any effect starts, so a second Enter pressed
 * before React re-renders already meets the 'submitting' step and is ignored.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { flowReducer } from '../../domain/flow/reducer.js';
import type { FlowEvent, FlowKey, FlowState, Transition } from '../../domain/flow/types.js';
import type { FlowEffects } from '../flow-effects.js';
import type { KeyPress } from '../key-presses.js';
import { FLOW_KEYS, type FlowCommand, type KeyBinding } from '../keymap.js';
import type { KeyScheme } from './use-keys.js';

/** The flows' key table, and the same without the keys that type a character (for the steps that take text). */
const FLOW_SCHEME_BINDINGS = FLOW_KEYS;
const TYPING_BINDINGS: readonly KeyBinding<FlowCommand>[] = FLOW_KEYS.map((binding) => ({
	...binding,
	keys: binding.keys.filter((chord) => chord.special !== undefined),
}));

/**
 * The flows' keys (FLOW_KEYS) as the reducer's keys, for useKeys. Everything
 * else that types text is text (digits, letters, a pasted id); other special
 * keys are ignored. `typing`: the step takes typed text (takesTypedText),
 * where every printable character is text, the ones bound to commands
 * elsewhere (j, k, Space) included, so that what is typed is what the line
 * holds. A press that came in a burst is sent as pasted, so that the flow can
 * refuse a pasted answer to its last question.
 */
export function flowKeyScheme(send: (key: FlowKey, pasted: boolean) => void, typing = false): KeyScheme<FlowCommand> {
	const as = (key: FlowKey) => (press: KeyPress) => send(key, press.burst === true);
	return {
		bindings: typing ? TYPING_BINDINGS : FLOW_SCHEME_BINDINGS,
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
			if (key.ctrl || key.meta || key.tab || !input || /\p{Cc}/u.test(input)) return;
			send({ type: 'text', text: input }, burst === true);
		},
	};
}

export interface UseFlow {
	readonly state: FlowState;
	/** The state as of the last event, ahead of the next render: what a key that arrives now meets. */
	current(): FlowState;
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

	const current = useCallback(() => stateRef.current, []);
	return { state, current, dispatch };
}

/**
 * The one place terminal keys are read (Ink's useInput). Every screen hands
 * it a key table from the keymap and what each command does; bursts of keys
 * are split by `keyPresses`, so all screens see the same presses.
 */
import { useInput } from 'ink';
import { useCallback, useRef } from 'react';
import { type KeyPress, keyPresses } from '../key-presses.js';
import type { KeyBinding, KeyState } from '../keymap.js';
import { commandFor } from '../keymap-lookup.js';

export interface KeyScheme<C extends string> {
	readonly bindings: readonly KeyBinding<C>[];
	/** What each command does; a command without a handler does nothing. */
	readonly on: Partial<Record<C, (press: KeyPress) => void>>;
	/** A press no binding claims: typed text (a filter, an id, an answer), or a key the table does not use. */
	readonly otherwise?: (press: KeyPress) => void;
}

/**
 * Reads keys while `isActive`. `scheme` may be a function, asked again for
 * each press: keys of one burst are handled before React renders again, so a
 * screen whose keys depend on a mode (the filter) reads the mode from a ref.
 * The latest scheme is kept in a ref, so handlers always see current props.
 */
export function useKeys<C extends string>(
	scheme: KeyScheme<C> | (() => KeyScheme<C>),
	options: { readonly isActive?: boolean } = {},
): void {
	const latest = useRef(scheme);
	latest.current = scheme;
	// One identity for the screen's life: Ink subscribes again whenever the handler changes.
	const onInput = useCallback((input: string, key: KeyState) => readInput(() => latest.current, input, key), []);
	useInput(onInput, { isActive: options.isActive ?? true });
}

/**
 * What useKeys does with one input event, without React: the presses of the
 * event, each handed to the scheme's command (or to `otherwise`). The scheme
 * is asked again for each press (see useKeys).
 */
export function readInput<C extends string>(
	scheme: () => KeyScheme<C> | (() => KeyScheme<C>),
	input: string,
	key: KeyState,
): void {
	for (const press of keyPresses(input, key)) {
		const current = scheme();
		const { bindings, on, otherwise } = typeof current === 'function' ? current() : current;
		const command = commandFor(bindings, press.input, press.key);
		const handler = command === undefined ? undefined : on[command];
		if (handler) handler(press);
		else otherwise?.(press);
	}
}

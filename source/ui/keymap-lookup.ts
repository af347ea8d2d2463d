/**
 * Reading a key table: the command a key press is bound to, and the help and
 * hint text written from the same bindings.
 */
import type { KeyBinding, KeyChord, KeyState } from './keymap.js';

function chordMatches(keyChord: KeyChord, input: string, key: KeyState): boolean {
	if (Boolean(keyChord.ctrl) !== key.ctrl) return false;
	if (keyChord.special) return key[keyChord.special];
	// Alt/meta combinations are not bound: `meta` with text means Esc+key, not the key.
	return !key.meta && keyChord.input === input;
}

/** The command bound to this key press, if any. Bindings earlier in the table win. */
export function commandFor<C extends string>(
	bindings: readonly KeyBinding<C>[],
	input: string,
	key: KeyState,
): C | undefined {
	for (const binding of bindings) {
		for (const keyChord of binding.keys) {
			if (chordMatches(keyChord, input, key)) return binding.command;
		}
	}
	return undefined;
}

/** Only the bindings whose command is actually handled: help and hints never offer a key that does nothing. */
export function boundTo<C extends string>(
	bindings: readonly KeyBinding<C>[],
	handled: ReadonlySet<C> | ((command: C) => boolean),
): KeyBinding<C>[] {
	const has = typeof handled === 'function' ? handled : (command: C) => handled.has(command);
	return bindings.filter((binding) => has(binding.command));
}

/** "k/↑" style label of a binding's keys. */
export function keysLabel(binding: KeyBinding<string>): string {
	return binding.keys.map((keyChord) => keyChord.label).join(' ');
}

const HINT_GAP = '  ';

/**
 * The one-line key hints, e.g. "j/k move  / filter  s sort  ? help  q quit".
 * Given a width, hints are dropped from the middle until the line fits, so that
 * the last ones (help and quit, by the tables' order) always show.
 */
export function hintLine(bindings: readonly KeyBinding<string>[], width = Number.POSITIVE_INFINITY): string {
	const hints = bindings.flatMap((binding) => (binding.hint ? [binding.hint] : []));
	const kept = [...hints];
	const keepAtEnd = 2;
	while (kept.join(HINT_GAP).length > width && kept.length > keepAtEnd) {
		kept.splice(kept.length - keepAtEnd - 1, 1);
	}
	return kept.join(HINT_GAP);
}

/**
 * One entry of a hint line: a command, written as its binding's own hint; or
 * commands whose keys share other words ("Enter/Esc back"), the keys named as
 * their bindings name them, so that a key changed in its table changes here too.
 */
export type HintSpec<C extends string> = C | { readonly keys: readonly C[]; readonly says: string };

/** A hint line from entries of one table, e.g. "↑/↓ choose  Enter select  Esc back". */
export function hintText<C extends string>(bindings: readonly KeyBinding<C>[], specs: readonly HintSpec<C>[]): string {
	const bindingOf = (command: C): KeyBinding<C> => {
		const binding = bindings.find((item) => item.command === command);
		if (!binding) throw new Error(`No key is bound to ${command}`);
		return binding;
	};
	return specs
		.map((spec) => {
			if (typeof spec !== 'object') {
				const binding = bindingOf(spec);
				return binding.hint ?? `${keysLabel(binding)} ${binding.description}`;
			}
			const keys = spec.keys
				.map((command) => {
					const binding = bindingOf(command);
					return binding.hintKeys ?? binding.keys[0]?.label ?? command;
				})
				.join('/');
			return `${keys} ${spec.says}`;
		})
		.join(HINT_GAP);
}

/** Splitting one input event into key presses, the same way on every screen. */
import type { KeyState } from './keymap.js';

export interface KeyPress {
	readonly input: string;
	readonly key: KeyState;
	/** One of several keys that came in one input event: typed ahead, or pasted. */
	readonly burst?: true;
}

/** A key event with no modifier or special key: plain text. */
export const NO_KEY: KeyState = {
	ctrl: false,
	meta: false,
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageUp: false,
	pageDown: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	backspace: false,
	delete: false,
	tab: false,
};

/**
 * The key presses in one input event: the one function every screen's keys go
 * through. Keys typed faster than the program reads them (key repeat, a busy
 * moment, tmux send-keys) or pasted arrive as one string, which Ink passes on
 * whole: "jjj" is three moves, "/pay" opens the filter and types. Each press of
 * such a burst is marked, so that the flows can refuse a pasted answer.
 */
export function keyPresses(input: string, key: KeyState): KeyPress[] {
	const chars = Array.from(input);
	if (chars.length <= 1 || key.ctrl || key.meta) return [{ input, key }];
	const presses: KeyPress[] = [];
	for (const char of chars) {
		if (char === '\r' || char === '\n') presses.push({ input: '', key: { ...NO_KEY, return: true }, burst: true });
		else if (char === '\x7f' || char === '\b')
			presses.push({ input: '', key: { ...NO_KEY, backspace: true }, burst: true });
		else if (char === '\t') presses.push({ input: '', key: { ...NO_KEY, tab: true }, burst: true });
		else if (!/\p{Cc}/u.test(char)) presses.push({ input: char, key: NO_KEY, burst: true });
	}
	return presses;
}

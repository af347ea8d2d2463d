/** The help screen with its keys: scrolls when the terminal is shorter than the help. */
import { useInput } from 'ink';
import { useRef, useState } from 'react';
import { clamp } from '../account-list.js';
import { HelpPane, helpRoom } from '../components/HelpPane.js';
import { type HelpSection, helpLines } from '../help.js';
import { commandFor, HELP_KEYS, hintLine, type KeyState, keyPresses } from '../keymap.js';
import type { ScreenContext } from './context.js';

export function HelpScreen<R>({
	context,
	sections,
}: {
	readonly context: ScreenContext<R>;
	readonly sections: readonly HelpSection[];
}) {
	const lines = helpLines(sections);
	const room = helpRoom(context.height);
	const maxOffset = Math.max(0, lines.length - room);
	const [offset, setOffset] = useState(0);
	const latest = useRef({ context, room, maxOffset });
	latest.current = { context, room, maxOffset };
	useInput((rawInput, rawKey) => {
		for (const { input, key } of keyPresses(rawInput, rawKey)) onKey(input, key);
	});
	function onKey(input: string, key: KeyState) {
		const current = latest.current;
		const scroll = (by: number) => setOffset((value) => clamp(value + by, 0, current.maxOffset));
		switch (commandFor(HELP_KEYS, input, key)) {
			case 'back':
				return current.context.back();
			case 'scroll-up':
				return scroll(-1);
			case 'scroll-down':
				return scroll(1);
			case 'page-up':
				return scroll(-current.room);
			case 'page-down':
				return scroll(current.room);
			case 'quit':
				return current.context.quit();
		}
	}
	return (
		<HelpPane lines={lines} offset={Math.min(offset, maxOffset)} height={context.height} hints={hintLine(HELP_KEYS)} />
	);
}

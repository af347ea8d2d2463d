/** The help screen with its keys: scrolls when the terminal is shorter than the help. */
import { useState } from 'react';
import { clamp } from '../account-list.js';
import { HelpPane, helpRoom } from '../components/HelpPane.js';
import { type HelpSection, helpLines } from '../help.js';
import { useKeys } from '../hooks/use-keys.js';
import { HELP_KEYS } from '../keymap.js';
import { hintLine } from '../keymap-lookup.js';
import type { ScreenContext } from './context.js';

export function HelpScreen({
	context,
	sections,
}: {
	readonly context: ScreenContext;
	readonly sections: readonly HelpSection[];
}) {
	const lines = helpLines(sections);
	const room = helpRoom(context.height);
	const maxOffset = Math.max(0, lines.length - room);
	const [offset, setOffset] = useState(0);
	const scroll = (by: number) => setOffset((value) => clamp(value + by, 0, maxOffset));
	useKeys({
		bindings: HELP_KEYS,
		on: {
			back: context.back,
			'scroll-up': () => scroll(-1),
			'scroll-down': () => scroll(1),
			'page-up': () => scroll(-room),
			'page-down': () => scroll(room),
			quit: context.quit,
		},
	});
	return (
		<HelpPane lines={lines} offset={Math.min(offset, maxOffset)} height={context.height} hints={hintLine(HELP_KEYS)} />
	);
}

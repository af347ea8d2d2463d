/**
 * The scroll position of a ScrollRegion, held by the screen that reads the
 * keys. The region reports its measured lines; a key moves from the latest
 * position (keys of a burst come before the next render). A new `page` (the
 * next step of a flow) starts at its top.
 */
import { useCallback, useRef, useState } from 'react';
import { clampOffset, moveOffset, offsetShowing, type ScrollMove, type ScrollPosition } from '../scroll.js';

export interface Scroll {
	readonly position: ScrollPosition;
	move(move: ScrollMove): void;
	/** From the region, after each layout: the body's lines and the lines it has on screen. */
	measured(content: number, view: number): void;
	/** From the region: brings lines of the body into view (a cursor that moved). */
	show(top: number, height: number): void;
}

const START: ScrollPosition = { offset: 0, content: 0, view: 0 };

export function useScroll(page: unknown): Scroll {
	const [position, setPosition] = useState(START);
	const latest = useRef(START);
	const shownPage = useRef(page);
	const update = useCallback((next: (current: ScrollPosition) => ScrollPosition) => {
		const value = next(latest.current);
		const current = latest.current;
		if (value.offset === current.offset && value.content === current.content && value.view === current.view) return;
		latest.current = value;
		setPosition(value);
	}, []);
	if (shownPage.current !== page) {
		shownPage.current = page;
		latest.current = { ...latest.current, offset: 0 };
	}
	const move = useCallback(
		(how: ScrollMove) => update((current) => ({ ...current, offset: moveOffset(current, how) })),
		[update],
	);
	const measured = useCallback(
		(content: number, view: number) =>
			update((current) => {
				const next = { ...current, content, view };
				return { ...next, offset: clampOffset(next) };
			}),
		[update],
	);
	const show = useCallback(
		(top: number, height: number) => update((current) => ({ ...current, offset: offsetShowing(current, top, height) })),
		[update],
	);
	// The position drawn is the latest one: a new page shows its top on its first render.
	return { position: latest.current === position ? position : latest.current, move, measured, show };
}

/** The scrolling commands of a screen's keymap, bound to its scroll position. */
export function scrollKeyActions(scroll: Scroll) {
	return {
		'scroll-up': () => scroll.move('line-up'),
		'scroll-down': () => scroll.move('line-down'),
		'page-up': () => scroll.move('page-up'),
		'page-down': () => scroll.move('page-down'),
	} as const;
}

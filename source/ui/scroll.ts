/**
 * Scrolling a body taller than its room (ScrollRegion): where it may start,
 * what a key moves it to, the line that keeps a focused line in view, and the
 * "more" marker. Pure.
 */

export interface ScrollPosition {
	/** The body's first line on screen. */
	readonly offset: number;
	/** The body's lines, as laid out at the terminal's width. */
	readonly content: number;
	/** The lines it has on screen. */
	readonly view: number;
}

export type ScrollMove = 'line-up' | 'line-down' | 'page-up' | 'page-down';

export function maxOffset({ content, view }: Pick<ScrollPosition, 'content' | 'view'>): number {
	return Math.max(0, content - view);
}

export function clampOffset(position: ScrollPosition): number {
	return Math.min(Math.max(0, position.offset), maxOffset(position));
}

/** A page keeps one line of the last one on screen, so that the eye finds its place. */
export function moveOffset(position: ScrollPosition, move: ScrollMove): number {
	const page = Math.max(1, position.view - 1);
	const by = { 'line-up': -1, 'line-down': 1, 'page-up': -page, 'page-down': page }[move];
	return clampOffset({ ...position, offset: position.offset + by });
}

/** The smallest move that shows the lines from `top` for `height` lines (the top first when they do not fit). */
export function offsetShowing(position: ScrollPosition, top: number, height: number): number {
	let offset = position.offset;
	if (top + height > offset + position.view) offset = top + height - position.view;
	if (top < offset) offset = top;
	return clampOffset({ ...position, offset });
}

/** Lines of the body below the room and above it. */
export function hiddenLines(position: ScrollPosition): { readonly above: number; readonly below: number } {
	const offset = clampOffset(position);
	return { above: offset, below: Math.max(0, position.content - position.view - offset) };
}

const lines = (count: number, word = '') => `${count} ${word}${count === 1 ? 'line' : 'lines'}`;

/** The marker under a cut body: how much is hidden, and the key that shows it; undefined when nothing is. */
export function moreMarker(position: ScrollPosition): string | undefined {
	const { above, below } = hiddenLines(position);
	if (below > 0 && above > 0) return `↓ ${lines(below, 'more ')}, PgDn  ↑ ${lines(above)} above, PgUp`;
	if (below > 0) return `↓ ${lines(below, 'more ')}, PgDn`;
	if (above > 0) return `↑ ${lines(above)} above, PgUp`;
	return undefined;
}

/**
 * Terminal text fitting: display width, truncation with an ellipsis and
 * padding, so that every table row is exactly as wide as its columns. Pure.
 * A cut never splits a grapheme cluster (a letter and its combining marks, an
 * emoji sequence, a wide character).
 */
import stringWidth from 'string-width';
import { displayText } from '../domain/display-text.js';

/**
 * Marks a cut. ASCII on purpose: Ink measures every line of every frame, and a
 * line with any non-ASCII character takes string-width's slow path (grapheme
 * segmentation), which at table size costs milliseconds per key press.
 */
export const CUT_MARK = '~';

/** Printable ASCII: one column per character, no grapheme segmentation needed (the normal case). */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const graphemes = new Intl.Segmenter();

/**
 * Columns one grapheme cluster (or code point) takes, as Ink measures it
 * (string-width: a combining mark adds nothing to its base, an emoji sequence
 * with its modifiers or variation selector is two, East Asian wide and
 * full-width characters are two). Measuring exactly as Ink does keeps every
 * row of the table the width of its columns: Ink cuts or wraps a line it
 * measures wider than its box.
 */
export function charWidth(cluster: string): number {
	return stringWidth(cluster);
}

export function displayWidth(text: string): number {
	return PRINTABLE_ASCII.test(text) ? text.length : stringWidth(text);
}

/** The grapheme clusters of `text` (a wide character, an emoji sequence, a letter with its marks: each one). */
function clustersOf(text: string): string[] {
	return Array.from(graphemes.segment(text), (part) => part.segment);
}

/**
 * Emoji presentation marks whose width terminals disagree on: a variation
 * selector (❤️ is two columns for string-width and kitty, one for tmux and
 * wcwidth), the keycap mark (1️⃣), and a skin-tone modifier after its base (👍🏽
 * is two columns for string-width, four for tmux). Without them every terminal
 * and Ink count the same columns (❤, 1, 👍), so a row never spills past its
 * cells or wraps and shifts the frame.
 */
const UNSTABLE_WIDTH = /[\uFE0E\uFE0F\u20E3]|(?<=\p{Emoji_Modifier_Base})\p{Emoji_Modifier}/gu;

/**
 * Text as a table cell shows it. Text from the organization is made
 * display-safe where it enters (see domain/display-text.ts); this is the last
 * guard for anything else (control, bidi and zero-width characters shown as
 * visible escapes, never printed), and drops the emoji presentation marks
 * whose width terminals disagree on.
 */
export function sanitize(text: string): string {
	if (PRINTABLE_ASCII.test(text)) return text;
	return displayText(text).replace(UNSTABLE_WIDTH, '');
}

/**
 * Exactly `width` columns: padded with spaces, or cut with an ellipsis. `keep`
 * says which end survives a cut ('start' keeps the beginning; 'end' keeps the
 * end, for paths whose last part matters most).
 */
export function fitWidth(text: string, width: number, keep: 'start' | 'end' = 'start'): string {
	if (width <= 0) return '';
	const clean = sanitize(text);
	const full = displayWidth(clean);
	if (full <= width) return clean + ' '.repeat(width - full);
	const room = width - 1;
	// Printable ASCII (most names, emails and paths): one column a character, so a cut is a slice.
	if (PRINTABLE_ASCII.test(clean)) {
		return keep === 'start' ? `${clean.slice(0, room)}${CUT_MARK}` : `${CUT_MARK}${clean.slice(clean.length - room)}`;
	}
	const chars = clustersOf(clean);
	let used = 0;
	const kept: string[] = [];
	if (keep === 'start') {
		for (const char of chars) {
			const w = charWidth(char);
			if (used + w > room) break;
			kept.push(char);
			used += w;
		}
		return `${kept.join('')}${CUT_MARK}${' '.repeat(room - used)}`;
	}
	for (let i = chars.length - 1; i >= 0; i--) {
		const char = chars[i] as string;
		const w = charWidth(char);
		if (used + w > room) break;
		kept.unshift(char);
		used += w;
	}
	return `${CUT_MARK}${kept.join('')}${' '.repeat(room - used)}`;
}

/** At most `width` columns, without padding. */
export function truncate(text: string, width: number, keep: 'start' | 'end' = 'start'): string {
	const clean = sanitize(text);
	return displayWidth(clean) <= width ? clean : fitWidth(clean, width, keep).trimEnd();
}

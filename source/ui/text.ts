/**
 * Terminal text fitting: display width, truncation with an ellipsis and
 * padding, so that every table row is exactly as wide as its columns. Pure.
 */

/**
 * Marks a cut. ASCII on purpose: Ink measures every line of every frame, and a
 * line with any non-ASCII character takes string-width's slow path (grapheme
 * segmentation), which at table size costs milliseconds per key press.
 */
export const CUT_MARK = '~';

// Wide (two-column) ranges of East Asian scripts and full-width forms; emoji are matched separately.
const WIDE_RANGES: ReadonlyArray<readonly [number, number]> = [
	[0x1100, 0x115f],
	[0x2e80, 0x303e],
	[0x3041, 0x33ff],
	[0x3400, 0x4dbf],
	[0x4e00, 0x9fff],
	[0xa000, 0xa4cf],
	[0xac00, 0xd7a3],
	[0xf900, 0xfaff],
	[0xfe30, 0xfe4f],
	[0xff00, 0xff60],
	[0xffe0, 0xffe6],
	[0x20000, 0x3fffd],
];

const COMBINING = /^(?:\p{Mn}|\p{Me})$/u;
const PICTOGRAPHIC = /^\p{Extended_Pictographic}$/u;
// C0 and C1 controls (escape included): never sent to the terminal from data.
const CONTROL = /\p{Cc}/gu;

/** Columns one code point takes on a terminal. */
export function charWidth(char: string): number {
	const code = char.codePointAt(0) ?? 0;
	if (code < 0x300) return code < 0x20 || (code >= 0x7f && code < 0xa0) ? 0 : 1;
	// Zero-width spaces and joiners, variation selectors, combining marks.
	if ((code >= 0x200b && code <= 0x200f) || code === 0x2060 || (code >= 0xfe00 && code <= 0xfe0f)) return 0;
	if (COMBINING.test(char)) return 0;
	for (const [start, end] of WIDE_RANGES) {
		if (code >= start && code <= end) return 2;
	}
	return code >= 0x1f000 && PICTOGRAPHIC.test(char) ? 2 : 1;
}

export function displayWidth(text: string): number {
	let width = 0;
	for (const char of text) width += charWidth(char);
	return width;
}

/** Account and OU names come from the organization: control characters are replaced, never printed. */
export function sanitize(text: string): string {
	return text.replace(CONTROL, '?');
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
	const chars = Array.from(clean);
	const room = width - 1;
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

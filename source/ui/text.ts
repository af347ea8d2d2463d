/**
 * Terminal text fitting: display width, truncation with an ellipsis and
 * padding, so that every table row is exactly as wide as its columns. Pure.
 * A cut never splits a grapheme cluster (a letter and its combining marks, an
 * emoji sequence, a wide character).
 */
import stringWidth from 'string-width';
import { displayText } from '../domain/display-text.js';

/**
 * Marks a cut, as Ink, k9s and lazygit do: one column wide. It is not ASCII,
 * and Ink measures every line of every frame with string-width, whose fast
 * path is printable ASCII only: the table's rows hide it from Ink's measuring
 * (standInCutMarks) so that a cut does not cost the slow path.
 */
export const CUT_MARK = '…';

/**
 * Where `…` would not render (TERM=dumb, a locale that is not UTF-8): vim's
 * marks for text that goes on past the right edge (`>`) or began before the
 * left one (`<`). Not `~`, which reads as a home folder on an OU path.
 */
export const ASCII_CUT_MARKS = { end: '>', start: '<' } as const;

let asciiCutMarks = false;

/** Chooses the ASCII marks (true) or `…` (false) for every cut from now on; decided once, where the program starts. */
export function setAsciiCutMarks(ascii: boolean): void {
	asciiCutMarks = ascii;
}

/** The mark at the end of text cut short, and at the start of text whose beginning was cut. */
function cutMarks(): { readonly end: string; readonly start: string } {
	return asciiCutMarks ? ASCII_CUT_MARKS : { end: CUT_MARK, start: CUT_MARK };
}

/**
 * Whether the terminal shows `…`: not under TERM=dumb, nor when the locale
 * (LC_ALL, else LC_CTYPE, else LANG, the order C programs read them in) names
 * a character set other than UTF-8 (C, POSIX, ISO-8859-1). No locale at all
 * is taken as UTF-8, which every current terminal speaks.
 */
export function rendersEllipsis(env: Readonly<Record<string, string | undefined>>): boolean {
	if (env.TERM === 'dumb') return false;
	const locale = env.LC_ALL || env.LC_CTYPE || env.LANG;
	return !locale || /utf-?8/i.test(locale);
}

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
	const mark = cutMarks();
	// Printable ASCII (most names, emails and paths): one column a character, so a cut is a slice.
	if (PRINTABLE_ASCII.test(clean)) {
		return keep === 'start' ? `${clean.slice(0, room)}${mark.end}` : `${mark.start}${clean.slice(clean.length - room)}`;
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
		return `${kept.join('')}${mark.end}${' '.repeat(room - used)}`;
	}
	for (let i = chars.length - 1; i >= 0; i--) {
		const char = chars[i] as string;
		const w = charWidth(char);
		if (used + w > room) break;
		kept.unshift(char);
		used += w;
	}
	return `${mark.start}${kept.join('')}${' '.repeat(room - used)}`;
}

/** At most `width` columns, without padding. */
export function truncate(text: string, width: number, keep: 'start' | 'end' = 'start'): string {
	const clean = sanitize(text);
	return displayWidth(clean) <= width ? clean : fitWidth(clean, width, keep).trimEnd();
}

/** What stands in for a cut mark while Ink measures a row: ASCII, one column, like the mark. */
const STAND_IN = '~';

/**
 * A table row's cells (each exactly its column's width, one space between
 * them, the first at `firstColumn`) with every cut mark replaced by an ASCII
 * stand-in, and the columns where the marks go back once Ink has measured the
 * row (restoreCutMarks, in a Transform). Ink measures every text node of every
 * frame with string-width, which counts a line with any non-ASCII character
 * by grapheme segmentation: hundreds of microseconds a row instead of one. A
 * row with other non-ASCII text is left as it is (it takes that path anyway).
 */
export function standInCutMarks(
	cells: readonly string[],
	firstColumn: number,
): { readonly cells: readonly string[]; readonly marks: readonly number[] } {
	if (!cells.some((cell) => cell.includes(CUT_MARK))) return { cells, marks: [] };
	if (!cells.every((cell) => PRINTABLE_ASCII.test(cell.replaceAll(CUT_MARK, STAND_IN)))) return { cells, marks: [] };
	const marks: number[] = [];
	let column = firstColumn;
	const stoodIn = cells.map((cell) => {
		for (let at = cell.indexOf(CUT_MARK); at !== -1; at = cell.indexOf(CUT_MARK, at + 1)) marks.push(column + at);
		column += cell.length + 1;
		return cell.replaceAll(CUT_MARK, STAND_IN);
	});
	return { cells: stoodIn, marks };
}

/** SGR and other CSI sequences: they take no column. */
const CSI = new RegExp(`${String.fromCharCode(0x1b)}\\[[0-?]*[ -/]*[@-~]`, 'y');

/** The row as Ink wrote it (styles included), with the cut marks back at their columns. */
export function restoreCutMarks(line: string, marks: readonly number[]): string {
	if (marks.length === 0) return line;
	let result = '';
	let column = 0;
	let index = 0;
	while (index < line.length) {
		CSI.lastIndex = index;
		const sequence = CSI.exec(line);
		if (sequence) {
			result += sequence[0];
			index += sequence[0].length;
			continue;
		}
		result += marks.includes(column) ? CUT_MARK : line[index];
		column++;
		index++;
	}
	return result;
}

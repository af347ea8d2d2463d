/** What must never reach a terminal from data, and how to look for it in a frame or in raw output. */

export const ESC = String.fromCharCode(0x1b);
export const BEL = String.fromCharCode(0x07);

/** Control (C0, DEL, C1), format (bidi, zero-width), separator characters and lone surrogates. */
export const UNSAFE_TEXT = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;

// SGR sequences only (bold, dim, inverse, colours): the program's own styling.
const STYLING = new RegExp(`${ESC}\\[[0-9;]*m`, 'g');

export function withoutStyling(text: string): string {
	return text.replace(STYLING, '');
}

/** The first unsafe character of a frame (its line breaks allowed), or undefined. */
export function unsafeInFrame(frame: string): string | undefined {
	return withoutStyling(frame).replaceAll('\n', '').match(UNSAFE_TEXT)?.[0];
}

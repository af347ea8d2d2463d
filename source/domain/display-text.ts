/**
 * Display-safe text. Names, emails, OU paths and messages come from AWS, the
 * cache or the journal and may hold any character: printed raw, an escape
 * sequence in an OU name could set the terminal's title (OSC 0), write the
 * clipboard (OSC 52), plant links (OSC 8) or move the cursor, and a bidi
 * override could make one account's name read like another's. Every such
 * string passes through displayText() once, where it enters the program, so
 * no screen can forget it.
 *
 * What is escaped, shown as a visible escape so the admin still sees the text
 * is odd: control characters (C0 with tab and newline, DEL, C1), format
 * characters (bidi embeddings, overrides, isolates and marks, zero-width
 * spaces and joiners, the byte order mark, soft hyphens, tags), line and
 * paragraph separators, and lone surrogates. Everything else (letters of any
 * script, combining marks, emoji, CJK) is kept.
 *
 * The result is idempotent: escaped text has none of these characters left, so
 * a second pass (a cached or journalled value read back) returns it unchanged.
 */

// Control (Cc), format (Cf), line/paragraph separators (Zl, Zp), lone surrogates (Cs).
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;
const UNSAFE_ALL = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

function hex(code: number, digits: number): string {
	return code.toString(16).padStart(digits, '0');
}

/** `\x1b` for the first 256 code points, `\u202e` for the rest of the BMP, `\u{e0041}` beyond. */
export function visibleEscape(char: string): string {
	const code = char.codePointAt(0) ?? 0;
	if (code <= 0xff) return `\\x${hex(code, 2)}`;
	if (code <= 0xffff) return `\\u${hex(code, 4)}`;
	return `\\u{${hex(code, 5)}}`;
}

/** True when `text` holds a character displayText() escapes. */
export function needsEscape(text: string): boolean {
	return UNSAFE.test(text);
}

/**
 * `text` safe to print on a terminal. A clean string (the normal case) is
 * returned as it is, without allocating.
 */
export function displayText(text: string): string {
	return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, visibleEscape) : text;
}

// In JSON text: C1 controls, DEL and everything above but the C0 controls, which JSON.stringify escapes itself.
const JSON_UNSAFE = /[\u007f-\u009f\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;
const JSON_UNSAFE_ALL = /[\u007f-\u009f\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

function jsonEscape(char: string): string {
	let escaped = '';
	for (let i = 0; i < char.length; i++) escaped += `\\u${hex(char.charCodeAt(i), 4)}`;
	return escaped;
}

/**
 * JSON text (from JSON.stringify) safe to print on a terminal: the characters
 * above, which JSON allows raw inside strings, written as `\u` escapes. The
 * document still parses to the same values.
 */
export function terminalSafeJson(json: string): string {
	return JSON_UNSAFE.test(json) ? json.replace(JSON_UNSAFE_ALL, jsonEscape) : json;
}

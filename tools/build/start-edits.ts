/**
 * Edits to third-party modules in the bundle, each for time the dashboard
 * spends before its first frame. Each is a pure function of the module's
 * text: it returns the edited text, or undefined when the text it replaces is
 * not there (another release), and the build then keeps the module as it is
 * and says so: slower to start, never wrong.
 */

/**
 * Yoga (Ink's layout engine) ships its WebAssembly as a base64 `data:` URL
 * and, wherever a global `fetch` exists, reads it through `fetch`, falling
 * back to decoding it itself. On Node that first `fetch` loads Node's whole
 * HTTP client (undici) to decode a string it already holds: about 50 ms of
 * every start. The edit takes the fallback, Yoga's own decoding, always.
 */
const WASM_FETCH_TEST = 'return w||"function"!=typeof fetch?';
const WASM_DECODED_HERE = 'return w||true?';

export function withoutWasmFetch(source: string): string | undefined {
	if (source.split(WASM_FETCH_TEST).length !== 2) return undefined;
	return source.replace(WASM_FETCH_TEST, () => WASM_DECODED_HERE);
}

/**
 * string-width compiles `\p{RGI_Emoji}` (every emoji sequence Unicode
 * recommends) when it is imported: about 20 ms, before anything is measured.
 * Every RGI emoji holds a keycap mark (U+20E3, a keycap sequence) or a
 * code point with the Emoji property beyond ASCII (a single emoji, a flag, a
 * tag, modifier or ZWJ sequence; the ASCII ones, digits, # and *, are emoji
 * only in a keycap), so a text without either cannot match and is answered
 * by a cheap test; the full pattern is compiled the first time a text could
 * match it. string-width answers
 * exactly as before (tools/test/build/start-edits.test.ts checks every code
 * point and the emoji sequences).
 */
const RGI_EMOJI_AT_IMPORT = 'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;';
export const MAY_BE_EMOJI = '[[\\p{Emoji}--\\p{ASCII}]\\u20E3]';
const RGI_EMOJI_WHEN_NEEDED = `const orgdashMayBeEmoji = /${MAY_BE_EMOJI}/v;
let orgdashRgiEmoji;
const rgiEmojiRegex = {
	test: (text) => orgdashMayBeEmoji.test(text) && (orgdashRgiEmoji ??= new RegExp('^\\\\p{RGI_Emoji}$', 'v')).test(text),
};`;

export function withLazyEmojiPattern(source: string): string | undefined {
	if (source.split(RGI_EMOJI_AT_IMPORT).length !== 2) return undefined;
	// Only `.test` is used; anything else would need the real pattern.
	const uses = source.match(/rgiEmojiRegex\.\w+/g) ?? [];
	if (uses.length === 0 || uses.some((use) => use !== 'rgiEmojiRegex.test')) return undefined;
	// A function, not a string: the replacement holds `$'`, which String.replace would expand.
	return source.replace(RGI_EMOJI_AT_IMPORT, () => RGI_EMOJI_WHEN_NEEDED);
}

/**
 * string-width answers printable ASCII at once, and splits any other text
 * into grapheme clusters (Intl.Segmenter) to test each against Unicode
 * property patterns; the first such text also compiles those patterns. The
 * dashboard's first frame holds such texts (`·`, `…`, `─`, `▲`, `✓`, the
 * spinner's Braille). The edit widens the quick answer to the characters of
 * NARROW_ALONE: each is one column wide for string-width and a cluster of its
 * own beside any other, so a text made only of them is as wide as it is long,
 * which is what the full path finds (tools/test/build/start-edits.test.ts
 * checks each of them against the original), unless the caller counts
 * ambiguous characters as wide. Any other text takes the full path as before. Measured on a cached 10,000-account start, 30 starts each:
 * 30 ms less CPU to the first row, 18 ms less wall time (medians).
 */
const ASCII_ONLY = 'if (/^[\\u0020-\\u007E]*$/.test(string)) {';
/** Printable ASCII, Latin-1 and Latin Extended (no soft hyphen), general punctuation, arrows, box drawing, blocks, shapes, check marks, Braille. */
export const NARROW_ALONE =
	'\\u0020-\\u007E\\u00A0-\\u00AC\\u00AE-\\u024F\\u2010-\\u2027\\u2030-\\u205E\\u2190-\\u21FF\\u2500-\\u25FC\\u2713-\\u2718\\u2800-\\u28FF';
/** Most of them are East Asian "ambiguous" (`…`, `─`, `·`): one column only where the caller says ambiguous is narrow. */
const NARROW_ALONE_ONLY = `if (/^[\\u0020-\\u007E]*$/.test(string) || (ambiguousIsNarrow && /^[${NARROW_ALONE}]*$/.test(string))) {`;
/** The option the quick answer depends on, read (with its default) before the ASCII test. */
const AMBIGUOUS_OPTION = 'ambiguousIsNarrow = true,';

export function withNarrowTextAnsweredAtOnce(source: string): string | undefined {
	const parts = source.split(ASCII_ONLY);
	if (parts.length !== 2 || !(parts[0] as string).includes(AMBIGUOUS_OPTION)) return undefined;
	return source.replace(ASCII_ONLY, () => NARROW_ALONE_ONLY);
}

/**
 * conf validates a store against a JSON schema (with ajv and ajv-formats) and
 * runs migrations between versions (with semver), and imports all three when
 * it is imported: 350 kB, read, compiled and run on every start, about 35 ms.
 * orgdash gives conf neither a schema nor migrations (store/settings.ts checks
 * the file itself, settings-file.ts), so conf never calls them. In the bundle,
 * conf's imports of them resolve to these stand-ins instead; should conf ever
 * call one, it throws, and the settings say they are read-only for the run
 * and why (store/settings.ts), rather than validate nothing.
 */
const NOT_BUNDLED = "is not in orgdash's bundle: orgdash gives conf no schema and no migrations";

export const CONF_FEATURES_LEFT_OUT: Readonly<Record<string, string>> = {
	'ajv/dist/2020.js': `export class Ajv2020 { constructor() { throw new Error(${JSON.stringify(`conf's schema validation (ajv) ${NOT_BUNDLED}.`)}); } }`,
	'ajv-formats': `export default { default() { throw new Error(${JSON.stringify(`conf's schema formats (ajv-formats) ${NOT_BUNDLED}.`)}); } };`,
	semver: `const missing = () => { throw new Error(${JSON.stringify(`conf's migrations (semver) ${NOT_BUNDLED}.`)}); };
export default { eq: missing, clean: missing, satisfies: missing, lte: missing, gt: missing, valid: missing };`,
};

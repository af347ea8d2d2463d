/**
 * Ink's useInput reads a key with Ctrl held by its name, and a sequence it
 * cannot name (an escape sequence of a colour, `ESC [ 3 1 m`, pasted with
 * coloured text: its parameter reads as a modifier with Ctrl) has none, so
 * the next line, `input.startsWith(...)`, threw and ended the dashboard with a
 * stack trace. The edit makes such a key one with no text: every handler
 * ignores it. Returns undefined when the line is not there (another release).
 */
const NAMED_INPUT_USED = "if (input.startsWith('\\u001B')) {";
const UNNAMED_INPUT_EMPTY = `input ??= '';
            ${NAMED_INPUT_USED}`;

export function withUnnamedKeysIgnored(source: string): string | undefined {
	if (source.split(NAMED_INPUT_USED).length !== 2) return undefined;
	return source.replace(NAMED_INPUT_USED, () => UNNAMED_INPUT_EMPTY);
}

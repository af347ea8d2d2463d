/**
 * Ink's frame, row by row: the bundle puts this `get` on Ink's Output class
 * (see bundle.ts, plugin ink-frame-cache), in place of one that builds a cell
 * object for every character of the terminal and turns all of them back into
 * text on every frame, changed or not (at 120x40, about 10,000 objects and
 * 4,800 style comparisons per key press).
 *
 * A row of the frame depends only on what was written into it (each write's
 * column and text, in order) and the frame's width, so:
 * - a row written as in a recent frame is taken from a cache (a key that
 *   moves the selection changes two rows of forty);
 * - a row not seen before is built as Ink builds it, cell by cell, but turned
 *   into text without comparing the styles of two neighbouring cells that
 *   have the same ones (most of them: a row is a few runs of one style).
 * The text is Ink's own, byte for byte (tools/test/build/ink-rows.test.ts
 * compares both on random frames). Should Ink's Output no longer have what
 * this reads, Ink's own `get` runs instead.
 */

/** A character cell as ansi-tokenize makes it. */
interface StyledChar {
	readonly type: string;
	readonly value: string;
	readonly fullWidth: boolean;
	readonly styles: readonly AnsiCode[];
}

interface AnsiCode {
	readonly code: string;
	readonly endCode: string;
}

type Clip = { readonly x1?: number; readonly x2?: number; readonly y1?: number; readonly y2?: number };

type Operation =
	| {
			readonly type: 'write';
			readonly x: number;
			readonly y: number;
			readonly text: string;
			readonly transformers: readonly ((line: string, index: number) => string)[];
	  }
	| { readonly type: 'clip'; readonly clip: Clip }
	| { readonly type: 'unclip' };

/** What this reads of Ink's Output (6.8): its size, its operations, and its per-frame caches. */
interface InkOutput {
	readonly width: number;
	readonly height: number;
	readonly operations: readonly Operation[];
	readonly caches: {
		getStyledChars(line: string): readonly StyledChar[];
		getStringWidth(text: string): number;
		getWidestLine(text: string): number;
	};
}

type Frame = { output: string; height: number };

/** The functions Ink's output module has at hand (its imports), handed over by the bundle. */
export interface InkTextFunctions {
	readonly sliceAnsi: (text: string, from: number, to?: number) => string;
	readonly styledCharsToString: (chars: StyledChar[]) => string;
	readonly diffAnsiCodes?: (from: readonly AnsiCode[], to: readonly AnsiCode[]) => AnsiCode[];
	readonly ansiCodesToString?: (codes: readonly AnsiCode[]) => string;
}

/** Rows kept across frames: those of the last few frames of the list. */
const ROWS_KEPT = 1000;

function usable(output: Partial<InkOutput>): output is InkOutput {
	return (
		typeof output.width === 'number' &&
		typeof output.height === 'number' &&
		Array.isArray(output.operations) &&
		typeof output.caches?.getStyledChars === 'function' &&
		typeof output.caches.getStringWidth === 'function' &&
		typeof output.caches.getWidestLine === 'function'
	);
}

/** A cache of rows by what was written into them, bounded: the oldest row goes first. */
class RowCache extends Map<string, string> {
	override set(key: string, row: string): this {
		if (!this.has(key) && this.size >= ROWS_KEPT) this.delete(this.keys().next().value as string);
		return super.set(key, row);
	}
}

/**
 * Ink's `styledCharsToString`, without comparing a cell's styles with the cell
 * before when both are the same codes (the comparison then adds nothing).
 */
function fastStyledCharsToString(functions: InkTextFunctions): (chars: StyledChar[]) => string {
	const { diffAnsiCodes, ansiCodesToString, styledCharsToString } = functions;
	if (!diffAnsiCodes || !ansiCodesToString) return styledCharsToString;
	const sameStyles = (a: readonly AnsiCode[], b: readonly AnsiCode[]): boolean => {
		if (a === b) return true;
		if (a.length !== b.length) return false;
		for (let index = 0; index < a.length; index++) {
			const left = a[index] as AnsiCode;
			const right = b[index] as AnsiCode;
			if (left.code !== right.code || left.endCode !== right.endCode) return false;
		}
		return true;
	};
	return (chars) => {
		let text = '';
		for (let index = 0; index < chars.length; index++) {
			const char = chars[index] as StyledChar;
			if (index === 0) text += ansiCodesToString(char.styles);
			else {
				const before = (chars[index - 1] as StyledChar).styles;
				if (!sameStyles(before, char.styles)) text += ansiCodesToString(diffAnsiCodes(before, char.styles));
			}
			text += char.value;
			if (index === chars.length - 1) text += ansiCodesToString(diffAnsiCodes(char.styles, []));
		}
		return text;
	};
}

/** A line of a write, where it lands in its row. */
interface Piece {
	readonly x: number;
	readonly line: string;
}

/**
 * The pieces each row is written with, in order: Ink's clipping and
 * transformers applied as its own `get` applies them.
 */
function piecesByRow(output: InkOutput, sliceAnsi: InkTextFunctions['sliceAnsi']): Piece[][] {
	// As many rows as Ink's own loop makes (a height is not always a whole number).
	const rows: Piece[][] = [];
	for (let y = 0; y < output.height; y++) rows.push([]);
	const clips: Clip[] = [];
	for (const operation of output.operations) {
		if (operation.type === 'clip') clips.push(operation.clip);
		if (operation.type === 'unclip') clips.pop();
		if (operation.type !== 'write') continue;
		const { text, transformers } = operation;
		let { x, y } = operation;
		let lines = text.split('\n');
		const clip = clips.at(-1);
		if (clip) {
			const clipHorizontally = typeof clip.x1 === 'number' && typeof clip.x2 === 'number';
			const clipVertically = typeof clip.y1 === 'number' && typeof clip.y2 === 'number';
			if (clipHorizontally) {
				const width = output.caches.getWidestLine(text);
				if (x + width < (clip.x1 as number) || x > (clip.x2 as number)) continue;
			}
			if (clipVertically) {
				const height = lines.length;
				if (y + height < (clip.y1 as number) || y > (clip.y2 as number)) continue;
			}
			if (clipHorizontally) {
				const x1 = clip.x1 as number;
				const x2 = clip.x2 as number;
				lines = lines.map((line) => {
					const from = x < x1 ? x1 - x : 0;
					const width = output.caches.getStringWidth(line);
					const to = x + width > x2 ? x2 - x : width;
					return sliceAnsi(line, from, to);
				});
				if (x < x1) x = x1;
			}
			if (clipVertically) {
				const y1 = clip.y1 as number;
				const y2 = clip.y2 as number;
				const from = y < y1 ? y1 - y : 0;
				const height = lines.length;
				const to = y + height > y2 ? y2 - y : height;
				lines = lines.slice(from, to);
				if (y < y1) y = y1;
			}
		}
		// As Ink: a line with no row to land in (below the frame) ends the write's lines there.
		let offsetY = 0;
		for (const [index, original] of lines.entries()) {
			const row = rows[y + offsetY];
			if (!row) continue;
			let line = original;
			for (const transformer of transformers) line = transformer(line, index);
			row.push({ x, line });
			offsetY++;
		}
	}
	return rows;
}

/** One row built as Ink builds each row of its frame: cells of spaces, each piece's characters written over them. */
function buildRow(output: InkOutput, pieces: readonly Piece[], charsToString: (chars: StyledChar[]) => string): string {
	const cells: (StyledChar | undefined)[] = [];
	for (let x = 0; x < output.width; x++) cells.push({ type: 'char', value: ' ', fullWidth: false, styles: [] });
	for (const { x, line } of pieces) {
		let offsetX = x;
		for (const character of output.caches.getStyledChars(line)) {
			cells[offsetX] = character;
			const characterWidth = Math.max(1, output.caches.getStringWidth(character.value));
			for (let index = 1; index < characterWidth; index++) {
				cells[offsetX + index] = { type: 'char', value: '', fullWidth: false, styles: character.styles };
			}
			offsetX += characterWidth;
		}
	}
	return charsToString(cells.filter((cell) => cell !== undefined)).trimEnd();
}

/** The `get` to put on Ink's Output class; `stockGet` is Ink's own. */
export function rowByRowGet(functions: InkTextFunctions, stockGet: (this: unknown) => Frame): (this: unknown) => Frame {
	const charsToString = fastStyledCharsToString(functions);
	const rowCache = new RowCache();
	return function get(this: unknown): Frame {
		const output = this as Partial<InkOutput>;
		if (!usable(output) || typeof functions.sliceAnsi !== 'function' || !functions.styledCharsToString) {
			return stockGet.call(this);
		}
		const rows = piecesByRow(output, functions.sliceAnsi).map((pieces) => {
			// Unambiguous for any text: JSON quotes and escapes each line.
			const key = JSON.stringify([output.width, ...pieces.flatMap((piece) => [piece.x, piece.line])]);
			let row = rowCache.get(key);
			if (row === undefined) {
				row = buildRow(output, pieces, charsToString);
				rowCache.set(key, row);
			}
			return row;
		});
		return { output: rows.join('\n'), height: rows.length };
	};
}

/**
 * The frame built row by row (tools/build/ink-rows.ts) against Ink's own
 * Output.get, on random frames: styled text, wide characters, clipping,
 * transformers, writes partly or wholly outside the frame. One row cache
 * serves every frame, as in the command, so rows met again come from it.
 */
import { ansiCodesToString, diffAnsiCodes, styledCharsToString } from '@alcalzone/ansi-tokenize';
import fc from 'fast-check';
import sliceAnsi from 'slice-ansi';
import { describe, expect, it } from 'vitest';
import Output from '../../../node_modules/ink/build/output.js';
import { type InkTextFunctions, rowByRowGet } from '../../build/ink-rows.js';

const FUNCTIONS = { sliceAnsi, styledCharsToString, diffAnsiCodes, ansiCodesToString } as unknown as InkTextFunctions;
const stockGet = Output.prototype.get;

type Transformer = (line: string, index: number) => string;
const TRANSFORMERS: readonly Transformer[] = [
	(line) => line.toUpperCase(),
	(line) => `\u001B[1m${line}\u001B[22m`,
	(line, index) => (index % 2 === 0 ? line : `${line}…`),
];

const piece = fc.constantFrom(
	'a',
	'b',
	' ',
	'…',
	'界',
	'😀',
	'\n',
	'\u001B[1m',
	'\u001B[22m',
	'\u001B[2m',
	'\u001B[7m',
	'\u001B[27m',
	'\u001B[31m',
	'\u001B[39m',
	'\u001B[0m',
);
const text = fc.array(piece, { maxLength: 24 }).map((pieces) => pieces.join(''));
const coordinate = fc.option(fc.integer({ min: -2, max: 14 }), { nil: undefined });

type Step =
	| {
			readonly kind: 'write';
			readonly x: number;
			readonly y: number;
			readonly text: string;
			readonly transformers: Transformer[];
	  }
	| { readonly kind: 'clip'; readonly x1?: number; readonly x2?: number; readonly y1?: number; readonly y2?: number }
	| { readonly kind: 'unclip' };

const step: fc.Arbitrary<Step> = fc.oneof(
	{
		weight: 4,
		arbitrary: fc.record({
			kind: fc.constant('write' as const),
			x: fc.integer({ min: -3, max: 14 }),
			y: fc.integer({ min: -2, max: 7 }),
			text,
			transformers: fc.subarray([...TRANSFORMERS]),
		}),
	},
	{
		weight: 1,
		arbitrary: fc.record({
			kind: fc.constant('clip' as const),
			x1: coordinate,
			x2: coordinate,
			y1: coordinate,
			y2: coordinate,
		}),
	},
	{ weight: 1, arbitrary: fc.constant({ kind: 'unclip' as const }) },
);

const frame = fc.record({
	width: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.constant(7.5)),
	height: fc.integer({ min: 1, max: 6 }),
	steps: fc.array(step, { maxLength: 8 }),
});

function outputOf({ width, height, steps }: { width: number; height: number; steps: readonly Step[] }): Output {
	const output = new Output({ width, height });
	for (const item of steps) {
		if (item.kind === 'write') output.write(item.x, item.y, item.text, { transformers: item.transformers });
		else if (item.kind === 'clip') output.clip({ x1: item.x1, x2: item.x2, y1: item.y1, y2: item.y2 });
		else output.unclip();
	}
	return output;
}

describe('the frame built row by row', () => {
	it("is Ink's frame, byte for byte, for any writes, and again when its rows come from the cache", () => {
		const get = rowByRowGet(FUNCTIONS, stockGet as () => { output: string; height: number });
		fc.assert(
			fc.property(frame, (spec) => {
				const expected = stockGet.call(outputOf(spec));
				expect(get.call(outputOf(spec))).toEqual(expected);
				expect(get.call(outputOf(spec))).toEqual(expected);
			}),
			{ numRuns: 3000 },
		);
	});

	it("falls back to Ink's own get for an Output it cannot read", () => {
		const get = rowByRowGet(FUNCTIONS, () => ({ output: 'stock', height: 1 }));
		expect(get.call({ width: 3, height: 1 })).toEqual({ output: 'stock', height: 1 });
	});

	it("turns a row into the same text as ansi-tokenize's own, without the styles' functions too", () => {
		const withoutDiff = rowByRowGet(
			{ sliceAnsi: FUNCTIONS.sliceAnsi, styledCharsToString: FUNCTIONS.styledCharsToString },
			stockGet as () => { output: string; height: number },
		);
		const spec = {
			width: 10,
			height: 2,
			steps: [{ kind: 'write' as const, x: 1, y: 0, text: '\u001B[1mab\u001B[22m c\n界d', transformers: [] }],
		};
		expect(withoutDiff.call(outputOf(spec))).toEqual(stockGet.call(outputOf(spec)));
	});
});

/** The benchmark's command line: its options, their usage text, and the command as it was typed. */
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { projectPath, projectRoot } from './paths.js';
import { SHAPES, type Shape } from './seed.js';

const DEFAULT_SIZES = [1000, 5000, 10_000];

export interface Options {
	readonly sizes: number[];
	/** Organization shapes of the full-load comparison. */
	readonly shapes: Shape[];
	readonly runs: number;
	readonly presses: number;
	readonly moto: boolean;
	readonly quick: boolean;
	/** Only the full loads by shape (each shape's run can be long: one shape at a time). */
	readonly onlyShapes: boolean;
	/** Only the starts (demo, moto, through the proxy): the dashboard's first row and whole list. */
	readonly onlyStarts: boolean;
	/** Only the dashboard's starts on moto, with its peak memory (no loads side by side, no proxy). */
	readonly onlyMemory: boolean;
	/** Only the key presses (no starts, no plan, no moto). */
	readonly onlyKeys: boolean;
	readonly out: string;
}

export class UsageError extends Error {}

export function parseOptions(argv: string[]): Options {
	let parsed: ReturnType<typeof parseArgs>;
	try {
		parsed = parseArgs({
			args: argv,
			options: {
				sizes: { type: 'string' },
				shapes: { type: 'string' },
				runs: { type: 'string' },
				presses: { type: 'string' },
				quick: { type: 'boolean', default: false },
				'no-moto': { type: 'boolean', default: false },
				'only-shapes': { type: 'boolean', default: false },
				'only-starts': { type: 'boolean', default: false },
				'only-memory': { type: 'boolean', default: false },
				'only-keys': { type: 'boolean', default: false },
				out: { type: 'string' },
				help: { type: 'boolean', default: false },
			},
			strict: true,
		});
	} catch (error) {
		throw new UsageError((error as Error).message);
	}
	const values = parsed.values as Record<string, string | boolean | undefined>;
	if (values.help) throw new UsageError('');
	const positive = (name: string, text: string): number => {
		const value = Number(text);
		if (!Number.isInteger(value) || value < 1) {
			throw new UsageError(`--${name} takes whole numbers of 1 or more, not "${text}".`);
		}
		return value;
	};
	let sizes =
		typeof values.sizes === 'string'
			? values.sizes.split(',').map((part) => positive('sizes', part.trim()))
			: [...DEFAULT_SIZES];
	sizes = [...new Set(sizes)].sort((a, b) => a - b);
	const quick = values.quick === true;
	if (values['only-shapes'] === true && values['no-moto'] === true) {
		throw new UsageError('--only-shapes needs moto: leave out --no-moto.');
	}
	if (values['only-shapes'] === true && values['only-starts'] === true) {
		throw new UsageError('--only-shapes and --only-starts measure different things: choose one.');
	}
	if (values['only-memory'] === true && (values['no-moto'] === true || values['only-shapes'] === true)) {
		throw new UsageError('--only-memory needs moto and goes without --only-shapes.');
	}
	if (
		values['only-keys'] === true &&
		(values['only-shapes'] === true || values['only-starts'] === true || values['only-memory'] === true)
	) {
		throw new UsageError('--only-keys goes without --only-shapes, --only-starts and --only-memory.');
	}
	if (quick) sizes = [sizes[0] as number];
	let shapes: Shape[] = [...SHAPES];
	if (values.shapes === 'none') {
		// The other figures alone: the loads by shape run on their own (--only-shapes), being the longest part.
		shapes = [];
	} else if (typeof values.shapes === 'string') {
		shapes = values.shapes.split(',').map((part) => {
			const name = part.trim();
			if (!(SHAPES as readonly string[]).includes(name)) {
				throw new UsageError(`--shapes takes ${SHAPES.join(', ')}, not "${name}".`);
			}
			return name as Shape;
		});
	} else if (quick) {
		// CI runs --quick: the shape where a tree walk has least to gain, at the smallest size.
		shapes = ['root'];
	}
	return {
		sizes,
		shapes: [...new Set(shapes)],
		runs: quick ? 1 : typeof values.runs === 'string' ? positive('runs', values.runs) : 3,
		presses: typeof values.presses === 'string' ? positive('presses', values.presses) : quick ? 15 : 40,
		moto: values['no-moto'] !== true,
		quick,
		onlyShapes: values['only-shapes'] === true,
		onlyStarts: values['only-starts'] === true,
		onlyMemory: values['only-memory'] === true,
		onlyKeys: values['only-keys'] === true,
		out: typeof values.out === 'string' ? values.out : projectPath('.bench', 'latest.md'),
	};
}

export const USAGE = `Usage: npm run bench -- [options]

  --sizes 1000,5000,10000   organization sizes (accounts)
  --runs N                  repeated runs per figure (default 3)
  --shapes spread,root,one-ou,deep
                            organization shapes of the full loads by shape (default all; none: no loads by shape)
  --quick                   the smallest size, one run, the root shape only (for CI)
  --no-moto                 skip the figures that need a moto server (loads, starts on moto)
  --only-shapes             only the full loads by shape (with --shapes: one shape a run)
  --only-starts             only the dashboard's starts (demo, moto, through the proxy)
  --only-memory             only the dashboard's starts on moto and its peak memory
  --only-keys               only the key presses (no moto needed)
  --presses N               key presses per key and run (default 40)
  --out FILE                where the markdown goes (default .bench/latest.md)`;

export function commandLine(argv: string[]): string {
	const args = argv.map((arg) => (/^[\w,./=-]+$/.test(arg) ? arg : JSON.stringify(arg))).join(' ');
	return process.env.npm_lifecycle_event === 'bench'
		? `npm run bench${args ? ` -- ${args}` : ''}`
		: `node ${relative(projectRoot, process.argv[1] ?? 'dist-tools/bench/run.js')}${args ? ` ${args}` : ''}`;
}

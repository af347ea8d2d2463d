/** Every figure the benchmark reports: its name, unit and target, and the table rows made from the results. */
import type { Options } from './command-line.js';
import type { KeyName } from './keys-child.js';
import type { Results } from './results.js';
import { SHAPE_TEXT, SHAPES, type Shape } from './seed.js';
import type { Summary } from './stats.js';
import type { Row, Target, Unit } from './table.js';

export const TARGET_SIZE = 10_000;
export const PROXY_DELAY_MS = 50;
/** Full loads by shape also go through a slower proxy: closer to an admin far from us-east-1. */
export const SHAPE_DELAYS_MS = [PROXY_DELAY_MS, 150] as const;
export type ShapeDelay = (typeof SHAPE_DELAYS_MS)[number];
export const THROTTLE_SHARE = 0.1;

export const KEY_FIGURES: Record<KeyName, string> = {
	j: 'key to frame: j',
	pageDown: 'key to frame: PgDn',
	bottom: 'key to frame: G',
	filterChar: 'key to frame: 1 char in / filter',
	mark: 'key to frame: Space (mark)',
	markAllFiltered: 'key to frame: A after /state:active',
};

export const FIGURE = {
	demoFirstRow: 'start to first row: --demo',
	demoWholeList: 'start to whole list: --demo',
	sizedFirstRow: 'start to first row: --demo-accounts N',
	sizedWholeList: 'start to whole list: --demo-accounts N',
	motoFirstRow: 'start to first row: moto, no cache',
	motoWholeList: 'start to whole list: moto, no cache',
	cachedFirstRow: 'second start to first row: moto, cache',
	cachedWholeList: 'second start to whole list: moto, cache',
	proxyFirstRow: `start to first row: moto via ${PROXY_DELAY_MS} ms proxy, no cache`,
	proxyWholeList: `start to whole list: moto via ${PROXY_DELAY_MS} ms proxy, no cache`,
	proxyCachedFirstRow: `second start to first row: moto via ${PROXY_DELAY_MS} ms proxy, cache`,
	proxyCachedWholeList: `second start to whole list: moto via ${PROXY_DELAY_MS} ms proxy, cache`,
	directOrgdash: 'full load, direct: orgdash',
	directCli: 'full load, direct: aws CLI',
	directRatio: 'full load, direct: orgdash / CLI',
	proxyOrgdash: `full load, ${PROXY_DELAY_MS} ms proxy: orgdash`,
	proxyCli: `full load, ${PROXY_DELAY_MS} ms proxy: aws CLI`,
	proxyRatio: `full load, ${PROXY_DELAY_MS} ms proxy: orgdash / CLI`,
	throttledOrgdash: `full load, ${PROXY_DELAY_MS} ms proxy, ${THROTTLE_SHARE * 100}% throttled: orgdash`,
	throttledCli: `full load, ${PROXY_DELAY_MS} ms proxy, ${THROTTLE_SHARE * 100}% throttled: aws CLI`,
	throttledSurvives: `full load, ${PROXY_DELAY_MS} ms proxy, ${THROTTLE_SHARE * 100}% throttled: both complete, same count`,
	memoryDemo: 'peak memory: dashboard, --demo-accounts N',
	memoryMoto: 'peak memory: dashboard, moto',
	memoryLoad: 'peak memory: gateway load only, moto',
	batchPlan: 'plan of a batch: close, every account marked (--demo-accounts N)',
} as const;

/** The full-load figures of one organization shape through one proxy delay. */
export function shapeFigures(shape: Shape, delayMs: ShapeDelay) {
	const prefix = `full load, ${SHAPE_TEXT[shape]}, ${delayMs} ms proxy`;
	return { orgdash: `${prefix}: orgdash`, cli: `${prefix}: aws CLI`, ratio: `${prefix}: orgdash / CLI` } as const;
}

const targets = {
	keyP95: { text: `p95 <= 16 ms at ${TARGET_SIZE.toLocaleString('en-US')}`, check: (s: Summary) => s.p95 <= 16 },
	firstRow: { text: 'median <= 400 ms', check: (s: Summary) => s.median <= 400 },
	halfTheCli: {
		text: `median <= 0.50 at ${TARGET_SIZE.toLocaleString('en-US')}`,
		check: (s: Summary) => s.median <= 0.5,
	},
	notSlowerThanCli: { text: 'median <= 1.00', check: (s: Summary) => s.median <= 1 },
	memory: { text: `max <= 150 MB at ${TARGET_SIZE.toLocaleString('en-US')}`, check: (s: Summary) => s.max <= 150 },
	survives: { text: 'yes', check: (s: Summary) => s.min === 1 },
	plan: { text: `median <= 100 ms at ${TARGET_SIZE.toLocaleString('en-US')}`, check: (s: Summary) => s.median <= 100 },
} satisfies Record<string, Target>;

interface FigureSpec {
	readonly figure: string;
	readonly unit: Unit;
	readonly showP95?: boolean;
	/** Sizes at which the target applies (the targets are stated at 10,000 accounts). */
	readonly target?: { readonly target: Target; readonly at: 'target-size' | 'always' };
	readonly sized: boolean;
	readonly moto?: boolean;
	/** A stricter target in place of `target` at the target size. */
	readonly targetAtTargetSize?: Target;
}

/** A figure measured against moto at every size (left out with --no-moto). */
function onMoto(figure: string, unit: Unit, target?: FigureSpec['target']): FigureSpec {
	return { figure, unit, sized: true, moto: true, ...(target ? { target } : {}) };
}

const FIGURES: FigureSpec[] = [
	...Object.values(KEY_FIGURES).map(
		(figure): FigureSpec => ({
			figure,
			unit: 'ms',
			showP95: true,
			sized: true,
			target: { target: targets.keyP95, at: 'target-size' },
		}),
	),
	{ figure: FIGURE.demoFirstRow, unit: 'ms', sized: false, target: { target: targets.firstRow, at: 'always' } },
	{ figure: FIGURE.demoWholeList, unit: 'ms', sized: false },
	{ figure: FIGURE.sizedFirstRow, unit: 'ms', sized: true },
	{ figure: FIGURE.sizedWholeList, unit: 'ms', sized: true },
	{ figure: FIGURE.batchPlan, unit: 'ms', sized: true, target: { target: targets.plan, at: 'target-size' } },
	onMoto(FIGURE.motoFirstRow, 'ms'),
	onMoto(FIGURE.motoWholeList, 'ms'),
	onMoto(FIGURE.cachedFirstRow, 'ms'),
	onMoto(FIGURE.cachedWholeList, 'ms'),
	onMoto(FIGURE.proxyFirstRow, 'ms'),
	onMoto(FIGURE.proxyWholeList, 'ms'),
	// The second start shows the cached list before any answer: within the demo's time, whatever the round trip.
	onMoto(FIGURE.proxyCachedFirstRow, 'ms', { target: targets.firstRow, at: 'always' }),
	onMoto(FIGURE.proxyCachedWholeList, 'ms'),
	onMoto(FIGURE.directOrgdash, 's'),
	onMoto(FIGURE.directCli, 's'),
	onMoto(FIGURE.directRatio, 'ratio'),
	onMoto(FIGURE.proxyOrgdash, 's'),
	onMoto(FIGURE.proxyCli, 's'),
	onMoto(FIGURE.proxyRatio, 'ratio', { target: targets.halfTheCli, at: 'target-size' }),
	...SHAPES.flatMap((shape) =>
		SHAPE_DELAYS_MS.flatMap((delayMs) => {
			const figures = shapeFigures(shape, delayMs);
			// Never slower than the CLI; spread over OUs, half its time at 10,000 (the walk's own target).
			const ratio: FigureSpec = onMoto(figures.ratio, 'ratio', { target: targets.notSlowerThanCli, at: 'always' });
			return [
				onMoto(figures.orgdash, 's'),
				onMoto(figures.cli, 's'),
				shape === 'spread' ? { ...ratio, targetAtTargetSize: targets.halfTheCli } : ratio,
			];
		}),
	),
	onMoto(FIGURE.throttledOrgdash, 's'),
	onMoto(FIGURE.throttledCli, 's'),
	onMoto(FIGURE.throttledSurvives, 'check', { target: targets.survives, at: 'always' }),
	{ figure: FIGURE.memoryDemo, unit: 'MB', sized: true, target: { target: targets.memory, at: 'target-size' } },
	onMoto(FIGURE.memoryMoto, 'MB', { target: targets.memory, at: 'target-size' }),
	onMoto(FIGURE.memoryLoad, 'MB'),
];

export function buildRows(results: Results, options: Options): Row[] {
	const rows: Row[] = [];
	const largest = options.sizes[options.sizes.length - 1] as number;
	for (const spec of FIGURES) {
		if (spec.moto && !options.moto) continue;
		if (options.onlyShapes && !isShapeFigure(spec.figure)) continue;
		if (options.onlyStarts && !isStartFigure(spec.figure)) continue;
		if (options.onlyMemory && !MOTO_START_FIGURES.has(spec.figure)) continue;
		if (options.onlyKeys && !KEY_FIGURE_NAMES.has(spec.figure)) continue;
		const sizes: (number | undefined)[] = spec.sized ? options.sizes : [undefined];
		for (const size of sizes) {
			const samples = results.get(spec.figure, size);
			const notes = results.notesFor(spec.figure, size);
			// Shapes not measured in this run (--shapes, --quick) leave no empty rows behind.
			if (spec.figure.startsWith('full load, ') && isShapeFigure(spec.figure) && samples.length === 0 && !notes)
				continue;
			// The throttled run is made once, at the largest size.
			if (spec.figure.includes('throttled') && size !== largest) continue;
			const applies = spec.target && (spec.target.at === 'always' || size === TARGET_SIZE);
			const target = size === TARGET_SIZE && spec.targetAtTargetSize ? spec.targetAtTargetSize : spec.target?.target;
			rows.push({
				figure: spec.figure,
				size,
				unit: spec.unit,
				samples,
				showP95: spec.showP95,
				...(applies && target ? { target } : {}),
				...(notes ? { note: notes } : {}),
			});
		}
	}
	return rows;
}

function isStartFigure(figure: string): boolean {
	return figure.startsWith('start to ') || figure.startsWith('second start to ');
}
/** What --only-memory measures: the dashboard's starts on moto, and its peak memory. */
const MOTO_START_FIGURES = new Set<string>([
	FIGURE.motoFirstRow,
	FIGURE.motoWholeList,
	FIGURE.cachedFirstRow,
	FIGURE.cachedWholeList,
	FIGURE.memoryMoto,
]);

/** What --only-keys measures. */
const KEY_FIGURE_NAMES = new Set<string>(Object.values(KEY_FIGURES));

function isShapeFigure(figure: string): boolean {
	return SHAPES.some((shape) => figure.startsWith(`full load, ${SHAPE_TEXT[shape]},`));
}

/**
 * Bundles the command straight from its TypeScript sources (type-checking is
 * tsc's job, run before this) into dist/: cli.js and the chunks it loads, and
 * nothing else, since dist/ is what the package publishes. Node 20 spends most
 * of a start resolving and compiling the hundreds of small modules Ink, React
 * and the AWS SDK are made of; one bundle starts in about half the time. Code
 * loaded on demand (the sandbox, the AWS adapter, the journal) stays in chunks
 * of its own, loaded only when used.
 *
 * The benchmark is bundled the same way into dist-tools/ (never published),
 * so that its key-timing and load children measure what the command ships.
 *
 *   node dist-tools/build/bundle.js [--stock-ink]
 *
 * --stock-ink leaves Ink and its layout and width modules as installed (to measure what the edits are worth).
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build, type Plugin } from 'esbuild';
import { withUnnamedKeysIgnored } from './ink-input.js';
import {
	CONF_FEATURES_LEFT_OUT,
	withLazyEmojiPattern,
	withNarrowTextAnsweredAtOnce,
	withoutWasmFetch,
} from './start-edits.js';

/** This file runs as dist-tools/build/bundle.js. */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = join(root, 'dist');
const distTools = join(root, 'dist-tools', 'bench');
const CHUNKS = 'chunks';

/**
 * Ink turns every line of every frame into one object per character
 * (ansi-tokenize), with a cache that lives for one frame only: at 10,000
 * accounts that is half of each key press. Most lines of a frame stand in the
 * frames before it, so the cache is kept across frames, bounded to the lines
 * of the last few frames. The edit replaces one field initialiser, the cache's
 * `new Map()`, with a shared bounded map: Ink's code around it may change from
 * release to release (6.8 and 8.0 differ) and the edit still applies. Should
 * even that field go, the build keeps stock Ink and says so, rather than fail.
 */
const STYLED_LINES_KEPT = 1000;
const PER_FRAME_CACHE = 'styledChars = new Map();';
const ACROSS_FRAMES_CACHE = `class StyledLinesAcrossFrames extends Map {
    set(line, characters) {
        if (!this.has(line) && this.size >= ${STYLED_LINES_KEPT}) this.delete(this.keys().next().value);
        return super.set(line, characters);
    }
}
const styledLinesAcrossFrames = new StyledLinesAcrossFrames();
`;

/**
 * The frame itself, row by row (tools/build/ink-rows.ts): appended to Ink's
 * output module, it replaces the Output class's `get` and keeps Ink's own
 * for an Output it cannot read. It needs the class under its name.
 */
const OUTPUT_CLASS = 'export default class Output';
const ROW_BY_ROW_FRAME = `
import * as orgdashAnsiTokenize from '@alcalzone/ansi-tokenize';
import orgdashSliceAnsi from 'slice-ansi';
import { rowByRowGet as orgdashRowByRowGet } from ${JSON.stringify(join(root, 'tools', 'build', 'ink-rows.ts'))};
Output.prototype.get = orgdashRowByRowGet(
    {
        sliceAnsi: orgdashSliceAnsi,
        styledCharsToString: orgdashAnsiTokenize.styledCharsToString,
        diffAnsiCodes: orgdashAnsiTokenize.diffAnsiCodes,
        ansiCodesToString: orgdashAnsiTokenize.ansiCodesToString,
    },
    Output.prototype.get,
);
`;

/**
 * Ink measures every text of every frame before writing it, styles and all
 * (string-width's fast path is for printable ASCII only, so each row of the
 * list is stripped of its escape codes and measured character by character).
 * A text's width never changes: it is kept, for the texts of the last few
 * frames, as Ink's layout already keeps it for the same texts unstyled.
 */
const TEXT_WIDTH = 'const currentWidth = widestLine(text);';
const TEXT_WIDTHS_KEPT = 1000;
const TEXT_WIDTHS_ACROSS_FRAMES = `const orgdashTextWidths = new Map();
function orgdashWidestLine(text) {
    let width = orgdashTextWidths.get(text);
    if (width === undefined) {
        width = widestLine(text);
        if (orgdashTextWidths.size >= ${TEXT_WIDTHS_KEPT}) orgdashTextWidths.delete(orgdashTextWidths.keys().next().value);
        orgdashTextWidths.set(text, width);
    }
    return width;
}
`;

/** What happened to Ink's output module in this build. */
type InkEdit =
	| 'applied'
	| 'skipped'
	| 'not found'
	| 'rows applied'
	| 'rows not found'
	| 'widths applied'
	| 'widths not found'
	| 'input applied'
	| 'input not found';

function inkFrameCache(report: (outcome: InkEdit) => void): Plugin {
	return {
		name: 'ink-frame-cache',
		setup(bundle) {
			bundle.onLoad({ filter: /[/\\]ink[/\\]build[/\\]output\.js$/ }, ({ path }) => {
				const source = readFileSync(path, 'utf8');
				const resolveDir = dirname(path);
				const rowByRow = source.includes(OUTPUT_CLASS) ? ROW_BY_ROW_FRAME : '';
				report(rowByRow ? 'rows applied' : 'rows not found');
				if (source.split(PER_FRAME_CACHE).length !== 2) {
					report('not found');
					return { contents: `${source}${rowByRow}`, loader: 'js', resolveDir };
				}
				report('applied');
				const contents = `${ACROSS_FRAMES_CACHE}${source.replace(PER_FRAME_CACHE, 'styledChars = styledLinesAcrossFrames;')}${rowByRow}`;
				return { contents, loader: 'js', resolveDir };
			});
			bundle.onLoad({ filter: /[/\\]ink[/\\]build[/\\]hooks[/\\]use-input\.js$/ }, ({ path }) => {
				const source = readFileSync(path, 'utf8');
				const edited = withUnnamedKeysIgnored(source);
				report(edited ? 'input applied' : 'input not found');
				return { contents: edited ?? source, loader: 'js', resolveDir: dirname(path) };
			});
			bundle.onLoad({ filter: /[/\\]ink[/\\]build[/\\]render-node-to-output\.js$/ }, ({ path }) => {
				const source = readFileSync(path, 'utf8');
				if (source.split(TEXT_WIDTH).length !== 2) {
					report('widths not found');
					return { contents: source, loader: 'js' };
				}
				report('widths applied');
				const contents = `${TEXT_WIDTHS_ACROSS_FRAMES}${source.replace(TEXT_WIDTH, 'const currentWidth = orgdashWidestLine(text);')}`;
				return { contents, loader: 'js' };
			});
		},
	};
}

/** What the start edits (start-edits.ts) did in this build. */
type StartEdit =
	| 'wasm applied'
	| 'wasm not found'
	| 'emoji applied'
	| 'emoji not found'
	| 'narrow applied'
	| 'narrow not found'
	| 'conf applied';

function startEdits(report: (outcome: StartEdit) => void): Plugin {
	return {
		name: 'start-edits',
		setup(bundle) {
			bundle.onLoad({ filter: /[/\\]yoga-layout[/\\]dist[/\\]binaries[/\\][^/\\]+\.js$/ }, ({ path }) => {
				const source = readFileSync(path, 'utf8');
				const edited = withoutWasmFetch(source);
				report(edited ? 'wasm applied' : 'wasm not found');
				return { contents: edited ?? source, loader: 'js' };
			});
			// conf's schema validation and migrations, which orgdash does not use: stand-ins (start-edits.ts).
			bundle.onResolve({ filter: /^(ajv\/dist\/2020\.js|ajv-formats|semver)$/ }, ({ path, importer }) => {
				if (!/[/\\]node_modules[/\\]conf[/\\]/.test(importer)) return undefined;
				report('conf applied');
				return { path, namespace: 'conf-left-out' };
			});
			bundle.onLoad({ filter: /.*/, namespace: 'conf-left-out' }, ({ path }) => ({
				contents: CONF_FEATURES_LEFT_OUT[path] ?? '',
				loader: 'js',
			}));
			// Ink's string-width (both edits); another copy (wrap-ansi's, an older major) may have neither line.
			bundle.onLoad({ filter: /[/\\]string-width[/\\]index\.js$/ }, ({ path }) => {
				const source = readFileSync(path, 'utf8');
				const lazyEmoji = withLazyEmojiPattern(source);
				report(lazyEmoji ? 'emoji applied' : 'emoji not found');
				const narrowAtOnce = withNarrowTextAnsweredAtOnce(lazyEmoji ?? source);
				report(narrowAtOnce ? 'narrow applied' : 'narrow not found');
				return { contents: narrowAtOnce ?? lazyEmoji ?? source, loader: 'js' };
			});
		},
	};
}

const stockInk = process.argv.includes('--stock-ink');
const startEditsDone = new Set<StartEdit>();
const inkEdits = new Set<InkEdit>();
const plugins = stockInk
	? []
	: [inkFrameCache((outcome) => inkEdits.add(outcome)), startEdits((outcome) => startEditsDone.add(outcome))];
if (stockInk) inkEdits.add('skipped');

const common: BuildOptions = {
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	jsx: 'automatic',
	chunkNames: `${CHUNKS}/[name]-[hash]`,
	plugins,
	// Ink loads its React DevTools bridge only when DEV=true, from a package it does not install;
	// node-pty (a native module) is only the benchmark's.
	external: ['react-devtools-core', '@lydell/node-pty'],
	// React's production build only, whatever NODE_ENV the user's shell exports: the development build checks
	// and measures every render (several times slower per key press), and the bundle would carry both (760 kB
	// more for every dashboard start to read and parse) when the choice is made at run time.
	define: { 'process.env.NODE_ENV': '"production"' },
	// CommonJS dependencies inside an ES module bundle still call require() for Node's built-ins.
	banner: {
		js: "import { createRequire as orgdashRequire } from 'node:module'; const require = orgdashRequire(import.meta.url);",
	},
	logLevel: 'warning',
};

// Emptied first, so nothing from an earlier build (or an older layout) is published.
rmSync(dist, { recursive: true, force: true });
rmSync(distTools, { recursive: true, force: true });
await Promise.all([
	build({ ...common, entryPoints: { cli: join(root, 'source', 'cli.tsx') }, outdir: dist }),
	build({
		...common,
		entryPoints: {
			run: join(root, 'tools', 'bench', 'run.ts'),
			'keys-child': join(root, 'tools', 'bench', 'keys-child.tsx'),
			'load-child': join(root, 'tools', 'bench', 'load-child.ts'),
		},
		outdir: distTools,
	}),
]);

const chunkCount = (folder: string) => readdirSync(join(folder, CHUNKS)).length;
process.stdout.write(
	`bundled dist/cli.js (+${chunkCount(dist)} chunks) and ${relative(root, distTools)}/ (+${chunkCount(distTools)} chunks)\n`,
);
if (inkEdits.has('not found')) {
	process.stderr.write(
		`warning: Ink's output module has no "${PER_FRAME_CACHE}" any more, so its per-line styling cache is rebuilt ` +
			'for every frame (stock Ink: correct, but key presses are slower on large organizations). ' +
			'Review the ink-frame-cache plugin in tools/build/bundle.ts for this Ink version.\n',
	);
} else if (inkEdits.has('skipped')) {
	process.stdout.write('stock Ink: its frames built and its texts measured as Ink does (--stock-ink)\n');
} else if (!inkEdits.has('applied')) {
	process.stderr.write("warning: Ink's output module was not in the bundle; the ink-frame-cache plugin did nothing.\n");
}
if (inkEdits.has('widths not found')) {
	process.stderr.write(
		`warning: Ink's text output has no "${TEXT_WIDTH}" any more, so every text is measured on every frame ` +
			'(stock Ink: correct, but key presses are slower). Review TEXT_WIDTHS_ACROSS_FRAMES in tools/build/bundle.ts.\n',
	);
}
if (inkEdits.has('rows not found')) {
	process.stderr.write(
		`warning: Ink's output module has no "${OUTPUT_CLASS}" any more, so its frames are built cell by cell ` +
			'(stock Ink: correct, but key presses are slower). Review ROW_BY_ROW_FRAME in tools/build/bundle.ts.\n',
	);
}
// Each start edit that found nothing to edit: the module ships as it is (correct, slower), and the build says so.
const START_EDIT_MISSING: ReadonlyArray<readonly [StartEdit, string]> = [
	[
		'wasm applied',
		'warning: Yoga\'s WebAssembly loader has no "return w||"function"!=typeof fetch?" any more, so every start may load ' +
			"Node's HTTP client to read it (correct, but about 50 ms slower). Review withoutWasmFetch in tools/build/start-edits.ts.\n",
	],
	[
		'emoji applied',
		"warning: string-width's RGI emoji pattern was not found, so it is compiled at every start (correct, but about " +
			'20 ms slower). Review withLazyEmojiPattern in tools/build/start-edits.ts.\n',
	],
	[
		'narrow applied',
		"warning: string-width's printable-ASCII test was not found, so the first frame's texts beyond ASCII are segmented " +
			'(correct, but about 30 ms of CPU slower to start). Review withNarrowTextAnsweredAtOnce in tools/build/start-edits.ts.\n',
	],
	[
		'conf applied',
		'warning: conf no longer imports ajv, ajv-formats or semver by these names, so the bundle carries them (correct, ' +
			'but about 35 ms slower to start). Review CONF_FEATURES_LEFT_OUT in tools/build/start-edits.ts.\n',
	],
];
for (const [applied, warning] of START_EDIT_MISSING) {
	if (!stockInk && !startEditsDone.has(applied)) process.stderr.write(warning);
}
if (inkEdits.has('input not found')) {
	process.stderr.write(
		"warning: Ink's useInput has no \"if (input.startsWith('\\u001B')) {\" any more, so a pasted escape sequence it " +
			'cannot name may end the dashboard. Review withUnnamedKeysIgnored in tools/build/ink-input.ts.\n',
	);
}

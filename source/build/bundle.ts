/**
 * Bundles the command (dist/cli.js, as tsc wrote it) into a few files, in
 * place. Node 20 spends most of a start resolving and compiling the hundreds
 * of small modules Ink, React and the AWS SDK are made of; one bundle starts in
 * about half the time. Code loaded on demand (the sandbox, the AWS adapter,
 * the journal) stays in chunks of its own, loaded only when used.
 *
 * The benchmark's key-timing child is bundled the same way, so that it
 * measures the rendering the command ships.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const dist = dirname(dirname(fileURLToPath(import.meta.url)));
const CHUNKS = 'cli-chunks';

/**
 * Ink turns every line of every frame into one object per character
 * (ansi-tokenize), with a cache that lives for one frame only: at 10,000
 * accounts that is half of each key press. Most lines of a frame stand in the
 * frames before it, so the cache is kept across frames, bounded to the lines
 * of the last few frames.
 */
const STYLED_LINES_KEPT = 1000;
const inkFrameCache: Plugin = {
	name: 'ink-frame-cache',
	setup(bundle) {
		bundle.onLoad({ filter: /[/\\]ink[/\\]build[/\\]output\.js$/ }, ({ path }) => {
			const source = readFileSync(path, 'utf8');
			const perFrame =
				'    styledChars = new Map();\n    getStyledChars(line) {\n        let cached = this.styledChars.get(line);\n        if (cached === undefined) {\n            cached = styledCharsFromTokens(tokenize(line));\n            this.styledChars.set(line, cached);\n        }';
			const acrossFrames = `    styledChars = styledLinesAcrossFrames;\n    getStyledChars(line) {\n        let cached = this.styledChars.get(line);\n        if (cached === undefined) {\n            cached = styledCharsFromTokens(tokenize(line));\n            if (this.styledChars.size >= ${STYLED_LINES_KEPT}) this.styledChars.delete(this.styledChars.keys().next().value);\n            this.styledChars.set(line, cached);\n        }`;
			if (!source.includes(perFrame)) {
				throw new Error(`${path} is not the Ink output module this build knows: review the ink-frame-cache plugin.`);
			}
			const contents = `const styledLinesAcrossFrames = new Map();\n${source.replace(perFrame, acrossFrames)}`;
			return { contents, loader: 'js' };
		});
	},
};

rmSync(join(dist, CHUNKS), { recursive: true, force: true });
await build({
	entryPoints: { cli: join(dist, 'cli.js'), 'bench/keys-child': join(dist, 'bench', 'keys-child.js') },
	outdir: dist,
	chunkNames: `${CHUNKS}/[name]-[hash]`,
	allowOverwrite: true,
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	plugins: [inkFrameCache],
	// Ink loads its React DevTools bridge only when DEV=true, from a package it does not install.
	external: ['react-devtools-core', '@lydell/node-pty'],
	// CommonJS dependencies inside an ES module bundle still call require() for Node's built-ins.
	banner: {
		js: "import { createRequire as orgdashRequire } from 'node:module'; const require = orgdashRequire(import.meta.url);",
	},
	logLevel: 'warning',
});
process.stdout.write(
	`bundled dist/cli.js and dist/bench/keys-child.js (+${readdirSync(join(dist, CHUNKS)).length} chunks)\n`,
);

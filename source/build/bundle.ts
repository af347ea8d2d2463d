/**
 * Bundles the command (dist/cli.js, as tsc wrote it) into a few files, in
 * place. Node 20 spends most of a start resolving and compiling the hundreds
 * of small modules Ink, React and the AWS SDK are made of; one bundle starts in
 * about half the time. Code loaded on demand (the sandbox, the AWS adapter,
 * the journal) stays in chunks of its own, loaded only when used.
 */
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const dist = dirname(dirname(fileURLToPath(import.meta.url)));
const CHUNKS = 'cli-chunks';

rmSync(join(dist, CHUNKS), { recursive: true, force: true });
await build({
	entryPoints: { cli: join(dist, 'cli.js') },
	outdir: dist,
	chunkNames: `${CHUNKS}/[name]-[hash]`,
	allowOverwrite: true,
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	// Ink loads its React DevTools bridge only when DEV=true, from a package it does not install.
	external: ['react-devtools-core'],
	// CommonJS dependencies inside an ES module bundle still call require() for Node's built-ins.
	banner: {
		js: "import { createRequire as orgdashRequire } from 'node:module'; const require = orgdashRequire(import.meta.url);",
	},
	logLevel: 'warning',
});
process.stdout.write(`bundled dist/cli.js (+${readdirSync(join(dist, CHUNKS)).length} chunks)\n`);

/**
 * tools/build/ensure-built.mjs on a small project of its own shape: a build
 * that only writes dist/cli.js and counts its runs, so each case shows whether
 * the script built, and what it said.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'build', 'ensure-built.mjs');
let project: string;

const BUILD = `
const fs = require('node:fs');
fs.mkdirSync('dist', { recursive: true });
fs.writeFileSync('dist/cli.js', '');
fs.mkdirSync('dist-tools/bench', { recursive: true });
fs.writeFileSync('dist-tools/bench/run.js', '');
fs.appendFileSync('builds', 'x');
if (process.env.FAIL_BUILD) process.exit(3);
`;

/**
 * Stands in for npm on PATH: checks that it was asked for the build, then runs
 * the project's build as `npm run build` would. Starting npm itself costs
 * about a second each time; the first-run and failed-build cases use the real
 * npm, so the script is still seen to work with it.
 */
const NPM_STAND_IN = `#!/bin/sh
if [ "$*" != "run build --silent" ]; then echo "npm stand-in: unexpected arguments: $*" >&2; exit 99; fi
exec "${process.execPath}" build.cjs
`;

beforeEach(() => {
	project = mkdtempSync(join(tmpdir(), 'orgdash-ensure-built-'));
	mkdirSync(join(project, 'stand-in'));
	writeFileSync(join(project, 'stand-in', 'npm'), NPM_STAND_IN, { mode: 0o755 });
	mkdirSync(join(project, 'tools', 'build'), { recursive: true });
	mkdirSync(join(project, 'source', 'ui'), { recursive: true });
	mkdirSync(join(project, 'tools', 'bench'), { recursive: true });
	mkdirSync(join(project, 'test', 'support'), { recursive: true });
	copyFileSync(SCRIPT, join(project, 'tools', 'build', 'ensure-built.mjs'));
	writeFileSync(join(project, 'build.cjs'), BUILD);
	writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'p', scripts: { build: 'node build.cjs' } }));
	writeFileSync(join(project, 'tsconfig.json'), '{}');
	writeFileSync(join(project, 'source', 'ui', 'app.tsx'), '');
	writeFileSync(join(project, 'tools', 'bench', 'run.ts'), '');
	writeFileSync(join(project, 'test', 'support', 'moto-server.ts'), '');
	// Every input an hour old, so that a build made now is newer than all of them.
	for (const path of [
		'package.json',
		'tsconfig.json',
		'source/ui/app.tsx',
		'source/ui',
		'source',
		'tools/build',
		'tools/bench/run.ts',
		'tools/bench',
		'test/support/moto-server.ts',
		'test/support',
	]) {
		age(path, 3600);
	}
	age('tools/build/ensure-built.mjs', 3600);
});

afterEach(() => {
	rmSync(project, { recursive: true, force: true });
});

/**
 * Runs the script: what it said on stderr, its exit code, and how many builds
 * the project has had so far. Its builds go through the npm stand-in unless
 * `realNpm` is set.
 */
function ensureBuilt(
	env: NodeJS.ProcessEnv = {},
	{ realNpm = false }: { realNpm?: boolean } = {},
): {
	readonly said: string;
	readonly code: number | null;
	readonly builds: number;
} {
	const path = realNpm ? process.env.PATH : `${join(project, 'stand-in')}${delimiter}${process.env.PATH ?? ''}`;
	const run = spawnSync(process.execPath, [join(project, 'tools', 'build', 'ensure-built.mjs')], {
		cwd: project,
		env: { ...process.env, PATH: path, ...env },
		encoding: 'utf8',
	});
	let builds = 0;
	try {
		builds = readFileSync(join(project, 'builds'), 'utf8').length;
	} catch {
		builds = 0;
	}
	return { said: run.stderr, code: run.status, builds };
}

/** Sets a file's times to `seconds` ago. */
function age(path: string, seconds: number): void {
	const then = new Date(Date.now() - seconds * 1000);
	utimesSync(join(project, path), then, then);
}

describe('ensure-built', () => {
	it('builds on the first run and says so', () => {
		const result = ensureBuilt({}, { realNpm: true });
		expect(result.code).toBe(0);
		expect(result.builds).toBe(1);
		expect(result.said).toBe('building orgdash (first run, about 20 s)…\n');
	});

	it('does not build again when nothing changed, and says nothing', () => {
		ensureBuilt();
		const second = ensureBuilt();
		expect(second).toEqual({ said: '', code: 0, builds: 1 });
	});

	it.each([
		'source/ui/app.tsx',
		'package.json',
		'tsconfig.json',
		'tools/build/ensure-built.mjs',
		'test/support/moto-server.ts',
	])('builds again when %s is newer than dist/cli.js, once', (input) => {
		ensureBuilt();
		age('dist/cli.js', 1800);
		age(input, 900);
		const changed = ensureBuilt();
		expect(changed.builds).toBe(2);
		expect(changed.said).toBe('building orgdash (the sources changed, about 20 s)…\n');
		expect(ensureBuilt().builds).toBe(2);
	});

	it('builds again when the benchmark bundle (dist-tools/bench, which the tests run) is older than the benchmark', () => {
		ensureBuilt();
		age('dist-tools/bench/run.js', 1800);
		age('tools/bench/run.ts', 900);
		expect(ensureBuilt().builds).toBe(2);
	});

	it('builds when the benchmark bundle is missing, though dist/cli.js is there', () => {
		ensureBuilt();
		rmSync(join(project, 'dist-tools'), { recursive: true });
		const result = ensureBuilt();
		expect(result.builds).toBe(2);
		expect(result.said).toBe('building orgdash (first run, about 20 s)…\n');
	});

	it('a file outside the inputs (a test, the readme) does not make it build', () => {
		ensureBuilt();
		age('dist/cli.js', 1800);
		writeFileSync(join(project, 'readme.md'), 'changed');
		writeFileSync(join(project, 'test', 'a.test.ts'), 'changed');
		expect(ensureBuilt().builds).toBe(1);
	});

	it('passes a failed build on, with what to do', () => {
		const result = ensureBuilt({ FAIL_BUILD: '1' }, { realNpm: true });
		expect(result.code).toBe(3);
		expect(result.said).toContain('building orgdash (first run');
		expect(result.said).toContain('run npm run build');
	});
});

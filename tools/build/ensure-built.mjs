/**
 * Builds dist/ only when it is missing or older than what it is built from:
 * `npm run demo`, `npm install` (prepare) and `npm test` start at once when
 * nothing changed, and say so when they do build, instead of 20 silent seconds.
 * Plain JavaScript, so it runs before anything is built.
 * `--check`: print whether a build is needed, build nothing (exit 0 either way).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** What the build writes: the command, and the benchmark that the tests run too. */
const BUILT = [join(ROOT, 'dist', 'cli.js'), join(ROOT, 'dist-tools', 'bench', 'run.js')];
/**
 * What the bundles are made from: the sources, the build itself, the
 * benchmark and the test support it bundles, the dependencies and the
 * compiler settings.
 */
const INPUT_FOLDERS = ['source', join('tools', 'build'), join('tools', 'bench'), join('test', 'support')];
const INPUT_FILES = /^(package\.json|package-lock\.json|tsconfig.*\.json)$/;

function newestMtime(path) {
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
	return newest;
}

function newestInput() {
	let newest = 0;
	for (const folder of INPUT_FOLDERS) {
		if (existsSync(join(ROOT, folder))) newest = Math.max(newest, newestMtime(join(ROOT, folder)));
	}
	for (const file of readdirSync(ROOT)) {
		if (INPUT_FILES.test(file)) newest = Math.max(newest, statSync(join(ROOT, file)).mtimeMs);
	}
	return newest;
}

/** Why a build is needed, or undefined when everything built is newer than every input. */
function buildReason() {
	if (!BUILT.every((path) => existsSync(path))) return 'first run, about 20 s';
	if (Math.min(...BUILT.map((path) => statSync(path).mtimeMs)) < newestInput())
		return 'the sources changed, about 20 s';
	return undefined;
}

const reason = buildReason();
if (process.argv.includes('--check')) {
	process.stdout.write(reason ? `build needed (${reason})\n` : 'up to date\n');
	process.exit(0);
}
if (reason) {
	process.stderr.write(`building orgdash (${reason})…\n`);
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	const build = spawnSync(npm, ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
	if (build.status !== 0) {
		process.stderr.write('orgdash: the build failed (above); fix it and run npm run build.\n');
		process.exit(build.status ?? 1);
	}
}

import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root folder: this file is tools/bench/paths.ts, bundled into dist-tools/bench/*.js (same depth). */
export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function projectPath(...parts: string[]): string {
	return join(projectRoot, ...parts);
}

/** The built command-line entry the benchmark starts. */
export const cliPath = projectPath('dist', 'cli.js');

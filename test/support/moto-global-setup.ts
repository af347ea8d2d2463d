/**
 * vitest's globalSetup: a folder for the run in which each worker notes the
 * moto server it started (see `workerMoto` in moto-server.ts), so that the
 * next test files of that worker use the same server instead of starting
 * their own; after the run, every server noted there is stopped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { stopWorkerMotos } from './moto-server.js';

declare module 'vitest' {
	export interface ProvidedContext {
		/** Where each worker notes its moto server (pool-<n>.json), and the run's process, which they do not outlive. */
		motoRun: { folder: string; ownerPid: number };
	}
}

export default function setup(project: TestProject): () => Promise<void> {
	const folder = mkdtempSync(join(tmpdir(), 'orgdash-moto-run-'));
	project.provide('motoRun', { folder, ownerPid: process.pid });
	return async () => {
		await stopWorkerMotos(folder);
		rmSync(folder, { recursive: true, force: true });
	};
}

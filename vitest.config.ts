import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}', 'tools/**/*.test.{ts,tsx}'],
		// One moto server per worker, shared by the worker's moto suites (see test/support/moto.ts).
		globalSetup: ['test/support/moto-global-setup.ts'],
		// One worker more than the cores (vitest's default leaves one core out): the
		// suites spend much of their time waiting for moto and the built command.
		// Measured on two cores: 140 s with two workers, 120 s with three.
		maxWorkers: availableParallelism() + 1,
		testTimeout: 30_000,
		hookTimeout: 60_000,
	},
});

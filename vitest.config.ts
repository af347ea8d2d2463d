import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	// JSX compiled as for production: React's production build has no jsxDEV.
	oxc: { jsx: { development: false } },
	test: {
		include: ['test/**/*.test.{ts,tsx}', 'tools/**/*.test.{ts,tsx}'],
		// React's production build, as the command ships it (it sets NODE_ENV to production unless told
		// otherwise); vitest's own default, test, would load React's development build, several times
		// slower, in the tests and in every built command they start.
		env: { NODE_ENV: 'production' },
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

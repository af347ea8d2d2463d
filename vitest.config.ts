import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}', 'tools/**/*.test.{ts,tsx}'],
		// One moto server per worker, shared by the worker's moto suites (see test/support/moto.ts).
		globalSetup: ['test/support/moto-global-setup.ts'],
		testTimeout: 30_000,
		hookTimeout: 60_000,
	},
});

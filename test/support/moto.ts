/**
 * Moto suites: `describeWithMoto(name, (moto) => ...)` is all a new suite
 * needs. Inside its tests and hooks, `moto.server.endpoint` is a real moto
 * server, reset (every service empty) before the suite's first hook, and the
 * SDK's default credential chain of this process points at it
 * (`motoEnvironment(endpoint)` gives the same for a child process).
 *
 * The fast path, which new suites get without doing anything:
 * - One moto server per vitest worker, not per suite: the worker's first
 *   moto suite starts it, the next files of that worker reset it and use it
 *   again (test/support/moto-global-setup.ts stops them all after the run).
 *   A suite that needs an empty server between its tests calls
 *   `moto.server.reset()` in a `beforeEach`; it costs milliseconds. Do not
 *   stop it (the worker's next files use it); a test that needs a server of
 *   its own (one it stops, say) calls `startMoto()` and stops it itself.
 * - Seed with `seedOrganization(endpoint, { ous, accounts })`, never with
 *   CreateAccount calls of your own: the servers the tests start run
 *   moto-seeding-server.py, which builds the whole organization in one
 *   request (milliseconds for a hundred accounts, where the SDK took seconds
 *   of CPU). Seed again in `beforeEach` when the tests change what they read.
 * - Wait for what the test needs to see (a frame, a file, a request), never
 *   for a fixed time.
 *
 * When moto_server is absent the suite is skipped, unless CI or
 * ORGDASH_REQUIRE_MOTO is set: then it fails with a message saying how to
 * install it. moto-server.ts, which this module also exports, has the server
 * and the seeding helpers without vitest, for the benchmark.
 */

import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import {
	applyMotoEnvironment,
	findMotoServer,
	type MotoServer,
	motoMissingMessage,
	motoRequired,
	startMoto,
	workerMoto,
} from './moto-server.js';

export * from './moto-server.js';

declare module 'vitest' {
	export interface ProvidedContext {
		/** Given by moto-global-setup.ts (declared there too, for the setup's own compilation). */
		motoRun: { folder: string; ownerPid: number };
	}
}

export interface MotoHandle {
	/** Available inside tests and hooks of the suite. */
	readonly server: MotoServer;
}

/**
 * The worker's moto server, or, outside a run with moto-global-setup.ts (a
 * config without it), a server of this suite's own, stopped after it.
 */
async function serverForSuite(executable: string): Promise<MotoServer> {
	const run = inject('motoRun');
	const poolId = process.env.VITEST_POOL_ID;
	if (run && poolId) return workerMoto(run, poolId, executable);
	return startMoto(executable);
}

/**
 * `describe` with a moto server for the whole block, reset before its first
 * hook. Skipped when moto is absent, or failing loudly in CI.
 */
export function describeWithMoto(name: string, body: (moto: MotoHandle) => void): void {
	const executable = findMotoServer();
	let server: MotoServer | undefined;
	const handle: MotoHandle = {
		get server() {
			if (!server) throw new Error('moto_server is not running yet (use it inside tests or hooks)');
			return server;
		},
	};
	if (!executable) {
		if (motoRequired()) {
			describe(name, () => {
				it('needs moto_server', () => {
					throw new Error(motoMissingMessage());
				});
			});
		} else {
			// The suite's own tests show as skipped, so the report says what did not run.
			describe.skip(`${name} (moto_server not installed)`, () => body(handle));
		}
		return;
	}
	describe(name, () => {
		beforeAll(async () => {
			server = await serverForSuite(executable);
			await server.reset();
			applyMotoEnvironment(server.endpoint);
		});
		afterAll(async () => {
			await server?.stop();
		});
		body(handle);
	});
}

/**
 * `describeWithMoto`: a vitest suite with one real moto server (see
 * moto-server.ts, which this module also exports, so tests import one place).
 * When moto_server is absent the suite is skipped, unless CI or
 * ORGDASH_REQUIRE_MOTO is set: then it fails with a message saying how to
 * install it.
 */

import { afterAll, beforeAll, describe, it } from 'vitest';
import {
	applyMotoEnvironment,
	findMotoServer,
	type MotoServer,
	motoMissingMessage,
	motoRequired,
	startMoto,
} from './moto-server.js';

export * from './moto-server.js';

export interface MotoHandle {
	/** Available inside tests and hooks of the suite. */
	readonly server: MotoServer;
}

/**
 * `describe` with one moto server for the whole block: started before its tests,
 * stopped after. Skipped when moto is absent, or failing loudly in CI.
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
			server = await startMoto(executable);
			applyMotoEnvironment(server.endpoint);
		});
		afterAll(async () => {
			await server?.stop();
		});
		body(handle);
	});
}

/**
 * Random key sequences against the guided flows, checked through the
 * sandbox's calls log: CloseAccount and RemoveAccountFromOrganization are
 * sent exactly when the exact account id was typed and the line then typed
 * at the last question, submitted with Enter, is y or yes (any case, spaces
 * around it aside); never for any other line, never for a paste, and never
 * twice for one confirmation.
 *
 * The keys are printable characters (ASCII and beyond), whole words typed one
 * key at a time, the account id, Enter, Esc, Backspace, Space, arrows and
 * pastes, at every step. The oracle models the typed id and the typed line
 * from the keys alone; from the flow it only reads which step is on screen,
 * as a person would. The reducer runs translate the keys as the screen does
 * and use the real effect runner, with a fixed seed and a random one (printed;
 * ORGDASH_PROPERTY_SEED=<seed> replays it); fewer runs drive the rendered
 * screens through Ink's input.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import {
	expectNotVacuous,
	FIXED_SEED,
	RANDOM_SEED,
	REDUCER_RUNS_PER_SEED,
	runReducer,
	type Scenario,
	scenarioArbitrary,
	type Tally,
} from './flows-property-support.js';

describe('random keys never close or remove an account without the typed id and a typed yes', () => {
	it.each([
		['a fixed seed', FIXED_SEED],
		['a random seed', RANDOM_SEED],
	])(
		`holds for ${REDUCER_RUNS_PER_SEED} runs of the reducer, %s, with the real effect runner on the sandbox`,
		async (label, seed) => {
			console.info(`flows property, ${label}: seed ${seed} (replay: ORGDASH_PROPERTY_SEED=${seed})`);
			const tally: Tally = { runs: 0, questions: 0, submits: 0, refusedWords: 0 };
			await fc.assert(
				fc.asyncProperty(scenarioArbitrary, (scenario: Scenario) => runReducer(scenario, tally)),
				{ numRuns: REDUCER_RUNS_PER_SEED, seed },
			);
			expectNotVacuous(tally, `reducer, seed ${seed}`);
		},
		240_000,
	);
});

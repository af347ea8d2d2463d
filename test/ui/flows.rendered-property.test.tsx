/** The flows' property on the rendered screens, keys through Ink's input (see flows-property-support.tsx). */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import type { Account } from '../../source/domain/account.js';
import {
	ConfirmationOracle,
	demo,
	ESCAPE,
	expand,
	expectNotVacuous,
	flush,
	NOW,
	operationTracker,
	RANDOM_SEED,
	RENDERED_RUNS,
	type Scenario,
	scenarioArbitrary,
	type Tally,
} from './flows-property-support.js';
import { destructiveCalls, renderFlowScreen, waitFor } from './flows-support.js';

describe('random keys never close or remove an account without the typed id and a typed yes', () => {
	it(`holds for ${RENDERED_RUNS} runs of the rendered screens, keys through Ink's input`, async () => {
		const tally: Tally = { runs: 0, questions: 0, submits: 0, refusedWords: 0 };
		await fc.assert(
			fc.asyncProperty(scenarioArbitrary, async (scenario: Scenario) => {
				const world = await demo(scenario.memberCaller, { latencyMs: scenario.latencyMs, settings: true });
				const tracker = operationTracker();
				const oracle = new ConfirmationOracle(scenario.target, () => tracker.operation());
				const flow = renderFlowScreen({
					kind: scenario.kind,
					account: world.accounts.find((item) => item.id === scenario.target) as Account,
					accounts: world.accounts,
					services: {
						gateway: world.sandbox,
						journal: world.journal,
						...(world.settings ? { progress: world.settings } : {}),
						organization: world.organization,
						caller: world.caller,
						now: () => NOW,
						pollIntervalMs: 1,
					},
					onState: (state) => tracker.note(state),
				});
				try {
					await waitFor(() => flow.step() !== 'loading', 'the account to be read');
					for (const [index, press] of expand(scenario).entries()) {
						if (flow.exited()) break;
						const before = flow.step();
						const callsBefore = destructiveCalls(world.sandbox).length;
						flow.write(press.raw);
						// Ink reads each write at once; only a lone Esc waits one tick.
						if (press.raw === ESCAPE || (scenario.waits[index] ?? true)) await flush();
						const newCalls = destructiveCalls(world.sandbox).slice(callsBefore);
						if (press.burst) oracle.observeBurst(press, before, flow.step(), newCalls);
						else oracle.observe(press.raw, false, before, flow.step(), newCalls);
					}
				} finally {
					flow.unmount();
				}
				tally.runs++;
				tally.questions += oracle.reachedQuestion;
				tally.submits += oracle.submits;
				tally.refusedWords += oracle.refusedWords;
			}),
			{ numRuns: RENDERED_RUNS, seed: RANDOM_SEED },
		);
		expectNotVacuous(tally, `rendered, seed ${RANDOM_SEED}`);
	}, 180_000);
});

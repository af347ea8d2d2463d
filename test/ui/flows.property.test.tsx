/**
 * Random key sequences against the guided flows, checked through the
 * sandbox's calls log: CloseAccount and RemoveAccountFromOrganization are
 * never called unless the exact account id was typed and the last question
 * answered y, and never twice for one confirmation.
 *
 * The oracle tracks the typed digits and the y/N answer from the keys itself;
 * from the flow it only reads which step is on screen, as a person would.
 * Thousands of runs drive the reducer with the real effect runner; a few
 * hundred drive the rendered screens through Ink's input.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { render } from 'ink-testing-library';
import { afterAll, describe, expect, it } from 'vitest';
import type { Account, CallerIdentity, Organization } from '../../source/domain/account.js';
import {
	type FlowEvent,
	type FlowKey,
	type FlowKind,
	type FlowState,
	flowReducer,
	knownClosureTimes,
	startFlow,
} from '../../source/domain/close-flow.js';
import { createSandbox, DEMO_ACCOUNTS, type SandboxGateway } from '../../source/org/sandbox.js';
import { Journal } from '../../source/store/journal.js';
import { Settings } from '../../source/store/settings.js';
import { createFlowEffects } from '../../source/ui/flow-effects.js';
import { FlowScreen } from '../../source/ui/screens/FlowScreen.js';
import { KEYS, waitFor } from './flows-support.js';

const REDUCER_RUNS = 3000;
const RENDERED_RUNS = 200;

const roots: string[] = [];
afterAll(() => {
	for (const dir of roots) rmSync(dir, { recursive: true, force: true });
});

/** One key as the user presses it; macros expand into several. */
type Token =
	| { readonly kind: 'key'; readonly key: FlowKey; readonly raw: string }
	| { readonly kind: 'id' | 'id-paste' | 'id-wrong' | 'id-prefix' | 'tick-all' | 'progress' }
	/** Several keys in one chunk of input, as a paste or keys faster than the screen sends them. */
	| { readonly kind: 'burst'; readonly raw: string };

const key = (flowKey: FlowKey, raw: string): Token => ({ kind: 'key', key: flowKey, raw });
const text = (value: string): Token => key({ type: 'text', text: value }, value);

const tokenArbitrary: fc.Arbitrary<Token> = fc.oneof(
	{ weight: 10, arbitrary: fc.constantFrom(...'0123456789').map(text) },
	{ weight: 7, arbitrary: fc.constant(key({ type: 'enter' }, KEYS.enter)) },
	{ weight: 4, arbitrary: fc.constantFrom('y', 'Y').map(text) },
	{ weight: 3, arbitrary: fc.constantFrom('n', 'N').map(text) },
	{ weight: 4, arbitrary: fc.constant(key({ type: 'escape' }, KEYS.escape)) },
	{ weight: 4, arbitrary: fc.constant(key({ type: 'space' }, KEYS.space)) },
	{ weight: 3, arbitrary: fc.constant(key({ type: 'backspace' }, KEYS.backspace)) },
	{ weight: 2, arbitrary: fc.constantFrom('c', 'x', 'j', 'k', 'q', 'r', 'L').map(text) },
	{
		weight: 4,
		arbitrary: fc.constantFrom(
			key({ type: 'up' }, KEYS.up),
			key({ type: 'down' }, KEYS.down),
			key({ type: 'left' }, KEYS.left),
			key({ type: 'right' }, KEYS.right),
		),
	},
	{ weight: 4, arbitrary: fc.constant<Token>({ kind: 'id' }) },
	{ weight: 1, arbitrary: fc.constant<Token>({ kind: 'id-paste' }) },
	{
		weight: 3,
		arbitrary: fc
			.constantFrom('y\r', 'Y\r', '\r\r', 'y\r\r', 'n\r', ' \r', 'yy\r')
			.map((raw): Token => ({ kind: 'burst', raw })),
	},
	{ weight: 2, arbitrary: fc.constant<Token>({ kind: 'id-wrong' }) },
	{ weight: 2, arbitrary: fc.constant<Token>({ kind: 'id-prefix' }) },
	{ weight: 3, arbitrary: fc.constant<Token>({ kind: 'tick-all' }) },
	// The next move of a person going through the flow: keeps the runs reaching the last question.
	{ weight: 45, arbitrary: fc.constant<Token>({ kind: 'progress' }) },
);

/** What a person going straight through would press, by the path they take. */
const PROGRESS: Record<'close' | 'remove' | 'close-via-remove', readonly (Token['kind'] | 'enter' | 'down' | 'y')[]> = {
	close: ['enter', 'tick-all', 'enter', 'enter', 'id', 'enter', 'y', 'enter'],
	'close-via-remove': ['enter', 'tick-all', 'enter', 'down', 'enter', 'enter', 'id', 'enter', 'y', 'enter'],
	remove: ['enter', 'id', 'enter', 'y', 'enter'],
};

const TARGETS = [
	DEMO_ACCOUNTS.logArchive,
	DEMO_ACCOUNTS.paymentsProd,
	DEMO_ACCOUNTS.storefrontSearchProd,
	DEMO_ACCOUNTS.management,
	DEMO_ACCOUNTS.legacyBillingDev,
	DEMO_ACCOUNTS.mlExperimentsDev,
	DEMO_ACCOUNTS.brightlineAnalytics,
] as const;

const scenarioArbitrary = fc.record({
	kind: fc.constantFrom<FlowKind>('close', 'remove'),
	viaRemove: fc.boolean(),
	target: fc.constantFrom(...TARGETS),
	memberCaller: fc.integer({ min: 0, max: 9 }).map((value) => value === 0),
	tokens: fc.array(tokenArbitrary, { minLength: 1, maxLength: 50, size: 'max' }),
	// false: the next key comes before AWS answers (keys held down, a slow network).
	waits: fc.array(
		fc.integer({ min: 0, max: 3 }).map((value) => value > 0),
		{ minLength: 200, maxLength: 200 },
	),
	latencyMs: fc.constantFrom(0, 0, 3),
});

type Scenario = {
	readonly kind: FlowKind;
	readonly viaRemove: boolean;
	readonly waits: readonly boolean[];
	readonly latencyMs: number;
	readonly target: string;
	readonly memberCaller: boolean;
	readonly tokens: readonly Token[];
};

/** What one write to the terminal carries: one key, or a burst of them. */
interface Press {
	readonly keys: readonly FlowKey[];
	readonly raw: string;
	readonly pasted: boolean;
}

/** The keys of a burst, as the screens split it. */
function burstKeys(raw: string): FlowKey[] {
	return Array.from(raw, (char): FlowKey => {
		if (char === '\r') return { type: 'enter' };
		if (char === ' ') return { type: 'space' };
		return { type: 'text', text: char };
	});
}

/** Expands macros into presses: typed keys one by one, pastes and bursts as one chunk. */
function expand(scenario: Scenario): Press[] {
	const { tokens, target: accountId } = scenario;
	const progress = PROGRESS[scenario.kind === 'remove' ? 'remove' : scenario.viaRemove ? 'close-via-remove' : 'close'];
	let next = 0;
	const presses: Press[] = [];
	const typed = (flowKey: FlowKey, raw: string) => presses.push({ keys: [flowKey], raw, pasted: false });
	const digits = (value: string) => {
		for (const digit of value) typed({ type: 'text', text: digit }, digit);
	};
	for (const given of tokens) {
		let token = given;
		if (token.kind === 'progress') {
			const move = progress[next % progress.length];
			next++;
			if (move === 'enter') token = key({ type: 'enter' }, KEYS.enter);
			else if (move === 'down') token = key({ type: 'down' }, KEYS.down);
			else if (move === 'y') token = text('y');
			else token = { kind: move as 'id' | 'tick-all' };
		}
		switch (token.kind) {
			case 'key':
				typed(token.key, token.raw);
				break;
			case 'id':
				digits(accountId);
				break;
			case 'id-paste':
				presses.push({ keys: burstKeys(accountId), raw: accountId, pasted: true });
				break;
			case 'burst':
				presses.push({ keys: burstKeys(token.raw), raw: token.raw, pasted: true });
				break;
			case 'id-wrong':
				digits(`${accountId.slice(0, 11)}${(Number(accountId[11]) + 1) % 10}`);
				break;
			case 'id-prefix':
				digits(accountId.slice(0, 7));
				break;
			case 'progress':
				break;
			case 'tick-all':
				for (let item = 0; item < 7; item++) {
					typed({ type: 'space' }, KEYS.space);
					typed({ type: 'down' }, KEYS.down);
				}
				break;
		}
	}
	return presses;
}

/**
 * The independent model of what the user did: the digits typed since the id
 * field opened, and the answer to the last question. It learns only the step
 * names from the flow.
 */
class ConfirmationOracle {
	private typed = '';
	private answer = '';
	private armed = false;
	submits = 0;
	reachedQuestion = 0;

	constructor(
		private readonly accountId: string,
		private readonly expectedOperation: () => string | undefined,
	) {}

	/** Called after each key, with the step before it, the step after it settled, and the new destructive calls. */
	observe(
		flowKey: FlowKey,
		before: string,
		after: string,
		newCalls: ReadonlyArray<{ operation: string; accountId?: string }>,
		pasted = false,
	): void {
		if (before === 'confirm-id') {
			if (flowKey.type === 'text') this.typed = (this.typed + flowKey.text.replace(/\D/g, '')).slice(0, 12);
			if (flowKey.type === 'backspace') this.typed = this.typed.slice(0, -1);
		}
		// A pasted key never answers the last question.
		if (before === 'confirm-yes' && !pasted) {
			if (flowKey.type === 'text' && /^[yY]$/.test(flowKey.text)) this.answer = 'y';
			if (flowKey.type === 'text' && /^[nN]$/.test(flowKey.text)) this.answer = 'n';
			if (flowKey.type === 'backspace') this.answer = '';
		}
		if (before === 'confirm-id' && after === 'confirm-yes') {
			// The flow moved on to the last question: the exact id must have been typed.
			expect(this.typed).toBe(this.accountId);
			expect(flowKey.type).toBe('enter');
			this.armed = true;
			this.answer = '';
			this.reachedQuestion++;
		}
		if (after === 'confirm-id' && before !== 'confirm-id') this.typed = '';
		// Leaving the question without sending disarms it: a new confirmation is needed.
		if (before === 'confirm-yes' && after !== 'confirm-yes' && newCalls.length === 0) this.armed = false;
		if (newCalls.length === 0) return;
		expect(newCalls).toHaveLength(1);
		expect(before).toBe('confirm-yes');
		expect(flowKey.type).toBe('enter');
		expect(pasted).toBe(false);
		expect(this.answer).toBe('y');
		expect(this.armed).toBe(true);
		expect(newCalls[0]).toEqual({ operation: this.expectedOperation(), accountId: this.accountId });
		this.armed = false;
		this.submits++;
	}

	/**
	 * A burst written to the rendered screens at once: the steps in between are
	 * not seen, so only what a burst can do is allowed: type digits into the id
	 * field, confirm a typed id with Enter, and never send a request.
	 */
	observeBurst(
		press: Press,
		before: string,
		after: string,
		newCalls: ReadonlyArray<{ operation: string; accountId?: string }>,
	): void {
		expect(newCalls).toEqual([]);
		if (before === 'confirm-id') {
			for (const flowKey of press.keys) {
				if (flowKey.type === 'enter') break;
				if (flowKey.type === 'text') this.typed = (this.typed + flowKey.text.replace(/\D/g, '')).slice(0, 12);
			}
		}
		if (before === 'confirm-id' && after === 'confirm-yes') {
			expect(this.typed).toBe(this.accountId);
			this.armed = true;
			this.answer = '';
			this.reachedQuestion++;
		}
		if (after === 'confirm-id' && before !== 'confirm-id') this.typed = '';
		if (before === 'confirm-yes') expect(after).toBe('confirm-yes');
	}
}

function destructiveCount(sandbox: SandboxGateway): ReadonlyArray<{ operation: string; accountId?: string }> {
	return sandbox.calls.filter((call) => call.operation === 'closeAccount' || call.operation === 'removeAccount');
}

interface Demo {
	readonly sandbox: SandboxGateway;
	readonly organization: Organization;
	readonly caller: CallerIdentity;
	readonly accounts: Account[];
	readonly journal: Journal;
	readonly settings: Settings;
}

const NOW = new Date('2026-05-10T12:00:00.000Z');

async function demo(memberCaller: boolean, latencyMs = 0): Promise<Demo> {
	const directory = mkdtempSync(join(tmpdir(), 'orgdash-property-'));
	roots.push(directory);
	const sandbox = createSandbox({ now: () => NOW, latencyMs });
	const organization = await sandbox.describeOrganization();
	const accounts = await sandbox.listAccounts();
	if (memberCaller) sandbox.setCaller(DEMO_ACCOUNTS.securityTooling);
	const caller = await sandbox.callerIdentity();
	sandbox.calls.length = 0;
	const settings = new Settings(directory);
	return {
		sandbox,
		organization,
		caller,
		accounts,
		journal: new Journal(settings.directory, organization.id),
		settings,
	};
}

/** Which call the flow should make from the question it is on: the last confirm-id's action. */
function operationTracker() {
	let action: 'close' | 'remove' | undefined;
	return {
		note(state: FlowState) {
			if (state.step.name === 'confirm-yes') action = state.step.action;
		},
		operation: () => (action === 'close' ? 'closeAccount' : action === 'remove' ? 'removeAccount' : undefined),
	};
}

async function flush(): Promise<void> {
	await new Promise((resolve) => setImmediate(resolve));
}

describe('random keys never close or remove an account without the typed id and y', () => {
	it(`holds for ${REDUCER_RUNS} runs of the reducer with the real effect runner on the sandbox`, async () => {
		let submits = 0;
		let questions = 0;
		await fc.assert(
			fc.asyncProperty(scenarioArbitrary, async (scenario: Scenario) => {
				const world = await demo(scenario.memberCaller);
				const tracker = operationTracker();
				const oracle = new ConfirmationOracle(scenario.target, () => tracker.operation());
				let exited = false;
				const effects = createFlowEffects(
					{
						gateway: world.sandbox,
						journal: world.journal,
						// Checklist progress is not what this property is about; the rendered runs keep it in conf.
						organization: world.organization,
						caller: world.caller,
						now: () => NOW,
						pollIntervalMs: 0,
					},
					() => {
						exited = true;
					},
				);
				const start = startFlow(
					{
						kind: scenario.kind,
						organization: world.organization,
						caller: world.caller,
						memberCount: world.accounts.length - 1,
						closuresAt: knownClosureTimes([], world.accounts),
						startedAt: NOW.toISOString(),
					},
					scenario.target,
				);
				let state = start.state;
				const dispatch = (event: FlowEvent) => {
					const transition = flowReducer(state, event);
					state = transition.state;
					tracker.note(state);
					for (const effect of transition.effects) effects.run(effect, dispatch);
				};
				for (const effect of start.effects) effects.run(effect, dispatch);
				await flush();
				try {
					for (const [index, press] of expand(scenario).entries()) {
						for (const key of press.keys) {
							if (exited) break;
							const before = state.step.name;
							const callsBefore = destructiveCount(world.sandbox).length;
							dispatch({ type: 'key', key, pasted: press.pasted });
							// The request is logged as soon as it is sent; the answer may come later.
							const after = state.step.name;
							oracle.observe(key, before, after, destructiveCount(world.sandbox).slice(callsBefore), press.pasted);
						}
						if (scenario.waits[index] ?? true) await flush();
					}
				} finally {
					effects.dispose();
				}
				submits += oracle.submits;
				questions += oracle.reachedQuestion;
			}),
			{ numRuns: REDUCER_RUNS },
		);
		// The runs really reach the last question and send requests, so the property is not vacuous.
		console.info(
			`reducer runs: ${REDUCER_RUNS}, reached the last question ${questions} times, sent ${submits} requests`,
		);
		expect(questions).toBeGreaterThan(REDUCER_RUNS / 20);
		expect(submits).toBeGreaterThan(REDUCER_RUNS / 50);
	}, 120_000);

	it(`holds for ${RENDERED_RUNS} runs of the rendered screens, keys through Ink's input`, async () => {
		let submits = 0;
		let questions = 0;
		await fc.assert(
			fc.asyncProperty(scenarioArbitrary, async (scenario: Scenario) => {
				const world = await demo(scenario.memberCaller, scenario.latencyMs);
				const tracker = operationTracker();
				const oracle = new ConfirmationOracle(scenario.target, () => tracker.operation());
				let step = 'none';
				let exited = false;
				const account = world.accounts.find((item) => item.id === scenario.target) as Account;
				const props = {
					services: {
						gateway: world.sandbox,
						journal: world.journal,
						progress: world.settings,
						organization: world.organization,
						caller: world.caller,
						now: () => NOW,
						pollIntervalMs: 1,
					},
					account,
					accounts: world.accounts,
					onExit: () => {
						exited = true;
					},
					onState: (state: FlowState) => {
						step = state.step.name;
						tracker.note(state);
					},
				};
				const instance = render(<FlowScreen kind={scenario.kind} {...props} />);
				try {
					await waitFor(() => step !== 'loading', 'the account to be read');
					for (const [index, press] of expand(scenario).entries()) {
						if (exited) break;
						const before = step;
						const callsBefore = destructiveCount(world.sandbox).length;
						instance.stdin.write(press.raw);
						// Ink reads each write at once; only a lone Esc waits one tick.
						const loneEscape = press.keys[0]?.type === 'escape';
						if (loneEscape || (scenario.waits[index] ?? true)) await flush();
						const newCalls = destructiveCount(world.sandbox).slice(callsBefore);
						const [only] = press.keys;
						if (press.pasted || !only) oracle.observeBurst(press, before, step, newCalls);
						else oracle.observe(only, before, step, newCalls);
					}
				} finally {
					instance.unmount();
				}
				submits += oracle.submits;
				questions += oracle.reachedQuestion;
			}),
			{ numRuns: RENDERED_RUNS },
		);
		console.info(
			`rendered runs: ${RENDERED_RUNS}, reached the last question ${questions} times, sent ${submits} requests`,
		);
		expect(questions).toBeGreaterThan(RENDERED_RUNS / 20);
		expect(submits).toBeGreaterThan(RENDERED_RUNS / 50);
	}, 180_000);
});

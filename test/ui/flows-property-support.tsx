/**
 * What the flows' property tests share: the key sequences, the oracle, the
 * sandbox world and the runs (flows.property.test.tsx drives the reducer,
 * flows.rendered-property.test.tsx the rendered screens; two files, so that
 * two workers run them side by side).
 *
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
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Key } from 'ink';
import { afterAll, expect } from 'vitest';
import type { Account, CallerIdentity, Organization } from '../../source/domain/account.js';
import { knownClosureTimes } from '../../source/domain/flow/closure-allowance.js';
import { ANSWER_MAX_LENGTH, takesTypedText } from '../../source/domain/flow/confirmation.js';
import { flowReducer, startFlow } from '../../source/domain/flow/reducer.js';
import type { FlowEvent, FlowKind, FlowState } from '../../source/domain/flow/types.js';
import { DEMO_ACCOUNTS } from '../../source/org/sandbox/demo.js';
import { createSandbox } from '../../source/org/sandbox/engine.js';
import type { SandboxGateway } from '../../source/org/sandbox/types.js';
import { Journal } from '../../source/store/journal/journal.js';
import { Settings } from '../../source/store/settings.js';
import { createFlowEffects } from '../../source/ui/flow-effects.js';
import { flowKeyScheme } from '../../source/ui/hooks/use-flow.js';
import { readInput } from '../../source/ui/hooks/use-keys.js';
import { NO_KEY } from '../../source/ui/key-presses.js';
import { destructiveCalls, KEYS } from './flows-support.js';

/** Two seeds of this many runs each: 20,000 sequences through the reducer. */
export const REDUCER_RUNS_PER_SEED = 10_000;
export const RENDERED_RUNS = 120;
export const FIXED_SEED = 20_260_510;

function randomSeed(): number {
	const given = process.env.ORGDASH_PROPERTY_SEED;
	if (given === undefined || given.trim() === '') return Math.floor(Math.random() * 2 ** 31);
	const seed = Number(given);
	if (!Number.isSafeInteger(seed)) throw new Error(`ORGDASH_PROPERTY_SEED must be a whole number, not "${given}".`);
	return seed;
}

export const RANDOM_SEED = randomSeed();

const ENTER = KEYS.enter;
export const ESCAPE = KEYS.escape;
const BACKSPACE = KEYS.backspace;
const ARROWS = [KEYS.up, KEYS.down, KEYS.left, KEYS.right] as const;

const ASCII_PRINTABLE = Array.from({ length: 0x7f - 0x20 }, (_, index) => String.fromCharCode(0x20 + index));
/** Letters that look like y, e and s or sit near them, other scripts, symbols, emoji, and wide and no-break spaces. */
const BEYOND_ASCII = [...'éÉßÿŸýÝñøйЯʏγ€✓中日', 'ｙ', 'ｅ', 'ｓ', '😀', '👍', '\u00A0', '\u3000'];

const printableChar: fc.Arbitrary<string> = fc.oneof(
	{ weight: 6, arbitrary: fc.constantFrom(...ASCII_PRINTABLE) },
	{ weight: 2, arbitrary: fc.constantFrom(...BEYOND_ASCII) },
	{
		weight: 1,
		arbitrary: fc
			.integer({ min: 0xa1, max: 0x2fff })
			.map((codePoint) => String.fromCodePoint(codePoint))
			.filter((char) => /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(char)),
	},
);

const YES_LINES = ['y', 'Y', 'yes', 'YES', 'Yes', 'yEs', ' y ', '  yes', 'Y   '];
const OTHER_WORDS = [
	'no',
	'No',
	'n',
	'N',
	'not yet',
	'nay',
	'yes please',
	'yep',
	'ye',
	'yess',
	'yes!',
	'y es',
	'y y',
	'yy',
	'oui',
	'ja',
	'ok',
	'jk',
	'q',
	' ',
	'ｙｅｓ',
	'yés',
	'0',
	'42',
	'999999999999',
	'no, not now, not ever, no',
];

const randomWord = fc.array(printableChar, { minLength: 1, maxLength: 8 }).map((chars) => chars.join(''));
const wordArbitrary: fc.Arbitrary<string> = fc.oneof(
	{ weight: 3, arbitrary: fc.constantFrom(...YES_LINES) },
	{ weight: 5, arbitrary: fc.constantFrom(...OTHER_WORDS) },
	{ weight: 3, arbitrary: randomWord },
);

/** One key as the user presses it; macros expand into several. */
type Token =
	| { readonly kind: 'key'; readonly raw: string }
	/** Typed one key at a time. */
	| { readonly kind: 'word'; readonly text: string }
	/** Several keys in one chunk of input, as a paste or keys faster than the screen sends them. */
	| { readonly kind: 'burst'; readonly raw: string }
	| { readonly kind: 'id' | 'id-paste' | 'id-wrong' | 'id-prefix' | 'id-long' | 'tick-all' }
	/** The next move of a person going through the flow; `answer` is what they type at [y/N]. */
	| { readonly kind: 'progress'; readonly answer: string };

const key = (raw: string): Token => ({ kind: 'key', raw });

/**
 * Pastes: text, Backspaces and at most a trailing run of Enters (a paste that
 * ends in a new line). Nothing follows an Enter but Enters, so that the
 * rendered runs, which see only the step after the whole burst, can still
 * tell what the burst typed.
 */
const burstArbitrary: fc.Arbitrary<Token> = fc
	.oneof(
		fc.constantFrom(
			'y\r',
			'Y\r',
			'\r\r',
			'y\r\r',
			'n\r',
			' \r',
			'yy\r',
			'yes\r',
			'yes',
			'es',
			'YES\r',
			' y \r',
			'not yet\r',
		),
		fc
			.tuple(
				fc.array(fc.oneof({ weight: 5, arbitrary: printableChar }, { weight: 1, arbitrary: fc.constant(BACKSPACE) }), {
					minLength: 1,
					maxLength: 8,
				}),
				fc.integer({ min: 0, max: 2 }),
			)
			.map(([chars, enters]) => chars.join('') + ENTER.repeat(enters))
			.filter((raw) => Array.from(raw).length >= 2),
	)
	.map((raw): Token => ({ kind: 'burst', raw }));

/** The next move of a person going through the flow, answering the last question with a word, often a yes. */
const progressArbitrary: fc.Arbitrary<Token> = fc
	.oneof({ weight: 1, arbitrary: fc.constantFrom(...YES_LINES) }, { weight: 1, arbitrary: wordArbitrary })
	.map((answer): Token => ({ kind: 'progress', answer }));

const tokenArbitrary: fc.Arbitrary<Token> = fc.oneof(
	{ weight: 10, arbitrary: printableChar.map(key) },
	{ weight: 5, arbitrary: fc.constantFrom(...'0123456789').map(key) },
	{ weight: 8, arbitrary: wordArbitrary.map((text): Token => ({ kind: 'word', text })) },
	{ weight: 7, arbitrary: fc.constant(key(ENTER)) },
	{ weight: 4, arbitrary: fc.constant(key(ESCAPE)) },
	{ weight: 4, arbitrary: fc.constant(key(KEYS.space)) },
	{ weight: 4, arbitrary: fc.constant(key(BACKSPACE)) },
	{ weight: 4, arbitrary: fc.constantFrom(...ARROWS).map(key) },
	{ weight: 4, arbitrary: fc.constant<Token>({ kind: 'id' }) },
	{ weight: 1, arbitrary: fc.constant<Token>({ kind: 'id-paste' }) },
	{ weight: 3, arbitrary: burstArbitrary },
	{ weight: 2, arbitrary: fc.constant<Token>({ kind: 'id-wrong' }) },
	{ weight: 2, arbitrary: fc.constant<Token>({ kind: 'id-prefix' }) },
	{ weight: 1, arbitrary: fc.constant<Token>({ kind: 'id-long' }) },
	{ weight: 3, arbitrary: fc.constant<Token>({ kind: 'tick-all' }) },
	{ weight: 45, arbitrary: progressArbitrary },
);

/** Mostly a person going straight through, with stray keys: more runs reach and answer the last question. */
const focusedTokenArbitrary: fc.Arbitrary<Token> = fc.oneof(
	{ weight: 6, arbitrary: progressArbitrary },
	{ weight: 1, arbitrary: tokenArbitrary },
);

/** What a person going straight through would press, by the path they take. */
type Move = 'enter' | 'down' | 'id' | 'tick-all' | 'answer';
const PROGRESS: Record<'close' | 'remove' | 'close-via-remove', readonly Move[]> = {
	close: ['enter', 'tick-all', 'enter', 'enter', 'id', 'enter', 'answer', 'enter'],
	'close-via-remove': ['enter', 'tick-all', 'enter', 'down', 'enter', 'enter', 'id', 'enter', 'answer', 'enter'],
	remove: ['enter', 'id', 'enter', 'answer', 'enter'],
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

export const scenarioArbitrary = fc.record({
	kind: fc.constantFrom<FlowKind>('close', 'remove'),
	viaRemove: fc.boolean(),
	target: fc.constantFrom(...TARGETS),
	memberCaller: fc.integer({ min: 0, max: 9 }).map((value) => value === 0),
	tokens: fc.oneof(
		{ weight: 3, arbitrary: fc.array(tokenArbitrary, { minLength: 1, maxLength: 50, size: 'max' }) },
		{ weight: 1, arbitrary: fc.array(focusedTokenArbitrary, { minLength: 1, maxLength: 40, size: 'max' }) },
	),
	// false: the next key comes before AWS answers (keys held down, a slow network).
	waits: fc.array(
		fc.integer({ min: 0, max: 3 }).map((value) => value > 0),
		{ minLength: 400, maxLength: 400 },
	),
	latencyMs: fc.constantFrom(0, 0, 3),
});

export type Scenario = {
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
	readonly raw: string;
	readonly burst: boolean;
}

/** Expands macros into presses: typed keys one by one, pastes and bursts as one chunk. */
export function expand(scenario: Scenario): Press[] {
	const { tokens, target: accountId } = scenario;
	const progress = PROGRESS[scenario.kind === 'remove' ? 'remove' : scenario.viaRemove ? 'close-via-remove' : 'close'];
	let next = 0;
	const presses: Press[] = [];
	const typed = (raw: string) => presses.push({ raw, burst: false });
	const typeText = (text: string) => {
		for (const char of Array.from(text)) typed(char);
	};
	const tickAll = () => {
		for (let item = 0; item < 7; item++) {
			typed(KEYS.space);
			typed(KEYS.down);
		}
	};
	for (const token of tokens) {
		switch (token.kind) {
			case 'key':
				typed(token.raw);
				break;
			case 'word':
				typeText(token.text);
				break;
			case 'burst':
				presses.push({ raw: token.raw, burst: true });
				break;
			case 'id':
				typeText(accountId);
				break;
			case 'id-paste':
				presses.push({ raw: accountId, burst: true });
				break;
			case 'id-wrong':
				typeText(`${accountId.slice(0, 11)}${(Number(accountId[11]) + 1) % 10}`);
				break;
			case 'id-prefix':
				typeText(accountId.slice(0, 7));
				break;
			case 'id-long':
				typeText(`${accountId}7`);
				break;
			case 'tick-all':
				tickAll();
				break;
			case 'progress': {
				const move = progress[next % progress.length] as Move;
				next++;
				if (move === 'enter') typed(ENTER);
				else if (move === 'down') typed(KEYS.down);
				else if (move === 'id') typeText(accountId);
				else if (move === 'answer') typeText(token.answer);
				else tickAll();
				break;
			}
		}
	}
	return presses;
}

/** Ink's key state for a printable key or a burst: no named key. */
const NO_NAMED_KEY: Key = Object.freeze({ ...NO_KEY, shift: false } as Key);
const named = (name: keyof Key, extra: Partial<Key> = {}): Key =>
	Object.freeze({ ...NO_NAMED_KEY, [name]: true, ...extra }) as Key;
/** Ink's reading of each named key's sequence, built once: the runs read hundreds of thousands of keys. */
const NAMED_KEYS: ReadonlyMap<string, Key> = new Map([
	[ENTER, named('return')],
	[ESCAPE, named('escape', { meta: true })],
	[BACKSPACE, named('backspace')],
	[KEYS.up, named('upArrow')],
	[KEYS.down, named('downArrow')],
	[KEYS.left, named('leftArrow')],
	[KEYS.right, named('rightArrow')],
]);

/** Ink's reading of one write, for the reducer runs (the rendered runs let Ink read it). */
function inkInput(press: Press): { readonly input: string; readonly key: Key } {
	if (press.burst) return { input: press.raw, key: NO_NAMED_KEY };
	const namedKey = NAMED_KEYS.get(press.raw);
	return namedKey ? { input: '', key: namedKey } : { input: press.raw, key: NO_NAMED_KEY };
}

type Calls = ReadonlyArray<{ operation: string; accountId?: string }>;

/** The spec of the one answer that confirms, written apart from the product's code. */
function confirmsByTheRules(line: string): boolean {
	const trimmed = line.replace(/^\s+|\s+$/g, '').toLowerCase();
	return trimmed === 'y' || trimmed === 'yes';
}

function check(condition: boolean, message: () => string): void {
	if (!condition) throw new Error(message());
}

/**
 * The independent model of what the user did: the digits typed since the id
 * field opened, and the line typed at the last question. It learns only the
 * step names from the flow.
 */
export class ConfirmationOracle {
	private typed = '';
	private line = '';
	private armed = false;
	submits = 0;
	reachedQuestion = 0;
	/** Lines submitted at [y/N] that were not a yes and not empty: words, which must send nothing. */
	refusedWords = 0;

	constructor(
		private readonly accountId: string,
		private readonly expectedOperation: () => string | undefined,
	) {}

	/** One key (a character or a named key's sequence), with the step before it and after it, and the new calls. */
	observe(raw: string, pasted: boolean, before: string, after: string, newCalls: Calls): void {
		if (before === 'confirm-id') {
			if (raw === BACKSPACE) this.typed = this.typed.slice(0, -1);
			else if (/^[0-9]$/.test(raw)) this.typed = (this.typed + raw).slice(0, 12);
		}
		let submitted: string | undefined;
		if (before === 'confirm-yes') {
			if (pasted && raw !== ESCAPE) this.line = '';
			else if (raw === BACKSPACE) this.line = Array.from(this.line).slice(0, -1).join('');
			else if (raw === ENTER) submitted = this.line;
			else if (Array.from(raw).length === 1 && !/\p{Cc}/u.test(raw)) {
				if (Array.from(this.line).length < ANSWER_MAX_LENGTH) this.line += raw;
			}
		}
		if (before === 'confirm-id' && after === 'confirm-yes') {
			// The flow moved on to the last question: the exact id must have been typed, then Enter.
			check(this.typed === this.accountId, () => `reached [y/N] with ${this.typed} typed, not ${this.accountId}`);
			check(raw === ENTER, () => `reached [y/N] on ${JSON.stringify(raw)}, not Enter`);
			this.arrive();
		}
		if (after === 'confirm-id' && before !== 'confirm-id') this.typed = '';
		if (submitted !== undefined) {
			const yes = this.armed && confirmsByTheRules(submitted);
			check(
				newCalls.length === (yes ? 1 : 0),
				() => `the line ${JSON.stringify(submitted)} submitted at [y/N] sent ${newCalls.length} request(s)`,
			);
			if (!yes) {
				check(after !== 'confirm-yes' && after !== 'submitting', () => `a No left the flow at ${after}`);
				if (submitted.trim() !== '') this.refusedWords++;
			}
		} else {
			check(
				newCalls.length === 0,
				() => `${JSON.stringify(raw)}${pasted ? ' (pasted)' : ''} at ${before} sent ${newCalls.length} request(s)`,
			);
		}
		if (newCalls.length > 0) {
			expect(newCalls[0]).toEqual({ operation: this.expectedOperation(), accountId: this.accountId });
			this.armed = false;
			this.submits++;
		}
		// Leaving the question without sending disarms it: a new confirmation is needed.
		if (before === 'confirm-yes' && after !== 'confirm-yes') this.armed = false;
	}

	/**
	 * A burst written to the rendered screens at once: the steps in between are
	 * not seen, so only what a burst can do is allowed: type digits into the id
	 * field, confirm a typed id with Enter, clear the answer, and never send a request.
	 */
	observeBurst(press: Press, before: string, after: string, newCalls: Calls): void {
		check(newCalls.length === 0, () => `the burst ${JSON.stringify(press.raw)} at ${before} sent a request`);
		if (before === 'confirm-id') {
			for (const char of Array.from(press.raw)) {
				if (char === ENTER && this.typed === this.accountId) break;
				if (char === BACKSPACE) this.typed = this.typed.slice(0, -1);
				else if (/^[0-9]$/.test(char)) this.typed = (this.typed + char).slice(0, 12);
			}
		}
		if (before === 'confirm-id' && after === 'confirm-yes') {
			check(this.typed === this.accountId, () => `reached [y/N] with ${this.typed} typed, not ${this.accountId}`);
			this.arrive();
		}
		if (after === 'confirm-id' && before !== 'confirm-id') this.typed = '';
		if (before === 'confirm-yes') check(after === 'confirm-yes', () => `a burst left [y/N] for ${after}`);
		// Every key of a burst that reaches the question is pasted: the line is empty after it.
		if (after === 'confirm-yes') this.line = '';
	}

	private arrive(): void {
		this.armed = true;
		this.line = '';
		this.reachedQuestion++;
	}
}

interface Demo {
	readonly sandbox: SandboxGateway;
	readonly organization: Organization;
	readonly caller: CallerIdentity;
	readonly accounts: readonly Account[];
	readonly journal: Journal;
	/** Checklist progress in conf, for the rendered runs only: the reducer runs leave it out. */
	readonly settings: Settings | undefined;
}

export const NOW = new Date('2026-05-10T12:00:00.000Z');

/** Every run's own folder lives here; the journal creates its folder only when it first writes. */
const ROOT = mkdtempSync(join(tmpdir(), 'orgdash-property-'));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));
let runNumber = 0;

/**
 * The accounts a fresh demo sandbox lists: the same for every run (the clock
 * is fixed), so they are listed once, from a sandbox of their own, and frozen
 * so that no run can change what the next one sees.
 */
let demoAccounts: Promise<readonly Account[]> | undefined;
function listedDemoAccounts(): Promise<readonly Account[]> {
	demoAccounts ??= createSandbox({ now: () => NOW })
		.listAccounts()
		.then((accounts) => Object.freeze(accounts.map((account) => Object.freeze(account))));
	return demoAccounts;
}

export async function demo(
	memberCaller: boolean,
	options: { latencyMs?: number; settings?: boolean } = {},
): Promise<Demo> {
	runNumber++;
	const directory = join(ROOT, String(runNumber));
	// Each run acts on a sandbox of its own; only the listing of its starting state is shared.
	const sandbox = createSandbox({ now: () => NOW, latencyMs: options.latencyMs ?? 0 });
	const organization = await sandbox.describeOrganization();
	const accounts = await listedDemoAccounts();
	if (memberCaller) sandbox.setCaller(DEMO_ACCOUNTS.securityTooling);
	const caller = await sandbox.callerIdentity();
	sandbox.calls.length = 0;
	return {
		sandbox,
		organization,
		caller,
		accounts,
		journal: new Journal(directory, organization.id),
		settings: options.settings ? new Settings(directory) : undefined,
	};
}

/** Which call the flow should make from the question it is on: the last confirm-id's action. */
export function operationTracker() {
	let action: 'close' | 'remove' | undefined;
	return {
		note(state: FlowState) {
			if (state.step.name === 'confirm-yes') action = state.step.action;
		},
		operation: () => (action === 'close' ? 'closeAccount' : action === 'remove' ? 'removeAccount' : undefined),
	};
}

export async function flush(): Promise<void> {
	await new Promise((resolve) => setImmediate(resolve));
}

export interface Tally {
	runs: number;
	questions: number;
	submits: number;
	refusedWords: number;
}

/** One scenario through the reducer, keys translated as the screen reads them, with the real effect runner. */
export async function runReducer(scenario: Scenario, tally: Tally): Promise<void> {
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
			if (exited) break;
			const { input, key: inkKey } = inkInput(press);
			const raws = press.burst ? Array.from(press.raw) : [press.raw];
			let position = 0;
			// Read as the screen reads it: each key meets the step the one before it led to.
			readInput(
				() =>
					flowKeyScheme((flowKey, pasted) => {
						if (exited) return;
						const before = state.step.name;
						const callsBefore = destructiveCalls(world.sandbox).length;
						dispatch({ type: 'key', key: flowKey, pasted });
						// The request is logged as soon as it is sent; the answer may come later.
						oracle.observe(
							raws[position] as string,
							pasted,
							before,
							state.step.name,
							destructiveCalls(world.sandbox).slice(callsBefore),
						);
						position++;
					}, takesTypedText(state.step)),
				input,
				inkKey,
			);
			if (!exited) check(position === raws.length, () => 'one flow key per key');
			if (scenario.waits[index] ?? true) await flush();
		}
	} finally {
		effects.dispose();
	}
	check(
		destructiveCalls(world.sandbox).length === oracle.submits,
		() => 'every request sent was one the oracle expected',
	);
	tally.runs++;
	tally.questions += oracle.reachedQuestion;
	tally.submits += oracle.submits;
	tally.refusedWords += oracle.refusedWords;
}

export function expectNotVacuous(tally: Tally, label: string): void {
	console.info(
		`${label}: ${tally.runs} runs reached the last question ${tally.questions} times, sent ${tally.submits} requests, refused ${tally.refusedWords} typed words`,
	);
	// The runs really reach the last question, answer it with words, and send requests: the property is not vacuous.
	expect(tally.questions).toBeGreaterThan(tally.runs / 20);
	expect(tally.submits).toBeGreaterThan(tally.runs / 50);
	expect(tally.refusedWords).toBeGreaterThan(tally.runs / 50);
}

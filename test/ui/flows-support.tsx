/** Shared set-up for the flow screen tests: a sandbox, a temporary settings folder, its journal, key presses. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Box } from 'ink';
import { render } from 'ink-testing-library';
import { afterEach, beforeEach } from 'vitest';
import type { Account, CallerIdentity, Organization } from '../../source/domain/account.js';
import type { FlowState } from '../../source/domain/flow/types.js';
import type { OrgGateway } from '../../source/org/gateway.js';
import { createSandbox } from '../../source/org/sandbox/engine.js';
import type { SandboxGateway } from '../../source/org/sandbox/types.js';
import { Journal } from '../../source/store/journal/journal.js';
import { Settings } from '../../source/store/settings.js';
import { App } from '../../source/ui/app.js';
import { HEADER_LINES } from '../../source/ui/components/Header.js';
import { QUOTA_LINES } from '../../source/ui/components/QuotaBar.js';
import type { FlowServices } from '../../source/ui/flow-effects.js';
import type { TerminalSize } from '../../source/ui/hooks/use-terminal-size.js';
import { FlowScreen } from '../../source/ui/screens/FlowScreen.js';
import { createTheme } from '../../source/ui/theme.js';

export const KEYS = {
	enter: '\r',
	escape: '\u001B',
	space: ' ',
	backspace: '\u007F',
	up: '\u001B[A',
	down: '\u001B[B',
	left: '\u001B[D',
	right: '\u001B[C',
	pageUp: '\u001B[5~',
	pageDown: '\u001B[6~',
} as const;

/** Lets Ink read the input and React render (a lone Esc is flushed one tick late). */
export async function settle(): Promise<void> {
	for (let round = 0; round < 3; round++) await new Promise((resolve) => setImmediate(resolve));
}

export async function waitFor(check: () => boolean, what: string | (() => string), timeoutMs = 3000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`Timed out waiting for ${typeof what === 'string' ? what : what()}`);
		await new Promise((resolve) => setTimeout(resolve, 2));
	}
}

export interface FlowWorld {
	readonly sandbox: SandboxGateway;
	readonly settings: Settings;
	readonly journal: Journal;
	readonly organization: Organization;
	readonly caller: CallerIdentity;
	readonly accounts: Account[];
	readonly directory: string;
	services(overrides?: Partial<FlowServices>): FlowServices;
	cleanup(): void;
}

export const FIXED_NOW = new Date('2026-05-10T12:00:00.000Z');

export async function createWorld(options: { now?: () => Date } = {}): Promise<FlowWorld> {
	const directory = mkdtempSync(join(tmpdir(), 'orgdash-flows-'));
	const sandbox = createSandbox({ now: options.now ?? (() => FIXED_NOW) });
	const settings = new Settings(directory);
	const organization = await sandbox.describeOrganization();
	const caller = await sandbox.callerIdentity();
	const accounts = await sandbox.listAccounts();
	const journal = new Journal(settings.directory, organization.id);
	sandbox.calls.length = 0;
	return {
		sandbox,
		settings,
		journal,
		organization,
		caller,
		accounts,
		directory,
		services: (overrides = {}) => ({
			gateway: sandbox,
			journal,
			progress: settings,
			organization,
			caller,
			now: options.now ?? (() => FIXED_NOW),
			pollIntervalMs: 5,
			...overrides,
		}),
		cleanup: () => rmSync(directory, { recursive: true, force: true }),
	};
}

/** The frame's text with line wraps and indentation collapsed, so sentences read whole. */
export function flat(frame: string | undefined): string {
	return (frame ?? '').replace(/\s+/g, ' ');
}

/** Which guided flow: closing an account, or removing it from the organization. */
export type FlowKind = 'close' | 'remove';

export interface RenderedFlow {
	readonly kind: FlowKind;
	readonly accountId: string;
	/** The last frame, flattened (see flat). */
	readonly frame: () => string;
	readonly rawFrame: () => string;
	/** Each key written on its own, React given time to render after each. */
	readonly press: (...keys: string[]) => Promise<void>;
	readonly type: (text: string) => Promise<void>;
	/** Written at once, nothing awaited: keys arrive as fast as a program can send them. */
	readonly write: (raw: string) => void;
	readonly states: FlowState[];
	readonly step: () => string;
	readonly exited: () => boolean;
	readonly unmount: () => void;
	/** How long reachStep waits by default (a real server answers slower than the sandbox). */
	readonly stepTimeoutMs: number;
	/** Lines the flow has at the size it was opened with (undefined: as many as it takes). */
	readonly height: number | undefined;
	/** Drawn again, state kept, with this many lines (undefined: as many as it takes); settles before it returns. */
	readonly setHeight: (height: number | undefined) => Promise<void>;
}

export interface FlowScreenInput {
	readonly kind: FlowKind;
	readonly account: Account;
	readonly accounts: readonly Account[];
	readonly services: FlowServices;
	/** Told every state too, after it is recorded in states. */
	readonly onState?: (state: FlowState) => void;
	readonly stepTimeoutMs?: number;
	/** A terminal of this size: the flow gets its columns and the lines the app would give it. */
	readonly size?: TerminalSize;
}

/** The lines the app gives a screen under its header and quota lines, on a terminal of `size` (see App). */
export function screenHeightAt(size: TerminalSize): number {
	const frame = size.rows - 1;
	return size.rows < 12 ? frame : frame - HEADER_LINES - QUOTA_LINES;
}

/** FlowScreen rendered with Ink's test renderer, its states recorded and its keys pressed as a person would. */
export function renderFlowScreen(input: FlowScreenInput): RenderedFlow {
	const states: FlowState[] = [];
	let exited = false;
	const initialHeight = input.size ? screenHeightAt(input.size) : undefined;
	const screen = (height: number | undefined) => {
		const flow = (
			<FlowScreen
				kind={input.kind}
				services={input.services}
				account={input.account}
				accounts={input.accounts}
				height={height}
				onExit={() => {
					exited = true;
				}}
				onState={(state: FlowState) => {
					states.push(state);
					input.onState?.(state);
				}}
			/>
		);
		return input.size ? <Box width={input.size.columns}>{flow}</Box> : flow;
	};
	const instance = render(screen(initialHeight));
	const press = async (...keys: string[]) => {
		for (const key of keys) {
			instance.stdin.write(key);
			await settle();
		}
	};
	return {
		kind: input.kind,
		accountId: input.account.id,
		frame: () => flat(instance.lastFrame()),
		rawFrame: () => instance.lastFrame() ?? '',
		press,
		type: (text: string) => press(...text),
		write: (raw: string) => instance.stdin.write(raw),
		states,
		step: () => states.at(-1)?.step.name ?? 'none',
		exited: () => exited,
		unmount: () => instance.unmount(),
		stepTimeoutMs: input.stepTimeoutMs ?? 3000,
		height: initialHeight,
		setHeight: async (height) => {
			instance.rerender(screen(height));
			await settle();
		},
	};
}

export function renderFlow(
	world: FlowWorld,
	kind: FlowKind,
	accountId: string,
	overrides: Partial<FlowServices> = {},
	size?: TerminalSize,
): RenderedFlow {
	// An id the organization does not list still opens the flow, with only an id and a name.
	const account =
		world.accounts.find((item) => item.id === accountId) ?? ({ id: accountId, name: '(unknown)' } as Account);
	return renderFlowScreen({
		kind,
		account,
		accounts: world.accounts,
		services: world.services(overrides),
		...(size ? { size } : {}),
	});
}

/** Waits until the flow shows the step, then one render more: the state changes at once, the frame follows. */
export async function reachStep(flow: RenderedFlow, step: string, timeoutMs = flow.stepTimeoutMs): Promise<void> {
	await waitFor(
		() => flow.step() === step,
		() => `step ${step} (now ${flow.step()})`,
		timeoutMs,
	);
	await settle();
}

/** The close flow's checklist has this many items. */
export const CHECKLIST_ITEMS = 7;

/** Ticks every item of the checklist, from the first one down. */
export async function tickWholeChecklist(flow: RenderedFlow): Promise<void> {
	for (let item = 0; item < CHECKLIST_ITEMS; item++) await flow.press(KEYS.space, KEYS.down);
}

export interface FlowWalk {
	/** How far: the id typed (not entered), the last question ([y/N]) on screen, or the answer typed and entered. */
	readonly until: 'id-typed' | 'last-question' | 'answered';
	/** The close flow's path: CloseAccount, or removal first (the console closes it afterwards). */
	readonly path?: 'close-account' | 'remove-first';
	/** Typed at the id question; the flow's account id unless given. */
	readonly typedId?: string;
	/** Typed one key at a time at the last question before Enter (until 'answered'); y unless given. */
	readonly answer?: string;
}

/**
 * Walks a flow from its first step (intro or remove-intro) as a person
 * would: Enter past the intro, every checklist item ticked, the path chosen,
 * the id typed, Enter, then the answer and Enter; it stops where `until` says.
 */
export async function walkFlow(flow: RenderedFlow, walk: FlowWalk): Promise<void> {
	if (flow.kind === 'close') {
		await reachStep(flow, 'intro');
		await flow.press(KEYS.enter);
		await reachStep(flow, 'checklist');
		await tickWholeChecklist(flow);
		await flow.press(KEYS.enter);
		await reachStep(flow, 'path');
		if (walk.path === 'remove-first') await flow.press(KEYS.down);
		await flow.press(KEYS.enter);
	}
	if (flow.kind === 'remove' || walk.path === 'remove-first') {
		await reachStep(flow, 'remove-intro');
		await flow.press(KEYS.enter);
	}
	await reachStep(flow, 'confirm-id');
	await flow.type(walk.typedId ?? flow.accountId);
	if (walk.until === 'id-typed') return;
	await flow.press(KEYS.enter);
	await reachStep(flow, 'confirm-yes');
	if (walk.until === 'last-question') return;
	await flow.type(walk.answer ?? 'y');
	await flow.press(KEYS.enter);
}

export interface FlowFixture {
	/** The world of the running test (a fresh one before each test). */
	readonly world: FlowWorld;
	/** Renders a flow on the world; it is unmounted after the test. */
	readonly open: (
		kind: FlowKind,
		accountId: string,
		overrides?: Partial<FlowServices>,
		size?: TerminalSize,
	) => RenderedFlow;
}

/** A fresh world before each test of the calling file; after each, its flows unmounted and its folder removed. */
export function flowWorldForEachTest(): FlowFixture {
	let current: FlowWorld | undefined;
	const rendered: RenderedFlow[] = [];
	beforeEach(async () => {
		current = await createWorld();
	});
	afterEach(() => {
		for (const flow of rendered.splice(0)) flow.unmount();
		current?.cleanup();
		current = undefined;
	});
	const world = () => {
		if (!current) throw new Error('The flow world exists only while a test runs.');
		return current;
	};
	return {
		get world() {
			return world();
		},
		open: (kind, accountId, overrides = {}, size) => {
			const flow = renderFlow(world(), kind, accountId, overrides, size);
			rendered.push(flow);
			return flow;
		},
	};
}

/** Records this many closures, accepted by AWS, in the world's journal (accounts 900000000000 on). */
export function recordAcceptedClosures(world: FlowWorld, count: number): void {
	for (let index = 0; index < count; index++) {
		const intent = world.journal.appendIntent({
			caller: world.caller,
			accountId: `9${String(index).padStart(11, '0')}`,
			action: 'close',
		});
		world.journal.appendOutcome(intent, { result: { summary: 'accepted' } });
	}
}

export function destructiveCalls(sandbox: SandboxGateway) {
	return sandbox.calls.filter((call) => call.operation === 'closeAccount' || call.operation === 'removeAccount');
}

export interface AppView {
	/** How a frame is read: the text the checks look at (unchanged unless given). */
	readonly visible?: (frame: string) => string;
	/** Run on the frame after every key and every awaited text (a check that must hold on every screen). */
	readonly checkEveryFrame?: (frame: string | undefined) => void;
}

/** The whole app without colours, as a person drives it: keys pressed one at a time, text waited for. */
export function renderApp(gateway: OrgGateway, settings: Settings, view: AppView = {}) {
	const instance = render(<App gateway={gateway} settings={settings} theme={createTheme(false)} />);
	const visible = view.visible ?? ((frame: string) => frame);
	const check = view.checkEveryFrame ?? (() => {});
	const frame = () => flat(visible(instance.lastFrame() ?? ''));
	return {
		instance,
		frame,
		async press(...keys: string[]) {
			for (const key of keys) {
				instance.stdin.write(key);
				await settle();
				check(instance.lastFrame());
			}
		},
		async see(text: string) {
			await waitFor(
				() => frame().includes(text),
				() => `"${text}" on screen; last frame:\n${visible(instance.lastFrame() ?? '')}`,
				10_000,
			);
			await settle();
			check(instance.lastFrame());
		},
	};
}

export type RenderedApp = ReturnType<typeof renderApp>;

/** Selects an account by filtering the list for its id. */
export async function selectAccount(app: RenderedApp, accountId: string): Promise<void> {
	await app.press('/', ...accountId, KEYS.enter);
	await app.see(accountId);
}

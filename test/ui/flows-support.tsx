/** Shared set-up for the flow screen tests: a sandbox, a temporary settings folder, its journal, key presses. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import type { Account, CallerIdentity, Organization } from '../../source/domain/account.js';
import type { FlowState } from '../../source/domain/flow/types.js';
import { createSandbox } from '../../source/org/sandbox/engine.js';
import type { SandboxGateway } from '../../source/org/sandbox/types.js';
import { Journal } from '../../source/store/journal/journal.js';
import { Settings } from '../../source/store/settings.js';
import type { FlowServices } from '../../source/ui/flow-effects.js';
import { FlowScreen } from '../../source/ui/screens/FlowScreen.js';

export const KEYS = {
	enter: '\r',
	escape: '\u001B',
	space: ' ',
	backspace: '\u007F',
	up: '\u001B[A',
	down: '\u001B[B',
	left: '\u001B[D',
	right: '\u001B[C',
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

export interface RenderedFlow {
	/** The last frame, flattened (see flat). */
	readonly frame: () => string;
	readonly rawFrame: () => string;
	readonly press: (...keys: string[]) => Promise<void>;
	readonly type: (text: string) => Promise<void>;
	readonly states: FlowState[];
	readonly step: () => string;
	readonly exited: () => boolean;
	readonly unmount: () => void;
}

export function renderFlow(
	world: FlowWorld,
	kind: 'close' | 'remove',
	accountId: string,
	overrides: Partial<FlowServices> = {},
): RenderedFlow {
	const states: FlowState[] = [];
	let exited = false;
	const account = world.accounts.find((item) => item.id === accountId) ?? { id: accountId, name: '(unknown)' };
	const props = {
		services: world.services(overrides),
		account,
		accounts: world.accounts,
		onExit: () => {
			exited = true;
		},
		onState: (state: FlowState) => states.push(state),
	};
	const instance = render(<FlowScreen kind={kind} {...props} />);
	const press = async (...keys: string[]) => {
		for (const key of keys) {
			instance.stdin.write(key);
			await settle();
		}
	};
	return {
		frame: () => flat(instance.lastFrame()),
		rawFrame: () => instance.lastFrame() ?? '',
		press,
		type: (text: string) => press(...text),
		states,
		step: () => states.at(-1)?.step.name ?? 'none',
		exited: () => exited,
		unmount: () => instance.unmount(),
	};
}

export function destructiveCalls(sandbox: SandboxGateway) {
	return sandbox.calls.filter((call) => call.operation === 'closeAccount' || call.operation === 'removeAccount');
}

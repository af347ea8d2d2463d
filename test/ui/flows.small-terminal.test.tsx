/**
 * Every step of both flows, and the console steps, on terminals of 80x24 and
 * 60x20: the frame fits the lines the app gives it, the account acted on is
 * on its first line, the key line is its last, and a step cut short says so
 * and shows the rest as it scrolls.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../source/org/sandbox/demo.js';
import { SANDBOX_CLOSURE_DELAY_MS } from '../../source/org/sandbox/types.js';
import type { TerminalSize } from '../../source/ui/hooks/use-terminal-size.js';
import {
	flowWorldForEachTest,
	KEYS,
	type RenderedFlow,
	reachStep,
	renderApp,
	selectAccount,
	settle,
	waitFor,
} from './flows-support.js';

const flows = flowWorldForEachTest();

const SIZES: readonly TerminalSize[] = [
	{ columns: 80, rows: 24 },
	{ columns: 60, rows: 20 },
];

const MORE = /^↓ \d+ more lines?, PgDn/;
const ABOVE = /↑ \d+ lines? above, PgUp/;

const linesOf = (frame: string) => frame.split('\n');
/** The frame's lines between the account's lines (title and trail, or heading) and the marker and key line. */
const isChrome = (line: string) => MORE.test(line) || ABOVE.test(line.trim());

/**
 * The checks every step must pass at the flow's size; returns how many times
 * PgDn was needed to show the whole step.
 */
async function checkStep(flow: RenderedFlow, what: string, options: { readonly live?: boolean } = {}): Promise<number> {
	const height = flow.height as number;
	// From the step's top (a cursor kept in view may have scrolled it).
	while (linesOf(flow.rawFrame()).some((line) => ABOVE.test(line))) await flow.press(KEYS.pageUp);
	// The step as a terminal tall enough for it shows it: every line of it, and the key line last.
	await flow.setHeight(undefined);
	const whole = linesOf(flow.rawFrame());
	const keyLine = whole.at(-1) as string;
	await flow.setHeight(height);

	const seen = new Set<string>();
	let pages = 0;
	for (;;) {
		const lines = linesOf(flow.rawFrame());
		const where = `${what}, page ${pages + 1}:\n${flow.rawFrame()}`;
		expect(lines.length, where).toBeLessThanOrEqual(height);
		expect(lines[0], where).toContain(flow.accountId);
		expect(lines.at(-1), where).toBe(keyLine);
		for (const line of lines) seen.add(line.trimEnd());
		const marker = lines.find((line) => MORE.test(line));
		if (!marker) break;
		// A marker only where something is hidden: the whole step is taller than the frame.
		expect(whole.length, where).toBeGreaterThan(height);
		await flow.press(KEYS.pageDown);
		pages++;
		expect(pages, `${what}: PgDn never reached the end`).toBeLessThan(20);
	}
	// A live step (a spinner, a count of checks) changes between frames: its lines cannot be compared.
	if (options.live) return pages;
	const missing = whole.map((line) => line.trimEnd()).filter((line) => line.trim() !== '' && !seen.has(line));
	expect(missing, `${what}: lines never shown at ${flow.height} lines`).toEqual([]);
	if (pages > 0) {
		expect(
			linesOf(flow.rawFrame()).some((line) => ABOVE.test(line)),
			`${what}: nothing says what is above`,
		).toBe(true);
		for (let page = 0; page < pages; page++) await flow.press(KEYS.pageUp);
		expect(
			linesOf(flow.rawFrame()).some((line) => isChrome(line) && ABOVE.test(line)),
			`${what}: back at the top`,
		).toBe(false);
	}
	return pages;
}

/** Waits for text anywhere in the step, scrolled out of view or not (the account's facts arrive after the step). */
async function waitForText(flow: RenderedFlow, text: string): Promise<void> {
	await flow.setHeight(undefined);
	await waitFor(() => flow.frame().includes(text), text);
	await flow.setHeight(flow.height);
}

async function at(flow: RenderedFlow, step: string, what = step): Promise<number> {
	await reachStep(flow, step);
	return checkStep(flow, what);
}

describe.each(SIZES)('at $columns x $rows', (size) => {
	it('close: every step of CloseAccount fits, the account stays on top and the keys at the bottom', async () => {
		const id = DEMO_ACCOUNTS.logArchive;
		const flow = flows.open('close', id, {}, size);
		let cut = await at(flow, 'intro');
		await flow.press(KEYS.enter);
		await reachStep(flow, 'checklist');
		await waitForText(flow, 'Enabled regions: 17:');
		cut += await checkStep(flow, 'checklist');
		for (let item = 0; item < 7; item++) {
			await flow.press(KEYS.space, KEYS.down);
			cut += await checkStep(flow, `checklist, item ${item + 1} ticked`);
		}
		await flow.press(KEYS.enter);
		cut += await at(flow, 'path');
		await flow.press(KEYS.enter);
		cut += await at(flow, 'confirm-id');
		await flow.type(id);
		cut += await checkStep(flow, 'confirm-id, typed');
		await flow.press(KEYS.enter);
		cut += await at(flow, 'confirm-yes');
		await flow.type('y');
		await flow.press(KEYS.enter);
		await reachStep(flow, 'tracking');
		await waitFor(
			() => flow.states.at(-1)?.step.name === 'tracking' && flow.frame().includes('PENDING_CLOSURE'),
			'PENDING_CLOSURE',
		);
		cut += await checkStep(flow, 'tracking', { live: true });
		flows.world.sandbox.advance(SANDBOX_CLOSURE_DELAY_MS);
		cut += await at(flow, 'closed');
		// The demo's intro (the closure allowance) is taller than both terminals.
		expect(cut).toBeGreaterThan(0);
	});

	it('close by removal first: every step, then each console step, fits', async () => {
		const id = DEMO_ACCOUNTS.logArchive;
		const flow = flows.open('close', id, {}, size);
		await reachStep(flow, 'intro');
		await flow.press(KEYS.enter);
		await reachStep(flow, 'checklist');
		for (let item = 0; item < 7; item++) await flow.press(KEYS.space, KEYS.down);
		await flow.press(KEYS.enter);
		await reachStep(flow, 'path');
		await flow.press(KEYS.down);
		await checkStep(flow, 'path, removal first');
		await flow.press(KEYS.enter);
		await at(flow, 'remove-intro');
		await flow.press(KEYS.enter);
		await reachStep(flow, 'confirm-id');
		await flow.type(id);
		await flow.press(KEYS.enter);
		await at(flow, 'confirm-yes');
		await flow.type('y');
		await flow.press(KEYS.enter);
		await at(flow, 'removed');
		await flow.press(KEYS.enter);
		await reachStep(flow, 'console');
		for (let step = 1; step <= 7; step++) {
			expect(flow.frame()).toContain(`Step ${step} of 7`);
			await checkStep(flow, `console step ${step}`);
			if (step < 7) await flow.press(KEYS.right);
		}
	});

	it('remove: every step fits, and a refusal too', async () => {
		const id = DEMO_ACCOUNTS.logArchive;
		const flow = flows.open('remove', id, {}, size);
		await at(flow, 'remove-intro');
		await flow.press(KEYS.enter);
		await at(flow, 'confirm-id');
		await flow.type(id);
		await flow.press(KEYS.enter);
		await at(flow, 'confirm-yes');
		await flow.type('y');
		await flow.press(KEYS.enter);
		await at(flow, 'removed');

		const refused = flows.open('remove', DEMO_ACCOUNTS.sandboxBob, {}, size);
		await at(refused, 'refused');
	});

	it('keeps the checklist cursor in view when it moves after a scroll', async () => {
		const flow = flows.open('close', DEMO_ACCOUNTS.logArchive, {}, size);
		await reachStep(flow, 'intro');
		await flow.press(KEYS.enter);
		await reachStep(flow, 'checklist');
		await waitForText(flow, 'Enabled regions: 17:');
		if (!linesOf(flow.rawFrame()).some((line) => MORE.test(line))) return;
		for (let page = 0; page < 5; page++) await flow.press(KEYS.pageDown);
		await flow.press(KEYS.down);
		const cursorLine = linesOf(flow.rawFrame()).find((line) => line.startsWith('›'));
		expect(cursorLine, flow.rawFrame()).toContain('[ ]');
	});
});

describe('a choice moved below the fold', () => {
	it("comes into view: the path's Cancel at 60x16", async () => {
		const flow = flows.open('close', DEMO_ACCOUNTS.logArchive, {}, { columns: 60, rows: 16 });
		await reachStep(flow, 'intro');
		await flow.press(KEYS.enter);
		await reachStep(flow, 'checklist');
		for (let item = 0; item < 7; item++) await flow.press(KEYS.space, KEYS.down);
		await flow.press(KEYS.enter);
		await reachStep(flow, 'path');
		expect(flow.rawFrame()).not.toContain('Cancel');
		await flow.press(KEYS.down, KEYS.down);
		expect(flow.rawFrame()).toContain('› Cancel');
		expect(linesOf(flow.rawFrame()).length).toBeLessThanOrEqual(flow.height as number);
	});
});

describe('scroll keys while typing', () => {
	it('PgDn and ↓ scroll the confirmation without typing into it', async () => {
		const id = DEMO_ACCOUNTS.logArchive;
		const flow = flows.open('remove', id, {}, { columns: 60, rows: 14 });
		await reachStep(flow, 'remove-intro');
		await flow.press(KEYS.enter);
		await reachStep(flow, 'confirm-id');
		await flow.type(id.slice(0, 4));
		await flow.press(KEYS.pageDown, KEYS.down, KEYS.pageUp, KEYS.up);
		const step = flow.states.at(-1)?.step;
		expect(step?.name === 'confirm-id' ? step.typed : undefined).toBe(id.slice(0, 4));
	});
});

describe.each(SIZES)('the whole app at $columns x $rows', (size) => {
	/** The app on a terminal of `size`: ink-testing-library's output stream, given the size and told of it. */
	async function appAt() {
		const app = renderApp(flows.world.sandbox, flows.world.settings);
		Object.defineProperty(app.instance.stdout, 'columns', { value: size.columns, configurable: true });
		Object.defineProperty(app.instance.stdout, 'rows', { value: size.rows, configurable: true });
		app.instance.stdout.emit('resize');
		await settle();
		await app.see('sorted by name');
		return app;
	}
	const framed = (app: Awaited<ReturnType<typeof appAt>>) => linesOf(app.instance.lastFrame() ?? '');

	it("the raw account (J) and the details keep the account's id on screen and show the rest with PgDn", async () => {
		const id = DEMO_ACCOUNTS.logArchive;
		const app = await appAt();
		await selectAccount(app, id);
		for (const [key, title, last] of [
			['J', `Account ${id} as AWS returned it`, /^}$/],
			[KEYS.enter, `Account details: Log Archive · ${id}`, /^Parent id/],
		] as const) {
			await app.press(key);
			await app.see(title);
			const seen: string[] = [];
			for (let page = 0; page < 10; page++) {
				const lines = framed(app);
				expect(lines.length, lines.join('\n')).toBeLessThan(size.rows);
				expect(
					lines.some((line) => line.includes(title)),
					lines.join('\n'),
				).toBe(true);
				expect(lines.at(-1)).toBe('Esc back  ? help  q quit');
				seen.push(...lines);
				if (!lines.some((line) => MORE.test(line))) break;
				await app.press(KEYS.pageDown);
			}
			expect(
				seen.some((line) => last.test(line.trim())),
				seen.join('\n'),
			).toBe(true);
			await app.press(KEYS.escape);
			await app.see('j/k move');
		}
		app.instance.unmount();
	});
});

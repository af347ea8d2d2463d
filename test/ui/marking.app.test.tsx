/**
 * Marking and read-only mode as a person uses them: the whole app rendered by
 * ink-testing-library on the sandbox organization (real gateway code).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Account } from '../../source/domain/account.js';
import type { OrgReader } from '../../source/org/gateway.js';
import { READ_ONLY_REFUSAL, readOnlyGateway } from '../../source/org/read-only.js';
import { createSandbox } from '../../source/org/sandbox/engine.js';
import type { SandboxGateway } from '../../source/org/sandbox/types.js';
import { Settings } from '../../source/store/settings.js';
import { sortAccounts } from '../../source/ui/account-list.js';
import { App } from '../../source/ui/app.js';
import { DASHBOARD_KEYS } from '../../source/ui/keymap.js';
import { createTheme } from '../../source/ui/theme.js';
import { waitForFrame, waitForText } from '../support/frames.js';

const NOW = new Date('2026-11-26T12:00:00.000Z');
const ESC = '\u001B';
const ENTER = '\r';

let folder: string;
let settings: Settings;

beforeEach(() => {
	folder = mkdtempSync(join(tmpdir(), 'orgdash-marks-'));
	settings = new Settings(folder);
});

afterEach(() => {
	cleanup();
	rmSync(folder, { recursive: true, force: true });
});

function demo(): SandboxGateway {
	return createSandbox({ now: () => NOW });
}

async function start(gateway: OrgReader) {
	const app = render(<App gateway={gateway} settings={settings} theme={createTheme(false)} />);
	await waitForText(app, 'sorted by');
	return app;
}

type Rendered = Awaited<ReturnType<typeof start>>;

/** Writes keys one at a time, each given a moment to be handled (as typed). */
async function type(app: Rendered, ...keys: string[]): Promise<void> {
	for (const key of keys) {
		app.stdin.write(key);
		await new Promise((resolve) => setTimeout(resolve, 30));
	}
}

const frameOf = (app: Rendered) => app.lastFrame() ?? '';

/** Ids of the rows drawn with the mark (+). */
function markedRows(frame: string): string[] {
	return frame
		.split('\n')
		.filter((line) => /^[> ][MD* ]\+/.test(line))
		.map((line) => /\d{12}/.exec(line)?.[0] as string);
}

/** Ids of the rows drawn as the range being chosen (:). */
function rangeRows(frame: string): string[] {
	return frame
		.split('\n')
		.filter((line) => /^[> ][MD* ]:/.test(line))
		.map((line) => /\d{12}/.exec(line)?.[0] as string);
}

/** The demo organization's accounts as the dashboard first lists them (by name), and the closed ones. */
let byName: Account[] = [];
let closedIds: string[] = [];
beforeAll(async () => {
	byName = sortAccounts(await demo().listAccounts(), 'name');
	closedIds = byName.filter((account) => account.state === 'CLOSED').map((account) => account.id);
});

describe('marking', () => {
	it('Space marks and unmarks the selected account; the status line counts the marks', async () => {
		const app = await start(demo());
		await type(app, 'j', ' ', 'j', ' ');
		let frame = await waitForText(app, '2 marked ·');
		expect(markedRows(frame)).toEqual([byName[1]?.id, byName[2]?.id]);
		await type(app, ' ');
		frame = await waitForText(app, '1 marked ·');
		expect(markedRows(frame)).toEqual([byName[1]?.id]);
		await type(app, 'k', ' ');
		frame = await waitForFrame(app, (f) => !f.includes('marked ·'), { description: 'no marks' });
		expect(markedRows(frame)).toEqual([]);
	});

	it('V starts a range drawn with :, V again marks it; Esc cancels one', async () => {
		const app = await start(demo());
		await type(app, 'j', 'V', 'j', 'j', 'j');
		let frame = await waitForText(app, 'range: V or Space marks it, Esc cancels');
		expect(rangeRows(frame)).toEqual(byName.slice(1, 5).map((account) => account.id));
		await type(app, 'V');
		frame = await waitForText(app, '4 marked ·');
		expect(markedRows(frame)).toEqual(byName.slice(1, 5).map((account) => account.id));
		expect(rangeRows(frame)).toEqual([]);

		// Upwards, with Space to end it; then one cancelled with Esc marks nothing.
		await type(app, 'G', 'V', 'k', ' ');
		frame = await waitForText(app, '6 marked ·');
		await type(app, 'g', 'V', 'j', 'j', 'j', 'j', 'j', 'j', ESC);
		frame = await waitForFrame(app, (f) => !f.includes('range:'), { description: 'the range cancelled' });
		expect(frame).toContain('6 marked ·');
		expect(markedRows(frame)).toEqual(byName.slice(1, 5).map((account) => account.id));
	});

	it('a range whose first row the filter has hidden since marks nothing, and says so', async () => {
		const app = await start(demo());
		// V on an active account, then a filter that shows only closed ones, then Space to end the range.
		await type(app, 'j', 'V', '/', ...'state:closed', ENTER, ' ');
		const frame = await waitForText(app, 'The range ended: the row where V was pressed is hidden by the filter now');
		expect(frame).not.toContain('marked ·');
		expect(markedRows(frame)).toEqual([]);
		await type(app, '/', ...'nothing-matches-this', ENTER, 'A');
		await waitForText(app, 'No account is shown: nothing marked.');
	});

	it('A marks every account the filter shows; the marks survive clearing the filter and sorting; U clears', async () => {
		const app = await start(demo());
		await type(app, '/', ...'state:closed', ENTER, 'A');
		let frame = await waitForText(app, `Marked the ${closedIds.length} accounts the filter shows`);
		expect(frame).toContain(`${closedIds.length} marked ·`);
		expect(markedRows(frame).sort()).toEqual([...closedIds].sort());

		await type(app, ESC);
		frame = await waitForText(app, `${byName.length} accounts · sorted by name`);
		expect(markedRows(frame).sort()).toEqual(closedIds.filter((id) => frame.includes(id)).sort());
		await type(app, 's', 's');
		frame = await waitForText(app, 'sorted by state');
		expect(frame).toContain(`${closedIds.length} marked ·`);

		// A filter that hides some marks says how many it hides.
		await type(app, '/', ...'state:active', ENTER);
		frame = await waitForText(app, `${closedIds.length} marked (${closedIds.length} hidden by the filter)`);
		expect(markedRows(frame)).toEqual([]);

		await type(app, 'U');
		frame = await waitForText(app, `Unmarked ${closedIds.length} accounts.`);
		await type(app, 'j');
		frame = await waitForFrame(app, (f) => !f.includes('marked'), { description: 'no marks' });
	});

	it('keys that arrive together (a paste, typing ahead) mark what the filter typed among them shows', async () => {
		const app = await start(demo());
		app.stdin.write(`/state:closed${ENTER}A`);
		const frame = await waitForText(app, `${closedIds.length} marked ·`);
		await type(app, ESC, 'U');
		const cleared = await waitForText(app, `Unmarked ${closedIds.length} accounts.`);
		expect(cleared).not.toContain('marked ·');
		expect(markedRows(frame).sort()).toEqual([...closedIds].sort());
	});

	it('an account gone from the organization at a reload is unmarked, with a note', async () => {
		const sandbox = demo();
		const app = await start(sandbox);
		// Marks every account, then one leaves the organization before r.
		await type(app, 'A');
		await waitForText(app, `${byName.length} marked ·`);
		const gone = await removeAnyMember(sandbox);
		await type(app, 'r');
		const frame = await waitForText(app, 'no longer in the organization and was unmarked');
		expect(frame).toContain(`1 marked account is no longer in the organization and was unmarked: ${gone}.`);
		expect(frame).toContain(`${byName.length - 1} marked ·`);
	});
});

/** RemoveAccountFromOrganization on the first demo member the sandbox lets go. */
async function removeAnyMember(sandbox: SandboxGateway): Promise<string> {
	const organization = await sandbox.describeOrganization();
	for (const account of byName) {
		if (account.id === organization.managementAccountId || account.state !== 'ACTIVE') continue;
		try {
			await sandbox.removeAccount(account.id);
			return account.id;
		} catch {
			// Refused (prerequisites, age): try the next.
		}
	}
	throw new Error('The sandbox let no member leave.');
}

describe('read-only mode', () => {
	it('the header says READ-ONLY; c and x say why they cannot open, and nothing is sent', async () => {
		const sandbox = demo();
		const app = await start(readOnlyGateway(sandbox));
		let frame = frameOf(app);
		expect(frame).toContain('orgdash DEMO READ-ONLY');
		expect(frame).not.toContain('c close');
		expect(frame).not.toContain('x remove');
		await type(app, 'j', 'c');
		frame = await waitForText(app, READ_ONLY_REFUSAL);
		expect(frame).not.toContain('Close account');
		await type(app, 'j');
		await waitForFrame(app, (f) => !f.includes(READ_ONLY_REFUSAL), { description: 'the note gone' });
		await type(app, 'x');
		frame = await waitForText(app, READ_ONLY_REFUSAL);
		// No flow opened underneath: the list is still on screen, with the key hints of the list.
		expect(frame).toContain('NAME ▲');
		expect(frame).toContain('j/k move');
		expect(sandbox.calls.filter((call) => /close|remove/i.test(call.operation))).toEqual([]);
		// Marking reads nothing from AWS and still works.
		await type(app, ' ');
		await waitForText(app, '1 marked ·');
	});

	it('every dashboard key marked as changing AWS is refused, whatever it is bound to', async () => {
		const changing = DASHBOARD_KEYS.filter((binding) => binding.changesAws);
		expect(changing.map((binding) => binding.command)).toEqual(expect.arrayContaining(['close', 'remove']));
		const sandbox = demo();
		const app = await start(readOnlyGateway(sandbox));
		await type(app, 'j');
		for (const binding of changing) {
			for (const chord of binding.keys) {
				if (chord.input === undefined || chord.ctrl) continue;
				await type(app, 'j');
				await waitForFrame(app, (f) => !f.includes(READ_ONLY_REFUSAL), { description: 'the last note gone' });
				await type(app, chord.input);
				const frame = await waitForText(app, READ_ONLY_REFUSAL);
				expect(frame, binding.command).toContain('NAME ▲');
			}
		}
		expect(sandbox.calls.filter((call) => /close|remove/i.test(call.operation))).toEqual([]);
	});

	it('help lists no key that changes AWS', async () => {
		const app = await start(readOnlyGateway(demo()));
		await type(app, '?');
		const frame = await waitForText(app, 'orgdash keys');
		expect(frame).toContain('mark or unmark the selected account');
		expect(frame).not.toContain('guided closure');
		expect(frame).not.toContain('Closing and removing');
	});

	it('with the full gateway, the same keys open the flows', async () => {
		const app = await start(demo());
		expect(frameOf(app)).not.toContain('READ-ONLY');
		expect(frameOf(app)).toContain('c close');
		await type(app, 'j', 'c');
		const frame = await waitForFrame(app, (f) => !f.includes('sorted by'), { description: 'a flow' });
		expect(frame).not.toContain(READ_ONLY_REFUSAL);
	});
});

/**
 * The dashboard as a person uses it, rendered by ink-testing-library against
 * the sandbox organization (real gateway code, no mocks).
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Account } from '../../source/domain/account.js';
import { deletionDate } from '../../source/domain/quota.js';
import { OrgError } from '../../source/org/errors.js';
import type { OrgGateway } from '../../source/org/gateway.js';
import { DEMO_ACCOUNTS } from '../../source/org/sandbox/demo.js';
import { createSandbox } from '../../source/org/sandbox/engine.js';
import type { SandboxGateway } from '../../source/org/sandbox/types.js';
import { writeAccountCache } from '../../source/store/cache.js';
import { Settings } from '../../source/store/settings.js';
import { sortAccounts } from '../../source/ui/account-list.js';
import { accountsCache } from '../../source/ui/accounts-cache.js';
import { App, DASHBOARD_ACTIONS } from '../../source/ui/app.js';
import { invitationsText } from '../../source/ui/components/QuotaBar.js';
import { DASHBOARD_KEYS } from '../../source/ui/keymap.js';
import { boundTo } from '../../source/ui/keymap-lookup.js';
import { createTheme } from '../../source/ui/theme.js';
import {
	KEY,
	pressAndWait,
	resize,
	selectedLine,
	waitForFrame,
	waitForNoText,
	waitForText,
} from '../support/frames.js';

const NOW = new Date('2026-11-26T12:00:00.000Z');
const plain = createTheme(false);
/** ink-testing-library has no rows: the app falls back to 24, so 23 lines of frame and 16 account rows. */
const TABLE_ROWS = 16;

let folder: string;
let settings: Settings;

beforeEach(() => {
	folder = mkdtempSync(join(tmpdir(), 'orgdash-ui-'));
	settings = new Settings(folder);
});

afterEach(() => {
	cleanup();
	rmSync(folder, { recursive: true, force: true });
});

function demo(options: Parameters<typeof createSandbox>[0] = {}): SandboxGateway {
	return createSandbox({ now: () => NOW, ...options });
}

function start(gateway: OrgGateway, extra: { settings?: Settings } = {}) {
	return render(<App gateway={gateway} settings={extra.settings ?? settings} theme={plain} />);
}

async function byName(gateway: OrgGateway): Promise<Account[]> {
	return sortAccounts(await gateway.listAccounts(), 'name');
}

function accountRows(frame: string): string[] {
	return frame.split('\n').filter((line) => /^[> ][MD* ] /.test(line) && /\d{12}/.test(line));
}

const loaded = (app: ReturnType<typeof render>) => waitForText(app, 'sorted by');

/** The text of a bordered panel as one line: borders gone, wrapped lines joined. */
function panelText(frame: string): string {
	return frame
		.replace(/[│╭╮╰╯─]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

describe('the dashboard on the demo organization', () => {
	it('shows the organization, the caller, the quota and the accounts', async () => {
		const app = start(demo());
		const frame = await loaded(app);
		expect(frame).toContain('organization o-demo1234567');
		expect(frame).toContain('management 111111111111');
		expect(frame).toMatch(
			/data: loaded (just now|\d+ s ago) · signed in to the management account as arn:aws:iam::111111111111/,
		);
		expect(frame).toContain('37 of 40 accounts (93%)');
		expect(frame).toContain('2 invited · 7 closed accounts');
		expect(frame).toContain('NEAR THE LIMIT');
		expect(frame).toContain('limit: Service Quotas L-29A0C5DF');
		// The oldest closure (88 days ago) is deleted first.
		const soonest = deletionDate(new Date(NOW.getTime() - 88 * 86_400_000).toISOString()).slice(0, 10);
		expect(frame).toContain(`7 closed accounts still count until AWS deletes them`);
		expect(frame).toContain(`soonest deletion ${soonest}`);
		expect(frame).toContain('35 accounts · sorted by name');
		expect(frame.split('\n').length).toBeLessThanOrEqual(23);
		expect(accountRows(frame)).toHaveLength(TABLE_ROWS);
		expect(frame).toContain('PENDING_ACTIVATION');
	});

	it('marks the management account and selects the first row', async () => {
		const gateway = demo();
		const [first] = await byName(gateway);
		const app = start(gateway);
		const frame = await loaded(app);
		expect(selectedLine(frame)).toContain(first?.id);
		expect(frame).toMatch(/^.M Acme Corp Management/m);
	});
});

describe('the quota limit when Service Quotas does not answer', () => {
	it('falls back to the documented 10 and says how to set the real figure', async () => {
		const gateway = demo();
		gateway.failNext(
			'accountQuota',
			new OrgError('AccessDeniedException', 'not allowed servicequotas:ListServiceQuotas'),
		);
		const app = start(gateway);
		const frame = await waitForText(app, 'limit: documented default');
		expect(frame).toContain('35 of 10 accounts (350%)  OVER THE LIMIT');
		expect(frame).toContain('Service Quotas did not answer: set your limit with --quota N');
	});

	it("uses the user's --quota figure, and says so", async () => {
		settings.setQuotaFor('o-demo1234567', 40);
		const gateway = demo();
		gateway.failNext(
			'accountQuota',
			new OrgError('AccessDeniedException', 'not allowed servicequotas:ListServiceQuotas'),
		);
		const app = start(gateway, { settings: new Settings(folder) });
		const frame = await waitForText(app, 'limit: your setting (--quota)');
		expect(frame).toContain('35 of 40 accounts (88%)');
		expect(frame).toContain('Service Quotas did not answer · ');
	});
});

describe('navigation', () => {
	it('moves with j/k and the arrows, pages with PgDn/PgUp and ctrl-f/ctrl-b, jumps with g/G and Home/End', async () => {
		const gateway = demo();
		const order = (await byName(gateway)).map((account) => account.id);
		const app = start(gateway);
		await loaded(app);
		const expectSelected = async (index: number, keys: string) => {
			app.stdin.write(keys);
			await waitForFrame(app, (frame) => selectedLine(frame)?.includes(order[index] as string) ?? false, {
				description: `account #${index} selected after ${JSON.stringify(keys)}`,
			});
		};
		await expectSelected(1, 'j');
		await expectSelected(2, KEY.down);
		await expectSelected(1, 'k');
		await expectSelected(0, KEY.up);
		await expectSelected(0, KEY.up);
		await expectSelected(TABLE_ROWS, KEY.pageDown);
		await expectSelected(0, KEY.pageUp);
		await expectSelected(TABLE_ROWS, KEY.ctrlF);
		await expectSelected(0, KEY.ctrlB);
		await expectSelected(order.length - 1, 'G');
		await expectSelected(0, 'g');
		await expectSelected(order.length - 1, KEY.end);
		await expectSelected(0, KEY.home);
		// Keys typed faster than they are read arrive together: each one still counts.
		await expectSelected(3, 'jjj');
	});

	it('scrolls the window so the selection stays on screen, rendering only the visible rows', async () => {
		const gateway = demo({ accountCount: 10_000 });
		const order = (await byName(gateway)).map((account) => account.id);
		const app = start(gateway);
		await waitForText(app, '10,000 accounts · sorted by name', { timeoutMs: 15_000 });
		const frame = await pressAndWait(app, 'G');
		expect(selectedLine(frame)).toContain(order[9_999]);
		const rows = accountRows(frame);
		expect(rows).toHaveLength(TABLE_ROWS);
		expect(rows[0]).toContain(order[10_000 - TABLE_ROWS]);
		const paged = await pressAndWait(app, KEY.pageUp);
		expect(selectedLine(paged)).toContain(order[9_999 - TABLE_ROWS]);
		expect(accountRows(paged)[0]).toContain(order[10_000 - 2 * TABLE_ROWS]);
	});
});

describe('filter', () => {
	it('filters by name, id, email and OU as it is typed; Enter keeps it, Esc clears it', async () => {
		const app = start(demo());
		await loaded(app);
		await pressAndWait(app, '/');
		let frame = await pressAndWait(app, 'payments');
		expect(frame).toContain('/ payments');
		expect(frame).toContain('5 of 35 match');
		expect(accountRows(frame)).toHaveLength(5);
		for (const row of accountRows(frame)) expect(row.toLowerCase()).toContain('payments');

		frame = await pressAndWait(app, KEY.enter);
		expect(frame).toContain('filter "payments"');
		// Back in the list: j moves instead of typing.
		frame = await pressAndWait(app, 'j');
		expect(frame).toContain('filter "payments"');

		frame = await pressAndWait(app, KEY.escape);
		expect(frame).toContain('35 accounts · sorted by name');
		expect(accountRows(frame)).toHaveLength(TABLE_ROWS);
	});

	it('finds an account by id, by email and by OU path; Backspace and ctrl-u edit the text', async () => {
		const app = start(demo());
		await loaded(app);
		await pressAndWait(app, '/');
		let frame = await pressAndWait(app, DEMO_ACCOUNTS.quarantine);
		expect(accountRows(frame)).toHaveLength(1);
		expect(frame).toContain('Quarantine');
		frame = await pressAndWait(app, KEY.ctrlU);
		expect(frame).toContain('35 of 35 match');
		frame = await pressAndWait(app, 'alice.nguyen+sandbox@');
		expect(accountRows(frame)).toHaveLength(1);
		await pressAndWait(app, KEY.ctrlU);
		frame = await pressAndWait(app, 'root/sandbox');
		expect(frame).toContain('5 of 35 match');
		frame = await pressAndWait(app, 'x');
		expect(frame).toContain('0 of 35 match');
		expect(frame).toContain('No account matches the filter.');
		frame = await pressAndWait(app, KEY.backspace);
		expect(frame).toContain('5 of 35 match');
		frame = await pressAndWait(app, KEY.escape);
		expect(frame).toContain('35 accounts');
	});

	it('keeps the selected account selected when the filter is cleared', async () => {
		const app = start(demo());
		await loaded(app);
		await pressAndWait(app, '/');
		await pressAndWait(app, 'log archive');
		await pressAndWait(app, KEY.enter);
		const frame = await pressAndWait(app, KEY.escape);
		expect(selectedLine(frame)).toContain(DEMO_ACCOUNTS.logArchive);
	});
});

describe('sort', () => {
	it('cycles name, id, state, OU, joined, cost with s, and remembers the choice', async () => {
		const gateway = demo();
		const accounts = await gateway.listAccounts();
		const app = start(gateway);
		await loaded(app);
		// The selection stays on its account through a sort; g goes to the top to read the order from the first row.
		const firstRow = (frame: string) => accountRows(frame)[0] ?? '';
		const sortThenTop = async () => {
			const sorted = await pressAndWait(app, 's');
			app.stdin.write('g');
			return waitForFrame(
				app,
				(frame) => frame.split('\n').some((line) => line.startsWith('>') && line === firstRow(frame)),
				{
					description: 'the first row selected',
				},
			).then(() => app.lastFrame() ?? sorted);
		};

		let frame = await sortThenTop();
		expect(frame).toContain('sorted by id');
		expect(frame).toContain('ACCOUNT ID ▲');
		expect(firstRow(frame)).toContain(sortAccounts(accounts, 'id')[0]?.id);
		expect(settings.sort).toBe('id');

		frame = await sortThenTop();
		expect(frame).toContain('sorted by state');
		expect(frame).toContain('STATE ▲');
		expect(firstRow(frame)).toContain(sortAccounts(accounts, 'state')[0]?.id);

		frame = await sortThenTop();
		expect(frame).toContain('sorted by OU');
		expect(firstRow(frame)).toContain(sortAccounts(accounts, 'ou')[0]?.id);

		frame = await sortThenTop();
		expect(frame).toContain('sorted by joined');
		expect(firstRow(frame)).toContain(sortAccounts(accounts, 'joined')[0]?.id);

		// The cost sort shows the last month's spend (the impact scan's), the idle accounts first.
		await sortThenTop();
		frame = await waitForFrame(app, (shown) => accountRows(shown)[0]?.includes(' USD') === true, {
			description: 'the spend in the cost column',
		});
		expect(frame).toContain('sorted by cost last month');
		expect(frame).toContain('LAST MONTH ▲');
		expect(firstRow(frame)).toContain('0.00 USD');
		const costs = accountRows(frame).map((row) => Number(/([\d,]+\.\d\d) USD/.exec(row)?.[1]?.replaceAll(',', '')));
		expect(costs).toEqual([...costs].sort((a, b) => a - b));

		frame = await sortThenTop();
		expect(frame).toContain('sorted by name');
		expect(firstRow(frame)).toContain(sortAccounts(accounts, 'name')[0]?.id);
		await pressAndWait(app, 's');
		app.unmount();

		// A new start reads the remembered sort.
		const again = start(demo(), { settings: new Settings(folder) });
		expect(await loaded(again)).toContain('sorted by id');
	});

	it('keeps the selected account selected through a sort', async () => {
		const app = start(demo());
		await loaded(app);
		await pressAndWait(app, 'jjjj');
		const before = selectedLine(app.lastFrame() ?? '');
		const id = /\d{12}/.exec(before ?? '')?.[0];
		const frame = await pressAndWait(app, 's');
		expect(selectedLine(frame)).toContain(id);
	});
});

describe('details and help', () => {
	it('Enter shows the selected account in full; Esc goes back', async () => {
		const app = start(demo());
		await loaded(app);
		await pressAndWait(app, '/');
		await pressAndWait(app, DEMO_ACCOUNTS.dataPlatformStaging);
		await pressAndWait(app, KEY.enter);
		let frame = await pressAndWait(app, KEY.enter);
		expect(frame).toContain('Account details: Data Platform Staging');
		expect(frame).toContain(DEMO_ACCOUNTS.dataPlatformStaging);
		expect(frame).toContain('CLOSED');
		expect(frame).toMatch(/Deleted by AWS\s+around \d{4}-\d{2}-\d{2}/);
		expect(frame).toContain('still counts toward the organization quota');
		expect(frame).toContain('Root/Workloads/Staging');
		frame = await pressAndWait(app, KEY.escape);
		expect(frame).toContain('filter "');
		expect(selectedLine(frame)).toContain(DEMO_ACCOUNTS.dataPlatformStaging);
	});

	it('? shows the keys from the keymap, only those that do something; Esc goes back', async () => {
		const app = start(demo());
		await loaded(app);
		let frame = await pressAndWait(app, '?');
		expect(frame).toContain('orgdash keys');
		// The help is taller than 24 lines: scroll to its end, collecting what was shown.
		const seen = new Set(frame.split('\n'));
		const moreBelow = (shown: string) => {
			const [, end, total] = /lines \d+-(\d+) of (\d+)/.exec(shown) ?? [];
			return Number(end) < Number(total);
		};
		while (moreBelow(frame)) {
			frame = await pressAndWait(app, 'j');
			for (const line of frame.split('\n')) seen.add(line);
		}
		const text = [...seen].join('\n');
		const handled = boundTo(DASHBOARD_KEYS, (command) => DASHBOARD_ACTIONS[command] !== undefined);
		for (const binding of DASHBOARD_KEYS) {
			expect(text.includes(binding.description), binding.command).toBe(handled.includes(binding));
		}
		expect(text).toContain('ctrl-c');
		frame = await pressAndWait(app, KEY.escape);
		expect(frame).toContain('35 accounts · sorted by name');
	});
});

describe('terminal size', () => {
	it('follows a resize: fewer rows and columns, then more', async () => {
		const app = start(demo());
		await loaded(app);
		resize(app.stdout, 60, 14);
		let frame = await waitForFrame(app, (f) => accountRows(f).length === 14 - 1 - 4 - 3, {
			description: '6 rows after shrinking to 14 lines',
		});
		expect(frame.split('\n').length).toBeLessThanOrEqual(13);
		expect(frame).not.toContain('JOINED');
		expect(frame).not.toContain('EMAIL');
		for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(60);

		// Very short: the header and quota lines give way to the list, and the frame still fits.
		resize(app.stdout, 80, 9);
		frame = await waitForFrame(app, (f) => accountRows(f).length === 9 - 1 - 3, { description: '5 rows in 9 lines' });
		expect(frame.split('\n').length).toBeLessThanOrEqual(8);
		expect(frame).not.toContain('Quota');

		resize(app.stdout, 160, 40);
		frame = await waitForFrame(app, (f) => accountRows(f).length === 32, { description: '32 rows after growing' });
		expect(frame).toContain('JOINED');
		expect(frame).toContain('EMAIL');
		expect(frame.split('\n').length).toBeLessThanOrEqual(39);
	});
});

describe('loading', () => {
	it('shows a spinner with the count so far while pages arrive, rows included', async () => {
		const gateway = demo({ accountCount: 2_000, latencyMs: 15 });
		const app = start(gateway);
		const frame = await waitForFrame(
			app,
			(f) => /Loading accounts… [1-9][\d,]* so far/.test(f) && accountRows(f).length > 0,
			{
				description: 'rows and a count while loading',
			},
		);
		expect(frame).toMatch(/counted so far|so far/);
		await waitForText(app, '2,000 accounts · sorted by name', { timeoutMs: 20_000 });
	});

	it('stops loading when the dashboard goes away', async () => {
		const sandbox = demo({ accountCount: 5_000, latencyMs: 20 });
		let signal: AbortSignal | undefined;
		// The sandbox itself, with its listing's signal kept for the check.
		const gateway: OrgGateway = {
			...sandbox,
			listAccounts: (options) => {
				signal = options?.signal;
				return sandbox.listAccounts(options);
			},
		};
		const app = start(gateway);
		await waitForFrame(app, (f) => /so far/.test(f) && accountRows(f).length > 0);
		expect(signal?.aborted).toBe(false);
		app.unmount();
		expect(signal?.aborted).toBe(true);
	});

	it('r reloads the organization', async () => {
		const gateway = demo();
		const app = start(gateway);
		await loaded(app);
		const listings = () => gateway.calls.filter((call) => call.operation === 'listAccounts').length;
		expect(listings()).toBe(1);
		app.stdin.write('r');
		await waitForFrame(app, () => listings() === 2, { description: 'a second listing' });
		await loaded(app);
	});
});

describe('failures', () => {
	it('starts the listing beside the organization: no round trip waits for the other', async () => {
		const sandbox = demo({ latencyMs: 20 });
		let answerOrganization: (() => void) | undefined;
		let listingStarted = false;
		const gateway: OrgGateway = Object.create(sandbox, {
			describeOrganization: {
				value: () =>
					new Promise((resolve) => {
						answerOrganization = () => resolve(sandbox.describeOrganization());
					}),
			},
			listAccounts: {
				value: (options: Parameters<OrgGateway['listAccounts']>[0]) => {
					listingStarted = true;
					return sandbox.listAccounts(options);
				},
			},
		});
		const app = start(gateway);
		await vi.waitFor(() => expect(listingStarted && answerOrganization !== undefined).toBe(true));
		answerOrganization?.();
		expect(await loaded(app)).toContain('35 accounts');
	});

	it('stops the listing and shows no rows when the organization cannot be read', async () => {
		const sandbox = demo({ latencyMs: 20 });
		let listingSignal: AbortSignal | undefined;
		const gateway: OrgGateway = Object.create(sandbox, {
			describeOrganization: {
				value: async () => {
					await new Promise((resolve) => setTimeout(resolve, 80));
					throw new OrgError('AccessDeniedException', 'not allowed to describe the organization');
				},
			},
			listAccounts: {
				value: (options: Parameters<OrgGateway['listAccounts']>[0]) => {
					listingSignal = options?.signal;
					return sandbox.listAccounts(options);
				},
			},
		});
		const app = start(gateway);
		const frame = await waitForText(app, 'Access denied');
		expect(listingSignal?.aborted).toBe(true);
		expect(accountRows(frame)).toEqual([]);
	});

	it('a standalone account: says so, what it means, and how it is closed', async () => {
		const gateway = demo({ callerAccountId: '999999999999' });
		const app = start(gateway);
		const frame = panelText(await waitForText(app, 'standalone account'));
		expect(frame).toContain('This is a standalone account: it is not in an organization');
		expect(frame).toContain('its root user closes it in the Billing and Cost Management console');
		expect(frame).toContain('(AWSOrganizationsNotInUseException)');
		expect(frame).toContain('Quota not known until the organization has been read');
		// Who is signed in still shows: it is the account to close in the console.
		expect(frame).toContain('signed in as arn:aws:sts::999999999999:');
	});

	it('access denied for a member account: names the missing permission', async () => {
		const gateway = demo({ callerAccountId: DEMO_ACCOUNTS.logArchive });
		const app = start(gateway);
		const frame = panelText(await waitForText(app, 'Access denied'));
		expect(frame).toContain('Access denied: organizations:ListAccounts is missing');
		expect(frame).toContain('Only the management account, or a member registered as delegated administrator');
		expect(frame).toContain(`signed in to member account ${DEMO_ACCOUNTS.logArchive}`);
	});

	it('no credentials: how to set them, and --demo', async () => {
		const gateway = demo();
		gateway.failNext(
			'describeOrganization',
			new OrgError('CredentialsMissing', 'Organizations.DescribeOrganization: no AWS credentials were found'),
		);
		const app = start(gateway);
		const frame = panelText(await waitForText(app, 'No AWS credentials found'));
		expect(frame).toContain('set AWS_PROFILE, or pass --profile NAME');
		expect(frame).toContain('aws sso login --profile NAME');
		expect(frame).toContain('orgdash --demo');
	});

	it('a network failure keeps what was loaded; r retries', async () => {
		const gateway = demo();
		const app = start(gateway);
		await loaded(app);
		gateway.failNext(
			'listAccounts',
			new OrgError('NetworkError', 'could not reach AWS (ECONNREFUSED)', { network: true }),
		);
		app.stdin.write('r');
		let frame = await waitForText(app, 'Could not reach AWS');
		expect(frame).toContain('showing the 35 accounts loaded before it; r retries');
		expect(accountRows(frame)).toHaveLength(TABLE_ROWS);
		app.stdin.write('r');
		frame = await waitForNoText(app, 'Could not reach AWS');
		await loaded(app);
	});

	it('a time-out on the first load says what timed out; r retries', async () => {
		const gateway = demo();
		gateway.failNext(
			'describeOrganization',
			new OrgError('TimeoutError', 'Organizations.DescribeOrganization: no answer in time, 5 attempts', {
				network: true,
			}),
		);
		const app = start(gateway);
		let frame = await waitForText(app, 'AWS did not answer in time');
		expect(panelText(frame)).toContain('Organizations.DescribeOrganization: no answer in time, 5 attempts');
		expect(panelText(frame)).toContain('then press r to retry');
		expect(frame).toContain('✖ AWS did not answer in time · r retries');
		app.stdin.write('r');
		frame = await loaded(app);
		expect(frame).toContain('37 of 40 accounts');
	});
});

describe('the cached list', () => {
	it('shows the last known list at once, marked, until AWS confirms it', async () => {
		const gateway = demo({ latencyMs: 150 });
		const accounts = await createSandbox({ now: () => NOW }).listAccounts();
		const caller = '111111111111';
		const cacheFolder = join(folder, 'cache');
		await writeAccountCache(
			{ sourceKey: gateway.sourceKey, organizationId: 'o-demo1234567', callerAccountId: caller },
			accounts.slice(0, 30),
			{ directory: cacheFolder, savedAt: new Date(Date.now() - 3 * 3_600_000) },
		);
		const app = render(
			<App gateway={gateway} settings={settings} theme={plain} cache={accountsCache(gateway.sourceKey, cacheFolder)} />,
		);
		const cached = await waitForText(app, 'data: cached 3 h ago');
		// The listing starts beside the organization's description: rows it has sent are fresh and unmarked, the
		// cached rest marked, until the listing ends.
		const rows = accountRows(cached);
		expect(rows.filter((row) => row[1] === '*').length).toBeGreaterThan(0);
		expect(cached).toContain('from the cache, not yet confirmed');
		const fresh = await loaded(app);
		expect(fresh).toContain('35 accounts');
		expect(accountRows(fresh).some((row) => row[1] === '*')).toBe(false);
		expect(fresh).toMatch(/data: loaded/);
	});

	it('ignores a damaged cache with a note, and loads from AWS', async () => {
		const gateway = demo();
		const cacheFolder = join(folder, 'cache');
		const cache = accountsCache(gateway.sourceKey, cacheFolder);
		await cache.write('o-demo1234567', '111111111111', []);
		const [file] = readdirSync(cacheFolder);
		writeFileSync(join(cacheFolder, file as string), '{ not json');
		const app = render(<App gateway={gateway} settings={settings} theme={plain} cache={cache} />);
		const frame = await loaded(app);
		expect(frame).toContain('35 accounts');
		expect(frame).toContain('The cached account list was ignored: it is not valid JSON');
	});
});

describe('the invitations on the quota line', () => {
	it('counts pending ones with the accounts, and says why when they could not be read', () => {
		expect(invitationsText({ known: true, count: 3 })).toBe('3 invited');
		expect(invitationsText({ known: true, count: 0 })).toBeUndefined();
		expect(
			invitationsText({ known: false, reason: 'UnrecognizedResponse: the endpoint may not provide this operation' }),
		).toBe('invitations unknown (UnrecognizedResponse)');
		expect(invitationsText(undefined)).toBeUndefined();
	});
});

describe('finding and copying', () => {
	it('filters by field, inverts with !, and says how many accounts a tag term could not look at', async () => {
		const app = start(demo());
		const all = await byName(demo());
		await loaded(app);
		await pressAndWait(app, '/');
		let frame = await pressAndWait(app, 'state:closed');
		const closed = all.filter((account) => account.state === 'CLOSED');
		expect(frame).toContain(`1/${closed.length} · ${closed.length} of ${all.length} match`);
		for (const row of accountRows(frame)) expect(row).toContain('CLOSED');
		frame = await pressAndWait(app, ' !ou:security');
		const expected = closed.filter((account) => !account.parentPath.toLowerCase().includes('security'));
		expect(accountRows(frame)).toHaveLength(expected.length);

		await pressAndWait(app, KEY.escape);
		await pressAndWait(app, '/');
		frame = await pressAndWait(app, 'tag:env=nowhere');
		const note = new RegExp(`tag: checks \\d+ of ${all.length} accounts \\(tags read so far\\); scroll to read more`);
		expect(frame).toContain('No account matches the filter: tag: checks ');
		expect(frame).toMatch(note);
		expect(frame.split('\n').at(-2)).toMatch(/tag: checks \d+ of/);
	});

	it('S reverses the sort and the status line shows the position', async () => {
		const app = start(demo());
		const all = await byName(demo());
		let frame = await loaded(app);
		expect(frame).toContain(`${all.length} accounts · sorted by name · 1/${all.length}`);
		expect(selectedLine(frame)).toContain((all[0] as Account).id);
		frame = await pressAndWait(app, 'j');
		expect(frame).toContain(`sorted by name · 2/${all.length}`);
		frame = await pressAndWait(app, 'S');
		// The selection follows its account: the second by name is now the second from the end.
		expect(frame).toContain(`sorted by name, reversed · ${all.length - 1}/${all.length}`);
		frame = await pressAndWait(app, 'g');
		expect(selectedLine(frame)).toContain((all[all.length - 1] as Account).id);
	});

	it('y and Y copy the id and the ARN through the terminal (OSC 52), with a confirmation until the next key', async () => {
		const gateway = demo();
		const organization = await gateway.describeOrganization();
		const first = (await byName(gateway))[0] as Account;
		const app = start(gateway);
		await loaded(app);
		const osc52 = (text: string) => `\u001b]52;c;${Buffer.from(text).toString('base64')}\u0007`;

		app.stdin.write('y');
		let frame = await waitForText(app, `Copied id ${first.id} to the clipboard`);
		expect(app.frames).toContain(osc52(first.id));

		const arn = `arn:aws:organizations::${organization.managementAccountId}:account/${organization.id}/${first.id}`;
		app.stdin.write('Y');
		frame = await waitForText(app, `Copied ARN ${arn}`);
		expect(app.frames).toContain(osc52(arn));

		frame = await pressAndWait(app, 'j');
		expect(frame).not.toContain('Copied');
		expect(frame).toContain('sorted by name');
	});

	it('J shows the account as AWS returned it; Esc goes back', async () => {
		const gateway = demo();
		const first = (await byName(gateway))[0] as Account;
		const app = start(gateway);
		await loaded(app);
		let frame = await pressAndWait(app, 'J');
		expect(frame).toContain(`Account ${first.id} as AWS returned it`);
		expect(frame).toContain(`"Id": "${first.id}"`);
		expect(frame).toContain(`"State": "${first.state}"`);
		expect(frame).toContain('"JoinedTimestamp": ');
		expect(frame).toContain('"Arn": "arn:aws:organizations::');
		frame = await pressAndWait(app, KEY.escape);
		expect(frame).toContain('sorted by name');
	});
});

/**
 * A second start of the built command in a pseudo-terminal, on moto: the list
 * the first start cached is on screen before AWS has answered, marked as
 * cached and being checked, and it goes when AWS names another organization
 * behind the same endpoint.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import {
	asTerminal,
	environmentWithoutAws,
	requireBuiltCommand,
	startBuiltCommandInTerminal,
	temporaryFolderForEachTest,
} from './support/built-command.js';
import { describeWithMoto, motoEnvironment, seedOrganization } from './support/moto.js';

requireBuiltCommand();
/** The dashboard shares the machine's cores with the rest of the suite: each wait is generous. */
const WAIT_MS = 60_000;
const TEST_MS = 180_000;
const folder = temporaryFolderForEachTest('orgdash-cache-start-');

const LIVE_LIST = /\d+ accounts · sorted by/;

describeWithMoto('a second start with the cached list (built command, pseudo-terminal)', (moto) => {
	function environment(): Record<string, string> {
		return asTerminal(
			environmentWithoutAws(join(folder(), 'orgdash'), {
				...motoEnvironment(moto.server.endpoint),
				NO_COLOR: '1',
				AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
			}),
		);
	}

	/** The dashboard until its live list is shown and cached, then q; every screen it showed, in order. */
	async function start(): Promise<string[]> {
		const terminal = startBuiltCommandInTerminal(['--endpoint-url', moto.server.endpoint], {
			env: environment(),
			columns: 120,
			rows: 30,
		});
		const screens: string[] = [];
		terminal.child.onData(() => screens.push(terminal.screen.text().join('\n')));
		const text = () => terminal.screen.text().join('\n');
		await terminal.waitUntil(
			() => LIVE_LIST.test(text()) && !text().includes('from the cache'),
			() => `no live list; the screen:\n${text()}`,
			WAIT_MS,
		);
		// The list is being cached as it is shown: q at once, and the process lets the write end before it exits.
		terminal.child.write('q');
		expect(await terminal.exited).toBe(0);
		const files = readdirSync(folder(), { recursive: true, encoding: 'utf8' });
		expect(files.filter((name) => name.endsWith('.tmp'))).toEqual([]);
		expect(files.some((name) => /accounts-[0-9a-f]+\.json$/.test(name))).toBe(true);
		return screens;
	}

	const firstWith = (screens: string[], text: string) => screens.find((screen) => screen.includes(text));

	it(
		'shows the cached rows first, marked and being checked, until the live list replaces them',
		async () => {
			await moto.server.reset();
			const seeded = await seedOrganization(moto.server.endpoint, {
				accounts: [{ name: 'cached-alpha' }, { name: 'cached-beta' }],
			});
			await start();
			const screens = await start();
			const first = firstWith(screens, 'cached-alpha') ?? '';
			expect(first).toContain('data: cached');
			expect(first).toContain('checking the organization…');
			expect(first).toContain('3 from the cache, not yet confirmed');
			expect(first.split('\n').find((line) => line.includes('cached-alpha'))).toMatch(/^.\*/);
			// Then AWS names the same organization: the header says so while the rows are still cached.
			expect(screens.some((screen) => screen.includes(`organization ${seeded.organizationId}`))).toBe(true);
		},
		TEST_MS,
	);

	it(
		'takes the cached rows away when AWS names another organization behind the same endpoint',
		async () => {
			await moto.server.reset();
			await seedOrganization(moto.server.endpoint, { accounts: [{ name: 'old-member' }] });
			await start();
			await moto.server.reset();
			const now = await seedOrganization(moto.server.endpoint, { accounts: [{ name: 'new-member' }] });

			const screens = await start();
			const shownOld = screens.findIndex((screen) => screen.includes('old-member'));
			expect(shownOld).toBeGreaterThanOrEqual(0);
			expect(screens[shownOld]).toContain('checking the organization…');
			// Once the other organization is named, the old rows are never on screen again.
			const named = screens.findIndex((screen) => screen.includes(`organization ${now.organizationId}`));
			expect(named).toBeGreaterThan(shownOld);
			expect(screens.slice(named).some((screen) => screen.includes('old-member'))).toBe(false);
			expect(screens.at(-1)).toContain('new-member');
		},
		TEST_MS,
	);
});

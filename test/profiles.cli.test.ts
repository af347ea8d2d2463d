/**
 * The built command in a pseudo-terminal, with profiles in a temporary HOME
 * pointing at two moto servers (two organizations): --profile reads the
 * profile's region and endpoint_url, P switches to the other profile and its
 * organization (each with its own cache), and a missing profile's message is
 * shown whole, wrapped, with the profiles there.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
	asTerminal,
	environmentWithoutAws,
	requireBuiltCommand,
	runBuiltCommand,
	startBuiltCommandInTerminal,
	temporaryFolderForEachTest,
} from './support/built-command.js';
import { describeWithMoto, type MotoServer, seedOrganization, startMoto } from './support/moto.js';

requireBuiltCommand();
/** Two moto servers and a dashboard share the machine's cores with the rest of the suite: each wait is generous. */
const WAIT_MS = 60_000;
const TEST_MS = 180_000;
const folder = temporaryFolderForEachTest('orgdash-profiles-cli-');

describeWithMoto('profiles in the dashboard (built command, pseudo-terminal)', (moto) => {
	let other: MotoServer;
	let firstOrganization: string;
	let secondOrganization: string;

	beforeAll(async () => {
		other = await startMoto();
		firstOrganization = (await seedOrganization(moto.server.endpoint)).organizationId;
		secondOrganization = (await seedOrganization(other.endpoint)).organizationId;
	});

	afterAll(async () => {
		await other?.stop();
	});

	/** HOME with the two profiles; orgdash's settings, journal and cache in their own folder. */
	function environment(): Record<string, string> {
		const home = join(folder(), 'home');
		mkdirSync(join(home, '.aws'), { recursive: true });
		writeFileSync(
			join(home, '.aws', 'config'),
			`[profile first]\nregion = eu-west-1\nendpoint_url = ${moto.server.endpoint}\n\n[profile second]\nregion = us-west-2\nendpoint_url = ${other.endpoint}\n`,
		);
		writeFileSync(
			join(home, '.aws', 'credentials'),
			'[first]\naws_access_key_id = testing\naws_secret_access_key = testing\n\n[second]\naws_access_key_id = testing\naws_secret_access_key = testing\n',
		);
		return asTerminal(
			environmentWithoutAws(join(folder(), 'orgdash'), {
				HOME: home,
				NO_COLOR: '1',
				AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
			}),
		);
	}

	function screenText(terminal: ReturnType<typeof startBuiltCommandInTerminal>): string {
		return terminal.screen.text().join('\n');
	}

	it(
		"P switches to the other profile's organization; the header names the profile and the organization",
		async () => {
			const env = environment();
			const terminal = startBuiltCommandInTerminal(['--profile', 'first'], { env, columns: 140, rows: 30 });
			const waitFor = (text: string) =>
				terminal.waitUntil(
					() => screenText(terminal).includes(text),
					() => `waited for "${text}"; the screen:\n${screenText(terminal)}`,
					WAIT_MS,
				);
			await waitFor(`profile first (eu-west-1) via ${moto.server.endpoint} · organization ${firstOrganization}`);
			await waitFor('sorted by');
			terminal.child.write('P');
			await waitFor('second  (keys · us-west-2)');
			expect(screenText(terminal)).toContain('first  (keys · eu-west-1 · current)');
			expect(screenText(terminal)).toContain('from ~/.aws/config and ~/.aws/credentials');
			// The menu reads keys from an effect that runs just after its first frame is drawn.
			await new Promise((resolve) => setTimeout(resolve, 300));
			terminal.child.write('j');
			await terminal.waitUntil(
				() => /❯ second/.test(screenText(terminal)),
				() => `the highlight did not move:\n${screenText(terminal)}`,
				WAIT_MS,
			);
			terminal.child.write('\r');
			await waitFor(`profile second (us-west-2) via ${other.endpoint} · organization ${secondOrganization}`);
			await waitFor('sorted by');
			// Each profile's organization has its own cached list (beside each, the impact scan and the rows' tags
			// may be cached in files of their own); the list is written just after it is shown, so q waits for it.
			const lists = () =>
				readdirSync(join(folder(), 'orgdash', 'account-cache')).filter((name) =>
					/^accounts-[0-9a-f]+\.json$/.test(name),
				);
			await terminal.waitUntil(
				() => lists().length === 2,
				() => `the cached lists: ${readdirSync(join(folder(), 'orgdash', 'account-cache')).join(', ')}`,
				WAIT_MS,
			);
			terminal.child.write('q');
			expect(await terminal.exited).toBe(0);
			expect(lists()).toHaveLength(2);
		},
		TEST_MS,
	);

	it(
		"--profile X lists what AWS_PROFILE=X lists: the profile's endpoint_url and region are read either way",
		async () => {
			const env = environment();
			const byFlag = await runBuiltCommand(['list', '--json', '--profile', 'second'], env);
			const byVariable = await runBuiltCommand(['list', '--json'], { ...env, AWS_PROFILE: 'second' });
			expect(byFlag.stderr).toBe('');
			expect(byFlag.code).toBe(0);
			expect(JSON.parse(byFlag.stdout).organization.id).toBe(secondOrganization);
			expect(byVariable.stdout).toBe(byFlag.stdout);
			const missing = await runBuiltCommand(['list', '--json', '--profile', 'nosuch'], env);
			expect(missing.code).toBe(1);
			expect(missing.stderr.trimEnd().split('\n')).toEqual([
				'orgdash: Profile nosuch is not in the AWS config files. Profile nosuch is not in ~/.aws/config or ~/.aws/credentials; profiles there: first, second. Pass one of the profiles listed (--profile NAME or AWS_PROFILE), or add this one: aws configure --profile NAME, or aws configure sso. To look around without AWS: orgdash --demo.',
			]);
		},
		TEST_MS,
	);

	it(
		'a missing profile: the whole message, wrapped, with the profiles there and what to do',
		async () => {
			const terminal = startBuiltCommandInTerminal(['--profile', 'nosuch'], {
				env: environment(),
				columns: 80,
				rows: 24,
			});
			const joined = () =>
				screenText(terminal)
					.replace(/[│╭╮╰╯─]/g, ' ')
					.replace(/\s+/g, ' ');
			await terminal.waitUntil(
				() => joined().includes('Pass one of the profiles listed') && joined().includes('signed in as: unknown'),
				() => `the message did not show whole:\n${screenText(terminal)}`,
				WAIT_MS,
			);
			expect(joined()).toContain('Profile nosuch is not in the AWS config files');
			// The header does not repeat it cut short.
			expect(joined()).toContain('signed in as: unknown (the reason is below)');
			expect(joined()).toContain(
				'Profile nosuch is not in ~/.aws/config or ~/.aws/credentials; profiles there: first, second.',
			);
			terminal.child.write('q');
			expect(await terminal.exited).toBe(1);
		},
		TEST_MS,
	);
});

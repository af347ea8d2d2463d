/**
 * The built command (dist/cli.js) as scripts and people run it: child
 * processes for `list --json`, flags and refusals, and a real pseudo-terminal
 * for the dashboard itself. `npm test` builds first.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { Settings } from '../source/store/settings.js';
import {
	asTerminal,
	type CommandRun,
	environmentWithoutAws,
	PROJECT_ROOT,
	requireBuiltCommand,
	runBuiltCommand,
	startBuiltCommandInTerminal,
	temporaryFolderForEachTest,
} from './support/built-command.js';
import { SEEDED_IMPACT, seedImpact } from './support/impact-seed.js';
import { describeWithMoto, MOTO_CALLER_ACCOUNT_ID, motoEnvironment, seedOrganization } from './support/moto.js';
import { freePort } from './support/moto-server.js';
import { BEL, ESC, UNSAFE_TEXT, withoutStyling } from './support/unsafe-text.js';

const HOSTILE_OU = 'Sec\u001b]0;pwned\u0007\u202eops';
const HOSTILE_ACCOUNT = 'pay\u001b]52;c;cm0gLXJmIH4=\u0007\u009b2J';

const VERSION = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

requireBuiltCommand();
const configDir = temporaryFolderForEachTest('orgdash-cli-');

/** An environment with no AWS settings of the developer's machine in it. */
function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	return environmentWithoutAws(configDir(), {
		AWS_CONFIG_FILE: join(configDir(), 'no-aws-config'),
		AWS_SHARED_CREDENTIALS_FILE: join(configDir(), 'no-aws-credentials'),
		...extra,
	});
}

/** Runs the command with pipes (no terminal), like a script would. */
function run(args: readonly string[], env: NodeJS.ProcessEnv = cleanEnv()): Promise<CommandRun> {
	return runBuiltCommand(args, env);
}

/**
 * Runs that several tests only read, started once for the file: the demo's
 * listing (the demo leaves the settings folder alone), --help and --version.
 */
const sharedRuns = new Map<string, Promise<CommandRun>>();
function runOnce(args: readonly string[]): Promise<CommandRun> {
	const key = JSON.stringify(args);
	let shared = sharedRuns.get(key);
	if (!shared) {
		shared = run(args);
		sharedRuns.set(key, shared);
	}
	return shared;
}

function expectOneLineError(result: CommandRun, code: number, pattern: RegExp): void {
	expect(result.code).toBe(code);
	expect(result.stdout).toBe('');
	const lines = result.stderr.trimEnd().split('\n');
	expect(lines, result.stderr).toHaveLength(1);
	expect(lines[0]).toMatch(pattern);
	// Never a stack trace.
	expect(result.stderr).not.toMatch(/\n\s+at /);
}

const ACCOUNT_KEYS = ['arn', 'email', 'id', 'joinedAt', 'joinedMethod', 'name', 'parentPath', 'state'];

describe('orgdash list --json', () => {
	it('prints the demo organization, its quota and every account, and exits 0', async () => {
		const result = await runOnce(['--demo', 'list', '--json']);
		expect(result.code).toBe(0);
		expect(result.stderr).toBe('');
		const document = JSON.parse(result.stdout);
		expect(Object.keys(document).sort()).toEqual(['accounts', 'organization', 'quota']);
		expect(document.organization).toEqual({ id: 'o-demo1234567', managementAccountId: '111111111111' });
		expect(document.quota).toEqual({
			counted: 35,
			limit: 40,
			limitSource: 'service-quotas',
			closedAwaitingDeletion: 7,
			pendingInvitations: 2,
		});
		expect(document.accounts).toHaveLength(35);
		for (const account of document.accounts) {
			expect(Object.keys(account).sort()).toEqual(ACCOUNT_KEYS);
			expect(account.id).toMatch(/^\d{12}$/);
			expect(['ACTIVE', 'PENDING_ACTIVATION', 'PENDING_CLOSURE', 'SUSPENDED', 'CLOSED']).toContain(account.state);
			expect(['INVITED', 'CREATED']).toContain(account.joinedMethod);
			expect(Number.isNaN(Date.parse(account.joinedAt))).toBe(false);
			expect(account.parentPath).toMatch(/^Root(\/|$)/);
			expect(account.arn).toBe(`arn:aws:organizations::111111111111:account/o-demo1234567/${account.id}`);
		}
		const names = document.accounts.map((account: { name: string }) => account.name.toLowerCase());
		expect(names).toEqual([...names].sort());
	});

	it('--demo-accounts N lists a generated organization of N accounts', async () => {
		const result = await run(['--demo-accounts', '250', 'list', '--json']);
		expect(result.code).toBe(0);
		const document = JSON.parse(result.stdout);
		expect(document.accounts).toHaveLength(250);
		expect(document.quota.counted).toBe(250);
	});

	// Remembered for the organization it is used with: when none could be read, for none.
	it('remembers no --quota figure when the organization could not be read', async () => {
		new Settings(configDir()).setQuotaFor('o-earlier00000', 50);
		const port = await freePort();
		const result = await run(['--quota', 'off', 'list', '--json', '--endpoint-url', `http://127.0.0.1:${port}`]);
		expect(result.code).toBe(1);
		expect(new Settings(configDir()).quotaFor('o-earlier00000')).toBe(50);
	});

	it('with --demo, --quota N is for that run only: the settings folder stays untouched', async () => {
		new Settings(configDir()).setQuotaFor('o-demo1234567', 50);
		const result = await run(['--demo', '--quota', 'off', 'list', '--json']);
		expect(result.code).toBe(0);
		expect(new Settings(configDir()).quotaFor('o-demo1234567')).toBe(50);
		expect(readdirSync(configDir()).sort()).toEqual(['config.json']);
	});

	it('says in one line that credentials are missing, and exits 1', async () => {
		const port = await freePort();
		const result = await run(['list', '--json', '--endpoint-url', `http://127.0.0.1:${port}`]);
		expectOneLineError(result, 1, /^orgdash: No AWS credentials found\. .*AWS_PROFILE.*--demo/);
	});

	it('says in one line that AWS cannot be reached, and exits 1', async () => {
		const port = await freePort();
		const result = await run(
			['list', '--json', '--endpoint-url', `http://127.0.0.1:${port}`],
			cleanEnv({ AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_REGION: 'us-east-1' }),
		);
		expectOneLineError(result, 1, /^orgdash: Could not reach AWS\. .*run the command again\.$/);
	});
});

describe('orgdash list as a table, as JSON lines, and filtered', () => {
	it('prints a table 120 columns wide when stdout is not a terminal, every account in a row', async () => {
		const result = await run(['--demo', 'list']);
		expect(result.code).toBe(0);
		expect(result.stderr).toBe('');
		const lines = result.stdout.trimEnd().split('\n');
		for (const line of lines) expect(line.length).toBe(120);
		expect(lines[1]).toContain(
			'Accounts of o-demo1234567: 35 accounts listed; 37 of 40 count toward the quota (2 invited)',
		);
		expect(lines[3]).toMatch(/^\| Id +\| Name +\| Email +\| State +\| OU +\| Joined +\|$/);
		const rows = lines.filter((line) => /^\| \d{12} \|/.test(line));
		expect(rows).toHaveLength(35);
		expect(rows[0]).toMatch(
			/^\| 111111111111 \| Acme Corp Management +\| .* \| ACTIVE +\| Root +\| \d{4}-\d\d-\d\d \|$/,
		);
	});

	it('fits the table to the width of the terminal it prints on', async () => {
		const terminal = startBuiltCommandInTerminal(['--demo', 'list'], {
			env: asTerminal(cleanEnv()),
			columns: 90,
			rows: 60,
		});
		expect(await terminal.exited).toBe(0);
		const lines = terminal.output().replace(/\r/g, '').trimEnd().split('\n');
		expect(lines.filter((line) => /^\| \d{12} \|/.test(line))).toHaveLength(35);
		for (const line of lines) expect(line.length).toBe(90);
	});

	it('--state and --ou choose the accounts of the table and of the JSON; the quota still counts them all', async () => {
		const all = JSON.parse((await runOnce(['--demo', 'list', '--json'])).stdout);
		const expected = all.accounts
			.filter(
				(account: { state: string; parentPath: string }) =>
					account.state === 'CLOSED' && account.parentPath.startsWith('Root/Sandbox'),
			)
			.map((account: { id: string }) => account.id);
		expect(expected.length).toBeGreaterThan(0);
		const filtered = JSON.parse(
			(await run(['--demo', 'list', '--json', '--state', 'closed', '--ou', 'sandbox'])).stdout,
		);
		expect(filtered.accounts.map((account: { id: string }) => account.id)).toEqual(expected);
		expect(filtered.quota).toEqual(all.quota);

		const table = await run(['--demo', 'list', '--state', 'CLOSED', '--ou', 'Root/Sandbox']);
		expect(table.stdout.split('\n').filter((line) => /^\| \d{12} \|/.test(line))).toHaveLength(expected.length);

		const none = await run(['--demo', 'list', '--ou', 'Root/Nowhere']);
		expect(none.code).toBe(0);
		expect(none.stderr).toMatch(/no account matches --state\/--ou/);
	});

	it('--jsonl prints one account per line, the same fields as --json', async () => {
		const all = JSON.parse((await runOnce(['--demo', 'list', '--json'])).stdout);
		const result = await run(['--demo', 'list', '--jsonl', '--state', 'ACTIVE']);
		expect(result.code).toBe(0);
		const lines = result.stdout
			.trimEnd()
			.split('\n')
			.map((line) => JSON.parse(line));
		const active = all.accounts.filter((account: { state: string }) => account.state === 'ACTIVE');
		expect(lines).toHaveLength(active.length);
		for (const line of lines) expect(Object.keys(line).sort()).toEqual(ACCOUNT_KEYS);
		// Two runs of the demo: its dates are relative to each run's start, so they are left out of the comparison.
		const withoutDate = ({ joinedAt: _joinedAt, ...rest }: { id: string; joinedAt: string }) => rest;
		const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
		expect(lines.sort(byId).map(withoutDate)).toEqual(active.sort(byId).map(withoutDate));
	});
});

describe('list --json --with-impact', () => {
	it('gives each account what closing or removing it would break, each item known with its source or unknown with why', async () => {
		const result = await run(['--demo', 'list', '--json', '--with-impact']);
		expect(result.code).toBe(0);
		const document = JSON.parse(result.stdout);
		const items = ['delegatedServices', 'stackInstances', 'identityCenter', 'policies', 'tags', 'spend'];
		for (const account of document.accounts) {
			expect(Object.keys(account.impact).sort(), account.id).toEqual([...items].sort());
			for (const item of Object.values(account.impact) as { known: boolean; source: string; detail?: string }[]) {
				expect(item.source).toMatch(/^(organizations|cloudformation|sso|ce):/);
				if (!item.known) expect(item.detail?.length).toBeGreaterThan(10);
			}
		}
		const security = document.accounts.find((account: { id: string }) => account.id === '204815739210');
		expect(security.impact.delegatedServices).toEqual({
			known: true,
			value: ['guardduty.amazonaws.com', 'securityhub.amazonaws.com'],
			source: 'organizations:ListDelegatedServicesForAccount',
		});
		expect(security.impact.spend.value).toMatchObject({ lastMonth: 412.18, monthToDate: 97.4, currency: 'USD' });
		const northwind = document.accounts.find((account: { id: string }) => account.id === '506849517254');
		expect(northwind.impact.identityCenter).toMatchObject({ known: false, reason: 'trusted-access-off' });
	});

	it('leaves the impact out unless asked', async () => {
		const document = JSON.parse((await runOnce(['--demo', 'list', '--json'])).stdout);
		expect(document.accounts[0].impact).toBeUndefined();
	});
});

describe('refusals and flags', () => {
	it('refuses the dashboard without a terminal, naming list --json, with exit code 2', async () => {
		const result = await run(['--demo']);
		expectOneLineError(result, 2, /needs an interactive terminal.*`orgdash list --json`/);
	});

	it.each([
		[['--quota', 'abc'], /--quota takes a whole number, not "abc"/],
		[['--quota', '0'], /--quota must be from 1 to 1,000,000, not 0/],
		[['--quota', '1.5'], /--quota takes a whole number/],
		[['--demo-accounts', '0'], /--demo-accounts must be from 1 to 100,000, not 0/],
		[['--demo-accounts', 'many'], /--demo-accounts takes a whole number/],
		[['--demo-accounts'], /--demo-accounts takes a whole number \(for example/],
		[['--endpoint-url', 'localhost:5000'], /--endpoint-url must be an http:\/\/ or https:\/\/ URL/],
		[['--region', 'mars'], /--region "mars" is not valid/],
		[['--profile', ''], /--profile needs a value/],
		[['--bogus'], /Unknown option: --bogus/],
		[['-x'], /Unknown option: -x\./],
		[['frobnicate'], /Unknown command "frobnicate"/],
		[['list', '--json', '--jsonl'], /--json and --jsonl are two forms of list output: choose one/],
		[['list', '--state', 'gone'], /--state "gone" is not an account state; use one of ACTIVE, .*CLOSED/],
		[['list', '--ou', '/'], /--ou needs an OU path \(for example --ou Root\/Sandbox\)/],
		[['--state', 'CLOSED'], /--state goes with the list command/],
		[['journal', '--json', '--ou', 'Root'], /--ou goes with the list command/],
		[['--jsonl'], /--jsonl goes with the list command/],
		[['--json'], /--json goes with the list command/],
		[['list', '--with-impact'], /--with-impact goes with orgdash list --json/],
		[['list', '--jsonl', '--with-impact'], /--with-impact goes with orgdash list --json/],
	])('%j: a clear message and exit code 2', async (args, message) => {
		const result = await run([...args, '--demo']);
		expectOneLineError(result, 2, message);
		expect(result.stderr).toContain('See orgdash --help.');
	});

	it('checks AWS_ENDPOINT_URL too, but not for the demo', async () => {
		const bad = cleanEnv({ AWS_ENDPOINT_URL: 'not a url' });
		expectOneLineError(await run(['list', '--json'], bad), 2, /AWS_ENDPOINT_URL must be an http/);
		expect((await run(['--demo', 'list', '--json'], bad)).code).toBe(0);
	});

	it('--help prints the usage and exits 0; --version prints the version', async () => {
		const help = await runOnce(['--help']);
		expect(help.code).toBe(0);
		expect(help.stdout).toContain('orgdash list --json');
		for (const flag of [
			'--demo',
			'--demo-accounts',
			'--profile',
			'--region',
			'--endpoint-url',
			'--quota',
			'NO_COLOR',
		]) {
			expect(help.stdout).toContain(flag);
		}
		const version = await runOnce(['--version']);
		expect(version.code).toBe(0);
		expect(version.stdout.trim()).toBe(VERSION);
	});

	it.each([
		['-h', '--help'],
		['-v', '--version'],
	])('%s prints what %s prints, and exits 0', async (short, long) => {
		const shortRun = await run([short]);
		expect(shortRun.code).toBe(0);
		expect(shortRun.stderr).toBe('');
		expect(shortRun.stdout).toBe((await runOnce([long])).stdout);
		expect(shortRun.stdout).not.toBe('');
	});

	it('-h after a command prints the usage too', async () => {
		const result = await run(['list', '-h']);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('-h, --help');
		expect(result.stdout).toContain('-v, --version');
	});
});

describeWithMoto('orgdash list --json against moto', (moto) => {
	beforeEach(async () => {
		await moto.server.reset();
	});

	it('remembers --quota N for the organization it was used with, and for no other', async () => {
		const env = cleanEnv(motoEnvironment(moto.server.endpoint));
		const first = (await seedOrganization(moto.server.endpoint)).organizationId;
		const withFlag = await run(['list', '--json', '--quota', '50'], env);
		expect(withFlag.code).toBe(0);
		expect(JSON.parse(withFlag.stdout).quota).toMatchObject({ limit: 50, limitSource: 'user-setting' });
		expect(new Settings(configDir()).quotaFor(first)).toBe(50);
		// Without the flag, the same organization keeps its figure.
		expect(JSON.parse((await run(['list', '--json'], env)).stdout).quota.limit).toBe(50);

		await moto.server.reset();
		const second = (await seedOrganization(moto.server.endpoint)).organizationId;
		expect(second).not.toBe(first);
		const other = JSON.parse((await run(['list', '--json'], env)).stdout);
		expect(other.quota.limitSource).not.toBe('user-setting');
		expect(new Settings(configDir()).quotaFor(second)).toBeUndefined();
		// --quota off forgets the second organization's figure only.
		await run(['list', '--json', '--quota', '30'], env);
		await run(['list', '--json', '--quota', 'off'], env);
		const settings = new Settings(configDir());
		expect(settings.quotaFor(second)).toBeUndefined();
		expect(settings.quotaFor(first)).toBe(50);
	});

	it('--with-impact: the built command loads CloudFormation, Identity Center and Cost Explorer when asked', async () => {
		const seeded = await seedOrganization(moto.server.endpoint, {
			accounts: [{ name: 'security-tooling' }, { name: 'idle' }],
		});
		const [admin] = seeded.accounts;
		if (!admin) throw new Error('seed made too few accounts');
		await seedImpact(moto.server.endpoint, seeded, admin.id);
		const result = await run(['list', '--json', '--with-impact'], cleanEnv(motoEnvironment(moto.server.endpoint)));
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		const listed = JSON.parse(result.stdout).accounts.find((account: { id: string }) => account.id === admin.id);
		// Every item known: none of the clients loaded on demand failed to load in the bundle.
		for (const [name, item] of Object.entries(listed.impact) as [string, { known: boolean; detail?: string }][]) {
			expect(item.known, `${name}: ${item.detail ?? ''}`).toBe(true);
		}
		expect(listed.impact.stackInstances.value).toContainEqual(
			expect.objectContaining({ stackSet: SEEDED_IMPACT.stackSet, region: 'us-east-1' }),
		);
		expect(listed.impact.identityCenter.value.permissionSets).toEqual([SEEDED_IMPACT.permissionSet]);
		expect(listed.impact.spend.value).toMatchObject({ lastMonth: SEEDED_IMPACT.lastMonth, currency: 'USD' });
	});

	it('lists the organization through the AWS adapter; the quota falls back to --quota', async () => {
		const seeded = await seedOrganization(moto.server.endpoint, {
			ous: ['Workloads/Prod'],
			accounts: [
				{ name: 'payments-prod', ou: 'Workloads/Prod' },
				{ name: 'sandbox-one', ou: '' },
			],
		});
		const result = await run(['list', '--json', '--quota', '25'], cleanEnv(motoEnvironment(moto.server.endpoint)));
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		const document = JSON.parse(result.stdout);
		expect(document.organization).toEqual({
			id: seeded.organizationId,
			managementAccountId: MOTO_CALLER_ACCOUNT_ID,
		});
		// moto has no Service Quotas for organizations: the user's figure is used, and said to be.
		expect(document.quota).toMatchObject({
			counted: 3,
			limit: 25,
			limitSource: 'user-setting',
			closedAwaitingDeletion: 0,
			pendingInvitations: null,
		});
		// moto has no handshake calls: the invitations are unknown, with the reason.
		expect(document.quota.pendingInvitationsUnknownReason).toMatch(/ListHandshakesForOrganization/);
		const payments = document.accounts.find((account: { name: string }) => account.name === 'payments-prod');
		expect(payments.parentPath).toBe('Root/Workloads/Prod');
		// The ARN as AWS gives it.
		expect(payments.arn).toMatch(
			new RegExp(`^arn:aws:organizations::${MOTO_CALLER_ACCOUNT_ID}:account/${seeded.organizationId}/${payments.id}$`),
		);

		// --jsonl: the accounts as the loader reports them; --ou keeps those of the OU.
		const lines = await run(['list', '--jsonl', '--ou', 'Workloads'], cleanEnv(motoEnvironment(moto.server.endpoint)));
		expect(lines.code).toBe(0);
		expect(
			lines.stdout
				.trimEnd()
				.split('\n')
				.map((line) => JSON.parse(line)),
		).toEqual([payments]);
	});

	it('prints hostile names as their originals, in JSON that is safe on a terminal', async () => {
		await seedOrganization(moto.server.endpoint, {
			ous: [HOSTILE_OU],
			accounts: [{ name: HOSTILE_ACCOUNT, ou: HOSTILE_OU }],
		});
		const result = await run(['list', '--json'], cleanEnv(motoEnvironment(moto.server.endpoint)));
		expect(result.code).toBe(0);
		// Newlines between the JSON's lines, and nothing else a terminal would act on.
		expect(result.stdout.replaceAll('\n', '')).not.toMatch(UNSAFE_TEXT);
		expect(result.stdout).toContain('\\u001b]0;pwned\\u0007');
		expect(result.stdout).toContain('\\u009b');
		expect(result.stdout).toContain('\\u202e');
		const document = JSON.parse(result.stdout);
		const account = document.accounts.find((item: { name: string }) => item.name === HOSTILE_ACCOUNT);
		expect(account?.parentPath).toBe(`Root/${HOSTILE_OU}`);
	});

	it('the dashboard never writes the escape sequences of hostile names to the terminal', async () => {
		await seedOrganization(moto.server.endpoint, {
			ous: [HOSTILE_OU],
			accounts: [{ name: HOSTILE_ACCOUNT, ou: HOSTILE_OU }],
		});
		// The list, then the account's details (name, email and OU path in full).
		const { output, code } = await terminal(
			{ ...motoEnvironment(moto.server.endpoint), NO_COLOR: '1' },
			(text) => text.includes('Root email') && text.includes('Root/Sec\\x1b]0;pwned\\x07\\u202eops'),
			[],
			[
				{ when: (text) => text.includes('2 accounts'), keys: '/pay' },
				{ when: (text) => text.includes('1 of 2 match'), keys: '\r' },
				{ when: (text) => withoutStyling(text).includes('filter "pay"'), keys: '\r' },
			],
		);
		expect(code).toBe(0);
		// Ink moves the cursor and styles text (ESC [); nothing else: no OSC (ESC ]), no bell, no C1, no bidi.
		expect(output).not.toContain(`${ESC}]`);
		expect(output).not.toContain(BEL);
		expect(output).not.toMatch(/[\u0080-\u009f\p{Cf}]/u);
		expect(output).toContain('pay\\x1b]52;c;');
	});

	it('the console steps of the management account say why centralized root access is unknown (moto has no IAM call for it)', async () => {
		await seedOrganization(moto.server.endpoint, { ous: [], accounts: [{ name: 'member-one', ou: '' }] });
		const terminal = startBuiltCommandInTerminal([], {
			env: asTerminal(cleanEnv({ ...motoEnvironment(moto.server.endpoint), NO_COLOR: '1' })),
			columns: 120,
			rows: 30,
		});
		const steps: Array<[string, string]> = [
			['2 accounts', 'c'],
			['Step 1 of 8', '\r'],
			['Step 2 of 8', '\r'],
		];
		await terminal.waitUntil(
			() => {
				const output = withoutStyling(terminal.output());
				while (steps[0] && output.includes(steps[0][0])) terminal.child.write(steps.shift()?.[1] ?? '');
				return (
					steps.length === 0 &&
					output.includes(
						'Centralized root access in the organization: unknown (this endpoint does not implement iam:ListOrganizationsFeatures).',
					)
				);
			},
			() => `The console steps never gave the answer. Output:\n${withoutStyling(terminal.output())}`,
			20_000,
		);
		// The IAM client is bundled in a chunk of its own, loaded here for the first time: it answered, it did not crash.
		expect(withoutStyling(terminal.output())).not.toMatch(/is not a constructor|UnknownError/);
		terminal.child.write('\u0003');
		expect(await terminal.exited).toBe(0);
	});

	it('a standalone account: one line saying so, exit 1', async () => {
		const result = await run(['list', '--json'], cleanEnv(motoEnvironment(moto.server.endpoint)));
		expectOneLineError(result, 1, /^orgdash: This is a standalone account: it is not in an organization\./);
	});
});

/** A step of a terminal run: once `when` holds for the output so far, `keys` are typed. */
interface TerminalStep {
	readonly when: (output: string) => boolean;
	readonly keys: string;
}

/**
 * Runs the dashboard in a pseudo-terminal, typing each step's keys once its
 * output is there, until `done` holds for the screen output; then quits with q.
 */
async function terminal(
	env: NodeJS.ProcessEnv,
	done: (output: string) => boolean,
	args: readonly string[] = ['--demo'],
	steps: readonly TerminalStep[] = [],
) {
	const terminal = startBuiltCommandInTerminal(args, { env: asTerminal(cleanEnv(env)), columns: 120, rows: 30 });
	let next = 0;
	await terminal.waitUntil(
		() => {
			const output = terminal.output();
			while (steps[next]?.when(output)) {
				terminal.child.write(steps[next]?.keys ?? '');
				next++;
			}
			return next >= steps.length && done(output);
		},
		() =>
			`The dashboard never showed what was expected (${next} of ${steps.length} steps done). Output:\n${terminal.output()}`,
		15_000,
	);
	terminal.child.write('q');
	return { output: terminal.output(), code: await terminal.exited };
}

describe('the dashboard in a terminal', () => {
	// An SGR sequence with a colour parameter: 30-38 (39 is "default colour"), 40-48, 90-97, 100-107.
	const COLOUR = new RegExp(`${ESC}\\[(?:[0-9;]*;)?(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])(?:;[0-9;]*)?m`);

	it('draws in colour, and quits with q (exit 0)', async () => {
		const { output, code } = await terminal({}, (text) => text.includes('sorted by name'));
		expect(output).toMatch(COLOUR);
		expect(code).toBe(0);
	});

	it('uses no colour at all with NO_COLOR, yet still marks the selection', async () => {
		// Quit once the list and the quota line are both drawn: the quota may arrive a frame after the rows.
		const { output, code } = await terminal(
			{ NO_COLOR: '1' },
			(text) => text.includes('sorted by name') && text.includes('NEAR THE LIMIT'),
		);
		expect(output).not.toMatch(COLOUR);
		expect(output).toContain('NEAR THE LIMIT');
		expect(output).toMatch(/>M Acme Corp Management/);
		expect(code).toBe(0);
	});
});

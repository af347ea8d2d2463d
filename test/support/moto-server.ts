/**
 * A real moto server, for the tests and the benchmark alike: started on a
 * free port of 127.0.0.1, reset between uses, stopped on teardown (or one per
 * test worker, shared by its files: `workerMoto`). Plus helpers that seed an
 * organization: in one request where the server runs moto-seeding-server.py,
 * else through the AWS SDK, the same way an admin would build one. No test
 * framework here, so the benchmark can load it too (moto.ts adds the vitest
 * suite around it).
 *
 * Where moto_server is looked for: $MOTO_SERVER, then the project's own
 * virtualenv (.venv/bin/moto_server, made by .ci/run), then PATH. When it is
 * absent the moto suites are skipped, unless CI or ORGDASH_REQUIRE_MOTO is set:
 * then they fail with a message saying how to install it.
 *
 * What moto (5.2) answers, tried through the SDK, where it matters here:
 * - accounts carry both State and Status (ACTIVE); CreateAccount is SUCCEEDED
 *   at once; CreateOrganization makes the caller 123456789012 the management
 *   account (email master@example.com), the root is named "Root";
 * - CloseAccount turns State and Status to SUSPENDED at once (no
 *   PENDING_CLOSURE, never CLOSED), closes the management account too, and
 *   refuses a second closure with AccountAlreadyClosedException;
 * - RemoveAccountFromOrganization deletes the account (AccountNotFoundException
 *   afterwards); for the management account or an unknown id it answers
 *   AWSOrganizationsNotInUseException, not a ConstraintViolationException;
 * - DescribeAccount answers AccountNotFoundException even for a malformed id
 *   (AWS: InvalidInputException); ListAccounts outside an organization is an
 *   empty list, ListRoots is AWSOrganizationsNotInUseException;
 * - a page token of ListAccountsForParent whose next account moved away is
 *   refused with InvalidToken;
 * - MoveAccount does not check SourceParentId;
 * - Account API: only Get/Put/DeleteAlternateContact (ResourceNotFoundException
 *   when none is set); GetPrimaryEmail, ListRegions and
 *   GetGovCloudAccountInformation answer HTTP 404 with an HTML page;
 * - Service Quotas: GetServiceQuota is NoSuchResourceException for
 *   organizations; ListServiceQuotas and GetAWSDefaultServiceQuota answer
 *   HTTP 500 (not implemented);
 * - Organizations: no handshakes (ListHandshakesForOrganization answers
 *   HTTP 500, not implemented).
 */

import { type ChildProcess, spawn } from 'node:child_process';
import {
	accessSync,
	closeSync,
	constants,
	existsSync,
	openSync,
	readdirSync,
	readFileSync,
	writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	CreateAccountCommand,
	CreateOrganizationalUnitCommand,
	CreateOrganizationCommand,
	DescribeCreateAccountStatusCommand,
	ListRootsCommand,
	MoveAccountCommand,
	OrganizationsClient,
} from '@aws-sdk/client-organizations';

/**
 * The folder holding package.json above this file: test/support/ here, but a
 * chunk of the benchmark's bundle (dist-tools/bench/chunks/) when built, where
 * a fixed '../..' would miss the project's .venv and the seeding server.
 */
function projectRootAbove(folder: string): string {
	for (let current = folder; ; current = dirname(current)) {
		if (existsSync(join(current, 'package.json'))) return current;
		if (dirname(current) === current) return resolve(folder, '..', '..');
	}
}

const PROJECT_ROOT = projectRootAbove(dirname(fileURLToPath(import.meta.url)));
/** moto_server plus a route that seeds a whole organization in the server's own process (see the file). */
const SEEDING_SERVER = join(PROJECT_ROOT, 'test', 'support', 'moto-seeding-server.py');
const START_TIMEOUT_MS = 30_000;

/** Any credentials do for moto; these never leave the machine. */
export const MOTO_CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' } as const;
export const MOTO_REGION = 'us-east-1';
/** The account moto answers as; CreateOrganization makes it the management account. */
export const MOTO_CALLER_ACCOUNT_ID = '123456789012';

export interface MotoServer {
	readonly endpoint: string;
	readonly port: number;
	/** Clears every service's state (POST /moto-api/reset). */
	reset(): Promise<void>;
	stop(): Promise<void>;
}

function isExecutable(path: string): boolean {
	try {
		accessSync(path, constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

/** The moto_server executable, or undefined when none is installed. */
export function findMotoServer(env: NodeJS.ProcessEnv = process.env): string | undefined {
	const fromEnv = env.MOTO_SERVER;
	if (fromEnv) return isExecutable(fromEnv) ? fromEnv : undefined;
	const inVenv = join(PROJECT_ROOT, '.venv', 'bin', 'moto_server');
	if (isExecutable(inVenv)) return inVenv;
	for (const folder of (env.PATH ?? '').split(delimiter)) {
		if (folder && isExecutable(join(folder, 'moto_server'))) return join(folder, 'moto_server');
	}
	return undefined;
}

function isSet(value: string | undefined): boolean {
	return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

/** In CI (or when asked), a missing moto is a failure, not a skip. */
export function motoRequired(env: NodeJS.ProcessEnv = process.env): boolean {
	return isSet(env.CI) || isSet(env.ORGDASH_REQUIRE_MOTO);
}

export function motoMissingMessage(env: NodeJS.ProcessEnv = process.env): string {
	const where = env.MOTO_SERVER
		? `MOTO_SERVER is set to ${env.MOTO_SERVER}, which is not an executable file`
		: 'looked at $MOTO_SERVER, .venv/bin/moto_server and PATH';
	return (
		`moto_server was not found (${where}). ` +
		"Install it with: python3 -m venv .venv && .venv/bin/pip install 'moto[server]>=5.1.21' " +
		'(or run .ci/run, which does this).'
	);
}

/** A port of 127.0.0.1 that nothing listens on (found by listening on port 0, then closing): free to use, refused if connected to. */
export async function freePort(): Promise<number> {
	return new Promise((resolvePort, reject) => {
		const server = createServer();
		server.unref();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolvePort(port));
		});
	});
}

async function answers(endpoint: string): Promise<boolean> {
	try {
		const response = await fetch(`${endpoint}/moto-api/data.json`, { signal: AbortSignal.timeout(1_000) });
		await response.arrayBuffer();
		return response.ok;
	} catch {
		return false;
	}
}

function exitOf(child: ChildProcess): Promise<void> {
	return new Promise((resolveExit) => {
		if (child.exitCode !== null || child.signalCode !== null) resolveExit();
		else child.once('exit', () => resolveExit());
	});
}

function resetAt(endpoint: string): () => Promise<void> {
	return async () => {
		const response = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
		await response.arrayBuffer();
		if (!response.ok) throw new Error(`moto reset failed: HTTP ${response.status}`);
	};
}

function lastLines(path: string): string {
	try {
		return readFileSync(path, 'utf8').slice(-4_000);
	} catch {
		return '';
	}
}

interface StartedMoto {
	readonly server: MotoServer;
	readonly pid: number;
}

/**
 * How to start moto: moto-seeding-server.py under moto_server's own Python
 * (the interpreter named on its first line), or moto_server itself when that
 * Python cannot be found; the seeding then goes through the SDK.
 */
function motoCommand(
	executable: string,
	serverOptions: string[],
	withSeedingRoute: boolean,
): { command: string; args: string[] } {
	if (!withSeedingRoute) return { command: executable, args: serverOptions };
	let firstLine = '';
	try {
		firstLine = readFileSync(executable, 'utf8').slice(0, 300).split('\n')[0] ?? '';
	} catch {
		// Not readable as text: run it as it is.
	}
	const interpreter = /^#!\s*(\S*python[\d.]*)\s*$/.exec(firstLine)?.[1];
	if (interpreter && isExecutable(interpreter) && existsSync(SEEDING_SERVER)) {
		return { command: interpreter, args: [SEEDING_SERVER, ...serverOptions] };
	}
	return { command: executable, args: serverOptions };
}

async function startOnce(executable: string, options: MotoOptions): Promise<StartedMoto> {
	const port = await freePort();
	const endpoint = `http://127.0.0.1:${port}`;
	const { logFile } = options;
	// A server that outlives its test file writes its log to a file: a pipe would close with the worker.
	const logFd = logFile ? openSync(logFile, 'a') : undefined;
	const { command, args } = motoCommand(
		executable,
		['-H', '127.0.0.1', '-p', String(port)],
		options.withoutSeedingRoute !== true,
	);
	const child = spawn(command, args, {
		stdio: ['ignore', 'ignore', logFd ?? 'pipe'],
		detached: logFd !== undefined,
		env: {
			...process.env,
			PYTHONUNBUFFERED: '1',
			...(options.ownerPid ? { ORGDASH_MOTO_OWNER_PID: String(options.ownerPid) } : {}),
			...(options.pinCallerAccount ? { MOTO_ACCOUNT_ID: MOTO_CALLER_ACCOUNT_ID } : {}),
		},
	});
	if (logFd !== undefined) {
		closeSync(logFd);
		child.unref();
	}
	let piped = '';
	child.stderr?.setEncoding('utf8');
	child.stderr?.on('data', (chunk: string) => {
		// Keep only the tail: moto logs every request here.
		piped = (piped + chunk).slice(-4_000);
	});
	const stderr = () => (logFile ? lastLines(logFile) : piped);
	const exited = exitOf(child);
	let hasExited = false;
	void exited.then(() => {
		hasExited = true;
	});

	const deadline = Date.now() + START_TIMEOUT_MS;
	while (!(await answers(endpoint))) {
		if (hasExited) throw new Error(`moto_server exited before answering on ${endpoint}:\n${stderr()}`);
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`moto_server did not answer on ${endpoint} within ${START_TIMEOUT_MS} ms:\n${stderr()}`);
		}
		await new Promise((wait) => setTimeout(wait, 100));
	}

	const server: MotoServer = {
		endpoint,
		port,
		reset: resetAt(endpoint),
		async stop() {
			if (hasExited) return;
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
			await exited;
			clearTimeout(timer);
		},
	};
	return { server, pid: child.pid ?? 0 };
}

export interface MotoOptions {
	/**
	 * Answer every request as the default caller account. Otherwise moto finds
	 * the caller by scanning every account's IAM backend on each request, and
	 * CreateAccount makes one per account: at 10,000 accounts that adds ~15 ms
	 * to every request, which AWS does not. The benchmark pins it.
	 */
	readonly pinCallerAccount?: boolean;
	/**
	 * Write moto's log to this file and let the server outlive the process that
	 * started it (its own process group), for a server shared by several test
	 * files; whoever started it stops it by its pid.
	 */
	readonly logFile?: string;
	/** The process whose end stops the server too (when it runs moto-seeding-server.py). */
	readonly ownerPid?: number;
	/** Plain moto_server, so seeding goes through the SDK (to check both ways build the same organization). */
	readonly withoutSeedingRoute?: boolean;
}

/** Starts moto_server on a free 127.0.0.1 port and waits until it answers. */
export async function startMoto(executable = findMotoServer(), options: MotoOptions = {}): Promise<MotoServer> {
	return (await startMotoProcess(executable, options)).server;
}

async function startMotoProcess(executable: string | undefined, options: MotoOptions): Promise<StartedMoto> {
	if (!executable) throw new Error(motoMissingMessage());
	let lastError: unknown;
	// The free port can be taken between probing and binding: try a few ports.
	for (let attempt = 0; attempt < 3; attempt++) {
		try {
			return await startOnce(executable, options);
		} catch (error) {
			lastError = error;
		}
	}
	throw lastError;
}

// ---------------------------------------------------------------------------
// One server per test worker

interface WorkerMotoNote {
	readonly endpoint: string;
	readonly port: number;
	readonly pid: number;
}

function readNote(path: string): WorkerMotoNote | undefined {
	try {
		return JSON.parse(readFileSync(path, 'utf8')) as WorkerMotoNote;
	} catch {
		return undefined;
	}
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** SIGTERM to the server's process group, SIGKILL if it is still there after three seconds. */
async function stopProcessGroup(pid: number): Promise<void> {
	if (pid <= 0 || !isAlive(pid)) return;
	const signal = (name: NodeJS.Signals) => {
		try {
			process.kill(-pid, name);
		} catch {
			// Already gone.
		}
	};
	signal('SIGTERM');
	const deadline = Date.now() + 3_000;
	while (isAlive(pid) && Date.now() < deadline) await new Promise((wait) => setTimeout(wait, 50));
	if (isAlive(pid)) signal('SIGKILL');
}

/**
 * The moto server of one test worker (`poolId`, VITEST_POOL_ID): started by
 * the worker's first test file that needs one, noted in the run's folder, and used
 * again, reset, by the worker's next files, which run one after another.
 * Starting moto costs a second or two of CPU; a reset costs milliseconds.
 * `stop()` does nothing: `stopWorkerMotos` stops every server of the run, and
 * each server exits by itself when the run's process (`ownerPid`) is gone.
 */
export async function workerMoto(
	run: { readonly folder: string; readonly ownerPid: number },
	poolId: string,
	executable = findMotoServer(),
): Promise<MotoServer> {
	const runFolder = run.folder;
	const notePath = join(runFolder, `pool-${poolId}.json`);
	const shared = (note: WorkerMotoNote): MotoServer => ({
		endpoint: note.endpoint,
		port: note.port,
		reset: resetAt(note.endpoint),
		async stop() {},
	});
	const known = readNote(notePath);
	if (known) {
		if (await answers(known.endpoint)) return shared(known);
		await stopProcessGroup(known.pid);
	}
	const started = await startMotoProcess(executable, {
		logFile: join(runFolder, `pool-${poolId}.log`),
		ownerPid: run.ownerPid,
	});
	const note: WorkerMotoNote = { endpoint: started.server.endpoint, port: started.server.port, pid: started.pid };
	writeFileSync(notePath, JSON.stringify(note));
	return shared(note);
}

/** Stops every server `workerMoto` noted in `runFolder`. */
export async function stopWorkerMotos(runFolder: string): Promise<void> {
	let names: string[];
	try {
		names = readdirSync(runFolder);
	} catch {
		return;
	}
	const notes = names.filter((name) => /^pool-.*\.json$/.test(name)).map((name) => readNote(join(runFolder, name)));
	await Promise.all(notes.map((note) => (note ? stopProcessGroup(note.pid) : undefined)));
}

/**
 * Environment under which the SDK's default credential chain talks to moto and
 * nothing else: static keys, no shared config files, no instance metadata.
 * Returned for child processes; `applyMotoEnvironment` sets it on this process.
 */
export function motoEnvironment(endpoint: string): Record<string, string> {
	return {
		AWS_ACCESS_KEY_ID: MOTO_CREDENTIALS.accessKeyId,
		AWS_SECRET_ACCESS_KEY: MOTO_CREDENTIALS.secretAccessKey,
		AWS_REGION: MOTO_REGION,
		AWS_ENDPOINT_URL: endpoint,
		AWS_CONFIG_FILE: join(PROJECT_ROOT, '.no-aws-config'),
		AWS_SHARED_CREDENTIALS_FILE: join(PROJECT_ROOT, '.no-aws-credentials'),
		AWS_EC2_METADATA_DISABLED: 'true',
	};
}

/** Points this process's SDK credential chain at moto's static keys (tests run one file per worker). */
export function applyMotoEnvironment(endpoint: string): void {
	delete process.env.AWS_PROFILE;
	delete process.env.AWS_SESSION_TOKEN;
	const { AWS_ENDPOINT_URL: _endpoint, ...rest } = motoEnvironment(endpoint);
	Object.assign(process.env, rest);
}

// ---------------------------------------------------------------------------
// Seeding an organization through the SDK

/** `maxAttempts` 1 by default, so a test sees moto's first answer; seeding thousands of accounts may retry. */
export function motoOrganizationsClient(endpoint: string, maxAttempts = 1): OrganizationsClient {
	return new OrganizationsClient({ endpoint, region: MOTO_REGION, credentials: MOTO_CREDENTIALS, maxAttempts });
}

export interface SeededAccount {
	readonly id: string;
	readonly name: string;
	readonly email: string;
	readonly parentId: string;
	/** "Root" or "Root/Workloads/Prod". */
	readonly parentPath: string;
}

export interface SeededOrganization {
	readonly client: OrganizationsClient;
	readonly organizationId: string;
	readonly managementAccountId: string;
	readonly managementAccountEmail: string;
	readonly rootId: string;
	/** OU id by path below the root ("Workloads/Prod"); '' is the root. */
	readonly ouIds: Map<string, string>;
	/** Member accounts created by the seed, in the spec's order (the management account is not among them). */
	readonly accounts: SeededAccount[];
}

export interface AccountSpec {
	readonly name: string;
	readonly email?: string;
	/** OU path below the root ("Workloads/Prod"); omitted or '' for the root. */
	readonly ou?: string;
}

export interface OrganizationSpec {
	/** OU paths below the root; parents are created as needed ("Workloads/Prod/Web" makes three). */
	readonly ous?: readonly string[];
	readonly accounts?: readonly AccountSpec[];
	/** Requests in flight while creating accounts. */
	readonly concurrency?: number;
}

export function pathOf(ouPath: string | undefined): string {
	return ouPath ? `Root/${ouPath}` : 'Root';
}

/**
 * CreateOrganization (all features), the OU tree, then each account created and
 * moved into its OU: in one request where the server is moto-seeding-server.py
 * (what the tests start), else through the SDK, several accounts at a time.
 */
export async function seedOrganization(endpoint: string, spec: OrganizationSpec = {}): Promise<SeededOrganization> {
	const client = motoOrganizationsClient(endpoint);
	const specs = (spec.accounts ?? []).map((account) => ({
		name: account.name,
		email: account.email ?? defaultEmail(account.name),
		ou: account.ou ?? '',
	}));
	if (await seedsInServer(endpoint)) return seedInServer(endpoint, client, spec.ous ?? [], specs);

	const created = await client.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
	const organization = created.Organization;
	if (!organization?.Id || !organization.MasterAccountId)
		throw new Error('CreateOrganization returned no organization');
	const roots = await client.send(new ListRootsCommand({}));
	const rootId = roots.Roots?.[0]?.Id;
	if (!rootId) throw new Error('ListRoots returned no root');

	const seeded: SeededOrganization = {
		client,
		organizationId: organization.Id,
		managementAccountId: organization.MasterAccountId,
		managementAccountEmail: organization.MasterAccountEmail ?? '',
		rootId,
		ouIds: new Map([['', rootId]]),
		accounts: [],
	};
	for (const path of spec.ous ?? []) await ensureOu(seeded, path);

	const members: SeededAccount[] = new Array(specs.length);
	let next = 0;
	const workers = Array.from({ length: Math.max(1, spec.concurrency ?? 4) }, async () => {
		while (next < specs.length) {
			const index = next++;
			const accountSpec = specs[index];
			if (accountSpec) members[index] = await createAccountIn(seeded, accountSpec);
		}
	});
	await Promise.all(workers);
	// In the order of the spec, whatever order they were created in.
	seeded.accounts.push(...members);
	return seeded;
}

const SEED_ROUTE = '/orgdash/seed-organization';
const seedsInServerByEndpoint = new Map<string, Promise<boolean>>();

/** Whether the server at `endpoint` has the seeding route (a GET, which plain moto answers 404 without changing anything). */
export function seedsInServer(endpoint: string): Promise<boolean> {
	let known = seedsInServerByEndpoint.get(endpoint);
	if (!known) {
		known = fetch(`${endpoint}${SEED_ROUTE}`)
			.then(async (response) => response.ok && ((await response.json()) as { seeds?: string }).seeds === 'organization')
			.catch(() => false);
		seedsInServerByEndpoint.set(endpoint, known);
	}
	return known;
}

/** What the seeding route answers: ids of what it made, accounts in the order they were asked for. */
export interface SeededInServer {
	readonly organizationId: string;
	readonly managementAccountId: string;
	readonly managementAccountEmail: string;
	readonly rootId: string;
	/** OU id by path below the root, for every path of the request; '' is the root. */
	readonly ouIds: Record<string, string>;
	readonly accounts: { readonly id: string; readonly parentId: string }[];
}

/**
 * One request to the seeding route: a new organization with these OUs and
 * accounts, or with `existing`, these added to the organization already there.
 */
export async function postSeedRoute(
	endpoint: string,
	request: {
		readonly ous?: readonly string[];
		readonly accounts?: readonly Required<AccountSpec>[];
		readonly existing?: boolean;
	},
): Promise<SeededInServer> {
	const accounts = request.accounts ?? [];
	const response = await fetch(`${endpoint}${SEED_ROUTE}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({
			region: MOTO_REGION,
			ous: request.ous ?? [],
			accounts,
			existing: request.existing === true,
		}),
	});
	const answer = (await response.json()) as SeededInServer & { message?: string };
	if (!response.ok) throw new Error(`moto could not seed the organization: ${answer.message ?? response.status}`);
	if (answer.accounts.length !== accounts.length) {
		throw new Error(`moto seeded ${answer.accounts.length} accounts of ${accounts.length}`);
	}
	return answer;
}

async function seedInServer(
	endpoint: string,
	client: OrganizationsClient,
	ous: readonly string[],
	specs: readonly Required<AccountSpec>[],
): Promise<SeededOrganization> {
	const answer = await postSeedRoute(endpoint, { ous, accounts: specs });
	return {
		client,
		organizationId: answer.organizationId,
		managementAccountId: answer.managementAccountId,
		managementAccountEmail: answer.managementAccountEmail,
		rootId: answer.rootId,
		ouIds: new Map(Object.entries(answer.ouIds)),
		accounts: answer.accounts.map((account, index) => ({
			id: account.id,
			name: specs[index]?.name ?? '',
			email: specs[index]?.email ?? '',
			parentId: account.parentId,
			parentPath: pathOf(specs[index]?.ou),
		})),
	};
}

/** Creates the OU at `path` (and its missing parents); returns its id. */
export async function ensureOu(org: SeededOrganization, path: string): Promise<string> {
	const known = org.ouIds.get(path);
	if (known) return known;
	const cut = path.lastIndexOf('/');
	const parentId = await ensureOu(org, cut === -1 ? '' : path.slice(0, cut));
	const name = path.slice(cut + 1);
	const result = await org.client.send(new CreateOrganizationalUnitCommand({ ParentId: parentId, Name: name }));
	const id = result.OrganizationalUnit?.Id;
	if (!id) throw new Error(`CreateOrganizationalUnit returned no id for ${path}`);
	org.ouIds.set(path, id);
	return id;
}

let emailCounter = 0;

function defaultEmail(name: string): string {
	return `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${++emailCounter}@example.com`;
}

/** CreateAccount (waiting while it is IN_PROGRESS), then MoveAccount into the OU. */
export async function createAccountIn(org: SeededOrganization, spec: AccountSpec): Promise<SeededAccount> {
	const email = spec.email ?? defaultEmail(spec.name);
	const started = await org.client.send(new CreateAccountCommand({ AccountName: spec.name, Email: email }));
	let status = started.CreateAccountStatus;
	while (status?.State === 'IN_PROGRESS' && status.Id) {
		await new Promise((wait) => setTimeout(wait, 50));
		status = (await org.client.send(new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: status.Id })))
			.CreateAccountStatus;
	}
	if (status?.State !== 'SUCCEEDED' || !status.AccountId) {
		throw new Error(`CreateAccount ${spec.name} ended ${status?.State}: ${status?.FailureReason ?? 'no reason'}`);
	}
	const ouPath = spec.ou ?? '';
	const parentId = await ensureOu(org, ouPath);
	if (parentId !== org.rootId) {
		await org.client.send(
			new MoveAccountCommand({
				AccountId: status.AccountId,
				SourceParentId: org.rootId,
				DestinationParentId: parentId,
			}),
		);
	}
	return { id: status.AccountId, name: spec.name, email, parentId, parentPath: pathOf(ouPath) };
}

/** MoveAccount from its current OU to the OU at `toPath`. */
export async function moveAccount(
	org: SeededOrganization,
	account: Pick<SeededAccount, 'id' | 'parentId'>,
	toPath: string,
): Promise<SeededAccount['parentId']> {
	const destination = await ensureOu(org, toPath);
	await org.client.send(
		new MoveAccountCommand({
			AccountId: account.id,
			SourceParentId: account.parentId,
			DestinationParentId: destination,
		}),
	);
	return destination;
}

/**
 * An endpoint that accepts the connection and never answers: every call of the
 * AWS adapter ends with a TimeoutError after its attempts, `list --json` says
 * what timed out, and the dashboard says so and retries on r.
 * The time-outs are shortened through createAwsGateway's option.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeLoadFailure, oneLine } from '../../source/domain/explain-load.js';
import { DEFAULT_TIMEOUTS } from '../../source/org/aws/clients.js';
import { createAwsGateway } from '../../source/org/aws/gateway.js';
import { isOrgError, type OrgError } from '../../source/org/errors.js';
import { Settings } from '../../source/store/settings.js';
import { App } from '../../source/ui/app.js';
import { ListFailure, listDocument } from '../../source/ui/list-document.js';
import { createTheme } from '../../source/ui/theme.js';
import { waitForText } from '../support/frames.js';

const REQUEST_MS = 150;

interface SilentServer {
	readonly endpoint: string;
	/** Requests received (each attempt opens a new connection: a timed-out one is destroyed). */
	requests(): number;
	close(): Promise<void>;
}

/** Accepts every connection, reads the request, never answers. */
async function startSilentServer(): Promise<SilentServer> {
	const sockets = new Set<Socket>();
	let requests = 0;
	const server: Server = createServer((socket) => {
		sockets.add(socket);
		socket.on('data', (chunk) => {
			requests += (chunk.toString('latin1').match(/^POST /gm) ?? []).length;
		});
		socket.on('error', () => {});
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	if (address === null || typeof address === 'string') throw new Error('no port');
	return {
		endpoint: `http://127.0.0.1:${address.port}`,
		requests: () => requests,
		close: () =>
			new Promise<void>((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
}

let server: SilentServer;
let folder: string;

beforeEach(async () => {
	server = await startSilentServer();
	folder = mkdtempSync(join(tmpdir(), 'orgdash-timeouts-'));
	vi.stubEnv('AWS_ACCESS_KEY_ID', 'testing');
	vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'testing');
	vi.stubEnv('AWS_SESSION_TOKEN', '');
	vi.stubEnv('AWS_PROFILE', '');
	vi.stubEnv('AWS_REGION', 'us-east-1');
	vi.stubEnv('AWS_ENDPOINT_URL', '');
	vi.stubEnv('ORGDASH_CONFIG_DIR', folder);
});

afterEach(async () => {
	cleanup();
	vi.unstubAllEnvs();
	await server.close();
	rmSync(folder, { recursive: true, force: true });
});

function gateway() {
	return createAwsGateway({
		endpointUrl: server.endpoint,
		timeouts: { requestMs: REQUEST_MS, connectionMs: REQUEST_MS },
	});
}

async function rejection(promise: Promise<unknown>): Promise<OrgError> {
	const error = await promise.then(
		() => undefined,
		(caught: unknown) => caught,
	);
	if (!isOrgError(error)) throw new Error(`expected an OrgError, got ${String(error)}`);
	return error;
}

describe('an endpoint that never answers', () => {
	it('the default time-outs bound every attempt', () => {
		expect(DEFAULT_TIMEOUTS.requestMs).toBeGreaterThan(0);
		expect(DEFAULT_TIMEOUTS.requestMs).toBeLessThanOrEqual(10_000);
		expect(DEFAULT_TIMEOUTS.connectionMs).toBeLessThanOrEqual(DEFAULT_TIMEOUTS.requestMs);
	});

	it('a read gives up after its attempts with a TimeoutError naming the call', async () => {
		const started = Date.now();
		const error = await rejection(gateway().describeOrganization());
		const elapsed = Date.now() - started;
		expect(error.code).toBe('TimeoutError');
		expect(error.network).toBe(true);
		expect(error.message).toMatch(/^Organizations\.DescribeOrganization: no answer in time, 5 attempts/);
		expect(server.requests()).toBe(5);
		// Five attempts of 150 ms and the backoff between them; nowhere near "forever".
		expect(elapsed).toBeGreaterThanOrEqual(5 * REQUEST_MS);
		expect(elapsed).toBeLessThan(15_000);
	});

	it('the account listing and the caller identity time out too', async () => {
		const aws = gateway();
		expect((await rejection(aws.listAccounts())).code).toBe('TimeoutError');
		const identity = await rejection(aws.callerIdentity());
		expect(identity.code).toBe('TimeoutError');
		expect(identity.message).toMatch(/^STS\.GetCallerIdentity:/);
	});

	it('CloseAccount is sent once and times out once', async () => {
		const error = await rejection(gateway().closeAccount('222222222222'));
		expect(error.code).toBe('TimeoutError');
		expect(error.message).toMatch(/^Organizations\.CloseAccount: no answer in time \(/);
		expect(server.requests()).toBe(1);
	});

	it('list --json: one line saying what timed out and what to do', async () => {
		const failure = await listDocument(
			gateway(),
			() => undefined,
			() => undefined,
		).then(
			() => undefined,
			(error: unknown) => error,
		);
		expect(failure).toBeInstanceOf(ListFailure);
		const line = oneLine(describeLoadFailure((failure as ListFailure).failure, 'command'));
		expect(line).not.toContain('\n');
		expect(line).toMatch(/^orgdash: AWS did not answer in time\. /);
		expect(line).toMatch(/Organizations\.\w+: no answer in time, 5 attempts/);
		expect(line).toContain('then run the command again.');
	});

	it('the dashboard says what timed out, and r sends the requests again', async () => {
		const app = render(<App gateway={gateway()} settings={new Settings(folder)} theme={createTheme(false)} />);
		let frame = await waitForText(app, 'AWS did not answer in time', { timeoutMs: 15_000 });
		expect(frame.replace(/\s+/g, ' ')).toMatch(/no answer in time/);
		expect(frame).toContain('r retries');
		const before = server.requests();
		app.stdin.write('r');
		await vi.waitFor(() => expect(server.requests()).toBeGreaterThan(before), { timeout: 5_000 });
		frame = await waitForText(app, 'AWS did not answer in time', { timeoutMs: 15_000 });
		expect(server.requests()).toBeGreaterThanOrEqual(before + 5);
	}, 40_000);
});

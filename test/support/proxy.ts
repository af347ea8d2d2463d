/**
 * A small HTTP proxy in front of an AWS-protocol server (moto), on 127.0.0.1
 * only: it adds a fixed delay to every request, closer to AWS's round trip than
 * a local server, and can answer a share of the AWS JSON requests the way the
 * Organizations API throttles (HTTP 400, TooManyRequestsException), so a load
 * can be measured, and shown to survive, under realistic conditions. It can
 * also lose answers: the request reaches the server, which carries it out and
 * answers, and the proxy then drops the client's connection instead of
 * passing the answer on, as a connection reset between AWS and the caller would.
 */

import { Agent, createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';

export interface ProxyOptions {
	/** Where requests go, e.g. "http://127.0.0.1:5000". */
	readonly target: string;
	/** Added before every request is answered. Default 0. */
	readonly delayMs?: number;
	/** Share (0..1) of AWS JSON requests answered with TooManyRequestsException instead. Default 0. */
	readonly throttleShare?: number;
	/** Random numbers in [0, 1) deciding which requests are throttled; Math.random by default. */
	readonly random?: () => number;
	/** Sees each AWS JSON request as it arrives: its X-Amz-Target and JSON body. */
	readonly onRequest?: (operation: string, body: string) => void;
	/** Operations (the part of X-Amz-Target after the dot, "CloseAccount") whose every answer is lost. */
	readonly loseAnswersTo?: readonly string[];
}

export interface ProxyStats {
	/** Requests received. */
	requests: number;
	/** Answered with TooManyRequestsException. */
	throttled: number;
	/** Requests being handled right now, and the most at once. */
	inFlight: number;
	maxInFlight: number;
	/** X-Amz-Target of each AWS JSON request received, in order ("AWSOrganizationsV20161128.ListRoots"). */
	operations: string[];
	/** Operations ("CloseAccount") the server answered but whose answer was dropped, in order. */
	answersLost: string[];
}

export interface RunningProxy {
	/** The proxy's own address, to use as the endpoint URL. */
	readonly endpoint: string;
	readonly port: number;
	readonly stats: ProxyStats;
	setDelay(ms: number): void;
	setThrottleShare(share: number): void;
	close(): Promise<void>;
}

const THROTTLE_BODY = JSON.stringify({ __type: 'TooManyRequestsException', message: 'Rate exceeded' });
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'proxy-connection', 'upgrade']);

function readBody(incoming: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
		incoming.on('end', () => resolve(Buffer.concat(chunks)));
		incoming.on('error', reject);
	});
}

/**
 * Organizations and Service Quotas speak awsJson1_1: an X-Amz-Target header names the operation.
 * Other protocols (the Account API's REST JSON, STS's query) are forwarded untouched.
 */
function awsJsonTarget(incoming: IncomingMessage): string | undefined {
	const target = incoming.headers['x-amz-target'];
	const contentType = incoming.headers['content-type'] ?? '';
	if (typeof target !== 'string' || !contentType.startsWith('application/x-amz-json-1.1')) return undefined;
	return target;
}

export async function startProxy(options: ProxyOptions): Promise<RunningProxy> {
	const target = new URL(options.target);
	if (target.protocol !== 'http:') throw new Error(`The proxy forwards to http:// targets only, not ${options.target}`);
	let delayMs = Math.max(0, options.delayMs ?? 0);
	let throttleShare = Math.min(1, Math.max(0, options.throttleShare ?? 0));
	const random = options.random ?? Math.random;
	const agent = new Agent({ keepAlive: true, maxSockets: 64 });
	const loseAnswersTo = new Set(options.loseAnswersTo ?? []);
	const stats: ProxyStats = {
		requests: 0,
		throttled: 0,
		inFlight: 0,
		maxInFlight: 0,
		operations: [],
		answersLost: [],
	};
	const delayTimers = new Set<NodeJS.Timeout>();

	const wait = (ms: number) =>
		ms <= 0
			? Promise.resolve()
			: new Promise<void>((resolve) => {
					const timer = setTimeout(() => {
						delayTimers.delete(timer);
						resolve();
					}, ms);
					delayTimers.add(timer);
				});

	async function handle(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
		let clientGone = false;
		outgoing.once('close', () => {
			clientGone = true;
		});
		const body = await readBody(incoming);
		const operation = awsJsonTarget(incoming);
		if (operation) {
			stats.operations.push(operation);
			options.onRequest?.(operation, body.toString('utf8'));
		}
		await wait(delayMs);
		// The client gave up while the request was delayed (cancelled): it never reaches the server.
		if (clientGone) return;

		if (operation && throttleShare > 0 && random() < throttleShare) {
			stats.throttled++;
			outgoing.writeHead(400, {
				'content-type': 'application/x-amz-json-1.1',
				'x-amzn-errortype': 'TooManyRequestsException',
				'content-length': Buffer.byteLength(THROTTLE_BODY),
			});
			outgoing.end(THROTTLE_BODY);
			return;
		}

		const headers = { ...incoming.headers, host: target.host, 'content-length': String(body.length) };
		await new Promise<void>((resolve) => {
			const forwarded = request(
				{
					agent,
					hostname: target.hostname,
					port: target.port,
					method: incoming.method,
					path: incoming.url,
					headers,
				},
				(answer) => {
					const lost = operation?.split('.')[1];
					if (lost !== undefined && loseAnswersTo.has(lost)) {
						// The server has done the work and answered; the caller never hears of it.
						answer.resume();
						answer.on('end', () => {
							stats.answersLost.push(lost);
							incoming.socket.destroy();
							resolve();
						});
						return;
					}
					const answerHeaders: Record<string, string | string[]> = {};
					for (const [name, value] of Object.entries(answer.headers)) {
						if (value !== undefined && !HOP_BY_HOP.has(name)) answerHeaders[name] = value;
					}
					outgoing.writeHead(answer.statusCode ?? 502, answerHeaders);
					answer.pipe(outgoing);
					answer.on('end', resolve);
					answer.on('error', resolve);
				},
			);
			forwarded.on('error', (error) => {
				if (!outgoing.headersSent) outgoing.writeHead(502, { 'content-type': 'text/plain' });
				outgoing.end(`proxy: ${error.message}`);
				resolve();
			});
			forwarded.end(body);
		});
	}

	const server = createServer((incoming, outgoing) => {
		stats.requests++;
		stats.inFlight++;
		stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
		const done = () => {
			stats.inFlight--;
		};
		outgoing.once('close', done);
		handle(incoming, outgoing).catch((error: unknown) => {
			if (!outgoing.headersSent) outgoing.writeHead(502, { 'content-type': 'text/plain' });
			outgoing.end(`proxy: ${error instanceof Error ? error.message : String(error)}`);
		});
	});
	server.keepAliveTimeout = 5_000;

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		// 127.0.0.1 only: the proxy is a measuring tool, never reachable from elsewhere.
		server.listen(0, '127.0.0.1', () => resolve());
	});
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;

	return {
		endpoint: `http://127.0.0.1:${port}`,
		port,
		stats,
		setDelay(ms) {
			delayMs = Math.max(0, ms);
		},
		setThrottleShare(share) {
			throttleShare = Math.min(1, Math.max(0, share));
		},
		async close() {
			for (const timer of delayTimers) clearTimeout(timer);
			delayTimers.clear();
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
			agent.destroy();
		},
	};
}

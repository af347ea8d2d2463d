/**
 * A local HTTP listener in front of moto that records every request it passes
 * on (host, the operation from X-Amz-Target or the query body's Action, and
 * the signing region of the Authorization header): a test proves with it
 * that every call, credential calls included, goes to the endpoint given and
 * is signed for the region expected.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
	readonly operation: string;
	/** The path, without the query ("/", "/federation/credentials"). */
	readonly path: string;
	/** The region of the signature's credential scope ("eu-west-1"), when signed. */
	readonly signingRegion: string | undefined;
	/** The signature's service ("organizations", "sts"). */
	readonly signingService: string | undefined;
}

export interface RecordingListener {
	readonly endpoint: string;
	readonly requests: RecordedRequest[];
	close(): Promise<void>;
}

function readBody(incoming: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
		incoming.on('end', () => resolve(Buffer.concat(chunks)));
		incoming.on('error', reject);
	});
}

/** Listens on 127.0.0.1 and passes each request to `target` (moto). */
export async function startRecordingListener(target: string): Promise<RecordingListener> {
	const requests: RecordedRequest[] = [];
	const server = createServer((incoming, outgoing) => {
		void (async () => {
			const body = await readBody(incoming);
			const amzTarget = incoming.headers['x-amz-target'];
			const action = new URLSearchParams(body.toString('utf8')).get('Action');
			const scope = /Credential=[^/]+\/\d+\/([^/]+)\/([^/]+)\//.exec(String(incoming.headers.authorization ?? ''));
			requests.push({
				operation: typeof amzTarget === 'string' ? (amzTarget.split('.').pop() ?? amzTarget) : (action ?? '?'),
				path: (incoming.url ?? '/').split('?')[0] ?? '/',
				signingRegion: scope?.[1],
				signingService: scope?.[2],
			});
			const headers = Object.fromEntries(
				Object.entries(incoming.headers).filter(
					([name]) => !['host', 'connection', 'content-length', 'transfer-encoding'].includes(name),
				),
			) as Record<string, string>;
			const answer = await fetch(`${target}${incoming.url ?? '/'}`, {
				method: incoming.method ?? 'GET',
				headers,
				...(body.length > 0 ? { body } : {}),
			});
			const answerBody = Buffer.from(await answer.arrayBuffer());
			outgoing.writeHead(answer.status, {
				'content-type': answer.headers.get('content-type') ?? 'application/octet-stream',
			});
			outgoing.end(answerBody);
		})().catch((error: unknown) => {
			outgoing.writeHead(502);
			outgoing.end(String(error));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		endpoint: `http://127.0.0.1:${port}`,
		requests,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

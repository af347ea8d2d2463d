/**
 * A proxy on 127.0.0.1 in front of moto that loses answers: a request for one
 * of the named operations is forwarded, moto carries it out and answers, and
 * the proxy then drops the client's connection instead of passing the answer
 * on, as a connection reset between AWS and the caller would.
 */
import { createServer, type IncomingMessage, request } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LossyProxy {
	readonly endpoint: string;
	/** X-Amz-Target operation names ("CloseAccount") whose answers were dropped, in order. */
	readonly dropped: string[];
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

/** `loseAnswersTo`: operations (the part of X-Amz-Target after the dot) whose every answer is lost. */
export async function startLossyProxy(target: string, loseAnswersTo: readonly string[]): Promise<LossyProxy> {
	const upstream = new URL(target);
	const dropped: string[] = [];
	const server = createServer(async (incoming, outgoing) => {
		const body = await readBody(incoming);
		const operation = String(incoming.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
		const forwarded = request(
			{
				hostname: upstream.hostname,
				port: upstream.port,
				method: incoming.method,
				path: incoming.url,
				headers: { ...incoming.headers, host: upstream.host, connection: 'close' },
			},
			async (answer) => {
				const answerBody = await readBody(answer);
				if (loseAnswersTo.includes(operation)) {
					// moto has done the work and answered; the caller never hears of it.
					dropped.push(operation);
					incoming.socket.destroy();
					return;
				}
				outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
				outgoing.end(answerBody);
			},
		);
		forwarded.on('error', () => incoming.socket.destroy());
		forwarded.end(body);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		endpoint: `http://127.0.0.1:${port}`,
		dropped,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

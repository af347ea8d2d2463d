/**
 * An endpoint on 127.0.0.1 that answers every request with an AWS-shaped
 * error whose message echoes the request's credentials: its Authorization
 * header, its X-Amz-Security-Token, and the secret key itself (as a
 * misbehaving proxy or a debugging endpoint might), so tests can check that
 * none of them reaches the screen, stderr or the journal.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EchoCredentialsServer {
	readonly endpoint: string;
	/** Credentials to give the SDK (AWS_ACCESS_KEY_ID, ...); every answer echoes them. */
	readonly credentials: {
		readonly accessKeyId: string;
		readonly secretAccessKey: string;
		readonly sessionToken: string;
	};
	/** The Authorization header values received, to look for their signatures too. */
	readonly authorizations: string[];
	/** Everything that must never be shown or written. */
	secrets(): string[];
	close(): Promise<void>;
}

function base64(bytes: number): string {
	return randomBytes(bytes).toString('base64');
}

export async function startEchoCredentialsServer(): Promise<EchoCredentialsServer> {
	const credentials = {
		accessKeyId: `ASIA${randomBytes(8).toString('hex').toUpperCase()}`,
		// 40 characters, as AWS's are; made to mix digits and both cases like a real one.
		secretAccessKey: `aZ9${base64(30).replace(/=+$/, '')}`.slice(0, 40),
		sessionToken: `IQoJb3JpZ2luX2VjE${base64(300)}`,
	};
	const authorizations: string[] = [];
	const server = createServer((incoming, outgoing) => {
		incoming.resume();
		incoming.on('end', () => {
			const authorization = String(incoming.headers.authorization ?? '');
			const token = String(incoming.headers['x-amz-security-token'] ?? '');
			authorizations.push(authorization);
			const message = [
				'The request signature we calculated does not match the signature you provided.',
				`Authorization: ${authorization}`,
				`X-Amz-Security-Token: ${token}`,
				`aws_secret_access_key=${credentials.secretAccessKey}`,
				`(key ${credentials.accessKeyId}, secret ${credentials.secretAccessKey}, token ${token})`,
			].join('\n');
			outgoing.writeHead(403, {
				'content-type': 'application/x-amz-json-1.1',
				'x-amzn-errortype': 'InvalidSignatureException',
				'x-amzn-requestid': '00000000-0000-4000-8000-000000000000',
			});
			outgoing.end(JSON.stringify({ __type: 'InvalidSignatureException', message }));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		endpoint: `http://127.0.0.1:${port}`,
		credentials,
		authorizations,
		secrets: () => [
			credentials.accessKeyId,
			credentials.secretAccessKey,
			credentials.sessionToken,
			...authorizations.map((header) => /Signature=([0-9a-f]+)/.exec(header)?.[1] ?? '').filter(Boolean),
		],
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

/**
 * A moto server for the benchmark, on a free port of 127.0.0.1, from the
 * project's virtualenv (.venv, made by .ci/run).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { projectPath } from './paths.js';

/** moto's default account: the caller, and the management account once CreateOrganization has run. */
export const MOTO_CALLER_ACCOUNT_ID = '123456789012';

export interface MotoServer {
	readonly endpoint: string;
	/** Clears every service's state. */
	reset(): Promise<void>;
	stop(): Promise<void>;
}

export function motoServerPath(): string {
	return projectPath('.venv', 'bin', 'moto_server');
}

export function awsCliPath(): string {
	return projectPath('.venv', 'bin', 'aws');
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => {
				if (address && typeof address === 'object') resolve(address.port);
				else reject(new Error('No free port on 127.0.0.1.'));
			});
		});
	});
}

async function waitUntilUp(endpoint: string, child: ChildProcess, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`moto_server exited with code ${child.exitCode} before it answered.`);
		try {
			const response = await fetch(`${endpoint}/moto-api/`, { signal: AbortSignal.timeout(1000) });
			await response.arrayBuffer();
			if (response.ok) return;
		} catch {
			// Not listening yet.
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`moto_server did not answer on ${endpoint} within ${timeoutMs} ms.`);
}

export async function startMotoServer(): Promise<MotoServer> {
	const executable = motoServerPath();
	if (!existsSync(executable)) {
		throw new Error(
			`moto_server is not installed at ${executable}. Run .ci/run once (it makes the virtualenv), or pass --no-moto.`,
		);
	}
	const port = await freePort();
	const endpoint = `http://127.0.0.1:${port}`;
	const child = spawn(executable, ['-H', '127.0.0.1', '-p', String(port)], {
		stdio: ['ignore', 'ignore', 'pipe'],
		// moto otherwise finds the caller's account by scanning every account's IAM backend on each
		// request, and CreateAccount makes one per account: at 10,000 accounts that adds ~15 ms to
		// every request, which AWS does not. Pinning the (default) caller account keeps requests flat.
		env: { ...process.env, MOTO_ACCOUNT_ID: MOTO_CALLER_ACCOUNT_ID },
	});
	let stderr = '';
	child.stderr?.on('data', (chunk: Buffer) => {
		// Keep only the tail: moto logs every request.
		stderr = (stderr + chunk.toString()).slice(-4000);
	});
	try {
		await waitUntilUp(endpoint, child, 30_000);
	} catch (error) {
		child.kill('SIGTERM');
		throw new Error(`${(error as Error).message}\n${stderr}`);
	}
	return {
		endpoint,
		async reset() {
			const response = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
			await response.arrayBuffer();
		},
		stop() {
			return new Promise<void>((resolve) => {
				if (child.exitCode !== null) {
					resolve();
					return;
				}
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			});
		},
	};
}

/** Runs one of the benchmark's child scripts and reads the one JSON line it prints. */
import { spawn } from 'node:child_process';

export interface JsonChildRun<T> {
	readonly result: T;
	/** Process start to exit. */
	readonly seconds: number;
}

export function runJsonChild<T>(
	script: string,
	args: readonly string[],
	env: NodeJS.ProcessEnv,
	what: string,
): Promise<JsonChildRun<T>> {
	const started = performance.now();
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [script, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => {
			stdout += chunk.toString();
		});
		child.stderr.on('data', (chunk: Buffer) => {
			// Keep only the tail: enough to say why it failed.
			stderr = (stderr + chunk.toString()).slice(-4000);
		});
		child.on('error', reject);
		child.on('close', (code) => {
			const seconds = (performance.now() - started) / 1000;
			const line = stdout.split('\n').find((text) => text.startsWith('{'));
			if (code !== 0 || !line) {
				reject(new Error(`${what} failed (exit ${code}): ${stderr.trim() || stdout.slice(0, 200)}`));
				return;
			}
			try {
				resolve({ result: JSON.parse(line) as T, seconds });
			} catch {
				reject(new Error(`${what} printed no result: ${line.slice(0, 200)}`));
			}
		});
	});
}

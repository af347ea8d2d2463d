/** Key press to frame: runs keys-child in a process of its own and collects its samples. */
import { spawn } from 'node:child_process';
import type { KeysChildResult } from './keys-child.js';
import { projectPath } from './paths.js';
import { terminalEnvironment } from './pty.js';

export function timeKeys(accounts: number, presses: number): Promise<KeysChildResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(
			process.execPath,
			[projectPath('dist', 'bench', 'keys-child.js'), '--accounts', String(accounts), '--presses', String(presses)],
			// As at a person's terminal: without CI, where Ink would draw no live frames; and React in the
			// mode the command line picks (it sets NODE_ENV to production unless told otherwise).
			{
				env: terminalEnvironment({ NODE_ENV: process.env.NODE_ENV ?? 'production' }),
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		);
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => {
			stdout += chunk.toString();
		});
		child.stderr.on('data', (chunk: Buffer) => {
			stderr = (stderr + chunk.toString()).slice(-4000);
		});
		child.on('error', reject);
		child.on('close', (code) => {
			const line = stdout.split('\n').find((text) => text.startsWith('{'));
			if (code !== 0 || !line) {
				reject(new Error(`key timing with ${accounts} accounts failed (exit ${code}): ${stderr.trim()}`));
				return;
			}
			resolve(JSON.parse(line) as KeysChildResult);
		});
	});
}

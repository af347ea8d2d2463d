/**
 * Full load of every account: orgdash's gateway (in a process of its own) and
 * the AWS CLI, one after the other against the same server, each timed from
 * process start to exit.
 */
import { spawn } from 'node:child_process';
import { motoEnvironment, timeAwsCliListAccounts } from './aws-cli.js';
import type { LoadChildResult } from './load-child.js';
import { projectPath } from './paths.js';

export interface OrgdashLoad extends LoadChildResult {
	/** Process start to exit. */
	readonly seconds: number;
}

export interface SideBySide {
	readonly orgdash: OrgdashLoad;
	readonly cli: { readonly seconds: number; readonly accounts?: number };
	/** orgdash's time over the CLI's. */
	readonly ratio: number;
}

export function timeOrgdashLoad(endpoint: string): Promise<OrgdashLoad> {
	const started = performance.now();
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [projectPath('dist', 'bench', 'load-child.js'), '--endpoint-url', endpoint], {
			env: motoEnvironment(),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
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
			const seconds = (performance.now() - started) / 1000;
			if (code !== 0) {
				reject(new Error(`orgdash's load exited with code ${code}: ${stderr.trim()}`));
				return;
			}
			try {
				resolve({ ...(JSON.parse(stdout) as LoadChildResult), seconds });
			} catch {
				reject(new Error(`orgdash's load printed no result: ${stdout.slice(0, 200)} ${stderr.slice(0, 200)}`));
			}
		});
	});
}

/** Both listings, orgdash first; `count` also counts the CLI's accounts (a little slower, so used to check). */
export async function loadSideBySide(endpoint: string, options: { count?: boolean } = {}): Promise<SideBySide> {
	const orgdash = await timeOrgdashLoad(endpoint);
	const cli = await timeAwsCliListAccounts(endpoint, { count: options.count ?? false });
	return { orgdash, cli, ratio: orgdash.seconds / cli.seconds };
}

/**
 * The AWS CLI listing every account, as an admin would without orgdash:
 * `aws organizations list-accounts --page-size 20`, which follows NextToken one
 * page after another.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { MOTO_CREDENTIALS, MOTO_REGION } from '../../test/support/moto-server.js';
import { projectPath } from './paths.js';

export function awsCliPath(): string {
	return projectPath('.venv', 'bin', 'aws');
}

export interface CliRun {
	readonly seconds: number;
	/** Accounts listed, when counted (the count costs a little, so timing runs skip it). */
	readonly accounts?: number;
}

/** An environment with dummy credentials and no user configuration, so nothing outside the run changes it. */
export function motoEnvironment(): NodeJS.ProcessEnv {
	const environment: NodeJS.ProcessEnv = { ...process.env };
	for (const name of Object.keys(environment)) {
		if (name.startsWith('AWS_')) delete environment[name];
	}
	return {
		...environment,
		AWS_ACCESS_KEY_ID: MOTO_CREDENTIALS.accessKeyId,
		AWS_SECRET_ACCESS_KEY: MOTO_CREDENTIALS.secretAccessKey,
		AWS_REGION: MOTO_REGION,
		AWS_DEFAULT_REGION: MOTO_REGION,
		AWS_CONFIG_FILE: '/dev/null',
		AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
		AWS_EC2_METADATA_DISABLED: 'true',
	};
}

let versionText: Promise<string> | undefined;

/** e.g. "aws-cli/1.46.3 Python/3.11.7", for the table's notes. */
export function awsCliVersion(): Promise<string> {
	versionText ??= new Promise<string>((resolve) => {
		const executable = awsCliPath();
		if (!existsSync(executable)) {
			resolve('not installed');
			return;
		}
		const child = spawn(executable, ['--version'], { env: motoEnvironment(), stdio: ['ignore', 'pipe', 'pipe'] });
		let text = '';
		const collect = (chunk: Buffer) => {
			text += chunk.toString();
		};
		child.stdout?.on('data', collect);
		child.stderr?.on('data', collect);
		child.on('error', () => resolve('unknown'));
		child.on('close', () => resolve(text.trim().split(/\s+/).slice(0, 2).join(' ')));
	});
	return versionText;
}

async function isAwsCliVersion2(): Promise<boolean> {
	return (await awsCliVersion()).startsWith('aws-cli/2.');
}

export async function timeAwsCliListAccounts(endpoint: string, options: { count?: boolean } = {}): Promise<CliRun> {
	const executable = awsCliPath();
	if (!existsSync(executable)) {
		throw new Error(`The AWS CLI is not installed at ${executable}. Run .ci/run once (it makes the virtualenv).`);
	}
	const args = [
		'organizations',
		'list-accounts',
		'--page-size',
		'20',
		'--endpoint-url',
		endpoint,
		'--region',
		MOTO_REGION,
	];
	// awscli 1.x (what PyPI's `awscli` is) never pages and rejects --no-cli-pager; 2.x needs it.
	if (await isAwsCliVersion2()) args.push('--no-cli-pager');
	if (options.count) args.push('--query', 'length(Accounts)', '--output', 'text');
	else args.push('--output', 'json');
	const started = performance.now();
	return new Promise((resolve, reject) => {
		const child = spawn(executable, args, {
			env: motoEnvironment(),
			// Timing runs throw the listing away, as `> /dev/null` would.
			stdio: ['ignore', options.count ? 'pipe' : 'ignore', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout?.on('data', (chunk: Buffer) => {
			stdout += chunk.toString();
		});
		child.stderr?.on('data', (chunk: Buffer) => {
			stderr = (stderr + chunk.toString()).slice(-4000);
		});
		child.on('error', reject);
		child.on('close', (code) => {
			const seconds = (performance.now() - started) / 1000;
			if (code !== 0) {
				reject(new Error(`aws organizations list-accounts exited with code ${code}: ${stderr.trim()}`));
				return;
			}
			if (!options.count) {
				resolve({ seconds });
				return;
			}
			// With text output the CLI applies --query to each page, so it prints one count per page.
			const counts = stdout.split(/\s+/).filter(Boolean).map(Number);
			if (counts.length === 0 || counts.some(Number.isNaN)) {
				reject(new Error(`aws printed no account count: ${stdout.slice(0, 200)}`));
			} else {
				resolve({ seconds, accounts: counts.reduce((sum, count) => sum + count, 0) });
			}
		});
	});
}

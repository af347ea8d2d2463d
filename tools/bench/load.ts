/**
 * Full load of every account: orgdash's gateway (in a process of its own) and
 * the AWS CLI, one after the other against the same server, each timed from
 * process start to exit.
 */
import { motoEnvironment, timeAwsCliListAccounts } from './aws-cli.js';
import { runJsonChild } from './json-child.js';
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

export async function timeOrgdashLoad(endpoint: string): Promise<OrgdashLoad> {
	const { result, seconds } = await runJsonChild<LoadChildResult>(
		projectPath('dist-tools', 'bench', 'load-child.js'),
		['--endpoint-url', endpoint],
		motoEnvironment(),
		"orgdash's load",
	);
	return { ...result, seconds };
}

/** Both listings, orgdash first; `count` also counts the CLI's accounts (a little slower, so used to check). */
export async function loadSideBySide(endpoint: string, options: { count?: boolean } = {}): Promise<SideBySide> {
	const orgdash = await timeOrgdashLoad(endpoint);
	const cli = await timeAwsCliListAccounts(endpoint, { count: options.count ?? false });
	return { orgdash, cli, ratio: orgdash.seconds / cli.seconds };
}

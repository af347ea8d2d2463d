/**
 * Run as its own process by the benchmark: lists every account of the
 * organization at --endpoint-url through orgdash's AWS gateway (the concurrent
 * OU-tree loader), then prints one JSON line: how many accounts, how long the
 * listing took inside the process, and the process's peak memory.
 *
 *   node dist-tools/bench/load-child.js --endpoint-url http://127.0.0.1:PORT
 */
import { createAwsGateway } from '../../source/org/aws/gateway.js';
import { MOTO_REGION } from '../../test/support/moto-server.js';

export interface LoadChildResult {
	readonly accounts: number;
	readonly distinctIds: number;
	readonly listMs: number;
	readonly maxRssMB: number;
}

async function main(): Promise<void> {
	const index = process.argv.indexOf('--endpoint-url');
	const endpointUrl = index >= 0 ? process.argv[index + 1] : undefined;
	if (!endpointUrl) {
		process.stderr.write('usage: node dist-tools/bench/load-child.js --endpoint-url URL\n');
		process.exitCode = 2;
		return;
	}
	const gateway = createAwsGateway({ endpointUrl, region: MOTO_REGION });
	const started = performance.now();
	const accounts = await gateway.listAccounts();
	const listMs = performance.now() - started;
	const result: LoadChildResult = {
		accounts: accounts.length,
		distinctIds: new Set(accounts.map((account) => account.id)).size,
		listMs,
		// resourceUsage().maxRSS is in kilobytes.
		maxRssMB: process.resourceUsage().maxRSS / 1024,
	};
	process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
	process.exitCode = 1;
});

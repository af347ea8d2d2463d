/**
 * `npm run bench`: how fast orgdash is at 1,000, 5,000 and 10,000 accounts,
 * side by side with the AWS CLI. Prints a table of medians with their spread
 * over repeated runs, PASS or MISS against the targets, and writes the same
 * table as markdown (default .bench/latest.md) with the machine and the command.
 *
 *   npm run bench -- [--sizes 1000,5000,10000] [--shapes spread,root,one-ou,deep] [--runs 3] [--quick] [--no-moto] [--only-shapes | --only-starts | --only-memory | --only-keys] [--out FILE]
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { findMotoServer, motoMissingMessage } from '../../test/support/moto-server.js';
import { awsCliVersion } from './aws-cli.js';
import { commandLine, type Options, parseOptions, USAGE, UsageError } from './command-line.js';
import { buildRows, PROXY_DELAY_MS, THROTTLE_SHARE } from './figures.js';
import { describeMachine, loadAverage, machineLine } from './machine.js';
import { measureDemo, measureKeysOnly, measureMoto, measureMotoStarts, measureShapes } from './measurements.js';
import { cliPath } from './paths.js';
import { progress, Results } from './results.js';
import { renderMarkdown, renderText, verdict } from './table.js';

async function main(): Promise<number> {
	const argv = process.argv.slice(2);
	let options: Options;
	try {
		options = parseOptions(argv);
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		if (!error.message) {
			process.stdout.write(`${USAGE}\n`);
			return 0;
		}
		process.stderr.write(`bench: ${error.message}\n\n${USAGE}\n`);
		return 2;
	}
	if (!existsSync(cliPath)) {
		process.stderr.write(`bench: ${cliPath} is missing; run it as \`npm run bench\` (it builds first).\n`);
		return 2;
	}
	// The benchmark's own SDK clients (seeding moto) need no reminder about Node versions on every run.
	process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
	const started = new Date();
	const results = new Results();
	const context: string[] = [];
	const machine = describeMachine();
	const loadAtStart = loadAverage();
	progress(
		`sizes ${options.sizes.join(', ')}; ${options.runs} run(s) each; ${machine.cpuModel}, ${machine.cores} cores`,
	);

	if (options.onlyKeys) await measureKeysOnly(results, options);
	else if (!options.onlyShapes && !options.onlyMemory) await measureDemo(results, options);
	if (options.moto && !options.onlyKeys) {
		if (!findMotoServer()) {
			process.stderr.write(`bench: ${motoMissingMessage()} Or pass --no-moto.\n`);
			return 2;
		}
		if (options.onlyMemory) await measureMotoStarts(results, options, context);
		else {
			if (!options.onlyShapes) await measureMoto(results, options, context);
			if (!options.onlyStarts) await measureShapes(results, options, context);
		}
	}

	const rows = buildRows(results, options);
	const table = renderText(rows);
	const command = commandLine(argv);
	const minutes = ((Date.now() - started.getTime()) / 60_000).toFixed(1);
	process.stdout.write(`\n${table}\n\n`);
	const load = `load average ${loadAtStart} at the start, ${loadAverage()} at the end`;
	process.stdout.write(`Machine: ${machineLine(machine)}; ${load}\nCommand: ${command}\n`);

	const verdicts = rows.map(verdict);
	const passCount = verdicts.filter((value) => value === 'PASS').length;
	const missCount = verdicts.filter((value) => value === 'MISS').length;
	const markdown = [
		'# orgdash benchmark',
		'',
		`- Command: \`${command}\``,
		`- Machine: ${machineLine(machine)}; ${load} (other work on the machine slows every figure)`,
		`- Date: ${started.toISOString()}, took ${minutes} min; ${options.runs} run(s) per figure; medians, p95 over all key presses of all runs, spread = min-max over runs (over presses for keys).`,
		`- AWS CLI: ${await awsCliVersion()}; targets: ${passCount} PASS, ${missCount} MISS.`,
		...context.map((line) => `- ${line}`),
		'',
		renderMarkdown(rows),
		'',
		'How each figure is taken:',
		'',
		'- Key to frame: the real App rendered with Ink (maxFps 60, as the command line does) on a fake 120x40 TTY in a process of its own, on a sandbox organization of N accounts; from writing the key to stdin to the last frame it causes being written to stdout. Presses are spaced like a person (the screen settles, then a random pause), so Ink\u2019s frame throttle counts only where it would for a person.',
		`- Starts: \`node dist/cli.js\` in a real 120x40 pseudo-terminal, from the spawn to the first account row on screen, and to the status line counting every account with none left from the cache. A second start on the same settings folder shows the cached list. On moto directly, and through the ${PROXY_DELAY_MS} ms proxy (closer to AWS: there the first page needs several round trips in a row, the cache one).`,
		`- Full loads: each a process of its own, from start to exit: orgdash\u2019s gateway (concurrent OU-tree walk) and \`aws organizations list-accounts --page-size 20\`, same server, same run; through a proxy on 127.0.0.1 that adds ${PROXY_DELAY_MS} ms to every request, and once with ${THROTTLE_SHARE * 100}% of answers TooManyRequestsException.`,
		'- Peak memory: the dashboard process\u2019s peak resident set (VmHWM, what getrusage calls maxrss) once the whole list is on screen; and the gateway-only load\u2019s process.resourceUsage().maxRSS.',
		'- moto runs with MOTO_ACCOUNT_ID set: otherwise it finds the caller by scanning one IAM backend per account on every request, a cost AWS does not have that grows with the organization.',
		'',
	].join('\n');
	await mkdir(dirname(options.out), { recursive: true });
	await writeFile(options.out, markdown);
	process.stdout.write(`Markdown: ${relative(process.cwd(), options.out) || options.out}\n`);

	if (results.failures.length > 0) {
		process.stderr.write(`\nbench: ${results.failures.length} figure(s) could not be measured:\n`);
		for (const failure of results.failures) process.stderr.write(`- ${failure}\n`);
		return 1;
	}
	return 0;
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		process.stderr.write(`bench: ${error instanceof Error ? error.stack : String(error)}\n`);
		process.exit(1);
	},
);

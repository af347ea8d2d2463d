#!/usr/bin/env node
import { describeLoadFailure, oneLine } from './domain/explain-load.js';
/**
 * orgdash: flags -> settings -> gateway -> the dashboard, or JSON for scripts.
 * Ink, React and the AWS SDK are loaded only when needed, so `--demo` starts
 * fast and `list --json` loads no UI. The process ends in one place, `finish`.
 * (No JSX here: the JSX runtime would load React for every command.)
 */
import { redactCredentials } from './domain/redact.js';
import { withFirstAnswersRequested } from './org/first-answers.js';
import type { OrgGateway, OrgReader } from './org/gateway.js';
import { readOnlyGateway } from './org/read-only.js';
import { settleWrites } from './store/replace-file.js';
import { Settings } from './store/settings.js';
import { throwawayFolder } from './store/throwaway-folder.js';
import { type CliOptions, parseCommandLine } from './ui/cli-options.js';
import type { LastSeenList } from './ui/hooks/use-accounts.js';
import { jsonForTerminal, ListFailure, listDocument, streamAccounts } from './ui/list-document.js';
import type { ProfileSource } from './ui/run-dashboard.js';
import { rendersEllipsis, setAsciiCutMarks } from './ui/text.js';
import { holdHeapGrowth } from './young-generation.js';

const USAGE_EXIT = 2;
const FAILURE_EXIT = 1;
/** A process ended by a signal exits 128 + its number, as shells report it. */
const SIGNAL_EXIT = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;

/** Every line on stderr; an error's text may echo a request's credentials. */
function printError(message: string): void {
	process.stderr.write(`${redactCredentials(message)}\n`);
}

/** The gateway, and for AWS what loads its SDK now (otherwise its first call does). */
async function createGateway(options: CliOptions): Promise<{ gateway: OrgGateway; loadSdk?: () => Promise<void> }> {
	if (options.demo) {
		const { createSandbox } = await import('./org/sandbox/engine.js');
		return {
			gateway: createSandbox(options.demoAccounts === undefined ? {} : { accountCount: options.demoAccounts }),
		};
	}
	const { lazyAwsGateway } = await import('./org/aws/lazy-gateway.js');
	const lazy = await lazyAwsGateway(
		{ profile: options.profile, region: options.region, endpointUrl: options.endpointUrl },
		// The dashboard's first requests go as soon as the SDK is loaded (a cached list needs both answers).
		options.command === 'dashboard' ? withFirstAnswersRequested : undefined,
	);
	// A failure to load reaches every call; here it has no one to tell.
	return {
		gateway: lazy.gateway,
		loadSdk: () =>
			lazy.load().then(
				() => undefined,
				() => undefined,
			),
	};
}

/** Width of the list table: the terminal's, or 120 when stdout is not a terminal (a pipe, a file). */
function tableWidth(): number {
	return process.stdout.isTTY && process.stdout.columns ? process.stdout.columns : 120;
}

async function list(gateway: OrgReader, settings: Settings, options: CliOptions): Promise<number> {
	const filter = options.listFilter;
	try {
		if (options.listFormat === 'jsonl') {
			await streamAccounts(gateway, filter, (line) => process.stdout.write(`${line}\n`));
			return 0;
		}
		const { Journal } = await import('./store/journal/journal.js');
		const document = await listDocument(
			gateway,
			(organizationId) => settings.applyQuotaFlag(organizationId, options.quota),
			(organizationId) => {
				try {
					return new Journal(settings.directory, organizationId).closureDates();
				} catch {
					return undefined;
				}
			},
			filter,
			{ withImpact: options.withImpact },
		);
		if (options.listFormat === 'json') {
			process.stdout.write(`${jsonForTerminal(document)}\n`);
		} else {
			const { listTable } = await import('./ui/list-table.js');
			process.stdout.write(`${listTable(document, tableWidth()).join('\n')}\n`);
			if (document.accounts.length === 0 && (filter.state || filter.ou)) {
				printError('orgdash: no account matches --state/--ou; the OU path is matched from Root (e.g. Root/Sandbox).');
			}
		}
		return 0;
	} catch (error) {
		if (!(error instanceof ListFailure)) throw error;
		printError(oneLine(describeLoadFailure(error.failure, 'command')));
		return FAILURE_EXIT;
	}
}

/** The id of the organization the credentials reach; undefined after printing why it could not be read. */
async function organizationIdOrExplain(gateway: OrgReader): Promise<string | undefined> {
	try {
		return (await gateway.describeOrganization()).id;
	} catch (error) {
		printError(oneLine(describeLoadFailure({ operation: 'describeOrganization', error }, 'command')));
		return undefined;
	}
}

/** The journal of the organization the credentials reach (the demo's own with --demo). */
async function journalJson(gateway: OrgReader, settings: Settings): Promise<number> {
	const organizationId = await organizationIdOrExplain(gateway);
	if (organizationId === undefined) return FAILURE_EXIT;
	const { Journal } = await import('./store/journal/journal.js');
	const { journalDocument } = await import('./store/journal/document.js');
	const document = journalDocument(new Journal(settings.directory, organizationId));
	process.stdout.write(`${jsonForTerminal(document)}\n`);
	return 0;
}

/**
 * P's profiles: those of the AWS config files; a profile opens with this run's --region and --endpoint-url
 * (read-only stays read-only). The SDK is loaded when P is used, not at the start.
 */
function profileSource(options: CliOptions, readOnly: boolean): ProfileSource {
	return {
		async list() {
			const { readSharedProfiles, shownPath } = await import('./org/aws/profiles.js');
			const { paths, profiles } = await readSharedProfiles({ fresh: true });
			return { files: `${shownPath(paths.configFile)} and ${shownPath(paths.credentialsFile)}`, profiles };
		},
		async open(profile) {
			const { openAwsGateway } = await import('./org/aws/gateway.js');
			const opened = await openAwsGateway({ profile, region: options.region, endpointUrl: options.endpointUrl });
			return readOnly ? readOnlyGateway(opened) : opened;
		},
	};
}

/** The queued batches of the organization the credentials reach, for scripts. */
async function queueJson(gateway: OrgReader, settings: Settings): Promise<number> {
	const organizationId = await organizationIdOrExplain(gateway);
	if (organizationId === undefined) return FAILURE_EXIT;
	const { BatchQueue } = await import('./store/batch-queue.js');
	const queue = new BatchQueue(settings.directory, organizationId);
	const { batches, problem } = queue.read();
	const document = { organizationId, path: queue.path, batches, ...(problem ? { problem } : {}) };
	process.stdout.write(`${jsonForTerminal(document)}\n`);
	return 0;
}

/** The list last seen from this source (see store/cache.ts), for the first frame; undefined where there is none. */
async function lastSeenList(gateway: OrgReader): Promise<LastSeenList | undefined> {
	const { isCacheable, readLastSeenList } = await import('./store/cache.js');
	return isCacheable(gateway) ? readLastSeenList(gateway.sourceKey) : undefined;
}

/**
 * In read-only mode `gateway` is a reader without write methods: the dashboard then offers nothing that changes AWS.
 * `loadSdk`: loads the AWS SDK now and sends the first requests (otherwise the dashboard's first call does).
 */
async function dashboard(
	gateway: OrgReader,
	settings: Settings,
	options: CliOptions,
	loadSdk: (() => Promise<void>) | undefined,
): Promise<number> {
	// Before the UI and the load allocate: the dashboard's peak memory (see young-generation.ts).
	holdHeapGrowth();
	// With a cached list, the first frame draws it (unchecked) and the SDK loads after that first frame, on the first call.
	// Without one, the SDK loads first and its requests' round trips overlap the loading of the UI.
	const lastSeen = await lastSeenList(gateway);
	if (!lastSeen) await loadSdk?.();
	const { runDashboard } = await import('./ui/run-dashboard.js');
	const end = await runDashboard(gateway, settings, {
		quotaFlag: options.quota,
		lastSeen,
		...(options.demo ? {} : { profiles: profileSource(options, settings.readOnlyMode) }),
	});
	if (end.signal) return SIGNAL_EXIT[end.signal];
	return end.readFailed ? FAILURE_EXIT : 0;
}

/** A terminal that cannot move the cursor: a dashboard there would print a new frame for every change. */
function isDumbTerminal(env: NodeJS.ProcessEnv): boolean {
	return env.TERM === 'dumb';
}

async function main(argv: readonly string[]): Promise<number> {
	const parsed = parseCommandLine(argv, process.env, import.meta);
	if (!parsed.ok) {
		printError(`orgdash: ${parsed.message} See orgdash --help.`);
		return USAGE_EXIT;
	}
	const { options } = parsed;
	// Cut text ends with `…`, or with an ASCII mark where `…` would not render (the list table under TERM=dumb).
	setAsciiCutMarks(!rendersEllipsis(process.env));
	if (options.help) {
		process.stdout.write(`${parsed.helpText}\n`);
		return 0;
	}
	if (options.version) {
		process.stdout.write(`${parsed.version}\n`);
		return 0;
	}
	if (options.command === 'dashboard' && !(process.stdin.isTTY && process.stdout.isTTY)) {
		printError(
			'orgdash: the dashboard needs an interactive terminal (stdin and stdout); for scripts use `orgdash list --json`.',
		);
		return USAGE_EXIT;
	}
	if (options.command === 'dashboard' && isDumbTerminal(process.env)) {
		printError(
			'orgdash: the dashboard needs a terminal that can move the cursor, and TERM is dumb; run it in a terminal emulator (or set TERM, e.g. TERM=xterm-256color), or use `orgdash list --json`.',
		);
		return USAGE_EXIT;
	}
	if (options.command !== 'dashboard') {
		// The dashboard restores the terminal on a signal itself; a command still ends through `finish`.
		for (const signal of Object.keys(SIGNAL_EXIT) as Array<keyof typeof SIGNAL_EXIT>) {
			process.once(signal, () => finish(SIGNAL_EXIT[signal]));
		}
	}
	// The demo keeps its settings and journal for this run only: a demo closure never reaches the user's journal.
	const settings = new Settings(options.demo ? throwawayFolder('orgdash-demo-') : undefined);
	// --quota is remembered for the organization it is used with, once that organization is read (list, dashboard).
	if (options.readOnly !== undefined) settings.readOnlyMode = options.readOnly;
	// The dashboard shows it on its status line; a command has only stderr (stdout stays clean JSON).
	if (settings.note && options.command !== 'dashboard') printError(`orgdash: ${settings.note}`);
	const { gateway: full, loadSdk } = await createGateway(options);
	// Read-only: from here on only the reads exist; the object with the writes goes out of reach.
	const gateway: OrgReader = settings.readOnlyMode ? readOnlyGateway(full) : full;
	if (options.command === 'list') return list(gateway, settings, options);
	if (options.command === 'journal') return journalJson(gateway, settings);
	if (options.command === 'queue') return queueJson(gateway, settings);
	return dashboard(gateway, settings, options, loadSdk);
}

/** How long the end waits for the files still being written (a cache saved just before the quit). */
const WRITES_SETTLE_MS = 2_000;

/**
 * The one place the process ends: once the files under way are written (a
 * quit right after a load would cut the cache's write short) and stdout has
 * been flushed (a pipe may still hold the JSON).
 */
function finish(code: number): void {
	void settleWrites(WRITES_SETTLE_MS).then(() => process.stdout.write('', () => process.exit(code)));
}

main(process.argv.slice(2)).then(finish, (error: unknown) => {
	// Anything unexpected still ends with one line, never a stack trace.
	printError(`orgdash: ${error instanceof Error ? error.message : String(error)}`);
	finish(FAILURE_EXIT);
});

/**
 * The command line: flags and commands parsed by meow, then checked here so
 * that a bad value gets a clear message (and exit code 2), never a stack trace.
 */
import meow from 'meow';
import { ACCOUNT_STATES, type AccountState } from '../domain/account.js';
import type { ListFilter } from './list-document.js';

export const HELP_TEXT = `
	Usage
	  $ orgdash [options]               the dashboard (needs an interactive terminal)
	  $ orgdash list [options]          the accounts as a table
	  $ orgdash list --json [options]   the organization, its quota and its accounts as JSON, for scripts
	  $ orgdash list --jsonl [options]  one account per JSON line, as they load (an account that moved
	                                    while loading comes again: the last line for an id is current)
	  $ orgdash journal --json [options]
	                                    this organization's journal of close and remove requests, as JSON
	  $ orgdash queue --json [options]  this organization's queued batches (accounts confirmed, not yet acted on)

	List options
	  --state STATE          only accounts in this state (ACTIVE, SUSPENDED, PENDING_CLOSURE, CLOSED,
	                         PENDING_ACTIVATION)
	  --ou PATH              only accounts in this OU or below it (e.g. Root/Sandbox or Sandbox)
	  --with-impact          with --json: what closing or removing each account would break or cost
	                         (delegated administrator, StackSets, Identity Center, policies, tags, spend)

	Options
	  --demo                 use the built-in demo organization (in memory; nothing touches AWS or your journal)
	  --demo-accounts N      a demo organization of N accounts (implies --demo)
	  --profile NAME         the AWS profile, read as AWS_PROFILE=NAME is: its credentials, region and
	                         endpoint_url (default: AWS_PROFILE, else the default credential chain)
	  --region REGION        the AWS region for the API calls (default: AWS_REGION, else the profile's region,
	                         else us-east-1; Organizations calls go to its global region)
	  --endpoint-url URL     send every AWS call to this endpoint (moto, LocalStack), the credential calls
	                         (AssumeRole, SSO) included; also AWS_ENDPOINT_URL
	  --quota N              your organization's account quota, used when Service Quotas cannot answer;
	                         remembered for this organization (--quota off forgets it)
	  --read-only            nothing that changes AWS is offered or possible (no close, no remove);
	                         remembered for later runs: --no-read-only (or --read-only=false) turns it off
	  -h, --help             this text
	  -v, --version          the version

	Keys
	  In the dashboard, press ? for every key.

	Environment
	  NO_COLOR               no colours (https://no-color.org)
	  AWS_PROFILE, AWS_REGION, AWS_ENDPOINT_URL, AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE
	  ORGDASH_CONFIG_DIR     where settings are kept (default: the system's configuration folder)

	Exit codes
	  0 done · 1 the organization could not be read · 2 bad usage, no interactive terminal, or TERM=dumb
`;

export type Command = 'dashboard' | 'list' | 'journal' | 'queue';

/** How `list` prints: a table for people, one JSON document, or one JSON line per account. */
export type ListFormat = 'table' | 'json' | 'jsonl';

export interface CliOptions {
	readonly command: Command;
	readonly json: boolean;
	readonly listFormat: ListFormat;
	/** --state and --ou, for list. */
	readonly listFilter: ListFilter;
	/** --with-impact, for list --json: each account's impact scan. */
	readonly withImpact: boolean;
	readonly demo: boolean;
	/** Demo organization size; undefined: the fixed demo organization. */
	readonly demoAccounts?: number;
	/** The AWS profile: --profile, else AWS_PROFILE; the default credential chain when neither is set. */
	readonly profile?: string;
	/** --region, else AWS_REGION, else AWS_DEFAULT_REGION; undefined: the profile's region, else us-east-1. */
	readonly region?: string;
	/** --endpoint-url, else AWS_ENDPOINT_URL (not for the demo). */
	readonly endpointUrl?: string;
	/** 'off': forget the remembered figure. */
	readonly quota?: number | 'off';
	/** --read-only (true) or --no-read-only (false), remembered; undefined: as remembered. */
	readonly readOnly?: boolean;
	readonly help: boolean;
	readonly version: boolean;
}

export type ParsedCommandLine =
	| { readonly ok: true; readonly options: CliOptions; readonly helpText: string; readonly version: string }
	| { readonly ok: false; readonly message: string };

/** Demo organizations larger than this are refused: they only cost memory. */
export const MAX_DEMO_ACCOUNTS = 100_000;

const FLAGS = {
	demo: { type: 'boolean' },
	demoAccounts: { type: 'string' },
	profile: { type: 'string' },
	region: { type: 'string' },
	endpointUrl: { type: 'string' },
	quota: { type: 'string' },
	readOnly: { type: 'boolean' },
	json: { type: 'boolean' },
	jsonl: { type: 'boolean' },
	state: { type: 'string' },
	ou: { type: 'string' },
	withImpact: { type: 'boolean' },
	help: { type: 'boolean', shortFlag: 'h' },
	version: { type: 'boolean', shortFlag: 'v' },
} as const;

const KNOWN_FLAGS = new Set<string>(Object.keys(FLAGS));

class UsageError extends Error {}

/** A flag as it was typed: `-x` for a letter, `--endpoint-url` for a name. */
function typedFlag(name: string): string {
	if (name.length === 1) return `-${name}`;
	return `--${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

function wholeNumber(flag: string, raw: string | undefined, min: number, max: number): number | undefined {
	if (raw === undefined) return undefined;
	const text = raw.trim();
	if (!/^\d+$/.test(text)) {
		throw new UsageError(
			`--${flag} takes a whole number${text ? `, not "${raw}"` : ''} (for example --${flag} ${Math.max(min, 50)}).`,
		);
	}
	const value = Number(text);
	if (value < min || value > max) {
		throw new UsageError(
			`--${flag} must be from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}, not ${text}.`,
		);
	}
	return value;
}

function name(flag: string, raw: string | undefined, pattern: RegExp, example: string): string | undefined {
	if (raw === undefined) return undefined;
	const text = raw.trim();
	if (!text) throw new UsageError(`--${flag} needs a value (for example --${flag} ${example}).`);
	if (!pattern.test(text)) throw new UsageError(`--${flag} "${raw}" is not valid (for example --${flag} ${example}).`);
	return text;
}

function endpoint(raw: string | undefined, source: string): string | undefined {
	if (raw === undefined) return undefined;
	const text = raw.trim();
	let url: URL | undefined;
	try {
		url = new URL(text);
	} catch {
		url = undefined;
	}
	if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
		throw new UsageError(
			`${source} must be an http:// or https:// URL (for example http://127.0.0.1:5000), not "${raw}".`,
		);
	}
	return text;
}

/** --state: one of AWS's states, any case, `-` for `_`. */
function accountState(raw: string | undefined): AccountState | undefined {
	if (raw === undefined) return undefined;
	const text = raw.trim().toUpperCase().replace(/-/g, '_');
	const state = ACCOUNT_STATES.find((known) => known === text);
	if (!state) {
		throw new UsageError(
			`--state ${raw ? `"${raw}" ` : ''}is not an account state; use one of ${ACCOUNT_STATES.join(', ')} (for example --state CLOSED).`,
		);
	}
	return state;
}

/** --ou: an OU path, not empty. */
function ouPath(raw: string | undefined): string | undefined {
	if (raw === undefined) return undefined;
	const text = raw.trim();
	if (!text || /^\/*$/.test(text)) throw new UsageError('--ou needs an OU path (for example --ou Root/Sandbox).');
	return text;
}

/** Where AWS calls go, resolved once from the flags and then the environment; the gateway reads no variable for them. */
export interface AwsTarget {
	readonly profile?: string;
	/** Undefined: the profile's own region (the adapter reads it), else us-east-1. */
	readonly region?: string;
	readonly endpointUrl?: string;
}

/**
 * Profile, region and endpoint: each flag first, then its environment
 * variable. The demo ignores the environment's endpoint, so that a stale one
 * does not stop it. Throws UsageError on a flag or endpoint that is not valid.
 */
function resolveAwsTarget(
	flags: { readonly profile?: string; readonly region?: string; readonly endpointUrl?: string },
	env: NodeJS.ProcessEnv,
	demo: boolean,
): AwsTarget {
	const profile = name('profile', flags.profile, /^[\w.@+-]+$/, 'admin') ?? (env.AWS_PROFILE || undefined);
	const region =
		name('region', flags.region, /^[a-z]{2}(-[a-z]+)+-\d+$/, 'us-east-1') ??
		(env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined);
	const endpointUrl =
		endpoint(flags.endpointUrl, '--endpoint-url') ??
		(demo ? undefined : endpoint(env.AWS_ENDPOINT_URL || undefined, 'AWS_ENDPOINT_URL'));
	return { ...(profile ? { profile } : {}), ...(region ? { region } : {}), ...(endpointUrl ? { endpointUrl } : {}) };
}

/** The AWS target from flags and `env` alone (no command line), for code that makes a gateway without one. */
export function awsTarget(
	flags: { readonly profile?: string; readonly region?: string; readonly endpointUrl?: string },
	env: NodeJS.ProcessEnv,
): AwsTarget {
	return resolveAwsTarget(flags, env, false);
}

/**
 * Parses and checks the command line. `env` supplies AWS_PROFILE, AWS_REGION, AWS_DEFAULT_REGION and
 * AWS_ENDPOINT_URL. Never exits, never throws.
 */
export function parseCommandLine(
	argv: readonly string[],
	env: NodeJS.ProcessEnv,
	importMeta: ImportMeta,
): ParsedCommandLine {
	let cli: ReturnType<typeof meow<typeof FLAGS>>;
	try {
		cli = meow(HELP_TEXT, {
			importMeta,
			argv: [...argv],
			flags: FLAGS,
			// Help, version and unknown flags are handled below, so that meow never ends the process itself.
			autoHelp: false,
			autoVersion: false,
			allowUnknownFlags: true,
			// A boolean not given is absent, not false: --read-only's remembered setting holds unless a flag says otherwise.
			booleanDefault: undefined,
		});
	} catch (error) {
		return { ok: false, message: error instanceof Error ? error.message : String(error) };
	}
	try {
		const unknown = Object.keys(cli.flags).filter((flag) => !KNOWN_FLAGS.has(flag));
		if (unknown.length > 0) {
			throw new UsageError(`Unknown option${unknown.length > 1 ? 's' : ''}: ${unknown.map(typedFlag).join(', ')}.`);
		}
		const flags = cli.flags as {
			demo?: boolean;
			demoAccounts?: string;
			profile?: string;
			region?: string;
			endpointUrl?: string;
			quota?: string;
			readOnly?: boolean;
			json?: boolean;
			jsonl?: boolean;
			state?: string;
			ou?: string;
			withImpact?: boolean;
			help?: boolean;
			version?: boolean;
		};
		const [commandName, ...extra] = cli.input;
		let command: Command;
		if (commandName === undefined) command = 'dashboard';
		else if (commandName === 'list') command = 'list';
		else if (commandName === 'journal') command = 'journal';
		else if (commandName === 'queue') command = 'queue';
		else {
			throw new UsageError(
				`Unknown command "${commandName}". Commands: list, journal --json, queue --json (or none, for the dashboard).`,
			);
		}
		if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}".`);
		const json = flags.json ?? false;
		const jsonl = flags.jsonl ?? false;
		if (json && jsonl) throw new UsageError('--json and --jsonl are two forms of list output: choose one.');
		if (jsonl && command !== 'list') {
			throw new UsageError('--jsonl goes with the list command: orgdash list --jsonl.');
		}
		if (command !== 'list' && (flags.state !== undefined || flags.ou !== undefined)) {
			throw new UsageError(
				`${flags.state !== undefined ? '--state' : '--ou'} goes with the list command (for example orgdash list --state CLOSED); in the dashboard, type it in the filter (/state:closed).`,
			);
		}
		const state = accountState(flags.state);
		const ou = ouPath(flags.ou);
		if (command === 'journal' && !json && !flags.help) {
			throw new UsageError('journal prints JSON only: run orgdash journal --json (L shows it in the dashboard).');
		}
		if (command === 'queue' && !json && !flags.help) {
			throw new UsageError('queue prints JSON only: run orgdash queue --json (Q opens it in the dashboard).');
		}
		if (command === 'dashboard' && json) {
			throw new UsageError('--json goes with the list command: orgdash list --json.');
		}
		const withImpact = flags.withImpact ?? false;
		if (withImpact && !(command === 'list' && json)) {
			throw new UsageError(
				"--with-impact goes with orgdash list --json (in the dashboard, Enter shows an account's impact).",
			);
		}
		const demoAccounts = wholeNumber('demo-accounts', flags.demoAccounts, 1, MAX_DEMO_ACCOUNTS);
		const demo = (flags.demo ?? false) || demoAccounts !== undefined;
		const options: CliOptions = {
			command,
			json,
			listFormat: json ? 'json' : jsonl ? 'jsonl' : 'table',
			listFilter: { ...(state ? { state } : {}), ...(ou ? { ou } : {}) },
			withImpact,
			demo,
			demoAccounts,
			...resolveAwsTarget(flags, env, demo),
			quota: flags.quota === 'off' ? 'off' : wholeNumber('quota', flags.quota, 1, 1_000_000),
			...(flags.readOnly === undefined ? {} : { readOnly: flags.readOnly }),
			help: flags.help ?? false,
			version: flags.version ?? false,
		};
		return { ok: true, options, helpText: cli.help, version: cli.pkg.version ?? 'unknown' };
	} catch (error) {
		if (error instanceof UsageError) return { ok: false, message: error.message };
		throw error;
	}
}

/**
 * The shared AWS config and credentials files, read by the SDK's own loader
 * (AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE honoured, as the AWS CLI
 * does): which profiles they hold and how each gets its credentials, and the
 * region and endpoint a profile sets. The SDK clients read a profile's region
 * from their `profile` setting, but read `endpoint_url` only from AWS_PROFILE;
 * resolving both here, once, makes `--profile X` the same as `AWS_PROFILE=X`.
 */
import { join } from 'node:path';
import {
	CONFIG_PREFIX_SEPARATOR,
	getHomeDir,
	loadConfig,
	loadSharedConfigFiles,
	NODE_REGION_CONFIG_FILE_OPTIONS,
	NODE_REGION_CONFIG_OPTIONS,
	type ParsedIniData,
	type Profile,
} from '@smithy/core/config';
import type { ProfileSummary } from '../../domain/credentials.js';

/** The SDK's own names of the services orgdash calls, as its endpoint settings spell them. */
export const SERVICE_IDS = {
	organizations: 'Organizations',
	account: 'Account',
	quotas: 'Service Quotas',
	sts: 'STS',
	iam: 'IAM',
	cloudFormation: 'CloudFormation',
	identityCenter: 'SSO Admin',
	costExplorer: 'Cost Explorer',
} as const;

export type ServiceName = keyof typeof SERVICE_IDS;

export interface SharedConfigPaths {
	readonly configFile: string;
	readonly credentialsFile: string;
}

/** Where the SDK reads the two files, with the same environment variables and defaults. */
export function sharedConfigPaths(env: NodeJS.ProcessEnv = process.env): SharedConfigPaths {
	return {
		configFile: env.AWS_CONFIG_FILE || join(getHomeDir(), '.aws', 'config'),
		credentialsFile: env.AWS_SHARED_CREDENTIALS_FILE || join(getHomeDir(), '.aws', 'credentials'),
	};
}

/** The home folder as `~`, so a message shows the path the user knows. */
export function shownPath(path: string): string {
	const home = getHomeDir();
	return home && path.startsWith(`${home}/`) ? `~${path.slice(home.length)}` : path;
}

/** How a profile gets its credentials, from its keys (the AWS CLI's order: a role first, then SSO). */
function credentialSource(profile: Profile): ProfileSummary['source'] {
	if (profile.role_arn) return profile.web_identity_token_file ? 'web-identity' : 'assume-role';
	if (profile.sso_session || profile.sso_start_url || profile.sso_account_id) return 'sso';
	if (profile.credential_process) return 'process';
	if (profile.aws_access_key_id) return 'keys';
	return 'none';
}

export interface SharedProfiles {
	readonly paths: SharedConfigPaths;
	/** Every profile of both files, sorted by name; a name in both files is one profile. */
	readonly profiles: readonly ProfileSummary[];
}

/** Both files, read afresh (the SDK caches them per path otherwise; the picker must see a profile added meanwhile). */
export async function readSharedProfiles(options: { readonly fresh?: boolean } = {}): Promise<SharedProfiles> {
	const paths = sharedConfigPaths();
	const files = await loadSharedConfigFiles({
		configFilepath: paths.configFile,
		filepath: paths.credentialsFile,
		ignoreCache: options.fresh ?? false,
	});
	const merged = new Map<string, Profile>();
	const sections = (data: ParsedIniData) =>
		// The config file's other sections (sso-session, services) are named "kind.name" by the loader.
		Object.entries(data).filter(([name]) => !name.includes(CONFIG_PREFIX_SEPARATOR));
	for (const [name, profile] of [...sections(files.configFile), ...sections(files.credentialsFile)]) {
		merged.set(name, { ...merged.get(name), ...profile });
	}
	const profiles = [...merged.entries()]
		.map(([name, profile]) => ({
			name,
			source: credentialSource(profile),
			...(profile.region ? { region: profile.region } : {}),
			...(profile.sso_session ? { ssoSession: profile.sso_session } : {}),
			...(profile.sso_start_url ? { ssoStartUrl: profile.sso_start_url } : {}),
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
	return { paths, profiles };
}

/**
 * The profile's region, read by the SDK's region loader (AWS_REGION first, then
 * the profile's `region`); undefined when neither sets one.
 */
export async function profileRegion(profile: string | undefined): Promise<string | undefined> {
	try {
		return await loadConfig(NODE_REGION_CONFIG_OPTIONS, {
			...NODE_REGION_CONFIG_FILE_OPTIONS,
			...(profile ? { profile } : {}),
		})();
	} catch {
		// No region anywhere: the caller falls back to its default.
		return undefined;
	}
}

/**
 * A service's endpoint as the SDK's configured-endpoint rules find it, for the
 * named profile: AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL, the profile's
 * `services` section, then its `endpoint_url`; none when
 * `ignore_configured_endpoint_urls` (or AWS_IGNORE_CONFIGURED_ENDPOINT_URLS) is true.
 */
export async function configuredEndpoint(
	service: ServiceName,
	profile: string | undefined,
): Promise<string | undefined> {
	const serviceId = SERVICE_IDS[service];
	const init = profile ? { profile } : {};
	const ignore = await loadConfig<boolean>(
		{
			environmentVariableSelector: (env) => env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS === 'true',
			configFileSelector: (section) => section.ignore_configured_endpoint_urls === 'true',
			default: false,
		},
		init,
	)();
	if (ignore) return undefined;
	return loadConfig<string | undefined>(
		{
			environmentVariableSelector: (env) =>
				env[['AWS_ENDPOINT_URL', ...serviceId.split(' ').map((part) => part.toUpperCase())].join('_')] ||
				env.AWS_ENDPOINT_URL ||
				undefined,
			configFileSelector: (section, config) => {
				if (section.services) {
					const services = config?.[['services', section.services].join(CONFIG_PREFIX_SEPARATOR)];
					const key = [
						serviceId
							.split(' ')
							.map((part) => part.toLowerCase())
							.join('_'),
						'endpoint_url',
					].join(CONFIG_PREFIX_SEPARATOR);
					if (services?.[key]) return services[key];
				}
				return section.endpoint_url || undefined;
			},
			default: undefined,
		},
		init,
	)();
}

/** Where the calls of one profile go: the region and each service's endpoint, as the AWS CLI resolves them. */
export interface ResolvedTarget {
	readonly region: string;
	readonly serviceEndpoints: Partial<Record<ServiceName, string>>;
}

/** The region when neither the command line, the environment nor the profile sets one (Organizations' home). */
export const FALLBACK_REGION = 'us-east-1';

/**
 * The region (`region` as given, else the profile's, else us-east-1) and the
 * endpoints the profile or the environment set for each service (none when
 * `endpointUrl` is given: it covers every call).
 */
export async function resolveTarget(options: {
	readonly profile?: string | undefined;
	readonly region?: string | undefined;
	readonly endpointUrl?: string | undefined;
}): Promise<ResolvedTarget> {
	const region = options.region || (await profileRegion(options.profile)) || FALLBACK_REGION;
	if (options.endpointUrl) return { region, serviceEndpoints: {} };
	const services = Object.keys(SERVICE_IDS) as ServiceName[];
	const found = await Promise.all(
		services.map(async (service) => [service, await configuredEndpoint(service, options.profile)] as const),
	);
	const serviceEndpoints: Partial<Record<ServiceName, string>> = {};
	for (const [service, endpoint] of found) if (endpoint) serviceEndpoints[service] = endpoint;
	return { region, serviceEndpoints };
}

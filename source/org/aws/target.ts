/**
 * Where an adapter's calls go, and the name the cache gives that source: plain
 * values, without the SDK, so that a start knows them before the SDK loads.
 */
import type { CallTarget } from '../gateway.js';
import { FALLBACK_REGION, type ServiceName } from './profiles.js';

export interface TargetOptions {
	readonly profile?: string | undefined;
	readonly region?: string | undefined;
	readonly endpointUrl?: string | undefined;
	readonly serviceEndpoints?: Partial<Record<ServiceName, string>> | undefined;
}

/** The profile (undefined: the default chain), the region (us-east-1 when none) and Organizations' custom endpoint. */
export function callTarget(options: TargetOptions): CallTarget {
	return {
		profile: options.profile || undefined,
		region: options.region || FALLBACK_REGION,
		endpointUrl: options.endpointUrl || options.serviceEndpoints?.organizations,
	};
}

/** OrgReader.sourceKey of the AWS adapter: the cache keeps one source's lists apart from another's. */
export function awsSourceKey(target: CallTarget): string {
	return `aws:profile=${target.profile ?? 'default'}:region=${target.region}:endpoint=${target.endpointUrl ?? 'aws'}`;
}

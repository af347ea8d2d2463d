/**
 * The IAM client and the one command orgdash sends it, in a module of their
 * own: the adapter imports it on first use, so the bundle keeps IAM's SDK in a
 * chunk that the start never loads (a static import here is what lets the
 * bundler wire the SDK's exports; a dynamic import of the SDK package would not).
 */
import { IAMClient, type IAMClientConfig, ListOrganizationsFeaturesCommand } from '@aws-sdk/client-iam';

export function createIamClient(config: IAMClientConfig): IAMClient {
	return new IAMClient(config);
}

export { ListOrganizationsFeaturesCommand };

/**
 * Whether the organization manages its members' root access centrally
 * (iam:ListOrganizationsFeatures). The IAM client (iam-client.ts) is loaded only when this is
 * first asked, so it costs the start nothing.
 */
import type { IAMClient } from '@aws-sdk/client-iam';
import { displayText } from '../../domain/display-text.js';
import { type RootAccessFeatures, whyRootAccessUnknown } from '../../domain/root-access.js';
import { toOrgError } from './sdk-errors.js';

export function createRootAccessFeatures(iam: () => Promise<IAMClient>): () => Promise<RootAccessFeatures> {
	return async () => {
		try {
			const [client, { ListOrganizationsFeaturesCommand }] = await Promise.all([iam(), import('./iam-client.js')]);
			const answer = await client.send(new ListOrganizationsFeaturesCommand({}));
			return { known: true, value: (answer.EnabledFeatures ?? []).map((feature) => displayText(feature)) };
		} catch (error) {
			const failure = toOrgError(error, 'IAM.ListOrganizationsFeatures');
			return { known: false, reason: displayText(whyRootAccessUnknown(failure)) };
		}
	};
}

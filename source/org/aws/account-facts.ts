/**
 * What the Account Management API tells about an account: its regions (enabled,
 * or being enabled or disabled), primary email, alternate contacts and linked
 * GovCloud account with its state. Each
 * call that fails leaves its fact unknown, with the reason (explain-fact.ts).
 */
import {
	type AccountClient,
	type AlternateContactType,
	GetAlternateContactCommand,
	GetGovCloudAccountInformationCommand,
	GetPrimaryEmailCommand,
	paginateListRegions,
} from '@aws-sdk/client-account';
import { whyFactUnknown } from '../../domain/explain-fact.js';
import {
	type AccountFacts,
	type AccountRegion,
	type AlternateContact,
	displayFacts,
	type Fact,
	LISTED_REGION_STATUSES,
	type LinkedGovCloud,
	type RegionOptStatus,
} from '../../domain/facts.js';
import { OrgError } from '../errors.js';
import { callAws, toOrgError } from './sdk-errors.js';

const CONTACT_TYPES: readonly AlternateContact['type'][] = ['BILLING', 'OPERATIONS', 'SECURITY'];

function factFrom<T>(result: PromiseSettledResult<T>, action: string): Fact<T> {
	return result.status === 'fulfilled'
		? { known: true, value: result.value }
		: { known: false, reason: whyFactUnknown(action, result.reason as OrgError) };
}

/**
 * `managementEmail` gives the management account's root email: GetPrimaryEmail
 * cannot address the management account, and the organization names it.
 */
export function createAccountFacts(
	account: AccountClient,
	managementEmail: () => Promise<string | undefined>,
): (accountId: string, isManagement: boolean) => Promise<AccountFacts> {
	function contactsOf(
		accountId: string | undefined,
	): Promise<Record<AlternateContact['type'], AlternateContact | null>> {
		return Promise.all(
			CONTACT_TYPES.map(async (type): Promise<AlternateContact | null> => {
				try {
					const { AlternateContact: contact } = await account.send(
						new GetAlternateContactCommand({
							AccountId: accountId,
							AlternateContactType: type as AlternateContactType,
						}),
					);
					return {
						type,
						name: contact?.Name ?? '',
						email: contact?.EmailAddress ?? '',
						phone: contact?.PhoneNumber ?? '',
						title: contact?.Title ?? '',
					};
				} catch (error) {
					// AWS's answer for "no contact of this type is set".
					if ((error as Error).name === 'ResourceNotFoundException') return null;
					throw toOrgError(error, 'Account.GetAlternateContact');
				}
			}),
		).then(([billing, operations, security]) => ({
			BILLING: billing ?? null,
			OPERATIONS: operations ?? null,
			SECURITY: security ?? null,
		}));
	}

	async function regions(accountId: string | undefined): Promise<AccountRegion[]> {
		const found: AccountRegion[] = [];
		try {
			// Regions being enabled or disabled may hold resources too: they are listed with their status.
			for await (const page of paginateListRegions(
				{ client: account },
				{ AccountId: accountId, RegionOptStatusContains: [...LISTED_REGION_STATUSES] },
			)) {
				for (const region of page.Regions ?? []) {
					const status = region.RegionOptStatus as RegionOptStatus | undefined;
					if (region.RegionName && status && LISTED_REGION_STATUSES.includes(status)) {
						found.push({ name: region.RegionName, status });
					}
				}
			}
		} catch (error) {
			throw toOrgError(error, 'Account.ListRegions');
		}
		return found.sort((a, b) => a.name.localeCompare(b.name));
	}

	async function primaryEmail(accountId: string, isManagement: boolean): Promise<string> {
		if (isManagement) {
			const email = await managementEmail();
			if (!email) throw new OrgError('UnknownError', 'DescribeOrganization gave no management account email');
			return email;
		}
		const result = await callAws('Account.GetPrimaryEmail', () =>
			account.send(new GetPrimaryEmailCommand({ AccountId: accountId })),
		);
		if (!result.PrimaryEmail) throw new OrgError('UnknownError', 'GetPrimaryEmail gave no address');
		return result.PrimaryEmail;
	}

	async function linkedGovCloud(accountId: string | undefined): Promise<LinkedGovCloud | null> {
		try {
			const result = await account.send(new GetGovCloudAccountInformationCommand({ StandardAccountId: accountId }));
			if (!result.GovCloudAccountId) return null;
			return {
				accountId: result.GovCloudAccountId,
				...(result.AccountState ? { state: result.AccountState } : {}),
			};
		} catch (error) {
			// AWS's answer when no GovCloud account is linked to this one.
			if ((error as Error).name === 'ResourceNotFoundException') return null;
			throw toOrgError(error, 'Account.GetGovCloudAccountInformation');
		}
	}

	return async (accountId, isManagement) => {
		// The Account API addresses the caller's own (management) account by omitting AccountId.
		const target = isManagement ? undefined : accountId;
		const [listed, email, contacts, govCloud] = await Promise.allSettled([
			regions(target),
			primaryEmail(accountId, isManagement),
			contactsOf(target),
			linkedGovCloud(target),
		]);
		return displayFacts({
			regions: factFrom(listed, 'account:ListRegions'),
			primaryEmail: factFrom(email, isManagement ? 'organizations:DescribeOrganization' : 'account:GetPrimaryEmail'),
			alternateContacts: factFrom(contacts, 'account:GetAlternateContact'),
			govCloud: factFrom(govCloud, 'account:GetGovCloudAccountInformation'),
		});
	};
}

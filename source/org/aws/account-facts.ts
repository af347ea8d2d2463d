/**
 * What the Account Management API tells about an account: its enabled
 * regions, primary email, alternate contacts and linked GovCloud account. Each
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
import { type AccountFacts, type AlternateContact, displayFacts, type Fact } from '../../domain/facts.js';
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

	async function enabledRegions(accountId: string | undefined): Promise<string[]> {
		const names: string[] = [];
		try {
			for await (const page of paginateListRegions(
				{ client: account },
				{ AccountId: accountId, RegionOptStatusContains: ['ENABLED', 'ENABLED_BY_DEFAULT'] },
			)) {
				for (const region of page.Regions ?? []) if (region.RegionName) names.push(region.RegionName);
			}
		} catch (error) {
			throw toOrgError(error, 'Account.ListRegions');
		}
		return names.sort();
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

	async function linkedGovCloud(accountId: string | undefined): Promise<string | null> {
		try {
			const result = await account.send(new GetGovCloudAccountInformationCommand({ StandardAccountId: accountId }));
			return result.GovCloudAccountId ?? null;
		} catch (error) {
			// AWS's answer when no GovCloud account is linked to this one.
			if ((error as Error).name === 'ResourceNotFoundException') return null;
			throw toOrgError(error, 'Account.GetGovCloudAccountInformation');
		}
	}

	return async (accountId, isManagement) => {
		// The Account API addresses the caller's own (management) account by omitting AccountId.
		const target = isManagement ? undefined : accountId;
		const [regions, email, contacts, govCloud] = await Promise.allSettled([
			enabledRegions(target),
			primaryEmail(accountId, isManagement),
			contactsOf(target),
			linkedGovCloud(target),
		]);
		return displayFacts({
			enabledRegions: factFrom(regions, 'account:ListRegions'),
			primaryEmail: factFrom(email, isManagement ? 'organizations:DescribeOrganization' : 'account:GetPrimaryEmail'),
			alternateContacts: factFrom(contacts, 'account:GetAlternateContact'),
			govCloudAccountId: factFrom(govCloud, 'account:GetGovCloudAccountInformation'),
		});
	};
}

/**
 * What the sandbox answers, in AWS's shapes and words: its accounts as the
 * domain's, the Account Management facts, and the messages of its refusals.
 */
import { type Account, displayAccount } from '../../domain/account.js';
import { type AccountFacts, type AlternateContact, displayFacts, type Fact } from '../../domain/facts.js';
import { OrgError } from '../errors.js';
import type { SandboxAccount } from './types.js';

export const REMOVAL_MESSAGES: Record<string, string> = {
	WAIT_PERIOD_ACTIVE:
		'You cannot remove an account that was created by the organization until it is at least 4 days old. Try again later.',
	CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG:
		'You cannot remove an account that is a delegated administrator for a service. Deregister it as delegated administrator first.',
	MEMBER_ACCOUNT_PAYMENT_INSTRUMENT_REQUIRED:
		'The member account must have a valid payment method before it can leave the organization. Sign in to it and add one.',
	ACCOUNT_CANNOT_LEAVE_WITHOUT_PHONE_VERIFICATION:
		'The member account must complete phone verification before it can leave the organization.',
	ACCOUNT_CANNOT_LEAVE_WITHOUT_EULA:
		'The member account must accept the AWS Customer Agreement before it can leave the organization.',
	INVALID_PAYMENT_INSTRUMENT:
		"The member account's payment method is not valid. Update it before removing the account.",
};

export function accessDenied(): OrgError {
	return new OrgError('AccessDeniedException', "You don't have permissions to access this resource.");
}

/** The legacy Status AWS still sends beside State: a closed account reads SUSPENDED there. */
function legacyStatus(state: SandboxAccount['state']): string {
	if (state === 'CLOSED') return 'SUSPENDED';
	return state === 'PENDING_ACTIVATION' ? 'ACTIVE' : state;
}

/**
 * Display-safe, as the AWS adapter's accounts are (see display-text.ts), with
 * the record AWS would return (`raw`) beside it.
 */
export function toAccount(
	account: SandboxAccount,
	organization: { readonly id: string; readonly managementAccountId: string },
): Account {
	const joinedAt = new Date(account.joinedAtMs);
	const result: Omit<Account, 'original'> = {
		id: account.id,
		name: account.name,
		email: account.email,
		state: account.state,
		stateSource: 'State',
		joinedMethod: account.joinedMethod,
		joinedAt: joinedAt.toISOString(),
		parentId: account.parentId,
		parentPath: account.parentPath,
		raw: {
			Id: account.id,
			Arn: `arn:aws:organizations::${organization.managementAccountId}:account/${organization.id}/${account.id}`,
			Email: account.email,
			Name: account.name,
			Status: legacyStatus(account.state),
			State: account.state,
			JoinedMethod: account.joinedMethod,
			JoinedTimestamp: joinedAt,
		},
	};
	if (account.closedAtMs === undefined) return displayAccount(result);
	return displayAccount({ ...result, closedAt: new Date(account.closedAtMs).toISOString() });
}

const DEFAULT_REGIONS = [
	'ap-northeast-1',
	'ap-northeast-2',
	'ap-northeast-3',
	'ap-south-1',
	'ap-southeast-1',
	'ap-southeast-2',
	'ca-central-1',
	'eu-central-1',
	'eu-north-1',
	'eu-west-1',
	'eu-west-2',
	'eu-west-3',
	'sa-east-1',
	'us-east-1',
	'us-east-2',
	'us-west-1',
	'us-west-2',
];

export function unknownFacts(reason: string): AccountFacts {
	return displayFacts({
		regions: { known: false, reason },
		primaryEmail: { known: false, reason },
		alternateContacts: { known: false, reason },
		govCloud: { known: false, reason },
	});
}

export function factsOf(account: SandboxAccount): AccountFacts {
	const profile = account.facts ?? {};
	const unknown = profile.unknown ?? {};
	const fact = <T>(key: keyof AccountFacts, value: () => T): Fact<T> => {
		const reason = unknown[key];
		return reason === undefined ? { known: true, value: value() } : { known: false, reason };
	};
	return {
		regions: fact('regions', () =>
			[
				...DEFAULT_REGIONS.map((name) => ({ name, status: 'ENABLED_BY_DEFAULT' as const })),
				...Object.entries(profile.extraRegions ?? {}).map(([name, status]) => ({ name, status })),
			].sort((a, b) => a.name.localeCompare(b.name)),
		),
		primaryEmail: fact('primaryEmail', () => account.email),
		alternateContacts: fact('alternateContacts', () => ({
			BILLING: contact(
				'BILLING',
				'Priya Raman',
				'aws-billing@acme-corp.example',
				'+1 206 555 0142',
				'Finance Operations',
			),
			OPERATIONS: profile.noOperationsContact
				? null
				: contact(
						'OPERATIONS',
						'Marcus Lee',
						'cloud-ops@acme-corp.example',
						'+1 206 555 0178',
						'Cloud Operations Lead',
					),
			SECURITY: contact(
				'SECURITY',
				'Hannah Becker',
				'security-alerts@acme-corp.example',
				'+1 206 555 0199',
				'Security Engineering Manager',
			),
		})),
		govCloud: fact('govCloud', () => profile.govCloud ?? null),
	};
}

function contact(
	type: AlternateContact['type'],
	name: string,
	email: string,
	phone: string,
	title: string,
): AlternateContact {
	return { type, name, email, phone, title };
}

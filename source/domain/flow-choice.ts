/**
 * What c (close) or x (remove) opens, decided once, when the key is pressed:
 * a member's guided flow, the console steps for an account no API can close,
 * or why nothing can be offered yet. The choice then stays as it was made: a
 * refusal does not turn into a flow by itself when the list catches up.
 */
import type { Account, CallerIdentity, Organization } from './account.js';
import type { ConsoleClosureInput } from './console-closure.js';

export type FlowAction = 'close' | 'remove';

export interface FlowChoiceInput {
	readonly action: FlowAction;
	/** The row selected on the dashboard, if any. */
	readonly selected: Account | undefined;
	/** The organization and the signed-in identity, once read from AWS. */
	readonly organization: Organization | undefined;
	readonly caller: CallerIdentity | undefined;
	/** The organization's accounts as listed so far (the management account's members). */
	readonly accounts: readonly Account[];
	/** AWS said the signed-in account belongs to no organization (AWSOrganizationsNotInUseException). */
	readonly notInOrganization: boolean;
	/** Rows shown from the cached list: their state has not been read from AWS yet. */
	readonly cachedIds: ReadonlySet<string>;
	/** When the list on screen was loaded, or saved for a cached one. */
	readonly listedAt?: Date | undefined;
}

export type FlowChoice =
	/** The guided flow of a member; it reads the account afresh before offering anything. */
	| {
			readonly kind: 'member-flow';
			readonly action: FlowAction;
			readonly account: Account;
			readonly organization: Organization;
			readonly caller: CallerIdentity;
	  }
	/** The console steps: the management account, or a standalone one. */
	| { readonly kind: 'console'; readonly input: ConsoleClosureInput }
	/** The row is shown from the cached list: no action on a state that may be out of date. */
	| {
			readonly kind: 'cached-row';
			readonly action: FlowAction;
			readonly account: Pick<Account, 'id' | 'name'>;
			readonly savedAt?: Date | undefined;
	  }
	/** The organization, the caller or the row is not known yet. */
	| { readonly kind: 'still-loading' }
	/** Removal asked of an account that is in no organization. */
	| { readonly kind: 'not-in-organization' };

/** States of a member that is closed or on its way there, for the management account's console steps. */
const CLOSED_STATES: ReadonlySet<Account['state']> = new Set(['CLOSED', 'PENDING_CLOSURE', 'SUSPENDED']);

/** What the key opens; undefined when it has nothing to act on (no row selected, and no standalone account to close). */
export function chooseFlow(input: FlowChoiceInput): FlowChoice | undefined {
	const { action, selected, organization, caller, accounts, cachedIds } = input;
	const standalone = input.notInOrganization ? caller : undefined;
	if (action === 'close' && standalone) {
		return {
			kind: 'console',
			input: { kind: 'standalone', accountId: standalone.accountId, createdByOrganization: false },
		};
	}
	if (!selected) return undefined;
	if (action === 'remove' && standalone) return { kind: 'not-in-organization' };
	if (!organization || !caller) return { kind: 'still-loading' };
	if (cachedIds.has(selected.id)) {
		return { kind: 'cached-row', action, account: selected, savedAt: input.listedAt };
	}
	if (action === 'close' && selected.id === organization.managementAccountId) {
		const members = accounts.filter((item) => item.id !== organization.managementAccountId);
		return {
			kind: 'console',
			input: {
				kind: 'management',
				accountId: selected.id,
				accountName: selected.name,
				rootEmail: organization.managementAccountEmail ?? selected.email,
				createdByOrganization: false,
				members: {
					remaining: members.length,
					closedAwaitingDeletion: members.filter((member) => CLOSED_STATES.has(member.state)).length,
				},
			},
		};
	}
	return { kind: 'member-flow', action, account: selected, organization, caller };
}

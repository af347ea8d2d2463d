/**
 * What a member's guided flow needs from the app: the gateway, the journal
 * and settings as FlowServices, the quota as it was when the flow opened, and
 * the reload of the list once the flow has changed an account.
 */
import { useRef, useState } from 'react';
import type { Account } from '../../domain/account.js';
import type { FlowState } from '../../domain/flow/types.js';
import type { FlowChoice } from '../../domain/flow-choice.js';
import { resolveQuotaLimit } from '../../domain/quota.js';
import type { OrgGateway } from '../../org/gateway.js';
import type { Settings } from '../../store/settings.js';
import type { FlowServices } from '../flow-effects.js';
import type { UseAccounts } from './use-accounts.js';
import { journalFor } from './use-journal.js';

export interface FlowWiring {
	readonly services: FlowServices;
	readonly quota: { readonly counted: number; readonly limit: number } | undefined;
	readonly onState: (state: FlowState) => void;
	readonly onExit: () => void;
}

/** The part of the screens' context a flow uses. */
export interface FlowHost {
	/** Undefined in read-only mode: no flow can be wired then. */
	readonly writer: OrgGateway | undefined;
	readonly settings?: Settings;
	readonly accounts: UseAccounts;
	back(): void;
}

/** Made once, when the screen opens; undefined unless the choice is a member's flow and writes are allowed. */
export function useFlowServices(context: FlowHost, choice: FlowChoice): FlowWiring | undefined {
	const latest = useRef(context);
	latest.current = context;
	const changed = useRef(false);
	const reloaded = useRef(false);
	const [wiring] = useState((): FlowWiring | undefined => {
		const { writer: gateway, settings, accounts } = context;
		if (choice.kind !== 'member-flow' || !gateway) return undefined;
		const { organization, caller } = choice;
		const reload = () => {
			reloaded.current = true;
			latest.current.accounts.refresh();
		};
		return {
			services: {
				gateway,
				journal: journalFor(settings, organization.id),
				...(settings ? { progress: settings } : {}),
				organization,
				caller,
				// The in-memory organization answers at once: no reason to wait between reads.
				...(gateway.kind === 'sandbox' ? { pollIntervalMs: 250 } : {}),
				onAccount: (account: Account) => latest.current.accounts.updateAccount(account),
			},
			// Read once: conf reads its file on every access.
			quota: accounts.quota
				? {
						// Pending invitations hold slots too, as on the quota line.
						counted:
							accounts.accounts.length + (accounts.quota.invitations?.known ? accounts.quota.invitations.count : 0),
						limit: resolveQuotaLimit(accounts.quota, settings?.quotaFor(organization.id)).limit,
					}
				: undefined,
			onState: (state: FlowState) => {
				const step = state.step.name;
				if (step === 'tracking') changed.current = true;
				// The header's quota and the list follow at once: a removed account leaves, a closed one changes state.
				if ((step === 'removed' || step === 'closed') && !reloaded.current) reload();
			},
			onExit: () => {
				if (changed.current && !reloaded.current) reload();
				latest.current.back();
			},
		};
	});
	return wiring;
}

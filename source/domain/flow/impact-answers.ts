/**
 * The impact scan inside a flow: what closing or removing the account would
 * break arrives while the flow runs; a delegated administrator is refused
 * removal before any confirmation, whenever that becomes known.
 */

import type { AccountImpact } from '../impact.js';
import { delegatedAdministratorRefusal, delegatedServicesOf } from '../impact.js';
import type { Refusal } from '../removal.js';
import { to } from './transitions.js';
import type { FlowState, Transition } from './types.js';

/**
 * Why removing this account is refused for its delegations, if it is: from the
 * account's own read (ListDelegatedServicesForAccount) when it has answered,
 * from the organization's scan (ListDelegatedAdministrators) until then.
 */
export function delegationRefusal(state: FlowState): Refusal | undefined {
	const own = state.impact?.delegatedServices;
	const services = own?.known ? own.value : delegatedServicesOf(state.accountId, state.context.organizationImpact);
	return delegatedAdministratorRefusal(state.accountId, services);
}

/** On the way to a removal, up to its last question: where a delegation found now stops the flow. */
function headingForRemoval(state: FlowState): boolean {
	const { step } = state;
	if (step.name === 'remove-intro') return true;
	return (step.name === 'confirm-id' || step.name === 'confirm-yes') && step.action === 'remove';
}

export function onImpactLoaded(state: FlowState, impact: AccountImpact): Transition {
	const withImpact: FlowState = { ...state, impact };
	const refusal = headingForRemoval(withImpact) ? delegationRefusal(withImpact) : undefined;
	if (refusal) return to(withImpact, { name: 'refused', refusals: [refusal] });
	return { state: withImpact, effects: [] };
}

/**
 * The guided close and removal flows as one pure reducer: state + event ->
 * state + the effects it asks for. Keys go to step-keys.ts, AWS's answers to
 * aws-answers.ts. The destructive effect ('submit') comes from one place only,
 * confirmation.ts: the last question, answered with the typed line 'y' or
 * 'yes', after the exact account id was typed. When the request's answer is
 * lost (or AWS fails without refusing it), the outcome is unknown: 'settling'
 * reads the account's state at once and says what it found; no step after it
 * can send the request again.
 */
import { normalizeTicked } from '../checklist.js';
import { explain } from '../explain.js';
import {
	factsFromError,
	onPolled,
	onPollFailed,
	onRefreshed,
	onSettled,
	onSettleFailed,
	onSubmitFailed,
	onSubmitted,
} from './aws-answers.js';
import { onImpactLoaded } from './impact-answers.js';
import { onKey } from './step-keys.js';
import { stay, to } from './transitions.js';
import type { FlowContext, FlowEffect, FlowEvent, FlowState, Transition } from './types.js';

/** The first state of a flow and the reads it needs. */
export function startFlow(context: FlowContext, accountId: string): Transition {
	const state: FlowState = {
		context,
		accountId,
		account: undefined,
		facts: undefined,
		ticked: normalizeTicked(context.savedTicked ?? []),
		step: { name: 'loading' },
		notice: undefined,
		confirmations: 0,
		settlement: undefined,
	};
	const effects: FlowEffect[] = [
		{ type: 'refresh', accountId },
		{ type: 'loadImpact', accountId, withSpend: context.organizationImpact === undefined },
	];
	if (context.kind === 'close') {
		effects.push({
			type: 'loadFacts',
			accountId,
			isManagement: accountId === context.organization.managementAccountId,
		});
	}
	return { state, effects };
}

export function flowReducer(state: FlowState, event: FlowEvent): Transition {
	const { step } = state;
	switch (event.type) {
		case 'key':
			return onKey(state, event.key, event.pasted === true);
		case 'refreshed':
			return onRefreshed(state, event.account);
		case 'refreshFailed':
			if (step.name !== 'loading') return stay(state, state.notice);
			return to(state, {
				name: 'failed',
				action: 'describe',
				explanation: explain(event.error, { action: 'describe', accountId: state.accountId }),
			});
		case 'factsLoaded':
			return { state: { ...state, facts: event.facts }, effects: [] };
		case 'factsFailed':
			return { state: { ...state, facts: factsFromError(event.error) }, effects: [] };
		case 'impactLoaded':
			return onImpactLoaded(state, event.impact);
		case 'submitted':
			return onSubmitted(state, event.confirmation, event.at);
		case 'submitFailed':
			return onSubmitFailed(state, event);
		case 'settled':
			return onSettled(state, event);
		case 'settleFailed':
			return onSettleFailed(state, event);
		case 'polled':
			return onPolled(state, event.account);
		case 'pollFailed':
			return onPollFailed(state, event.error);
	}
}

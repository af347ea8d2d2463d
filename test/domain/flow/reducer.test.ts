import { describe, expect, it } from 'vitest';
import type { Account, Organization } from '../../../source/domain/account.js';
import { CHECKLIST_ITEM_IDS } from '../../../source/domain/checklist.js';
import type { AccountFacts } from '../../../source/domain/facts.js';
import { allowanceView, knownClosureTimes } from '../../../source/domain/flow/closure-allowance.js';
import { ANSWER_MAX_LENGTH, isYes } from '../../../source/domain/flow/confirmation.js';
import { flowReducer, startFlow } from '../../../source/domain/flow/reducer.js';
import { stepTrail } from '../../../source/domain/flow/step-trail.js';
import type { FlowContext, FlowEffect, FlowEvent, FlowKey, FlowState } from '../../../source/domain/flow/types.js';
import {
	type AccountImpact,
	IMPACT_SOURCES,
	knownItem,
	type OrganizationImpact,
} from '../../../source/domain/impact.js';
import { removalPrerequisites } from '../../../source/domain/removal.js';
import { LOG_ARCHIVE, REMOVAL_PREREQUISITE_TITLES } from '../../support/accounts.js';

const NOW = '2026-05-10T12:00:00.000Z';
const MANAGEMENT = '111111111111';
const MEMBER = '318274650192';

const organization: Organization = {
	id: 'o-test1234567',
	managementAccountId: MANAGEMENT,
	featureSet: 'ALL',
};

function account(overrides: Partial<Account> = {}): Account {
	return { ...LOG_ARCHIVE, id: MEMBER, email: 'log@acme.example', ...overrides };
}

function context(overrides: Partial<FlowContext> = {}): FlowContext {
	return {
		kind: 'close',
		organization,
		caller: { accountId: MANAGEMENT, arn: `arn:aws:iam::${MANAGEMENT}:user/admin` },
		memberCount: 40,
		closuresAt: [],
		startedAt: NOW,
		...overrides,
	};
}

const key = {
	enter: { type: 'key', key: { type: 'enter' } },
	escape: { type: 'key', key: { type: 'escape' } },
	space: { type: 'key', key: { type: 'space' } },
	backspace: { type: 'key', key: { type: 'backspace' } },
	up: { type: 'key', key: { type: 'up' } },
	down: { type: 'key', key: { type: 'down' } },
	text: (text: string): FlowEvent => ({ type: 'key', key: { type: 'text', text } as FlowKey }),
} satisfies Record<string, FlowEvent | ((text: string) => FlowEvent)>;

interface Run {
	state: FlowState;
	effects: FlowEffect[];
}

function run(state: FlowState, ...events: FlowEvent[]): Run {
	const effects: FlowEffect[] = [];
	let current = state;
	for (const event of events) {
		const transition = flowReducer(current, event);
		current = transition.state;
		effects.push(...transition.effects);
	}
	return { state: current, effects };
}

function typeId(id: string): FlowEvent[] {
	return [...id].map((digit) => key.text(digit));
}

function started(flowContext = context(), fresh = account()): FlowState {
	return run(startFlow(flowContext, fresh.id).state, { type: 'refreshed', account: fresh }).state;
}

function tickAll(): FlowEvent[] {
	return CHECKLIST_ITEM_IDS.flatMap(() => [key.space, key.down]);
}

/** From the intro to the confirm-yes step of the close-inside-the-organization path. */
function toConfirmYes(state = started()): FlowState {
	return run(state, key.enter, ...tickAll(), key.enter, key.enter, ...typeId(MEMBER), key.enter).state;
}

function submits(effects: readonly FlowEffect[]): FlowEffect[] {
	return effects.filter((effect) => effect.type === 'submit');
}

/** An organization scan naming MEMBER as delegated administrator for `services` (none: not one). */
function scanNaming(services: readonly string[]): OrganizationImpact {
	const byAccount: Record<string, readonly string[]> = services.length ? { [MEMBER]: services } : {};
	return {
		delegatedAdministrators: knownItem(IMPACT_SOURCES.delegatedAdministrators, byAccount),
		spend: knownItem(IMPACT_SOURCES.spend, {}),
	};
}

function ownImpact(services: readonly string[]): AccountImpact {
	const none = knownItem(IMPACT_SOURCES.tags, []);
	return {
		delegatedServices: knownItem(IMPACT_SOURCES.delegatedServices, services),
		stackInstances: knownItem(IMPACT_SOURCES.stackInstances, []),
		identityCenter: knownItem(IMPACT_SOURCES.identityCenter, { permissionSets: [], assignments: 0 }),
		policies: knownItem(IMPACT_SOURCES.policies, []),
		tags: none,
		spend: knownItem(IMPACT_SOURCES.spend, { month: '2026-04', lastMonth: 1, monthToDate: 0, currency: 'USD' }),
	};
}

describe('a delegated administrator', () => {
	const GUARDDUTY = 'guardduty.amazonaws.com';

	it('is refused removal at once when the organization scan names it', () => {
		const state = started(context({ kind: 'remove', organizationImpact: scanNaming([GUARDDUTY]) }));
		expect(state.step.name).toBe('refused');
		const refusals = state.step.name === 'refused' ? state.step.refusals : [];
		expect(refusals.map((refusal) => refusal.code)).toEqual(['delegated-administrator']);
		expect(refusals[0]?.next).toContain(`--account-id ${MEMBER} --service-principal ${GUARDDUTY}`);
	});

	it('is refused when its own read answers during the confirmation, and nothing is sent after', () => {
		let state = started(context({ kind: 'remove' }));
		expect(state.step.name).toBe('remove-intro');
		state = run(state, key.enter, ...typeId(MEMBER), key.enter).state;
		expect(state.step.name).toBe('confirm-yes');
		const refused = run(state, { type: 'impactLoaded', impact: ownImpact([GUARDDUTY]) });
		expect(refused.state.step.name).toBe('refused');
		const after = run(refused.state, key.text('y'), key.enter);
		expect(submits([...refused.effects, ...after.effects])).toEqual([]);
	});

	it("is refused on the close flow's way to removal, not on its way to CloseAccount", () => {
		const withImpact = run(started(), { type: 'impactLoaded', impact: ownImpact([GUARDDUTY]) }).state;
		// Intro, checklist, then the second path: remove first.
		const removing = run(withImpact, key.enter, ...tickAll(), key.enter, key.down, key.enter, key.enter).state;
		expect(removing.step.name).toBe('refused');
		const closing = toConfirmYes(withImpact);
		expect(closing.step.name).toBe('confirm-yes');
	});

	it('is not refused when its own read finds no delegation, whatever an older scan said', () => {
		const state = run(
			startFlow(context({ kind: 'remove', organizationImpact: scanNaming([GUARDDUTY]) }), MEMBER).state,
			{
				type: 'impactLoaded',
				impact: ownImpact([]),
			},
			{ type: 'refreshed', account: account() },
		).state;
		expect(state.step.name).toBe('remove-intro');
	});
});

describe('starting a flow', () => {
	it('refreshes the account, reads its impact and, for a closure, its facts', () => {
		const { state, effects } = startFlow(context(), MEMBER);
		expect(state.step).toEqual({ name: 'loading' });
		expect(effects).toEqual([
			{ type: 'refresh', accountId: MEMBER },
			{ type: 'loadImpact', accountId: MEMBER, withSpend: true },
			{ type: 'loadFacts', accountId: MEMBER, isManagement: false },
		]);
		expect(startFlow(context({ kind: 'remove', organizationImpact: scanNaming([]) }), MEMBER).effects).toEqual([
			{ type: 'refresh', accountId: MEMBER },
			{ type: 'loadImpact', accountId: MEMBER, withSpend: false },
		]);
	});

	it('resumes saved checklist progress, dropping unknown ids', () => {
		const { state } = startFlow(context({ savedTicked: ['bills', 'gone-item', 'data'] }), MEMBER);
		expect(state.ticked).toEqual(['data', 'bills']);
	});

	it('goes to the intro once the account is fresh, and the remove flow to what removal means', () => {
		expect(started().step.name).toBe('intro');
		expect(started(context({ kind: 'remove' })).step.name).toBe('remove-intro');
	});

	it('explains a failed refresh and never goes further', () => {
		const { state } = run(startFlow(context(), MEMBER).state, {
			type: 'refreshFailed',
			error: { code: 'AccountNotFoundException' },
		});
		expect(state.step.name).toBe('failed');
		if (state.step.name === 'failed') expect(state.step.explanation.what).toMatch(/not found/);
		expect(run(state, key.escape).state.step.name).toBe('exit');
	});

	it('ignores keys while loading, except Esc which leaves', () => {
		const loading = startFlow(context(), MEMBER).state;
		expect(run(loading, key.enter, key.text('y'), key.space).state.step.name).toBe('loading');
		expect(run(loading, key.escape).effects).toEqual([{ type: 'exit' }]);
	});
});

describe('close refusals', () => {
	function refusalCodes(state: FlowState): string[] {
		return state.step.name === 'refused' ? state.step.refusals.map((refusal) => refusal.code) : [];
	}

	it('refuses the management account', () => {
		const state = started(context(), account({ id: MANAGEMENT }));
		expect(refusalCodes(state)).toEqual(['management-account']);
	});

	it('refuses an account already closed or pending closure', () => {
		expect(
			refusalCodes(started(context(), account({ state: 'CLOSED', closedAt: '2026-04-01T00:00:00.000Z' }))),
		).toEqual(['already-closed']);
		expect(refusalCodes(started(context(), account({ state: 'PENDING_CLOSURE' })))).toEqual(['already-closed']);
		const suspended = started(context(), account({ state: 'SUSPENDED' }));
		expect(refusalCodes(suspended)).toEqual(['already-closed']);
		expect(suspended.step.name === 'refused' && suspended.step.refusals[0]?.why).toMatch(
			/This account is SUSPENDED. AWS does not close it again/,
		);
		const legacy = started(context(), account({ state: 'SUSPENDED', stateSource: 'Status' }));
		expect(legacy.step.name === 'refused' && legacy.step.refusals[0]?.why).toMatch(/cannot tell them apart/);
	});

	it('refuses a caller that is not the management account', () => {
		const state = started(context({ caller: { accountId: '999999999999', arn: 'arn:aws:iam::999999999999:role/x' } }));
		expect(refusalCodes(state)).toEqual(['not-management-caller']);
		if (state.step.name === 'refused') expect(state.step.refusals[0]?.why).toMatch(/999999999999/);
	});

	it('refuses when the closure allowance is spent, and says when the next slot frees', () => {
		const closuresAt = Array.from({ length: 250 }, (_, index) => `2026-05-0${(index % 9) + 1}T00:00:00.000Z`);
		const state = started(context({ memberCount: 40, closuresAt }));
		expect(refusalCodes(state)).toEqual(['allowance-spent']);
		if (state.step.name === 'refused') {
			expect(state.step.refusals[0]?.why).toMatch(/250 closures recorded/);
			expect(state.step.refusals[0]?.why).toMatch(/2026-05-31/);
		}
	});

	it('refuses an organization without all features', () => {
		const state = started(context({ organization: { ...organization, featureSet: 'CONSOLIDATED_BILLING' } }));
		expect(refusalCodes(state)).toEqual(['not-all-features']);
	});

	it('lists every reason at once', () => {
		const state = started(
			context({ caller: { accountId: '999999999999', arn: 'x' } }),
			account({ id: MANAGEMENT, state: 'CLOSED' }),
		);
		expect(refusalCodes(state)).toEqual(['management-account', 'already-closed', 'not-management-caller']);
	});

	it('leaves a refusal with Enter or Esc and never asks for anything destructive', () => {
		const state = started(context(), account({ id: MANAGEMENT }));
		for (const event of [key.enter, key.escape]) {
			const result = run(state, ...typeId(MANAGEMENT), key.text('y'), event);
			expect(result.state.step.name).toBe('exit');
			expect(submits(result.effects)).toEqual([]);
		}
	});
});

describe('remove refusals', () => {
	it('refuses the management account and a non-management caller', () => {
		const management = started(context({ kind: 'remove' }), account({ id: MANAGEMENT }));
		expect(management.step.name === 'refused' && management.step.refusals.map((r) => r.code)).toEqual([
			'management-account',
		]);
		const member = started(context({ kind: 'remove', caller: { accountId: '222222222222', arn: 'x' } }));
		expect(member.step.name === 'refused' && member.step.refusals.map((r) => r.code)).toEqual([
			'not-management-caller',
		]);
	});

	it('refuses a closed or closing member before any confirmation, with the reason, and no advice to remove it', () => {
		for (const state of ['CLOSED', 'PENDING_CLOSURE'] as const) {
			const refused = started(context({ kind: 'remove' }), account({ state, closedAt: '2026-05-01T00:00:00.000Z' }));
			expect(refused.step.name).toBe('refused');
			if (refused.step.name !== 'refused') continue;
			expect(refused.step.refusals.map((r) => r.code)).toEqual(['closed-cannot-leave']);
			const [refusal] = refused.step.refusals;
			expect(refusal?.why).toMatch(/until it is finally closed, up to 90 days/);
			expect(refusal?.why).toMatch(/2026-07-30/);
			expect(refusal?.next).not.toMatch(/\(x\)|remove it/i);
		}
	});

	it('refuses a member shown as SUSPENDED whose closure is on record, and lets one suspended by AWS go to AWS', () => {
		const closedSuspended = started(
			context({ kind: 'remove' }),
			account({ state: 'SUSPENDED', closedAt: '2026-05-01T00:00:00.000Z' }),
		);
		expect(closedSuspended.step.name === 'refused' && closedSuspended.step.refusals[0]?.code).toBe(
			'closed-cannot-leave',
		);
		expect(started(context({ kind: 'remove' }), account({ state: 'SUSPENDED' })).step.name).toBe('remove-intro');
	});

	it('lets an active member be removed', () => {
		expect(started(context({ kind: 'remove' }), account({ state: 'ACTIVE' })).step.name).toBe('remove-intro');
	});
});

describe('the closure allowance', () => {
	it('estimates the higher of 250 or 20% of members, at most 1,000, counting closures in the last 30 days', () => {
		expect(allowanceView(context({ memberCount: 40 }))).toMatchObject({ limit: 250, used: 0, left: 250, spent: false });
		expect(allowanceView(context({ memberCount: 1250 })).limit).toBe(250);
		expect(allowanceView(context({ memberCount: 2500 })).limit).toBe(500);
		expect(allowanceView(context({ memberCount: 6000 })).limit).toBe(1000);
		const view = allowanceView(context({ closuresAt: ['2026-05-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z'] }));
		expect(view).toMatchObject({ used: 1, left: 249, nextSlotAt: undefined });
	});

	it('merges journal closures with closure dates the organization shows, each account once', () => {
		const times = knownClosureTimes(
			[
				{ accountId: 'a', at: '2026-05-01T00:00:00.000Z' },
				{ accountId: 'b', at: '2026-05-02T00:00:00.000Z' },
			],
			[
				account({ id: 'b', state: 'CLOSED', closedAt: '2026-05-02T00:00:05.000Z' }),
				account({ id: 'c', state: 'PENDING_CLOSURE', closedAt: '2026-05-03T00:00:00.000Z' }),
				account({ id: 'd', state: 'ACTIVE' }),
			],
		);
		expect(times.sort()).toEqual(['2026-05-01T00:00:00.000Z', '2026-05-02T00:00:05.000Z', '2026-05-03T00:00:00.000Z']);
	});
});

describe('the backup checklist', () => {
	const atChecklist = run(started(), key.enter).state;

	it('opens from the intro with Enter', () => {
		expect(atChecklist.step).toEqual({ name: 'checklist', cursor: 0 });
	});

	it('ticks with Space and saves the progress for the account', () => {
		const { state, effects } = run(atChecklist, key.space, key.down, key.down, key.space);
		expect(state.ticked).toEqual(['data', 'commitments']);
		expect(effects).toEqual([
			{ type: 'saveProgress', accountId: MEMBER, ticked: ['data'] },
			{ type: 'saveProgress', accountId: MEMBER, ticked: ['data', 'commitments'] },
		]);
		expect(run(state, key.up, key.up, key.space).state.ticked).toEqual(['commitments']);
	});

	it('moves up and down, staying inside the list', () => {
		expect(run(atChecklist, key.up).state.step).toEqual({ name: 'checklist', cursor: 0 });
		const bottom = run(atChecklist, ...Array.from({ length: 20 }, () => key.down)).state;
		expect(bottom.step).toEqual({ name: 'checklist', cursor: CHECKLIST_ITEM_IDS.length - 1 });
		expect(run(bottom, key.up).state.step).toEqual({ name: 'checklist', cursor: CHECKLIST_ITEM_IDS.length - 2 });
		expect(run(bottom, key.text('k')).state.step).toEqual({ name: 'checklist', cursor: CHECKLIST_ITEM_IDS.length - 1 });
	});

	it('does not go on until every item is ticked, and says how many are done', () => {
		const partial = run(atChecklist, key.space, key.down, key.space, key.down, key.space, key.enter).state;
		expect(partial.step.name).toBe('checklist');
		expect(partial.notice).toMatch(/3 of 7 done/);
		const complete = run(atChecklist, ...tickAll(), key.enter).state;
		expect(complete.step).toEqual({ name: 'path', cursor: 0 });
	});

	it('goes on at once when the saved progress was complete', () => {
		const resumed = started(context({ savedTicked: [...CHECKLIST_ITEM_IDS] }));
		expect(run(resumed, key.enter, key.enter).state.step.name).toBe('path');
	});

	it('keeps facts as they arrive, and turns a failed read into unknown facts with the reason', () => {
		const facts: AccountFacts = {
			regions: { known: true, value: [{ name: 'us-east-1', status: 'ENABLED_BY_DEFAULT' }] },
			primaryEmail: { known: true, value: 'root@x' },
			alternateContacts: { known: false, reason: 'no' },
			govCloud: { known: true, value: null },
		};
		expect(run(atChecklist, { type: 'factsLoaded', facts }).state.facts).toEqual(facts);
		const failed = run(atChecklist, { type: 'factsFailed', error: { code: 'AccessDeniedException' } }).state.facts;
		expect(failed?.primaryEmail).toEqual({ known: false, reason: expect.stringMatching(/not allowed/) });
	});
});

describe('the path', () => {
	const atPath = run(started(), key.enter, ...tickAll(), key.enter).state;

	it('offers close inside the organization, remove first, or cancel', () => {
		expect(run(atPath, key.enter).state.step).toEqual({ name: 'confirm-id', action: 'close', typed: '' });
		expect(run(atPath, key.down, key.enter).state.step).toEqual({ name: 'remove-intro' });
		const cancelled = run(atPath, key.down, key.down, key.enter);
		expect(cancelled.state.step.name).toBe('exit');
		expect(cancelled.effects).toEqual([{ type: 'exit' }]);
	});

	it('does not wrap around', () => {
		expect(run(atPath, key.up).state.step).toEqual({ name: 'path', cursor: 0 });
		expect(run(atPath, key.down, key.down, key.down).state.step).toEqual({ name: 'path', cursor: 2 });
	});

	it('leads the remove-first path to a removal confirmation', () => {
		const { state } = run(atPath, key.down, key.enter, key.enter);
		expect(state.step).toEqual({ name: 'confirm-id', action: 'remove', typed: '' });
	});
});

describe('confirming', () => {
	const atConfirm = run(started(), key.enter, ...tickAll(), key.enter, key.enter).state;

	it('accepts digits only, at most 12, and Backspace', () => {
		const typed = run(atConfirm, key.text('31a8'), key.text('2'), key.backspace).state;
		expect(typed.step).toMatchObject({ typed: '318' });
		const letters = run(atConfirm, key.text('y'));
		expect(letters.state.notice).toMatch(/Only digits/);
		const long = run(atConfirm, ...typeId(`${MEMBER}999`)).state;
		expect(long.step).toMatchObject({ typed: MEMBER });
	});

	it('accepts a pasted id', () => {
		expect(run(atConfirm, key.text(MEMBER), key.enter).state.step.name).toBe('confirm-yes');
	});

	it('refuses a partial or wrong id with a hint', () => {
		const partial = run(atConfirm, ...typeId(MEMBER.slice(0, 11)), key.enter).state;
		expect(partial.step.name).toBe('confirm-id');
		expect(partial.notice).toMatch(/11 of 12 digits/);
		const wrong = run(atConfirm, ...typeId('318274650193'), key.enter).state;
		expect(wrong.step.name).toBe('confirm-id');
		expect(wrong.notice).toMatch(/not this account/);
	});

	it('asks the last question with No as the default', () => {
		const atYes = run(atConfirm, ...typeId(MEMBER), key.enter).state;
		expect(atYes.step).toMatchObject({ name: 'confirm-yes', answer: '', confirmation: 1 });
		const enterAlone = run(atYes, key.enter);
		expect(enterAlone.state.step).toEqual({ name: 'path', cursor: 0 });
		expect(enterAlone.state.notice).toMatch(/nothing was sent/);
		expect(submits(enterAlone.effects)).toEqual([]);
		const no = run(atYes, key.text('n'), key.enter);
		expect(no.state.step.name).toBe('path');
		expect(submits(no.effects)).toEqual([]);
		const changedMind = run(atYes, key.text('y'), key.text('n'), key.enter);
		expect(submits(changedMind.effects)).toEqual([]);
		const cleared = run(atYes, key.text('y'), key.backspace, key.enter);
		expect(submits(cleared.effects)).toEqual([]);
	});

	it('sends one request on y + Enter, and moves to submitting in the same step', () => {
		const atYes = toConfirmYes();
		const { state, effects } = run(atYes, key.text('y'), key.enter);
		expect(state.step).toEqual({ name: 'submitting', action: 'close', confirmation: 1 });
		expect(effects).toEqual([{ type: 'submit', action: 'close', accountId: MEMBER, confirmation: 1 }]);
		const again = run(state, key.enter, key.text('y'), key.enter, key.escape, key.space);
		expect(again.effects).toEqual([]);
		expect(again.state.step.name).toBe('submitting');
		expect(again.state.notice).toMatch(/on its way/);
	});

	it('never takes a pasted answer to the last question', () => {
		const atYes = toConfirmYes();
		const pasted = run(
			atYes,
			{ type: 'key', key: { type: 'text', text: 'y' }, pasted: true },
			{ type: 'key', key: { type: 'enter' }, pasted: true },
		);
		expect(submits(pasted.effects)).toEqual([]);
		expect(pasted.state.step).toMatchObject({ name: 'confirm-yes', answer: '' });
		expect(pasted.state.notice).toMatch(/pasted keys do not count/);
		expect(run(atYes, { type: 'key', key: { type: 'escape' }, pasted: true }).state.step.name).toBe('confirm-id');
		expect(submits(run(pasted.state, key.text('y'), key.enter).effects)).toHaveLength(1);
	});

	it('takes Y as well as y', () => {
		expect(submits(run(toConfirmYes(), key.text('Y'), key.enter).effects)).toHaveLength(1);
	});

	it('says so when a digit goes beyond the 12 of an account id, and keeps the first 12', () => {
		const full = run(atConfirm, ...typeId(MEMBER)).state;
		expect(full.notice).toBeUndefined();
		const extra = run(full, key.text('9'));
		expect(extra.state.step).toMatchObject({ typed: MEMBER });
		expect(extra.state.notice).toMatch(/12 digits: the extra digit was not added/);
		const pastedLonger = run(atConfirm, key.text(`${MEMBER}77`)).state;
		expect(pastedLonger.step).toMatchObject({ typed: MEMBER });
		expect(pastedLonger.notice).toMatch(/2 extra digits were not added/);
		expect(run(extra.state, key.backspace).state.notice).toBeUndefined();
	});

	it('numbers each confirmation, so a second one is a new request', () => {
		const atYes = toConfirmYes();
		const first = run(atYes, key.text('y'), key.enter).state;
		const failed = run(first, {
			type: 'submitFailed',
			confirmation: 1,
			error: { code: 'TooManyRequestsException' },
		}).state;
		expect(failed.step.name).toBe('failed');
		// Keys pressed while waiting never skip the explanation; a new flow is needed for a second try.
		const hammered = run(failed, key.enter, key.text('y'), key.enter, key.space);
		expect(hammered.state.step.name).toBe('failed');
		expect(hammered.effects).toEqual([]);
		const leave = run(hammered.state, key.escape, key.text('y'), key.enter);
		expect(leave.state.step.name).toBe('exit');
		expect(submits(leave.effects)).toEqual([]);
	});
});

describe('the last question takes the whole typed line', () => {
	const typeLine = (line: string): FlowEvent[] =>
		Array.from(line, (char) => (char === ' ' ? key.space : key.text(char)));

	it.each(['y', 'Y', 'yes', 'YES', 'Yes', 'yEs', ' y ', '  yes'])('%j then Enter sends one request', (line) => {
		const { state, effects } = run(toConfirmYes(), ...typeLine(line), key.enter);
		expect(submits(effects)).toEqual([{ type: 'submit', action: 'close', accountId: MEMBER, confirmation: 1 }]);
		expect(state.step.name).toBe('submitting');
	});

	it.each([
		'',
		'n',
		'no',
		'not yet',
		'nay',
		'yes please',
		'yep',
		'ye',
		'yy',
		'y y',
		'yess',
		'oui',
		'ｙ',
		'ýes',
		'y.',
		'1',
		'ja',
		'okay',
	])('%j then Enter is No: nothing is sent, and it goes back', (line) => {
		const { state, effects } = run(toConfirmYes(), ...typeLine(line), key.enter);
		expect(submits(effects)).toEqual([]);
		expect(state.step).toEqual({ name: 'path', cursor: 0 });
		expect(state.notice).toMatch(/nothing was sent/);
	});

	it('shows the line as typed, spaces included, and Backspace edits it', () => {
		const typed = run(toConfirmYes(), ...typeLine('not yet')).state;
		expect(typed.step).toMatchObject({ name: 'confirm-yes', answer: 'not yet' });
		const edited = run(typed, key.backspace, key.backspace, key.backspace, key.backspace, key.backspace, key.backspace);
		expect(edited.state.step).toMatchObject({ answer: 'n' });
		// "n" with the rest deleted is still No.
		expect(submits(run(edited.state, key.enter).effects)).toEqual([]);
		const fixed = run(typed, ...Array.from('not yet', () => key.backspace), key.text('y'), key.enter);
		expect(submits(fixed.effects)).toHaveLength(1);
		expect(run(toConfirmYes(), key.text('é'), key.text('✓'), key.backspace).state.step).toMatchObject({ answer: 'é' });
	});

	it('keeps the letters the dashboard binds to commands as typed text', () => {
		const typed = run(toConfirmYes(), key.text('j'), key.text('k'), key.space, key.text('q')).state;
		expect(typed.step).toMatchObject({ answer: 'jk q' });
	});

	it('bounds the line, with a notice, and keeps what was typed', () => {
		const long = 'y'.repeat(ANSWER_MAX_LENGTH);
		const full = run(toConfirmYes(), ...typeLine(long)).state;
		expect(full.notice).toBeUndefined();
		const over = run(full, key.text('e'));
		expect(over.state.step).toMatchObject({ answer: long });
		expect(over.state.notice).toMatch(new RegExp(`at most ${ANSWER_MAX_LENGTH} characters`));
		expect(submits(run(over.state, key.enter).effects)).toEqual([]);
	});

	it('clears the line when keys come pasted, so no pasted character is ever submitted', () => {
		const pasted = (text: string): FlowEvent => ({ type: 'key', key: { type: 'text', text }, pasted: true });
		// The first key of a paste may arrive alone; the rest arrive as a burst.
		const split = run(toConfirmYes(), key.text('y'), pasted('e'), pasted('s'), { ...key.enter, pasted: true });
		expect(split.state.step).toMatchObject({ name: 'confirm-yes', answer: '' });
		expect(split.state.notice).toMatch(/pasted keys do not count/);
		expect(submits(run(split.state, key.enter).effects)).toEqual([]);
		// Several characters in one key are a paste too.
		const multi = run(toConfirmYes(), key.text('yes'), key.enter);
		expect(submits(multi.effects)).toEqual([]);
		const typedBefore = run(toConfirmYes(), key.text('y'), key.text('yes')).state;
		expect(typedBefore.step).toMatchObject({ answer: '' });
	});

	it('ignores control characters', () => {
		expect(run(toConfirmYes(), key.text('y'), key.text('\u0007')).state.step).toMatchObject({ answer: 'y' });
	});

	it('defines yes as the trimmed line y or yes, in any case', () => {
		expect(['y', 'Y', 'yes', 'YeS', ' yes ', '\tY'].every(isYes)).toBe(true);
		expect(['', ' ', 'n', 'no', 'yes please', 'yep', 'y es', 'yess', 'ｙ', 'ye'].some(isYes)).toBe(false);
	});
});

describe('Esc goes back one step and never acts', () => {
	const intro = started();
	const checklist = run(intro, key.enter).state;
	const path = run(checklist, ...tickAll(), key.enter).state;
	const confirmId = run(path, key.enter).state;
	const confirmYes = run(confirmId, ...typeId(MEMBER), key.enter).state;

	it.each([
		['checklist', checklist, 'intro'],
		['path', path, 'checklist'],
		['confirm-id (close)', confirmId, 'path'],
		['confirm-yes', confirmYes, 'confirm-id'],
		['intro', intro, 'exit'],
	])('from %s to %s', (_, state, expected) => {
		const { state: after, effects } = run(state, key.escape);
		expect(after.step.name).toBe(expected);
		expect(effects.filter((effect) => effect.type !== 'exit')).toEqual([]);
	});

	it('clears the typed id when it goes back from the last question', () => {
		expect(run(confirmYes, key.escape).state.step).toEqual({ name: 'confirm-id', action: 'close', typed: '' });
		expect(run(confirmYes, key.text('y'), key.escape, key.enter).state.step.name).toBe('confirm-id');
	});

	it('steps back through the removal steps', () => {
		const removeIntro = run(path, key.down, key.enter).state;
		expect(run(removeIntro, key.escape).state.step).toEqual({ name: 'path', cursor: 1 });
		const removeConfirm = run(removeIntro, key.enter).state;
		expect(run(removeConfirm, key.escape).state.step).toEqual({ name: 'remove-intro' });
		const removeOnly = started(context({ kind: 'remove' }));
		expect(run(removeOnly, key.escape).state.step.name).toBe('exit');
	});
});

describe('submitting and tracking a closure', () => {
	const submitting = run(toConfirmYes(), key.text('y'), key.enter).state;
	const requestedAt = '2026-05-10T12:01:00.000Z';

	it('tracks the account after AWS accepted the request, and clears the saved progress', () => {
		const { state, effects } = run(submitting, { type: 'submitted', confirmation: 1, at: requestedAt });
		expect(state.step).toEqual({ name: 'tracking', requestedAt, state: undefined, polls: 0, pollError: undefined });
		expect(effects).toEqual([
			{ type: 'clearProgress', accountId: MEMBER },
			{ type: 'poll', accountId: MEMBER, attempt: 0 },
		]);
	});

	it('ignores an answer for another confirmation', () => {
		const { state, effects } = run(submitting, { type: 'submitted', confirmation: 7, at: requestedAt });
		expect(state.step.name).toBe('submitting');
		expect(effects).toEqual([]);
	});

	it('polls until CLOSED, then shows the date up to which it can be reopened', () => {
		const tracking = run(submitting, { type: 'submitted', confirmation: 1, at: requestedAt }).state;
		const pending = run(tracking, { type: 'polled', account: account({ state: 'PENDING_CLOSURE' }) });
		expect(pending.state.step).toMatchObject({ name: 'tracking', state: 'PENDING_CLOSURE', polls: 1 });
		expect(pending.effects).toEqual([{ type: 'poll', accountId: MEMBER, attempt: 1 }]);
		const closed = run(pending.state, { type: 'polled', account: account({ state: 'CLOSED' }) });
		expect(closed.state.step).toEqual({
			name: 'closed',
			requestedAt,
			state: 'CLOSED',
			reopenUntil: '2026-08-08T12:01:00.000Z',
		});
		expect(closed.effects).toEqual([]);
	});

	it('accepts SUSPENDED (legacy Status, moto) as the end too, using the closure date AWS gives', () => {
		const tracking = run(submitting, { type: 'submitted', confirmation: 1, at: requestedAt }).state;
		const closed = run(tracking, {
			type: 'polled',
			account: account({ state: 'SUSPENDED', closedAt: '2026-05-10T12:00:30.000Z' }),
		}).state;
		expect(closed.step).toMatchObject({ name: 'closed', state: 'SUSPENDED', reopenUntil: '2026-08-08T12:00:30.000Z' });
	});

	it('keeps tracking when AWS shows ACTIVE again after the request, says so, and ends at CLOSED', () => {
		const tracking = run(submitting, { type: 'submitted', confirmation: 1, at: requestedAt }).state;
		const active = run(tracking, { type: 'polled', account: account({ state: 'ACTIVE' }) });
		expect(active.state.step).toMatchObject({ name: 'tracking', state: 'ACTIVE', polls: 1 });
		expect(active.effects).toEqual([{ type: 'poll', accountId: MEMBER, attempt: 1 }]);
		if (active.state.step.name === 'tracking') expect(active.state.step.note).toMatch(/ACTIVE\. Right after/);
		const pending = run(active.state, { type: 'polled', account: account({ state: 'PENDING_CLOSURE' }) });
		expect(pending.state.step).toMatchObject({ name: 'tracking', state: 'PENDING_CLOSURE', note: undefined });
		const flapped = run(pending.state, { type: 'polled', account: account({ state: 'ACTIVE' }) });
		expect(flapped.state.step).toMatchObject({ name: 'tracking', state: 'ACTIVE', polls: 3 });
		expect(flapped.effects).toEqual([{ type: 'poll', accountId: MEMBER, attempt: 3 }]);
		if (flapped.state.step.name === 'tracking') {
			expect(flapped.state.step.note).toMatch(/ACTIVE again, after PENDING_CLOSURE/);
			expect(flapped.state.step.note).toMatch(/still checking/);
		}
		const closed = run(flapped.state, { type: 'polled', account: account({ state: 'CLOSED' }) });
		expect(closed.state.step).toMatchObject({ name: 'closed', state: 'CLOSED' });
	});

	it('keeps polling through a failed read, showing why', () => {
		const tracking = run(submitting, { type: 'submitted', confirmation: 1, at: requestedAt }).state;
		const failed = run(tracking, { type: 'pollFailed', error: { code: 'ECONNRESET', network: true } });
		expect(failed.state.step).toMatchObject({ name: 'tracking', polls: 1 });
		if (failed.state.step.name === 'tracking') expect(failed.state.step.pollError?.what).toMatch(/could not reach/);
		expect(failed.effects).toEqual([{ type: 'poll', accountId: MEMBER, attempt: 1 }]);
		const gone = run(tracking, { type: 'pollFailed', error: { code: 'AccountNotFoundException' } }).state;
		expect(gone.step).toMatchObject({ name: 'closed', state: 'gone' });
	});

	it('leaves tracking with Esc only, without acting', () => {
		const tracking = run(submitting, { type: 'submitted', confirmation: 1, at: requestedAt }).state;
		expect(run(tracking, key.enter, key.text('y'), key.enter).effects).toEqual([]);
		expect(run(tracking, key.escape).effects).toEqual([{ type: 'exit' }]);
	});

	it('explains a refused request, with the account details it knows', () => {
		const { state } = run(submitting, {
			type: 'submitFailed',
			confirmation: 1,
			error: { code: 'ConstraintViolationException', reason: 'CLOSE_ACCOUNT_QUOTA_EXCEEDED' },
		});
		expect(state.step.name).toBe('failed');
		if (state.step.name === 'failed') {
			expect(state.step.explanation.what).toMatch(/closure allowance/);
			expect(state.step.explanation.code).toBe('ConstraintViolationException: CLOSE_ACCOUNT_QUOTA_EXCEEDED');
		}
	});
});

describe('removing', () => {
	const atRemoveConfirm = run(started(context({ kind: 'remove' })), key.enter).state;

	it('removes after the typed id and y, then leaves', () => {
		const { state, effects } = run(atRemoveConfirm, ...typeId(MEMBER), key.enter, key.text('y'), key.enter);
		expect(effects).toEqual([{ type: 'submit', action: 'remove', accountId: MEMBER, confirmation: 1 }]);
		const removed = run(state, { type: 'submitted', confirmation: 1, at: NOW });
		expect(removed.state.step).toEqual({ name: 'removed', at: NOW, thenConsole: false });
		expect(run(removed.state, key.enter).effects).toEqual([]);
		expect(run(removed.state, key.escape).effects).toEqual([{ type: 'exit' }]);
	});

	it('explains each refusal as the step that fixes it, with the wait date', () => {
		const young = started(context({ kind: 'remove' }), account({ joinedAt: '2026-05-09T00:00:00.000Z' }));
		const submitting = run(young, key.enter, ...typeId(MEMBER), key.enter, key.text('y'), key.enter).state;
		const { state } = run(submitting, {
			type: 'submitFailed',
			confirmation: 1,
			error: { code: 'ConstraintViolationException', reason: 'WAIT_PERIOD_ACTIVE' },
		});
		expect(state.step.name === 'failed' && state.step.explanation.why).toMatch(/try after 2026-05-13/);
	});

	it('after removal on the close path, walks to the console steps and back', () => {
		const atPath = run(started(), key.enter, ...tickAll(), key.enter).state;
		const submitting = run(
			atPath,
			key.down,
			key.enter,
			key.enter,
			...typeId(MEMBER),
			key.enter,
			key.text('y'),
			key.enter,
		);
		expect(submits(submitting.effects)).toEqual([
			{ type: 'submit', action: 'remove', accountId: MEMBER, confirmation: 1 },
		]);
		const removed = run(submitting.state, { type: 'submitted', confirmation: 1, at: NOW });
		expect(removed.state.step).toEqual({ name: 'removed', at: NOW, thenConsole: true });
		expect(removed.effects).toEqual([{ type: 'clearProgress', accountId: MEMBER }]);
		const console = run(removed.state, key.enter).state;
		expect(console.step).toEqual({ name: 'console', at: NOW });
		expect(run(console, key.enter, key.text('y')).effects).toEqual([]);
		expect(run(console, key.escape).state.step).toEqual({ name: 'removed', at: NOW, thenConsole: true });
	});

	it('lists the prerequisites, warning when a created account is too young', () => {
		const now = new Date(NOW);
		const old = removalPrerequisites(account(), now);
		expect(old.map((item) => item.title)).toEqual(REMOVAL_PREREQUISITE_TITLES);
		expect(old.some((item) => item.warning)).toBe(false);
		const young = removalPrerequisites(account({ joinedAt: '2026-05-08T12:00:00.000Z' }), now);
		expect(young.at(-1)?.warning).toMatch(/AWS will refuse until 2026-05-12/);
		const invited = removalPrerequisites(account({ joinedMethod: 'INVITED', joinedAt: NOW }), now);
		expect(invited.some((item) => item.warning)).toBe(false);
	});
});

describe('the step trail', () => {
	it('follows the close path and the remove path', () => {
		expect(stepTrail(started())).toEqual({
			labels: ['Before you start', 'Backup', 'Path', 'Confirm', 'Close', 'Track'],
			current: 0,
		});
		const atRemoveIntro = run(started(), key.enter, ...tickAll(), key.enter, key.down, key.enter).state;
		expect(stepTrail(atRemoveIntro).labels).toContain('Close in the console');
		expect(stepTrail(atRemoveIntro).current).toBe(3);
		const remove = started(context({ kind: 'remove' }));
		expect(stepTrail(remove)).toEqual({ labels: ['What removal means', 'Confirm', 'Remove'], current: 0 });
	});
});

/**
 * One guided flow (close or remove) on screen: the reducer's state drawn by
 * the step components, keys turned into reducer events, effects carried out
 * by flow-effects. The screen itself decides nothing.
 */
import { type DOMElement, Text } from 'ink';
import Spinner from 'ink-spinner';
import { type ReactNode, useRef, useState } from 'react';
import type { Account } from '../../domain/account.js';
import { backupChecklist } from '../../domain/checklist.js';
import { allowanceView, knownClosureTimes } from '../../domain/flow/closure-allowance.js';
import { takesTypedText } from '../../domain/flow/confirmation.js';
import { startFlow } from '../../domain/flow/reducer.js';
import { stepTrail } from '../../domain/flow/step-trail.js';
import type { FlowContext, FlowKey, FlowKind, FlowState } from '../../domain/flow/types.js';
import { impactLines, mergeImpact, type OrganizationImpact } from '../../domain/impact.js';
import { CLOSURE_WINDOW_DAYS, deletionDate } from '../../domain/quota.js';
import { type Refusal, removalPrerequisites } from '../../domain/removal.js';
import { ChecklistStep } from '../components/flow/ChecklistStep.js';
import { ConfirmIdStep } from '../components/flow/ConfirmIdStep.js';
import { ConfirmYesStep } from '../components/flow/ConfirmYesStep.js';
import { FlowFrame } from '../components/flow/FlowFrame.js';
import { IntroStep } from '../components/flow/IntroStep.js';
import { ClosedStep, FailedStep, RemovedStep, SettlingStep, UnknownStep } from '../components/flow/OutcomeSteps.js';
import { PathStep } from '../components/flow/PathStep.js';
import { RefusedStep } from '../components/flow/RefusedStep.js';
import { RemoveIntroStep } from '../components/flow/RemoveIntroStep.js';
import { SubmittingStep } from '../components/flow/SubmittingStep.js';
import { TrackingStep } from '../components/flow/TrackingStep.js';
import { ImpactSection } from '../components/ImpactSection.js';
import { createFlowEffects, type FlowServices } from '../flow-effects.js';
import { flowKeyScheme, useFlow } from '../hooks/use-flow.js';
import { type KeyScheme, useKeys } from '../hooks/use-keys.js';
import { useRootAccess } from '../hooks/use-root-access.js';
import { type Scroll, useScroll } from '../hooks/use-scroll.js';
import { FLOW_KEYS, type FlowCommand } from '../keymap.js';
import { type HintSpec, hintText } from '../keymap-lookup.js';
import { ConsoleClosureScreen } from './ConsoleClosureScreen.js';

export interface FlowScreenProps {
	readonly kind: FlowKind;
	readonly services: FlowServices;
	/** The account as the dashboard shows it; the flow reads it afresh before offering anything. */
	readonly account: Pick<Account, 'id' | 'name'>;
	/** The organization's accounts as loaded: members for the allowance, closure dates. */
	readonly accounts: readonly Account[];
	readonly quota?: { readonly counted: number; readonly limit: number } | undefined;
	/** The organization's impact scan, when it has finished: delegated administrators and spend. */
	readonly organizationImpact?: OrganizationImpact | undefined;
	readonly height?: number | undefined;
	readonly onExit: () => void;
	/** Every state the flow goes through (tests observe the steps with it). */
	readonly onState?: (state: FlowState) => void;
}

const DAY_MS = 24 * 60 * 60 * 1000;

type StepName = FlowState['step']['name'];

/** The keys each step takes, as its hint line shows them (the words of FLOW_KEYS, or the step's own). */
const FLOW_STEP_KEYS: Record<StepName, readonly HintSpec<FlowCommand>[]> = {
	loading: ['back'],
	refused: [{ keys: ['continue', 'back'], says: 'back' }],
	intro: ['continue', 'back'],
	checklist: [{ keys: ['move-up', 'move-down'], says: 'move' }, 'tick', 'continue', 'back'],
	path: [{ keys: ['move-up', 'move-down'], says: 'choose' }, { keys: ['continue'], says: 'select' }, 'back'],
	'remove-intro': ['continue', 'back'],
	'confirm-id': ['type-id', 'delete-char', { keys: ['continue'], says: 'confirm' }, 'back'],
	'confirm-yes': ['answer', 'back'],
	submitting: [],
	settling: [],
	unknown: ['back'],
	tracking: [{ keys: ['back'], says: 'back to the dashboard (the closure goes on)' }],
	closed: ['back'],
	removed: ['back'],
	console: [],
	failed: ['back'],
	exit: [],
};

/** Steps whose ↑/↓ move a cursor; on every other step they scroll the step, as PgUp/PgDn do. */
const STEPS_WITH_A_CURSOR: ReadonlySet<StepName> = new Set(
	(Object.keys(FLOW_STEP_KEYS) as StepName[]).filter((step) =>
		FLOW_STEP_KEYS[step].some((spec) => (typeof spec === 'string' ? [spec] : spec.keys).includes('move-up')),
	),
);

/** The flow's keys for a step, with the scroll keys: PgUp/PgDn everywhere, ↑/↓ where no cursor takes them. */
function flowStepKeys(
	send: (key: FlowKey, pasted: boolean) => void,
	step: FlowState['step'],
	scroll: Scroll,
): KeyScheme<FlowCommand> {
	const scheme = flowKeyScheme(send, takesTypedText(step));
	const scrolling = STEPS_WITH_A_CURSOR.has(step.name)
		? {}
		: { 'move-up': () => scroll.move('line-up'), 'move-down': () => scroll.move('line-down') };
	return {
		...scheme,
		on: {
			...scheme.on,
			...scrolling,
			'page-up': () => scroll.move('page-up'),
			'page-down': () => scroll.move('page-down'),
		},
	};
}

/** After a removal on the way to closing: Enter goes on to the console steps. */
const REMOVED_THEN_CONSOLE_KEYS: readonly HintSpec<FlowCommand>[] = [
	{ keys: ['continue'], says: 'console steps' },
	{ keys: ['back'], says: 'back to the dashboard' },
];

/** The hint line of each step, from FLOW_KEYS. While a request is on its way no key acts: the line says why. */
const FLOW_STEP_HINTS: Record<StepName, string> = {
	...(Object.fromEntries(
		Object.entries(FLOW_STEP_KEYS).map(([step, keys]) => [step, hintText(FLOW_KEYS, keys)]),
	) as Record<StepName, string>),
	submitting: 'waiting for AWS…',
	settling: 'reading the account…',
};

function buildContext(kind: FlowKind, props: FlowScreenProps): FlowContext {
	const { services, accounts, account, quota, organizationImpact } = props;
	const now = (services.now ?? (() => new Date()))();
	const organization = services.organization;
	const windowStart = now.getTime() - CLOSURE_WINDOW_DAYS * DAY_MS;
	const journalClosures = services.journal.closuresSince(new Date(windowStart));
	let savedTicked: readonly string[] | undefined;
	try {
		savedTicked = services.progress?.checklistProgress(organization.id, account.id)?.ticked;
	} catch {
		savedTicked = undefined;
	}
	return {
		kind,
		organization,
		caller: services.caller,
		memberCount: accounts.filter((item) => item.id !== organization.managementAccountId).length,
		closuresAt: knownClosureTimes(journalClosures, accounts),
		startedAt: now.toISOString(),
		...(savedTicked ? { savedTicked } : {}),
		...(quota ? { quota } : {}),
		...(organizationImpact ? { organizationImpact } : {}),
	};
}

export function FlowScreen(props: FlowScreenProps) {
	const { kind, services, account, height, onExit, onState } = props;
	const [effects] = useState(() => createFlowEffects(services, onExit));
	const { state, current, dispatch } = useFlow(
		() => startFlow(buildContext(kind, props), account.id),
		effects,
		onState,
	);
	const { step } = state;
	// The closure's checklist and console steps advise root sign-in: whether the organization manages root access matters there.
	const rootAccess = useRootAccess(services.gateway, kind === 'close');
	// Each step starts at its top.
	const scroll = useScroll(step.name);
	const cursorRef = useRef<DOMElement>(null);

	useKeys(
		// Asked again for each key: the step the key meets may be ahead of the one drawn when keys come quickly.
		() => flowStepKeys((key, pasted) => dispatch({ type: 'key', key, pasted }), current().step, scroll),
		// The console steps read their own keys.
		{ isActive: step.name !== 'console' },
	);

	const fresh = state.account;
	const name = fresh?.name ?? account.name;
	const title =
		kind === 'close'
			? `Close account ${account.id} · ${name}`
			: `Remove account ${account.id} · ${name} from the organization`;

	if (step.name === 'console') {
		return (
			<ConsoleClosureScreen
				input={{
					kind: 'removed-member',
					accountId: account.id,
					accountName: name,
					rootEmail:
						state.facts?.primaryEmail.known === true ? state.facts.primaryEmail.value : (fresh?.email ?? undefined),
					createdByOrganization: fresh?.joinedMethod === 'CREATED',
				}}
				gateway={services.gateway}
				onBack={() => dispatch({ type: 'key', key: { type: 'escape' } })}
				onDone={onExit}
				height={height}
			/>
		);
	}

	const deletionDay = deletionDate(state.context.startedAt);
	let body: ReactNode;
	switch (step.name) {
		case 'loading':
		case 'exit':
			body = <LoadingStep accountId={account.id} />;
			break;
		case 'refused':
			// A delegated administrator is refused removal, also on the close flow's path that removes it first.
			body = (
				<RefusedStep
					verb={kind === 'remove' || step.refusals.every(refusesRemoval) ? 'remove' : 'close'}
					refusals={step.refusals}
				/>
			);
			break;
		case 'intro':
			body = (
				<>
					<IntroStep deletionDay={deletionDay} allowance={allowanceView(state.context)} />
					<ImpactSection lines={impactLines(flowImpact(state), 'close')} compact />
				</>
			);
			break;
		case 'checklist':
			body = fresh ? (
				<ChecklistStep
					items={backupChecklist({ account: fresh, facts: state.facts, rootAccess })}
					ticked={state.ticked}
					cursor={step.cursor}
					cursorRef={cursorRef}
				/>
			) : null;
			break;
		case 'path':
			body = <PathStep cursor={step.cursor} deletionDay={deletionDay} cursorRef={cursorRef} />;
			break;
		case 'remove-intro':
			body = fresh ? (
				<>
					<RemoveIntroStep
						prerequisites={removalPrerequisites(fresh, new Date(state.context.startedAt))}
						quota={state.context.quota}
					/>
					<ImpactSection lines={impactLines(flowImpact(state), 'remove')} compact />
				</>
			) : null;
			break;
		case 'confirm-id':
			body = <ConfirmIdStep action={step.action} accountId={account.id} accountName={name} typed={step.typed} />;
			break;
		case 'confirm-yes':
			body = <ConfirmYesStep action={step.action} accountId={account.id} accountName={name} answer={step.answer} />;
			break;
		case 'submitting':
			body = <SubmittingStep action={step.action} accountId={account.id} />;
			break;
		case 'tracking':
			body = (
				<TrackingStep
					requestedAt={step.requestedAt}
					state={step.state}
					polls={step.polls}
					pollError={step.pollError}
					note={step.note}
				/>
			);
			break;
		case 'closed':
			body = <ClosedStep accountId={account.id} state={step.state} reopenUntil={step.reopenUntil} />;
			break;
		case 'removed':
			body = <RemovedStep accountId={account.id} thenConsole={step.thenConsole} />;
			break;
		case 'failed':
			body = <FailedStep explanation={step.explanation} />;
			break;
		case 'settling':
			body = <SettlingStep explanation={step.lost} />;
			break;
		case 'unknown':
			body = <UnknownStep lost={step.lost} checkError={step.checkError} />;
			break;
	}
	if (state.settlement) {
		body = (
			<>
				<Text bold>{state.settlement}</Text>
				<Text> </Text>
				{body}
			</>
		);
	}

	const hints =
		step.name === 'removed' && step.thenConsole
			? hintText(FLOW_KEYS, REMOVED_THEN_CONSOLE_KEYS)
			: FLOW_STEP_HINTS[step.name];
	return (
		<FlowFrame
			title={title}
			trail={stepTrail(state)}
			notice={state.notice}
			hints={hints}
			height={height}
			scroll={scroll}
			focus={
				step.name === 'checklist' || step.name === 'path'
					? { ref: cursorRef, at: `${step.name} ${step.cursor}` }
					: undefined
			}
		>
			{body}
		</FlowFrame>
	);
}

function refusesRemoval(refusal: Refusal): boolean {
	return refusal.code === 'delegated-administrator';
}

/** The account's impact as the flow knows it: its own reads, and the organization scan's delegations and spend. */
function flowImpact(state: FlowState) {
	const { context } = state;
	return mergeImpact(state.accountId, state.impact, context.organizationImpact, new Date(context.startedAt));
}

function LoadingStep({ accountId }: { readonly accountId: string }) {
	return (
		<Text>
			<Spinner type="dots" /> Reading account {accountId} from AWS…
		</Text>
	);
}

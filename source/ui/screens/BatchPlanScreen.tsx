/**
 * A batch on screen: the plan (like `terraform plan`: every account's outcome,
 * the totals, the quota and the allowance, the batch checklist), the typed
 * confirmation under it, then the run's progress. The plan is fixed when the
 * screen opens, so what is confirmed is what is on screen; the run takes
 * exactly the plan's accounts that will act. The screen decides nothing: the
 * plan, the confirmation and the scheduling are domain/batch/.
 */
import { Box, Text } from 'ink';
import { useEffect, useMemo, useRef, useState } from 'react';
import { batchChecklist } from '../../domain/batch/checklist.js';
import { type BatchConfirmation, CONFIRMATION_START, confirmationKey } from '../../domain/batch/confirmation.js';
import { buildPlan, type Plan, type PlanEntry, totalsLine } from '../../domain/batch/plan.js';
import { leftQueuedReason } from '../../domain/batch/runner.js';
import { type ActingVerb, confirmationPhrase, VERB_WORDS } from '../../domain/batch/verbs.js';
import type { AccountFacts } from '../../domain/facts.js';
import type { FlowKey } from '../../domain/flow/types.js';
import type { OrgGateway } from '../../org/gateway.js';
import { nextSlotOnRecord, planInput } from '../batch-plan-input.js';
import { type BatchCall, type BatchProgress, type BatchRun, createBatchRun } from '../batch-run.js';
import { useKeys } from '../hooks/use-keys.js';
import { useTheme } from '../hooks/use-theme.js';
import { BATCH_KEYS, type BatchCommand, type KeyBinding } from '../keymap.js';
import { hintText } from '../keymap-lookup.js';
import type { ScreenContext } from './context.js';

/** Facts are read for the checklist for at most this many accounts of a batch (six Account API calls each). */
export const FACTS_READ_LIMIT = 50;
const FACTS_READS_AT_ONCE = 4;

const TYPING_BINDINGS: readonly KeyBinding<BatchCommand>[] = BATCH_KEYS.filter(
	(binding) => binding.command !== 'stop',
).map((binding) => ({ ...binding, keys: binding.keys.filter((chord) => chord.special !== undefined) }));

export interface BatchPlanScreenProps {
	readonly context: ScreenContext;
	/** The gateway with its writes: a batch screen is never opened without it (read-only mode has none). */
	readonly writer: OrgGateway;
	readonly verb: ActingVerb;
	readonly accountIds: readonly string[];
	/** Opened from the queue: the accounts left of an earlier batch. */
	readonly queued?: boolean | undefined;
	/** The plan's quarantine OU and each account's former parent, for quarantine and move back. */
	readonly planExtras?: Pick<ReturnType<typeof planInput>, 'quarantine' | 'formerParents'>;
	/** Lines shown above the list: what the confirmation also sets up, what the verb means. */
	readonly notes?: readonly string[] | undefined;
	/** How each account's request is made, once confirmed (for quarantine: after the OU and the policy are ready). */
	readonly prepareCall: (plan: Plan) => Promise<BatchCall>;
}

function outcomeText(entry: PlanEntry, verb: ActingVerb): string {
	const { outcome } = entry;
	if (outcome.kind === 'act') return `will be ${VERB_WORDS[verb].done}`;
	if (outcome.kind === 'wait') return `waits: ${outcome.why}`;
	return `refused: ${outcome.why}`;
}

function runText(id: string, progress: BatchProgress, entry: PlanEntry, verb: ActingVerb): string {
	const { runner, outcomes, completed } = progress;
	const said = outcomes.get(id);
	if (runner.inFlight.includes(id)) return 'sending…';
	if (completed.has(id)) return said ?? 'done';
	if (runner.closing.includes(id)) return `${said ?? ''} Closing…`.trim();
	if (runner.queued.includes(id)) {
		// Sent once and refused for AWS's limit on closures in progress: it goes again when one finishes.
		return said ? 'queued again: AWS allows only a few closures in progress at once' : 'queued';
	}
	if (said) return said;
	return outcomeText(entry, verb);
}

export function BatchPlanScreen({
	context,
	writer,
	verb,
	accountIds,
	queued,
	planExtras,
	notes = [],
	prepareCall,
}: BatchPlanScreenProps) {
	const theme = useTheme();
	const { accounts, journal, height, size } = context;
	const organization = accounts.organization;
	const caller = accounts.caller;
	// Fixed when the screen opens: the confirmation covers exactly what is on screen.
	const [plan] = useState<Plan | undefined>(() =>
		organization && caller
			? buildPlan(
					planInput({
						verb,
						accountIds,
						accounts: accounts.accounts,
						organization,
						caller,
						cachedIds: accounts.cachedIds,
						journal,
						quota: accounts.quota,
						quotaOverride: organization ? context.settings?.quotaFor(organization.id) : undefined,
						now: new Date(),
						...planExtras,
					}),
				)
			: undefined,
	);
	const phrase = plan ? confirmationPhrase(verb, plan.totals.act) : '';
	const [confirmation, setConfirmation] = useState<BatchConfirmation>(CONFIRMATION_START);
	const confirmationRef = useRef(confirmation);
	const [notice, setNotice] = useState<string | undefined>(undefined);
	const [cursor, setCursor] = useState(0);
	const [progress, setProgress] = useState<BatchProgress | undefined>(undefined);
	const [preparing, setPreparing] = useState<string | undefined>(undefined);
	const runRef = useRef<BatchRun | undefined>(undefined);
	const reloaded = useRef(false);
	const latestAccounts = useRef(accounts.accounts);
	latestAccounts.current = accounts.accounts;
	const [facts, setFacts] = useState<ReadonlyMap<string, AccountFacts>>(new Map());

	// The checklist's facts, for the first accounts of a closure batch, a few reads at a time.
	useEffect(() => {
		if (verb !== 'close' || !plan) return;
		let cancelled = false;
		const ids = plan.acting.slice(0, FACTS_READ_LIMIT);
		let next = 0;
		const read = async (): Promise<void> => {
			while (!cancelled && next < ids.length) {
				const id = ids[next++] as string;
				try {
					const read = await context.gateway.accountFacts(id, false);
					if (!cancelled) setFacts((known) => new Map(known).set(id, read));
				} catch {
					// accountFacts turns failures into unknown facts; anything else leaves the account not read.
				}
			}
		};
		for (let worker = 0; worker < FACTS_READS_AT_ONCE; worker++) void read();
		return () => {
			cancelled = true;
		};
	}, [verb, plan, context.gateway]);

	useEffect(() => () => runRef.current?.dispose(), []);

	const start = (): void => {
		if (!plan || !journal || !caller || runRef.current) return;
		setPreparing('Getting ready…');
		prepareCall(plan).then(
			(call) => {
				setPreparing(undefined);
				const run = createBatchRun(
					{
						gateway: writer,
						journal,
						queue: context.queue,
						caller,
						call,
						onAccount: accounts.updateAccount,
						nextSlotAt: () => nextSlotOnRecord(journal, latestAccounts.current, new Date()),
					},
					{ verb, accountIds: plan.acting, nextSlotAt: plan.nextSlotAt },
					(next) => {
						setProgress(next);
						// Removed or moved accounts: the list is read again once, when the run is over.
						if (next.finished && !reloaded.current && verb !== 'close') {
							reloaded.current = true;
							accounts.refresh();
						}
					},
				);
				runRef.current = run;
				// Those that must wait for the allowance join the queue at once.
				const waiting = plan.entries.filter((entry) => entry.outcome.kind === 'wait').map((entry) => entry.accountId);
				if (waiting.length > 0 && context.queue) {
					try {
						const existing = context.queue.batch(verb);
						context.queue.save({
							verb,
							accountIds: [...(existing?.accountIds ?? []), ...waiting],
							queuedAt: existing?.queuedAt ?? new Date().toISOString(),
							...(plan.nextSlotAt ? { notBefore: plan.nextSlotAt } : {}),
						});
					} catch {
						// Shown as queued in the plan; the queue file is a reminder only.
					}
				}
				run.start();
			},
			(error: unknown) => {
				setPreparing(undefined);
				setConfirmation({ step: 'plan' });
				confirmationRef.current = { step: 'plan' };
				setNotice(`Nothing was changed: ${error instanceof Error ? error.message : String(error)}`);
			},
		);
	};

	const send = (key: FlowKey, pasted: boolean): void => {
		if (!plan) return;
		const transition = confirmationKey(confirmationRef.current, key, pasted, phrase, plan.totals.act);
		const before = confirmationRef.current;
		confirmationRef.current = transition.state;
		setConfirmation(transition.state);
		setNotice(transition.notice);
		if (transition.state.step === 'left') context.back();
		if (transition.state.step === 'confirmed' && before.step !== 'confirmed') {
			// Drops the accounts the plan refused out of a queued batch: re-checked, they have nothing left to do.
			if (queued && context.queue) {
				const refused = plan.entries
					.filter((entry) => entry.outcome.kind === 'refused')
					.map((entry) => entry.accountId);
				try {
					context.queue.remove(verb, refused);
				} catch {
					// As above.
				}
			}
			start();
		}
	};

	const entries = plan?.entries ?? [];
	const move = (by: number) => setCursor((at) => Math.max(0, Math.min(entries.length - 1, at + by)));
	const running = progress !== undefined || preparing !== undefined;
	const typing = confirmation.step === 'phrase' || confirmation.step === 'yes';
	const shownNotes = running ? [] : notes;
	const listRows = Math.max(
		3,
		height - shownNotes.length - (running ? 6 : plan && verb === 'close' && height >= 24 ? 15 : 7),
	);
	useKeys<BatchCommand>(() => {
		if (running) {
			return {
				bindings: BATCH_KEYS,
				on: {
					stop: () => runRef.current?.stop(),
					back: () => {
						if (runRef.current?.progress().finished !== false) context.back();
						else setNotice('Calls are in flight: q stops after them and keeps the rest queued.');
					},
					'move-up': () => move(-1),
					'move-down': () => move(1),
					'page-up': () => move(-listRows),
					'page-down': () => move(listRows),
				},
			};
		}
		const as = (key: FlowKey) => (press: { burst?: boolean }) => send(key, press.burst === true);
		return {
			bindings: typing ? TYPING_BINDINGS : BATCH_KEYS.filter((binding) => binding.command !== 'stop'),
			on: {
				back: as({ type: 'escape' }),
				continue: as({ type: 'enter' }),
				'delete-char': as({ type: 'backspace' }),
				'move-up': () => move(-1),
				'move-down': () => move(1),
				'page-up': () => move(-listRows),
				'page-down': () => move(listRows),
			},
			otherwise: ({ input, key, burst }) => {
				if (key.ctrl || key.meta || key.tab || !input || /\p{Cc}/u.test(input)) return;
				send(input === ' ' ? { type: 'space' } : { type: 'text', text: input }, burst === true);
			},
		};
	});

	const checklist = useMemo(() => {
		if (!plan || verb !== 'close') return [];
		const byId = new Map(accounts.accounts.map((account) => [account.id, account]));
		const acting = plan.acting.flatMap((id) => {
			const account = byId.get(id);
			return account ? [account] : [];
		});
		const notRead =
			acting.length > FACTS_READ_LIMIT
				? `only the first ${FACTS_READ_LIMIT} of a batch are read, six Account API calls each`
				: 'still reading';
		return batchChecklist({ accounts: acting, facts, notReadReason: notRead });
	}, [plan, verb, accounts.accounts, facts]);

	if (!plan) {
		return (
			<Text>
				The organization and the signed-in identity are not loaded yet: Esc goes back; try again once they are.
			</Text>
		);
	}
	const top = Math.max(0, Math.min(cursor - Math.floor(listRows / 2), entries.length - listRows));
	const window = entries.slice(top, top + listRows);
	const width = size.columns - 1;
	const selected = entries[cursor];
	const statusOf = progress
		? (entry: PlanEntry) =>
				entry.outcome.kind === 'act' ? runText(entry.accountId, progress, entry, verb) : outcomeText(entry, verb)
		: (entry: PlanEntry) => outcomeText(entry, verb);

	const header = progress
		? progressLine(progress, plan)
		: `${queued ? 'Queued batch, re-checked now' : 'Plan'}: ${VERB_WORDS[verb].typed} ${entries.length} account${entries.length === 1 ? '' : 's'} · ${totalsLine(plan)}`;
	const quotaLine = [
		plan.quota
			? `Quota: ${plan.quota.before} of ${plan.quota.limit} counted now, ${plan.quota.after} after${verb === 'close' ? ' (closed members count for about 90 days)' : ''}`
			: 'Quota: not known',
		plan.allowance
			? `Closure allowance: ${plan.allowance.limit} in 30 days, ${plan.allowance.used} used, ${plan.allowance.left} left, ${plan.allowance.leftAfter} after${plan.nextSlotAt ? `; next slot ${plan.nextSlotAt.slice(0, 10)}` : ''}`
			: undefined,
	]
		.filter(Boolean)
		.join(' · ');

	return (
		<Box flexDirection="column" height={height}>
			<Text bold wrap="truncate-end">
				{header}
			</Text>
			<Text wrap="truncate-end">{quotaLine}</Text>
			{shownNotes.map((note) => (
				<Text key={note} wrap="truncate-end" dimColor>
					{`· ${note}`}
				</Text>
			))}
			{progress ? <Text wrap="truncate-end">{progressBar(progress, plan.acting.length, width)}</Text> : null}
			{window.map((entry, index) => {
				const at = top + index;
				const colour =
					entry.outcome.kind === 'refused'
						? theme.colour('red')
						: entry.outcome.kind === 'wait'
							? theme.colour('yellow')
							: undefined;
				return (
					<Text key={entry.accountId} inverse={at === cursor} color={colour} wrap="truncate-end">
						{`${at === cursor ? '>' : ' '} ${entry.accountId}  ${entry.name.padEnd(24).slice(0, 24)}  ${statusOf(entry)}`}
					</Text>
				);
			})}
			{listRows > window.length ? <Box height={listRows - window.length} /> : null}
			<Text wrap="truncate-end" dimColor>
				{selected?.outcome.kind === 'refused' ? `${selected.accountId}: fix: ${selected.outcome.fix}` : ' '}
			</Text>
			{!progress && checklist.length > 0 && height >= 24 ? (
				<Box flexDirection="column">
					<Text bold>Before closing (each item for the whole batch):</Text>
					{checklist.map((item) => (
						<Text key={item.id} wrap="truncate-end">
							{`· ${item.title}${item.facts.length > 0 ? `: ${item.facts.map((fact) => fact.text).join('; ')}` : ''}`}
						</Text>
					))}
				</Box>
			) : null}
			<Text wrap="truncate-end" color={theme.colour('cyan')}>
				{preparing ??
					(progress
						? runFooter(progress)
						: plan.totals.act === 0
							? 'No account in this plan can be acted on: nothing to confirm. Esc goes back.'
							: confirmationLine(confirmation, phrase))}
			</Text>
			{notice ? (
				<Text wrap="truncate-end" color={theme.colour('yellow')}>
					{notice}
				</Text>
			) : null}
			<Text dimColor wrap="truncate-end">
				{running
					? progress?.finished
						? hintText(BATCH_KEYS, ['back'])
						: hintText(BATCH_KEYS, [{ keys: ['move-up', 'move-down'], says: 'move' }, 'stop'])
					: typing
						? hintText(BATCH_KEYS, [{ keys: ['delete-char'], says: 'delete' }, 'back'])
						: hintText(BATCH_KEYS, [{ keys: ['move-up', 'move-down'], says: 'move' }, 'continue', 'back'])}
			</Text>
		</Box>
	);
}

function confirmationLine(state: BatchConfirmation, phrase: string): string {
	switch (state.step) {
		case 'plan':
			return `Nothing has changed. Enter to confirm: you will type “${phrase}”, then yes.`;
		case 'phrase':
			return `Type “${phrase}” then Enter: ${state.typed}█`;
		case 'yes':
			return `${phrase}: are you sure? [y/N] ${state.answer}█`;
		default:
			return '';
	}
}

function progressLine(progress: BatchProgress, plan: Plan): string {
	const { runner } = progress;
	const failed = runner.failed.length;
	// A closure is done when AWS shows it closed; until then it is in progress.
	const done =
		plan.verb === 'close' ? runner.done.filter((id) => progress.completed.has(id)).length : runner.done.length;
	const inProgress =
		runner.inFlight.length +
		(plan.verb === 'close' ? runner.closing.filter((id) => !progress.completed.has(id)).length : 0);
	return `${VERB_WORDS[plan.verb].typed}: ${done} done · ${inProgress} in progress · ${runner.queued.length + plan.totals.wait} queued · ${plan.totals.refused} refused · ${failed} failed`;
}

function progressBar(progress: BatchProgress, total: number, width: number): string {
	const settled = progress.runner.done.length + progress.runner.failed.length;
	const barWidth = Math.max(10, Math.min(60, width - 20));
	const filled = total === 0 ? barWidth : Math.round((settled / total) * barWidth);
	return `[${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}] ${settled}/${total}`;
}

function runFooter(progress: BatchProgress): string {
	const { runner } = progress;
	if (!progress.finished) {
		if (runner.stopping) return 'Stopping: the calls in flight finish, the rest stay queued.';
		if (runner.held) return 'AWS allows only a few closures in progress at once: waiting for one to finish.';
		if (runner.quotaStop) return 'The closure allowance is spent: finishing the calls in flight.';
		return 'Running: each account’s intent is journalled before its call.';
	}
	const left = leftQueuedReason(runner);
	const closing = runner.closing.filter((id) => !progress.completed.has(id)).length;
	return `${left ?? 'Done.'}${closing > 0 ? ` ${closing} closure${closing === 1 ? '' : 's'} still completing (AWS finishes them; the journal has them).` : ''} Esc goes back.`;
}

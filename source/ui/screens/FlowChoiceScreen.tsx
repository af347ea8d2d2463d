/**
 * What c or x opened, as chosen by `chooseFlow` when the key was pressed: a
 * member's guided flow, the console steps, or why nothing can be offered yet.
 */
import type { FlowChoice } from '../../domain/flow-choice.js';
import { READ_ONLY_REFUSAL } from '../../org/read-only.js';
import { age } from '../format.js';
import { useFlowServices } from '../hooks/use-flow-services.js';
import { ConsoleClosureScreen } from './ConsoleClosureScreen.js';
import type { ScreenContext } from './context.js';
import { FlowScreen } from './FlowScreen.js';
import { NotReadyScreen } from './NotReadyScreen.js';

type Refusal = Extract<FlowChoice, { kind: 'cached-row' | 'still-loading' | 'not-in-organization' }>;

/** Why c or x offers nothing, and what to do instead. */
export function refusalMessage(choice: Refusal, now = new Date()): string {
	switch (choice.kind) {
		case 'still-loading':
			return 'The organization is still loading: try again in a moment.';
		case 'not-in-organization':
			return 'This account is not in an organization: there is nothing to remove it from.';
		case 'cached-row': {
			// Its state has not been read from AWS in this session, and no action is offered on a state that may be out of date.
			const { account, action, savedAt } = choice;
			const saved = savedAt ? ` (saved ${age(savedAt, now)})` : '';
			const key = action === 'close' ? 'c' : 'x';
			return `${account.name} (${account.id}) is shown from the cached list${saved}, and its state has not been read from AWS yet. orgdash offers ${action === 'close' ? 'closing' : 'removal'} only for accounts whose state came from AWS: wait until the list has loaded (the * marks go away), or press r to refresh, then press ${key} again.`;
		}
	}
}

export function FlowChoiceScreen({
	context,
	choice,
}: {
	readonly context: ScreenContext;
	readonly choice: FlowChoice;
}) {
	const wiring = useFlowServices(context, choice);
	const { back, height } = context;
	// The dashboard's keys refuse first; this holds for any other way a flow could be opened.
	if (!context.writer && choice.kind !== 'console') {
		return <NotReadyScreen message={`${READ_ONLY_REFUSAL}.`} onBack={back} />;
	}
	switch (choice.kind) {
		case 'member-flow':
			return wiring ? (
				<FlowScreen
					kind={choice.action}
					account={choice.account}
					accounts={context.accounts.accounts}
					organizationImpact={context.impact.organization}
					height={height}
					{...wiring}
				/>
			) : null;
		case 'console':
			return (
				<ConsoleClosureScreen
					input={choice.input}
					gateway={context.gateway}
					onBack={back}
					onDone={back}
					height={height}
				/>
			);
		default:
			return <NotReadyScreen message={refusalMessage(choice)} onBack={back} />;
	}
}

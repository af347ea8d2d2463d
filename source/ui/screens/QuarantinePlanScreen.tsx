/**
 * Quarantine and move back: the quarantine OU and its policy are read first
 * (and, for move back, each account's former parent from the journal), then
 * the plan opens with what the confirmation will also set up, why quarantine
 * helps and how it is undone.
 */
import { Text } from 'ink';
import { useEffect, useState } from 'react';
import { QUARANTINE_MEANS, type QuarantineSetup, quarantineSteps } from '../../domain/batch/quarantine.js';
import { toErrorInfo } from '../../domain/error-codes.js';
import { explain } from '../../domain/explain.js';
import type { OrgGateway } from '../../org/gateway.js';
import { prepareBatchCall, type QuarantineOptions } from '../batch-calls.js';
import { BatchPlanScreen } from './BatchPlanScreen.js';
import type { ScreenContext } from './context.js';
import { NotReadyScreen } from './NotReadyScreen.js';

export interface QuarantinePlanScreenProps {
	readonly context: ScreenContext;
	/** The gateway with its writes: a batch screen is never opened without it (read-only mode has none). */
	readonly writer: OrgGateway;
	readonly verb: 'quarantine' | 'move-back';
	readonly accountIds: readonly string[];
	readonly queued?: boolean | undefined;
	readonly options: QuarantineOptions;
}

type Loaded =
	| { readonly setup: QuarantineSetup; readonly formerParents: ReadonlyMap<string, string> }
	| { readonly error: string };

export function QuarantinePlanScreen({
	context,
	writer,
	verb,
	accountIds,
	queued,
	options,
}: QuarantinePlanScreenProps) {
	const [loaded, setLoaded] = useState<Loaded | undefined>(undefined);
	const { gateway, journal } = context;
	useEffect(() => {
		let cancelled = false;
		gateway.quarantineSetup(options.ouName, options.policyName).then(
			(setup) => {
				let formerParents = new Map<string, string>();
				try {
					if (setup.ou && journal) formerParents = journal.formerParents(setup.ou.id);
				} catch {
					// An unreadable journal: every account is refused for want of a former parent, with that reason.
				}
				if (!cancelled) setLoaded({ setup, formerParents });
			},
			(error: unknown) => {
				const explanation = explain(toErrorInfo(error), { action: 'read' });
				if (!cancelled) setLoaded({ error: `${explanation.what} ${explanation.next} (${explanation.code})` });
			},
		);
		return () => {
			cancelled = true;
		};
	}, [gateway, journal, options.ouName, options.policyName]);

	if (!loaded) return <Text>Reading the quarantine OU and its policy…</Text>;
	if ('error' in loaded) {
		return <NotReadyScreen message={`The quarantine OU could not be read: ${loaded.error}`} onBack={context.back} />;
	}
	const { setup, formerParents } = loaded;
	const ouPath = setup.ou?.path ?? `Root/${options.ouName}`;
	const notes =
		verb === 'quarantine'
			? [
					...quarantineSteps(setup, options.ouName, options.policyName),
					...(options.breakGlassRoleArn && !setup.policy
						? [`The policy leaves out ${options.breakGlassRoleArn} (aws:PrincipalArn), the break-glass role.`]
						: []),
					...(options.breakGlassProblem ? [options.breakGlassProblem] : []),
					...QUARANTINE_MEANS,
				]
			: [`Each account goes back to the parent the journal recorded when it was moved into ${ouPath}.`];
	return (
		<BatchPlanScreen
			context={context}
			writer={writer}
			verb={verb}
			accountIds={accountIds}
			queued={queued}
			notes={notes}
			planExtras={{ quarantine: { ouId: setup.ou?.id, ouPath }, formerParents }}
			prepareCall={(plan) =>
				prepareBatchCall({
					plan,
					gateway: writer,
					accounts: context.accounts.accounts,
					quarantine: options,
					setup,
					formerParents,
				})
			}
		/>
	);
}

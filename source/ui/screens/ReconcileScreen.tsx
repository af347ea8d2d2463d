/**
 * Shown at start when the journal holds requests with no known outcome (the
 * program stopped between sending one and writing its answer, or the answer
 * was lost): each is checked with
 * DescribeAccount and the journal is told what the account's state is now.
 */
import { Box, Text } from 'ink';
import Spinner from 'ink-spinner';
import { useEffect, useState } from 'react';
import type { CallerIdentity } from '../../domain/account.js';
import type { OrgGateway } from '../../org/gateway.js';
import type { Journal } from '../../store/journal/journal.js';
import { type Reconciliation, reconcilePending } from '../../store/journal/reconcile.js';
import type { JournalRecord } from '../../store/journal/records.js';
import { useKeys } from '../hooks/use-keys.js';
import { useTheme } from '../hooks/use-theme.js';
import { NOTICE_KEYS } from '../keymap.js';
import { hintText } from '../keymap-lookup.js';

export interface ReconcileScreenProps {
	readonly journal: Journal;
	readonly gateway: Pick<OrgGateway, 'describeAccount'>;
	readonly caller: CallerIdentity;
	readonly onBack: () => void;
	readonly height?: number | undefined;
}

function when(record: JournalRecord): string {
	return record.time.slice(0, 16).replace('T', ' ');
}

export function ReconcileScreen({ journal, gateway, caller, onBack, height }: ReconcileScreenProps) {
	const theme = useTheme();
	const [pending] = useState(() => journal.pendingIntents());
	const [results, setResults] = useState<readonly Reconciliation[] | undefined>();
	const [failure, setFailure] = useState<string | undefined>();

	useEffect(() => {
		let live = true;
		reconcilePending(journal, gateway, caller).then(
			(done) => live && setResults(done),
			(error: unknown) => live && setFailure(error instanceof Error ? error.message : String(error)),
		);
		return () => {
			live = false;
		};
	}, [journal, gateway, caller]);

	useKeys({ bindings: NOTICE_KEYS, on: { back: onBack } });

	const resultFor = (intent: JournalRecord) => results?.find((result) => result.intent.intentId === intent.intentId);
	return (
		<Box flexDirection="column" height={height} overflow="hidden">
			<Text bold>
				{pending.length === 1 ? 'A request' : `${pending.length} requests`} from an earlier run had no recorded outcome
			</Text>
			<Text dimColor>
				AWS's answer was never recorded (orgdash stopped, or the answer was lost on the way), so whether each went
				through is unknown. Checking with AWS:
			</Text>
			<Box flexDirection="column" marginTop={1} flexGrow={1}>
				{pending.map((intent) => {
					const result = resultFor(intent);
					const what = `${when(intent)}  ${intent.action} ${intent.accountId}`;
					if (!results && !failure) {
						return (
							<Text key={intent.intentId}>
								<Spinner type="dots" /> {what}: checking…
							</Text>
						);
					}
					if (result?.outcome?.result) {
						return (
							<Text key={intent.intentId}>
								<Text color={theme.colour('green')}>✓</Text> {what}: {result.outcome.result.summary}
							</Text>
						);
					}
					const why = result?.error ? `${result.error.code}: ${result.error.message}` : (failure ?? 'not checked');
					return (
						<Text key={intent.intentId}>
							<Text color={theme.colour('yellow')}>!</Text> {what}: could not be checked ({why}); it stays pending for
							the next start.
						</Text>
					);
				})}
			</Box>
			{results || failure ? <Text dimColor>The journal (L) keeps the whole story.</Text> : null}
			<Text dimColor>{hintText(NOTICE_KEYS, [{ keys: ['back'], says: 'back to the dashboard' }])}</Text>
		</Box>
	);
}

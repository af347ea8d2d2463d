/** How a flow ended: closed, removed, failed with the explanation, or unknown after a lost answer. */
import { Box, Text } from 'ink';
import Spinner from 'ink-spinner';
import type { ReactNode } from 'react';
import type { Explanation } from '../../../domain/explain.js';
import { day } from '../../format.js';
import { useTheme } from '../../hooks/use-theme.js';

export function ClosedStep({
	accountId,
	state,
	reopenUntil,
}: {
	readonly accountId: string;
	readonly state: 'CLOSED' | 'SUSPENDED' | 'gone';
	readonly reopenUntil: string;
}) {
	const theme = useTheme();
	if (state === 'gone') {
		return (
			<Text color={theme.colour('green')}>✓ Account {accountId} is closed and no longer in the organization.</Text>
		);
	}
	return (
		<Outcome
			colour="green"
			headline={
				<>
					✓ Account {accountId} is {state}.
				</>
			}
		>
			<Text>Only its root user can sign in now, to view past bills or contact AWS Support.</Text>
			<Text>
				It can be reopened through AWS Support until <Text bold>{day(reopenUntil)}</Text>; then AWS deletes it for good.
			</Text>
			<Text>Until then it counts toward the organization's account quota.</Text>
		</Outcome>
	);
}

export function RemovedStep({ accountId, thenConsole }: { readonly accountId: string; readonly thenConsole: boolean }) {
	return (
		<Outcome colour="green" headline={<>✓ Account {accountId} left the organization.</>}>
			<Text>It is a standalone account now: it pays its own bills, and its quota slot is free.</Text>
			<Text>Its resources keep running until someone closes it.</Text>
			{thenConsole ? <Text bold>Next: close it in the console, as its root user (Enter shows the steps).</Text> : null}
		</Outcome>
	);
}

export function FailedStep({ explanation }: { readonly explanation: Explanation }) {
	return (
		<Outcome colour="red" headline={<>✗ {explanation.what}</>}>
			<Labelled label="Why">{explanation.why}</Labelled>
			<Labelled label="Now">{explanation.next}</Labelled>
			<Text dimColor>AWS said: {explanation.code}</Text>
		</Outcome>
	);
}

/** An outcome's frame: the headline in its colour, then what it means below. */
function Outcome({
	colour,
	headline,
	children,
}: {
	readonly colour: 'green' | 'red' | 'yellow';
	readonly headline: ReactNode;
	readonly children: ReactNode;
}) {
	const theme = useTheme();
	return (
		<Box flexDirection="column">
			<Text color={theme.colour(colour)} bold>
				{headline}
			</Text>
			<Box marginTop={1} flexDirection="column">
				{children}
			</Box>
		</Box>
	);
}

/** "Why: text" with the text's wrapped lines kept under the text, not under the label. */
function Labelled({ label, children }: { readonly label: string; readonly children: string }) {
	return (
		<Box>
			<Box width={label.length + 2} flexShrink={0}>
				<Text bold>{label}:</Text>
			</Box>
			<Text>{children}</Text>
		</Box>
	);
}

/** The answer was lost: the account's state is being read to learn whether the request went through. */
export function SettlingStep({ explanation }: { readonly explanation: Explanation }) {
	return (
		<Outcome colour="yellow" headline={<>? {explanation.what}</>}>
			<Labelled label="Why">{explanation.why}</Labelled>
			<Text>
				<Spinner type="dots" /> Outcome unknown, checking: reading the account's state with DescribeAccount…
			</Text>
			<Text dimColor>AWS said: {explanation.code}</Text>
		</Outcome>
	);
}

/** The answer was lost and the account could not be read either: the journal keeps the request as unknown. */
export function UnknownStep({ lost, checkError }: { readonly lost: Explanation; readonly checkError: Explanation }) {
	return (
		<Outcome colour="yellow" headline={<>? {lost.what}</>}>
			<Labelled label="Why">{lost.why}</Labelled>
			<Labelled label="Check">{`Reading the account failed too: ${checkError.what} ${checkError.why}`}</Labelled>
			<Labelled label="Now">
				The journal keeps the request as unknown and orgdash checks it again on the next start. Refresh (r) on the
				dashboard to see the account's state before sending anything again.
			</Labelled>
			<Text dimColor>
				AWS said: {lost.code}; then {checkError.code}
			</Text>
		</Outcome>
	);
}

/**
 * The console closure, one step at a time, for accounts no API can close: the
 * management account, a standalone account, a member just removed.
 */
import { Box, Text } from 'ink';
import { useMemo, useRef, useState } from 'react';
import { type ConsoleClosureInput, consoleClosureKey, consoleClosureSteps } from '../../domain/console-closure.js';
import type { OrgReader } from '../../org/gateway.js';
import { ScrollRegion } from '../components/ScrollRegion.js';
import { flowKeyScheme } from '../hooks/use-flow.js';
import { useKeys } from '../hooks/use-keys.js';
import { useRootAccess } from '../hooks/use-root-access.js';
import { useScroll } from '../hooks/use-scroll.js';
import { useTheme } from '../hooks/use-theme.js';
import { FLOW_KEYS } from '../keymap.js';
import { hintText } from '../keymap-lookup.js';

/** The keys of every step but the last, and of the last (from FLOW_KEYS: the console steps are part of a flow). */
export const CONSOLE_CLOSURE_HINTS = hintText(FLOW_KEYS, [
	{ keys: ['continue', 'next-step'], says: 'next step' },
	{ keys: ['previous-step'], says: 'previous' },
	'back',
]);
const LAST_STEP_HINTS = hintText(FLOW_KEYS, [
	{ keys: ['continue'], says: 'done' },
	{ keys: ['previous-step'], says: 'previous' },
	'back',
]);

export interface ConsoleClosureScreenProps {
	readonly input: ConsoleClosureInput;
	/** Asked whether the organization manages root access centrally, where the steps advise root sign-in. */
	readonly gateway: OrgReader;
	/** Esc on the first step. */
	readonly onBack: () => void;
	/** Enter on the last step. */
	readonly onDone: () => void;
	readonly isActive?: boolean;
	readonly height?: number | undefined;
}

function heading(input: ConsoleClosureInput): string {
	const name = input.accountName ? ` · ${input.accountName}` : '';
	switch (input.kind) {
		case 'management':
			return `Close the management account ${input.accountId}${name} in the console`;
		case 'standalone':
			return `Close the standalone account ${input.accountId}${name} in the console`;
		case 'removed-member':
			return `Close ${input.accountId}${name}, now standalone, in the console`;
	}
}

export function ConsoleClosureScreen({
	input,
	gateway,
	onBack,
	onDone,
	isActive = true,
	height,
}: ConsoleClosureScreenProps) {
	const theme = useTheme();
	// A standalone account belongs to no organization: there is nothing to ask.
	const rootAccess = useRootAccess(gateway, input.kind !== 'standalone');
	// The answer only changes what the steps say, never how many there are.
	const steps = useMemo(() => consoleClosureSteps(input, rootAccess), [input, rootAccess]);
	const [index, setIndex] = useState(0);
	// Keys can arrive faster than renders: each one moves from the latest index.
	const indexRef = useRef(0);
	// Once Esc or Enter leaves, the rest of a burst is not for these steps.
	const left = useRef(false);
	// Each step starts at its top; ↑/↓ are the steps' own keys here, so only PgUp/PgDn scroll.
	const scroll = useScroll(index);
	const scheme = flowKeyScheme((flowKey) => {
		if (left.current) return;
		const next = consoleClosureKey(indexRef.current, steps.length, flowKey);
		if (next.exit) {
			left.current = true;
			if (flowKey.type === 'escape') onBack();
			else onDone();
			return;
		}
		indexRef.current = next.index;
		setIndex(next.index);
	});
	useKeys(
		{
			...scheme,
			on: { ...scheme.on, 'page-up': () => scroll.move('page-up'), 'page-down': () => scroll.move('page-down') },
		},
		{ isActive },
	);
	const step = steps[index];
	// The account stays at the top and the keys at the bottom; the current step, then the list of all steps, scroll.
	return (
		<ScrollRegion
			height={height}
			scroll={scroll}
			header={
				<Text bold wrap="truncate-end">
					{heading(input)}
				</Text>
			}
			footer={
				<Text dimColor wrap="truncate-end">
					{index === steps.length - 1 ? LAST_STEP_HINTS : CONSOLE_CLOSURE_HINTS}
				</Text>
			}
		>
			<Text dimColor>
				No API can close this account: its root user does it in the Billing and Cost Management console.
			</Text>
			{step ? (
				<Box flexDirection="column" marginTop={1} paddingLeft={2}>
					<Text bold>
						Step {index + 1} of {steps.length}: {step.title}
					</Text>
					{step.warning ? <Text color={theme.colour('yellow')}>{step.warning}</Text> : null}
					{step.lines.map((line) => (
						<Text key={line}>{line}</Text>
					))}
				</Box>
			) : null}
			<Box flexDirection="column" marginTop={1}>
				{steps.map((item, position) => {
					const current = position === index;
					const mark = item.done ? '✓' : position < index ? '·' : ' ';
					return (
						<Text
							key={item.title}
							wrap="truncate-end"
							bold={current}
							color={current ? theme.colour('cyan') : undefined}
							dimColor={!current && position < index}
						>
							{current ? '›' : mark} {position + 1}. {item.title}
						</Text>
					);
				})}
			</Box>
		</ScrollRegion>
	);
}

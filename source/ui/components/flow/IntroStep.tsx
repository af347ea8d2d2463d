/** Before you start: what closing means, its effect on the quota, and the closure allowance left. */
import { Box, Text } from 'ink';
import { CLOSING_MEANS } from '../../../domain/flow/closing.js';
import type { AllowanceView } from '../../../domain/flow/closure-allowance.js';
import { CLOSURE_WINDOW_DAYS } from '../../../domain/quota.js';
import { day } from '../../format.js';
import { useTheme } from '../../hooks/use-theme.js';
import { Bullet, Heading } from './FlowFrame.js';

export interface IntroStepProps {
	readonly deletionDay: string;
	readonly allowance: AllowanceView;
}

export function IntroStep({ deletionDay, allowance }: IntroStepProps) {
	const theme = useTheme();
	const lastOne = allowance.left === 1;
	return (
		<Box flexDirection="column">
			<Heading>What closing means</Heading>
			{CLOSING_MEANS.map((line) => (
				<Bullet key={line}>{line}</Bullet>
			))}
			<Box marginTop={1}>
				<Heading>The account quota</Heading>
			</Box>
			<Bullet>
				Closed inside the organization, it keeps counting toward the quota until AWS deletes it, about{' '}
				{day(deletionDay)}.
			</Bullet>
			<Bullet>Removed from the organization first, its slot frees at once.</Bullet>
			<Box marginTop={1}>
				<Heading>Closure allowance (an estimate)</Heading>
			</Box>
			<Bullet colour={lastOne ? theme.colour('yellow') : undefined}>
				{allowance.left} of about {allowance.limit} closures left in the rolling {CLOSURE_WINDOW_DAYS} days (
				{allowance.used} known: recorded in the journal or shown with a closure date).
				{lastOne ? ' This is the last one.' : ''}
			</Bullet>
			<Text dimColor>
				{' '}
				Closures made elsewhere may not be known; AWS has the final word (CLOSE_ACCOUNT_QUOTA_EXCEEDED).
			</Text>
		</Box>
	);
}

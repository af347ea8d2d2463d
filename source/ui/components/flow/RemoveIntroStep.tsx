/** What removal means and what the account needs before AWS lets it leave. */
import { Box, Text } from 'ink';
import { type Prerequisite, REMOVAL_MEANS } from '../../../domain/removal.js';
import { count } from '../../format.js';
import { useTheme } from '../../hooks/use-theme.js';
import { Bullet, Heading } from './FlowFrame.js';

export interface RemoveIntroStepProps {
	readonly prerequisites: readonly Prerequisite[];
	readonly quota?: { readonly counted: number; readonly limit: number } | undefined;
}

export function RemoveIntroStep({ prerequisites, quota }: RemoveIntroStepProps) {
	const theme = useTheme();
	return (
		<Box flexDirection="column">
			<Heading>What removal means</Heading>
			{REMOVAL_MEANS.map((line) => (
				<Bullet key={line}>{line}</Bullet>
			))}
			{quota ? (
				<Text dimColor>
					{'  '}The quota goes from {count(quota.counted)} to {count(quota.counted - 1)} of {count(quota.limit)}{' '}
					accounts.
				</Text>
			) : null}
			<Box marginTop={1}>
				<Heading>Before AWS lets it go, the account needs</Heading>
			</Box>
			{prerequisites.map((item) => (
				<Box key={item.title} flexDirection="column">
					<Bullet mark={item.warning ? '!' : '•'} colour={item.warning ? theme.colour('yellow') : undefined}>
						<Text bold>{item.title}</Text>: {item.detail}
					</Bullet>
					{item.warning ? (
						<Box paddingLeft={3}>
							<Text color={theme.colour('yellow')}>{item.warning}</Text>
						</Box>
					) : null}
				</Box>
			))}
			<Text dimColor> AWS checks these itself; if one is missing it refuses, and orgdash says how to fix it.</Text>
		</Box>
	);
}

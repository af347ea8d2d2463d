/** Why orgdash will not start this flow, each reason with what to do instead. */
import { Box, Text } from 'ink';
import type { Refusal } from '../../../domain/removal.js';
import { useTheme } from '../../hooks/use-theme.js';
import { Heading } from './FlowFrame.js';

export function RefusedStep({ verb, refusals }: { readonly verb: string; readonly refusals: readonly Refusal[] }) {
	const theme = useTheme();
	return (
		<Box flexDirection="column">
			<Heading>orgdash will not {verb} this account:</Heading>
			{refusals.map((refusal) => (
				<Box key={refusal.code} flexDirection="column" marginTop={1} paddingLeft={1}>
					<Box>
						<Box width={2} flexShrink={0}>
							<Text color={theme.colour('red')}>✗</Text>
						</Box>
						<Text color={theme.colour('red')}>{refusal.why}</Text>
					</Box>
					<Box paddingLeft={2}>
						<Text>Instead: {refusal.next}</Text>
					</Box>
				</Box>
			))}
		</Box>
	);
}

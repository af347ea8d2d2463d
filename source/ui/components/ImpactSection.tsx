/** What closing or removing an account would break: one line per item with its source, and what the action does to it. */
import { Box, Text } from 'ink';
import type { ImpactLine } from '../../domain/impact.js';
import { useTheme } from '../hooks/use-theme.js';

export interface ImpactSectionProps {
	readonly lines: readonly ImpactLine[];
	readonly title?: string;
	/** Only the notes that warn (a flow's step has other things to say in its space). */
	readonly compact?: boolean;
}

const LABEL_WIDTH = 17;

export function ImpactSection({ lines, title = 'What it would break or cost', compact = false }: ImpactSectionProps) {
	const theme = useTheme();
	return (
		<Box flexDirection="column" marginTop={1}>
			<Text bold>{title}</Text>
			{lines.map((line) => (
				<Box key={line.label} flexDirection="column">
					<Box>
						<Box width={LABEL_WIDTH} flexShrink={0}>
							<Text dimColor>{line.label}</Text>
						</Box>
						<Text>
							<Text color={line.unknown ? theme.colour('yellow') : undefined}>{line.value}</Text>
							<Text dimColor>{`  · ${line.source}`}</Text>
						</Text>
					</Box>
					{line.note && (line.warns || !compact) ? (
						<Box paddingLeft={LABEL_WIDTH}>
							<Text dimColor>{line.note}</Text>
						</Box>
					) : null}
				</Box>
			))}
		</Box>
	);
}

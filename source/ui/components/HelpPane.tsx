/** The keys, generated from the keymap (only commands that do something), scrolled to fit the terminal. */
import { Box, Text } from 'ink';
import type { HelpLine } from '../help.js';
import { useTheme } from '../hooks/use-theme.js';

export interface HelpPaneProps {
	readonly lines: readonly HelpLine[];
	/** First line shown. */
	readonly offset: number;
	/** Lines available, the title and the footer included. */
	readonly height: number;
	readonly hints: string;
}

const KEYS_WIDTH = 20;

/** Lines of help text that fit under the title and above the footer. */
export function helpRoom(height: number): number {
	return Math.max(1, height - 2);
}

export function HelpPane({ lines, offset, height, hints }: HelpPaneProps) {
	const theme = useTheme();
	const room = helpRoom(height);
	const shown = lines.slice(offset, offset + room);
	const more = offset + room < lines.length;
	return (
		<Box flexDirection="column" height={height} overflow="hidden">
			<Text bold color={theme.colour('cyan')}>
				orgdash keys
			</Text>
			<Box flexDirection="column" height={room}>
				{shown.map((line, index) => {
					const key = `${offset + index}`;
					if (line.kind === 'blank') return <Text key={key}> </Text>;
					if (line.kind === 'title')
						return (
							<Text key={key} bold underline>
								{line.text}
							</Text>
						);
					return (
						<Box key={key}>
							<Box width={KEYS_WIDTH} flexShrink={0}>
								<Text color={theme.colour('cyan')}>{line.keys}</Text>
							</Box>
							<Text wrap="truncate-end">{line.description}</Text>
						</Box>
					);
				})}
			</Box>
			<Text dimColor wrap="truncate-end">
				{`${more || offset > 0 ? `lines ${offset + 1}-${offset + shown.length} of ${lines.length} · ` : ''}${hints}`}
			</Text>
		</Box>
	);
}

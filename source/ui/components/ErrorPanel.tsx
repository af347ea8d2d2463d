/** A load failure in full: what happened, what it means, what to do next, and the raw code. */
import { Box, Text } from 'ink';
import type { FailureMessage } from '../../domain/explain-load.js';
import { useTheme } from '../hooks/use-theme.js';

export function ErrorPanel({ message, height }: { readonly message: FailureMessage; readonly height: number }) {
	const theme = useTheme();
	const lines = [
		...message.explanation.map((line) => ({ text: line, kind: 'explanation' as const })),
		{ text: 'What to do:', kind: 'heading' as const },
		...message.next.map((line) => ({ text: `• ${line}`, kind: 'next' as const })),
		{ text: `(${message.code})`, kind: 'code' as const },
	];
	// Title, border and lines must fit the body: drop the least important lines first (the code, then explanations).
	const room = Math.max(1, height - 3);
	const shown = lines.length <= room ? lines : lines.filter((line) => line.kind !== 'code').slice(0, room);
	return (
		<Box
			flexDirection="column"
			borderStyle="round"
			borderColor={theme.colour('red')}
			paddingX={1}
			height={height}
			overflow="hidden"
		>
			<Text bold color={theme.colour('red')} wrap="truncate-end">
				{`✖ ${message.title}`}
			</Text>
			{shown.map((line) => (
				<Text
					key={line.text}
					bold={line.kind === 'heading'}
					dimColor={line.kind === 'code'}
					wrap={line.kind === 'code' ? 'truncate-end' : 'wrap'}
				>
					{line.text}
				</Text>
			))}
		</Box>
	);
}

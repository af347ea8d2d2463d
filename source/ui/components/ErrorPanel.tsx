/** A load failure in full: what happened, what it means, what to do next, and the raw code. */
import { Box, Text } from 'ink';
import type { FailureMessage } from '../../domain/explain-load.js';
import { useTheme } from '../hooks/use-theme.js';
import { displayWidth } from '../text.js';

type LineKind = 'title' | 'explanation' | 'heading' | 'next' | 'code';

/** Rows a line takes once wrapped at word boundaries to `width` columns (as Ink's wrap does, near enough). */
export function wrappedRows(text: string, width: number): number {
	if (width <= 0) return 1;
	let rows = 1;
	let used = 0;
	for (const word of text.split(' ')) {
		const size = displayWidth(word);
		const needed = used === 0 ? size : used + 1 + size;
		if (needed <= width) {
			used = needed;
			continue;
		}
		// A word longer than the line is cut over as many rows as it needs.
		rows += used === 0 ? 0 : 1;
		rows += Math.max(0, Math.ceil(size / width) - 1);
		used = size % width || width;
	}
	return rows;
}

/**
 * The lines that fit `rows`: all of them when they do; otherwise the code goes
 * first, then the "What to do:" heading, then the last explanations, so the
 * title, the cause and the next steps stay whole.
 */
export function fittingLines<T extends { readonly text: string; readonly kind: LineKind }>(
	lines: readonly T[],
	rows: number,
	width: number,
): T[] {
	const height = (kept: readonly T[]) => kept.reduce((sum, line) => sum + wrappedRows(line.text, width), 0);
	let kept = [...lines];
	for (const drop of ['code', 'heading'] as const) {
		if (height(kept) <= rows) return kept;
		kept = kept.filter((line) => line.kind !== drop);
	}
	while (height(kept) > rows) {
		const last = kept.map((line) => line.kind).lastIndexOf('explanation');
		// The first explanation says what happened: it stays, and the panel's own overflow cuts what is left.
		if (last <= 1) break;
		kept.splice(last, 1);
	}
	return kept;
}

export function ErrorPanel({
	message,
	height,
	width,
}: {
	readonly message: FailureMessage;
	readonly height: number;
	/** The panel's width in columns (border and padding included). */
	readonly width: number;
}) {
	const theme = useTheme();
	const lines = [
		{ text: `✖ ${message.title}`, kind: 'title' as const },
		...message.explanation.map((line) => ({ text: line, kind: 'explanation' as const })),
		{ text: 'What to do:', kind: 'heading' as const },
		...message.next.map((line) => ({ text: `• ${line}`, kind: 'next' as const })),
		{ text: `(${message.code})`, kind: 'code' as const },
	];
	// Border (2 rows, 2 columns) and padding (2 columns) around the text; every line wraps, none is cut short.
	const shown = fittingLines(lines, Math.max(1, height - 2), Math.max(1, width - 4));
	return (
		<Box
			flexDirection="column"
			borderStyle="round"
			borderColor={theme.colour('red')}
			paddingX={1}
			height={height}
			width={width}
			overflow="hidden"
		>
			{shown.map((line) => (
				<Text
					key={line.text}
					bold={line.kind === 'heading' || line.kind === 'title'}
					color={line.kind === 'title' ? theme.colour('red') : undefined}
					dimColor={line.kind === 'code'}
					wrap="wrap"
				>
					{line.text}
				</Text>
			))}
		</Box>
	);
}

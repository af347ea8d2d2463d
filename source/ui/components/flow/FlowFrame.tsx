/** The frame every flow step shares: title, the trail of steps, the step itself, a notice, the keys. */
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { useTheme } from '../../hooks/use-theme.js';

export interface FlowFrameProps {
	readonly title: string;
	readonly trail: { readonly labels: readonly string[]; readonly current: number };
	readonly notice?: string | undefined;
	readonly hints: string;
	readonly height?: number | undefined;
	readonly children: ReactNode;
}

export function FlowFrame({ title, trail, notice, hints, height, children }: FlowFrameProps) {
	const theme = useTheme();
	return (
		<Box flexDirection="column" height={height} overflow="hidden">
			{/* Never shrunk: a title longer than the terminal (a long name) would otherwise lose its line to the step. */}
			<Box flexShrink={0}>
				<Text bold wrap="truncate-end">
					{title}
				</Text>
			</Box>
			<Text wrap="truncate-end">
				{trail.labels.map((label, index) => (
					<Text key={label}>
						{index > 0 ? <Text dimColor> › </Text> : null}
						{index === trail.current ? (
							<Text bold color={theme.colour('cyan')} underline={!theme.enabled}>
								{label}
							</Text>
						) : (
							<Text dimColor>{label}</Text>
						)}
					</Text>
				))}
			</Text>
			{/* The step keeps its natural height; on a short terminal its bottom is cut, the keys stay. */}
			<Box flexDirection="column" marginTop={1} flexGrow={1} flexShrink={1} overflow="hidden">
				<Box flexDirection="column" flexShrink={0}>
					{children}
				</Box>
			</Box>
			{notice ? (
				<Text color={theme.colour('yellow')} wrap="truncate-end">
					{notice}
				</Text>
			) : null}
			<Text dimColor wrap="truncate-end">
				{hints}
			</Text>
		</Box>
	);
}

/** A heading inside a step. */
export function Heading({ children }: { readonly children: ReactNode }) {
	return <Text bold>{children}</Text>;
}

/** A bulleted line, indented. */
export function Bullet({
	children,
	mark = '•',
	colour,
}: {
	readonly children: ReactNode;
	readonly mark?: string;
	readonly colour?: string | undefined;
}) {
	return (
		<Box paddingLeft={1}>
			<Box width={2} flexShrink={0}>
				<Text color={colour}>{mark}</Text>
			</Box>
			<Text color={colour}>{children}</Text>
		</Box>
	);
}

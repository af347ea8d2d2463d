/**
 * The frame every flow step shares: the title naming the account and the trail
 * of steps (always on screen), the step itself (scrolled when the terminal is
 * too short for it), a notice, the keys (always the last line).
 */
import { Box, type DOMElement, Text } from 'ink';
import type { ReactNode, RefObject } from 'react';
import type { Scroll } from '../../hooks/use-scroll.js';
import { useTheme } from '../../hooks/use-theme.js';
import { ScrollRegion } from '../ScrollRegion.js';

export interface FlowFrameProps {
	readonly title: string;
	readonly trail: { readonly labels: readonly string[]; readonly current: number };
	readonly notice?: string | undefined;
	readonly hints: string;
	readonly height?: number | undefined;
	readonly scroll: Scroll;
	/** A line of the step kept in view when `at` changes (the checklist's cursor). */
	readonly focus?: { readonly ref: RefObject<DOMElement | null>; readonly at: unknown } | undefined;
	readonly children: ReactNode;
}

export function FlowFrame({ title, trail, notice, hints, height, scroll, focus, children }: FlowFrameProps) {
	const theme = useTheme();
	const header = (
		<>
			<Text bold wrap="truncate-end">
				{title}
			</Text>
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
			<Text> </Text>
		</>
	);
	const footer = (
		<>
			{notice ? (
				<Text color={theme.colour('yellow')} wrap="truncate-end">
					{notice}
				</Text>
			) : null}
			<Text dimColor wrap="truncate-end">
				{hints}
			</Text>
		</>
	);
	return (
		<ScrollRegion height={height} header={header} footer={footer} scroll={scroll} focus={focus}>
			{children}
		</ScrollRegion>
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

/**
 * A screen in three parts: a fixed header (the account acted on), a body
 * that scrolls when it is taller than the room left, with a marker saying
 * how much is hidden and which key shows it, and a fixed footer (the key
 * line, always the last line). Sized by `height`, the lines the screen has.
 * The body is laid out at its natural height and measured after each layout,
 * so any content fits in it: wrapped text, lists, sections added later.
 */
import { Box, type DOMElement, measureElement, Text } from 'ink';
import { type ReactNode, type RefObject, useLayoutEffect, useRef } from 'react';
import type { Scroll } from '../hooks/use-scroll.js';
import { useTheme } from '../hooks/use-theme.js';
import { moreMarker } from '../scroll.js';

export interface ScrollRegionProps {
	readonly height?: number | undefined;
	readonly header: ReactNode;
	readonly footer: ReactNode;
	readonly scroll: Scroll;
	/** An element of the body kept in view whenever `focus.at` changes (a cursor). */
	readonly focus?: { readonly ref: RefObject<DOMElement | null>; readonly at: unknown } | undefined;
	readonly children: ReactNode;
}

/** The element's top, in lines, within `ancestor`. */
function topWithin(element: DOMElement, ancestor: DOMElement): number {
	let top = 0;
	for (let node: DOMElement | undefined = element; node && node !== ancestor; node = node.parentNode) {
		top += node.yogaNode?.getComputedTop() ?? 0;
	}
	return top;
}

export function ScrollRegion({ height, header, footer, scroll, focus, children }: ScrollRegionProps) {
	const theme = useTheme();
	const viewRef = useRef<DOMElement>(null);
	const contentRef = useRef<DOMElement>(null);
	const focusedAt = useRef<unknown>(undefined);
	const { position } = scroll;
	const marker = moreMarker(position);

	// After every layout: the body's lines and its room decide the marker and how far it scrolls.
	useLayoutEffect(() => {
		if (!viewRef.current || !contentRef.current) return;
		const view = measureElement(viewRef.current).height;
		const content = measureElement(contentRef.current).height;
		scroll.measured(content, view);
		const element = focus?.ref.current;
		if (focus && element && focusedAt.current !== focus.at) {
			focusedAt.current = focus.at;
			scroll.show(topWithin(element, contentRef.current), measureElement(element).height);
		}
	});

	return (
		<Box flexDirection="column" height={height} overflow="hidden">
			<Box flexDirection="column" flexShrink={0}>
				{header}
			</Box>
			<Box ref={viewRef} flexDirection="column" flexGrow={1} flexShrink={1} overflow="hidden">
				<Box ref={contentRef} flexDirection="column" flexShrink={0} marginTop={-position.offset}>
					{children}
				</Box>
			</Box>
			{marker ? (
				<Box flexShrink={0}>
					<Text color={theme.colour('cyan')} wrap="truncate-end">
						{marker}
					</Text>
				</Box>
			) : null}
			<Box flexDirection="column" flexShrink={0}>
				{footer}
			</Box>
		</Box>
	);
}

/** The path: close inside the organization, remove it first and close it in the console, or cancel. */
import { Box, type DOMElement, Text } from 'ink';
import type { RefObject } from 'react';
import { PATH_OPTIONS, type PathOption } from '../../../domain/flow/types.js';
import { day } from '../../format.js';
import { useTheme } from '../../hooks/use-theme.js';
import { Heading } from './FlowFrame.js';

function describeOption(option: PathOption, deletionDay: string): { title: string; detail: string } {
	switch (option) {
		case 'close-in-organization':
			return {
				title: 'Close it inside the organization (CloseAccount)',
				detail: `orgdash requests the closure and follows it. It keeps counting toward the quota until about ${day(deletionDay)}.`,
			};
		case 'remove-then-console':
			return {
				title: 'Remove it from the organization first, then close it in the console',
				detail:
					'Its quota slot frees at once. It then stands alone (its own bills), and its root user closes it in the Billing console: orgdash shows the steps.',
			};
		case 'cancel':
			return { title: 'Cancel', detail: 'Nothing is changed.' };
	}
}

export interface PathStepProps {
	readonly cursor: number;
	readonly deletionDay: string;
	/** Given the choice under the cursor, so that the frame keeps it in view. */
	readonly cursorRef?: RefObject<DOMElement | null>;
}

export function PathStep({ cursor, deletionDay, cursorRef }: PathStepProps) {
	const theme = useTheme();
	return (
		<Box flexDirection="column">
			<Heading>How should it be closed?</Heading>
			{PATH_OPTIONS.map((option, index) => {
				const { title, detail } = describeOption(option, deletionDay);
				const current = index === cursor;
				return (
					<Box key={option} flexDirection="column" marginTop={1} ref={current ? cursorRef : undefined}>
						<Text bold={current} color={current ? theme.colour('cyan') : undefined}>
							{current ? '› ' : '  '}
							{title}
						</Text>
						<Box paddingLeft={4}>
							<Text dimColor={!current}>{detail}</Text>
						</Box>
					</Box>
				);
			})}
		</Box>
	);
}

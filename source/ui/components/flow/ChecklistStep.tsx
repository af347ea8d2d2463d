/** The backup prompts: Space ticks the item under the cursor; every item must be ticked to go on. */
import { Box, type DOMElement, Text } from 'ink';
import type { RefObject } from 'react';
import { type ChecklistItem, checklistProgress } from '../../../domain/checklist.js';
import { useTheme } from '../../hooks/use-theme.js';

export interface ChecklistStepProps {
	readonly items: readonly ChecklistItem[];
	readonly ticked: readonly string[];
	readonly cursor: number;
	/** Given the line under the cursor, so that the frame keeps it in view. */
	readonly cursorRef?: RefObject<DOMElement | null>;
}

export function ChecklistStep({ items, ticked, cursor, cursorRef }: ChecklistStepProps) {
	const theme = useTheme();
	const progress = checklistProgress(ticked);
	const selected = items[cursor];
	const tickedSet = new Set(ticked);
	return (
		<Box flexDirection="column">
			<Text>
				<Text bold>Before closing, back up: </Text>
				<Text color={progress.complete ? theme.colour('green') : theme.colour('yellow')} bold>
					{progress.label}
				</Text>
			</Text>
			<Box flexDirection="column">
				{items.map((item, index) => {
					const isTicked = tickedSet.has(item.id);
					const current = index === cursor;
					return (
						<Box key={item.id} ref={current ? cursorRef : undefined}>
							<Text wrap="truncate-end" inverse={current && theme.enabled}>
								{current ? '›' : ' '} {isTicked ? <Text color={theme.colour('green')}>[x]</Text> : '[ ]'} {item.title}
							</Text>
						</Box>
					);
				})}
			</Box>
			{selected ? (
				<Box flexDirection="column" marginTop={1} paddingLeft={2}>
					<Text>
						<Text bold>{selected.title}.</Text> {selected.detail}
					</Text>
					{selected.facts.map((fact) => (
						<Text key={fact.label}>
							<Text dimColor>{fact.label}: </Text>
							<Text
								color={
									fact.status === 'unknown'
										? theme.colour('yellow')
										: fact.status === 'loading'
											? theme.colour('gray')
											: theme.colour('cyan')
								}
							>
								{fact.text}
							</Text>
						</Text>
					))}
				</Box>
			) : null}
		</Box>
	);
}

/** The typed confirmation: the account id, all 12 digits. */
import { Box, Text } from 'ink';
import type { DestructiveAction } from '../../../domain/flow/types.js';
import { useTheme } from '../../hooks/use-theme.js';

export interface ConfirmIdStepProps {
	readonly action: DestructiveAction;
	readonly accountId: string;
	readonly accountName: string;
	readonly typed: string;
}

export function ConfirmIdStep({ action, accountId, accountName, typed }: ConfirmIdStepProps) {
	const theme = useTheme();
	const what = action === 'close' ? 'close' : 'remove from the organization';
	const matches = typed === accountId;
	return (
		<Box flexDirection="column">
			<Text>
				To {what} <Text bold>{accountName}</Text>, type its account id in full:{' '}
				<Text bold color={theme.colour('cyan')}>
					{accountId}
				</Text>
			</Text>
			<Box marginTop={1}>
				<Text>
					{'  '}&gt; <Text bold>{typed}</Text>
					<Text inverse> </Text>
					<Text dimColor>
						{'  '}
						{typed.length} of 12 digits
					</Text>
					{matches ? <Text color={theme.colour('green')}> ✓ matches: Enter goes on</Text> : null}
				</Text>
			</Box>
		</Box>
	);
}

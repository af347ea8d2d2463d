/** The last question. No is the default: only the typed line y or yes, then Enter, goes ahead. */
import { Box, Text } from 'ink';
import { isYes } from '../../../domain/flow/confirmation.js';
import type { DestructiveAction } from '../../../domain/flow/types.js';
import { useTheme } from '../../hooks/use-theme.js';

export interface ConfirmYesStepProps {
	readonly action: DestructiveAction;
	readonly accountId: string;
	readonly accountName: string;
	/** The line typed so far, shown as typed. */
	readonly answer: string;
}

export function ConfirmYesStep({ action, accountId, accountName, answer }: ConfirmYesStepProps) {
	const theme = useTheme();
	const question =
		action === 'close'
			? `Close account ${accountId} (${accountName}) now?`
			: `Remove account ${accountId} (${accountName}) from the organization now?`;
	const consequence =
		action === 'close'
			? 'AWS starts closing it at once; only AWS Support can reopen it, within 90 days.'
			: 'It leaves at once and becomes a standalone account that pays its own bills.';
	const verb = action === 'close' ? 'CloseAccount' : 'RemoveAccountFromOrganization';
	return (
		<Box flexDirection="column">
			<Text color={theme.colour('red')} bold>
				{consequence}
			</Text>
			<Box marginTop={1}>
				<Text>
					{question} [y/N] <Text bold>{answer}</Text>
					<Text inverse> </Text>
				</Text>
			</Box>
			<Text dimColor>
				{isYes(answer)
					? `Enter now sends ${verb}.`
					: 'Enter now is No: nothing is sent. Type yes (or y), then Enter, to go ahead.'}
			</Text>
		</Box>
	);
}

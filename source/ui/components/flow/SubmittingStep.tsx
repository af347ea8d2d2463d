/** The request is on its way; keys are ignored until AWS answers. */
import { Text } from 'ink';
import Spinner from 'ink-spinner';
import type { DestructiveAction } from '../../../domain/flow/types.js';

export function SubmittingStep({
	action,
	accountId,
}: {
	readonly action: DestructiveAction;
	readonly accountId: string;
}) {
	const call = action === 'close' ? 'CloseAccount' : 'RemoveAccountFromOrganization';
	return (
		<Text>
			<Spinner type="dots" /> Recorded in the journal; sending {call} for {accountId}…
		</Text>
	);
}

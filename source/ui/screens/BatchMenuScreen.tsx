/**
 * a: what to do with the marked accounts (or the selected one). Choosing only
 * opens the plan; nothing changes here. Copying ids changes nothing in AWS
 * and is done at once.
 */
import { Box, Text } from 'ink';
import SelectInput from 'ink-select-input';
import { ACTING_VERBS, type ActingVerb, VERB_WORDS } from '../../domain/batch/verbs.js';
import { useKeys } from '../hooks/use-keys.js';
import { NOTICE_KEYS } from '../keymap.js';
import type { ScreenContext } from './context.js';

type MenuChoice = ActingVerb | 'copy-ids' | 'cancel';

export function BatchMenuScreen({
	context,
	accountIds,
}: {
	readonly context: ScreenContext;
	readonly accountIds: readonly string[];
}) {
	// Esc leaves the menu; Enter belongs to the list (it selects), so only Esc of NOTICE_KEYS is read here.
	useKeys({
		bindings: NOTICE_KEYS.map((binding) => ({
			...binding,
			keys: binding.keys.filter((chord) => chord.special === 'escape'),
		})),
		on: { back: context.back },
	});
	const count = accountIds.length;
	const items: { label: string; value: MenuChoice }[] = [
		...ACTING_VERBS.map((verb) => ({ label: `${VERB_WORDS[verb].label}…`, value: verb as MenuChoice })),
		{ label: 'Copy their ids to the clipboard', value: 'copy-ids' },
		{ label: 'Cancel', value: 'cancel' },
	];
	const onSelect = ({ value }: { value: MenuChoice }) => {
		if (value === 'cancel') {
			context.back();
			return;
		}
		if (value === 'copy-ids') {
			context.copy(accountIds.join('\n'));
			context.back();
			context.notify(
				`Copied ${count} account id${count === 1 ? '' : 's'} to the clipboard (through the terminal, OSC 52).`,
			);
			return;
		}
		context.open({ screen: 'batch-plan', verb: value, accountIds });
	};
	return (
		<Box flexDirection="column">
			<Text
				bold
			>{`${count} account${count === 1 ? '' : 's'}: what should happen to ${count === 1 ? 'it' : 'them'}?`}</Text>
			<Text dimColor>Nothing changes here: each choice first shows its plan.</Text>
			<SelectInput items={items} onSelect={onSelect} />
			<Text dimColor>↑/↓ choose Enter select Esc back</Text>
		</Box>
	);
}

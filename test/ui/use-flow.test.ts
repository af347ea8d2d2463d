import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import type { FlowKey } from '../../source/domain/flow/types.js';
import { flowKeyScheme } from '../../source/ui/hooks/use-flow.js';
import { readInput } from '../../source/ui/hooks/use-keys.js';
import { NO_KEY } from '../../source/ui/key-presses.js';

const plain = { ...NO_KEY, shift: false } as Key;
const named = (name: keyof typeof NO_KEY): Key => ({ ...plain, [name]: true }) as Key;

/** The flow keys one terminal input gives, read as the flow screen reads it. */
function flowKeys(input: string, key: Key, typing = false): { keys: FlowKey[]; pasted: boolean[] } {
	const keys: FlowKey[] = [];
	const pasted: boolean[] = [];
	readInput(
		() =>
			flowKeyScheme((flowKey, wasPasted) => {
				keys.push(flowKey);
				pasted.push(wasPasted);
			}, typing),
		input,
		key,
	);
	return { keys, pasted };
}

const toFlowKey = (input: string, key: Key, typing = false): FlowKey | undefined => {
	const { keys } = flowKeys(input, key, typing);
	expect(keys.length).toBeLessThanOrEqual(1);
	return keys[0];
};

describe('terminal input as flow keys', () => {
	it('outside a text field, j, k and Space are commands', () => {
		expect(toFlowKey('j', plain)).toEqual({ type: 'down' });
		expect(toFlowKey('k', plain)).toEqual({ type: 'up' });
		expect(toFlowKey(' ', plain)).toEqual({ type: 'space' });
		expect(toFlowKey('y', plain)).toEqual({ type: 'text', text: 'y' });
	});

	it('in a text field every printable character is text, as typed', () => {
		for (const char of ['j', 'k', ' ', 'q', 'y', 'N', '7', 'é', '中', '😀']) {
			expect(toFlowKey(char, plain, true)).toEqual({ type: 'text', text: char });
		}
	});

	it('in a text field Enter, Esc, Backspace, Delete and the arrows keep their meaning', () => {
		expect(toFlowKey('', named('return'), true)).toEqual({ type: 'enter' });
		expect(toFlowKey('', { ...named('escape'), meta: true }, true)).toEqual({ type: 'escape' });
		expect(toFlowKey('', named('backspace'), true)).toEqual({ type: 'backspace' });
		expect(toFlowKey('', named('delete'), true)).toEqual({ type: 'backspace' });
		expect(toFlowKey('', named('upArrow'), true)).toEqual({ type: 'up' });
		expect(toFlowKey('', named('downArrow'), true)).toEqual({ type: 'down' });
	});

	it('never types ctrl or alt combinations', () => {
		expect(toFlowKey('y', { ...plain, ctrl: true }, true)).toBeUndefined();
		expect(toFlowKey('y', { ...plain, meta: true }, true)).toBeUndefined();
	});

	it('splits a burst into its keys and marks them pasted', () => {
		expect(flowKeys('y\r', plain, true)).toEqual({
			keys: [{ type: 'text', text: 'y' }, { type: 'enter' }],
			pasted: [true, true],
		});
		expect(flowKeys('n', plain, true)).toEqual({ keys: [{ type: 'text', text: 'n' }], pasted: [false] });
	});
});

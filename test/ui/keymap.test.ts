import { describe, expect, it } from 'vitest';
import { keyPresses, NO_KEY } from '../../source/ui/key-presses.js';
import {
	DASHBOARD_KEYS,
	DETAILS_KEYS,
	FILTER_KEYS,
	FLOW_KEYS,
	GLOBAL_KEYS,
	HELP_KEYS,
	type KeyBinding,
	type KeyState,
	NOTICE_KEYS,
} from '../../source/ui/keymap.js';
import { boundTo, commandFor, hintLine, hintText, keysLabel } from '../../source/ui/keymap-lookup.js';

const none: KeyState = NO_KEY;
const text = (input: string) => [input, none] as const;
const special = (name: keyof KeyState, extra: Partial<KeyState> = {}) =>
	['', { ...none, [name]: true, ...extra }] as const;

describe('dashboard keys', () => {
	const dashboard = (input: string, key: KeyState) => commandFor(DASHBOARD_KEYS, input, key);

	it('maps every key of the table to its command', () => {
		expect(dashboard(...text('j'))).toBe('move-down');
		expect(dashboard(...text('k'))).toBe('move-up');
		expect(dashboard(...special('downArrow'))).toBe('move-down');
		expect(dashboard(...special('upArrow'))).toBe('move-up');
		expect(dashboard(...special('pageDown'))).toBe('page-down');
		expect(dashboard(...special('pageUp'))).toBe('page-up');
		expect(dashboard('f', { ...none, ctrl: true })).toBe('page-down');
		expect(dashboard('b', { ...none, ctrl: true })).toBe('page-up');
		expect(dashboard(...text('g'))).toBe('top');
		expect(dashboard(...text('G'))).toBe('bottom');
		expect(dashboard(...special('home'))).toBe('top');
		expect(dashboard(...special('end'))).toBe('bottom');
		expect(dashboard(...text('/'))).toBe('filter');
		expect(dashboard(...text('s'))).toBe('sort');
		expect(dashboard(...text('S'))).toBe('reverse-sort');
		expect(dashboard(...text('y'))).toBe('copy-id');
		expect(dashboard(...text('Y'))).toBe('copy-arn');
		expect(dashboard(...text('J'))).toBe('raw');
		expect(dashboard(...special('return'))).toBe('details');
		expect(dashboard(...text('c'))).toBe('close');
		expect(dashboard(...text('x'))).toBe('remove');
		expect(dashboard(...text('r'))).toBe('refresh');
		expect(dashboard(...text('L'))).toBe('journal');
		expect(dashboard(...text('?'))).toBe('help');
		expect(dashboard(...text('q'))).toBe('quit');
		expect(dashboard(...special('escape', { meta: true }))).toBe('clear-filter');
	});

	it('does not treat ctrl or alt combinations as the plain key', () => {
		expect(dashboard('j', { ...none, ctrl: true })).toBeUndefined();
		expect(dashboard('q', { ...none, meta: true })).toBeUndefined();
		expect(dashboard(...text('jj'))).toBeUndefined();
	});

	it('quits from anywhere with ctrl-c', () => {
		expect(commandFor(GLOBAL_KEYS, 'c', { ...none, ctrl: true })).toBe('quit');
		expect(commandFor(GLOBAL_KEYS, 'c', none)).toBeUndefined();
	});

	it('binds no key twice within one screen', () => {
		for (const bindings of [DASHBOARD_KEYS, FILTER_KEYS, DETAILS_KEYS, HELP_KEYS, GLOBAL_KEYS] as const) {
			const labels = (bindings as readonly KeyBinding<string>[]).flatMap((binding) =>
				binding.keys.map((key) => `${key.ctrl ? 'ctrl-' : ''}${key.special ?? key.input}`),
			);
			expect(new Set(labels).size).toBe(labels.length);
		}
	});
});

describe('help and hints come from the same table', () => {
	it('offers only the commands that are handled', () => {
		const handled = new Set(['move-up', 'help', 'quit'] as const);
		const bound = boundTo(DASHBOARD_KEYS, handled);
		expect(bound.map((binding) => binding.command)).toEqual(['move-up', 'help', 'quit']);
		expect(hintLine(bound)).toBe('j/k move  ? help  q quit');
		expect(keysLabel(DASHBOARD_KEYS[0] as KeyBinding<string>)).toBe('↑ k');
	});
});

describe('key presses in one input event', () => {
	it('splits typed-ahead text into one press per character', () => {
		expect(keyPresses('jjj', none).map((press) => press.input)).toEqual(['j', 'j', 'j']);
		const presses = keyPresses('/pay\r', none);
		expect(presses.map((press) => press.input)).toEqual(['/', 'p', 'a', 'y', '']);
		expect(presses[4]?.key.return).toBe(true);
	});

	it('leaves single keys and ctrl combinations as they are', () => {
		expect(keyPresses('j', none)).toEqual([{ input: 'j', key: none }]);
		const ctrl = { ...none, ctrl: true };
		expect(keyPresses('f', ctrl)).toEqual([{ input: 'f', key: ctrl }]);
	});

	it('drops control characters it cannot name', () => {
		expect(keyPresses('a\u0007b', none).map((press) => press.input)).toEqual(['a', 'b']);
	});
});

describe('hints on a narrow terminal', () => {
	it('drops hints from the middle so that help and quit always show', () => {
		const full = hintLine(DASHBOARD_KEYS);
		expect(hintLine(DASHBOARD_KEYS, full.length)).toBe(full);
		const narrow = hintLine(DASHBOARD_KEYS, 40);
		expect(narrow.length).toBeLessThanOrEqual(40);
		expect(narrow.endsWith('? help  q quit')).toBe(true);
		expect(narrow.startsWith('j/k move')).toBe(true);
	});
});

describe("hint lines in a screen's own words", () => {
	it('name the keys as their bindings do, and fail loudly on a command no key is bound to', () => {
		expect(hintText(FLOW_KEYS, [{ keys: ['move-up', 'move-down'], says: 'choose' }, 'tick', 'back'])).toBe(
			'↑/↓ choose  Space tick  Esc back',
		);
		expect(hintText(FLOW_KEYS, [{ keys: ['continue', 'back'], says: 'back' }])).toBe('Enter/Esc back');
		expect(hintText(NOTICE_KEYS, [{ keys: ['back'], says: 'back to the dashboard' }])).toBe(
			'Enter/Esc back to the dashboard',
		);
		expect(() => hintText(NOTICE_KEYS, ['quit' as 'back'])).toThrow(/No key is bound to quit/);
	});

	it('marks the presses of a burst, and only those', () => {
		expect(keyPresses('y\r', none).every((press) => press.burst === true)).toBe(true);
		expect(keyPresses('y', none)[0]?.burst).toBeUndefined();
	});
});

/**
 * Keys mapped to named commands, as data. Input handlers, the help screen,
 * the key hints and the tests all read this one table, so a key is changed in
 * one place only.
 */

/** Ink's named (non-text) keys that bindings use. */
export type SpecialKey =
	| 'upArrow'
	| 'downArrow'
	| 'leftArrow'
	| 'rightArrow'
	| 'pageUp'
	| 'pageDown'
	| 'home'
	| 'end'
	| 'return'
	| 'escape'
	| 'backspace'
	| 'delete'
	| 'tab';

/** One physical key: either a typed character (`input`) or a named key, optionally with ctrl. */
export interface KeyChord {
	readonly input?: string;
	readonly special?: SpecialKey;
	readonly ctrl?: boolean;
	/** How the help screen writes it. */
	readonly label: string;
}

export interface KeyBinding<C extends string> {
	readonly command: C;
	readonly keys: readonly KeyChord[];
	/** What the command does, for the help screen. */
	readonly description: string;
	/** Its entry in the one-line key hints, keys included (e.g. "s sort"); absent: not in the hints. */
	readonly hint?: string;
}

/** The subset of Ink's Key that matching needs (tests can build it by hand). */
export type KeyState = { readonly ctrl: boolean; readonly meta: boolean } & { readonly [K in SpecialKey]: boolean };

export type DashboardCommand =
	| 'move-up'
	| 'move-down'
	| 'page-up'
	| 'page-down'
	| 'top'
	| 'bottom'
	| 'filter'
	| 'clear-filter'
	| 'sort'
	| 'details'
	| 'close'
	| 'remove'
	| 'refresh'
	| 'journal'
	| 'help'
	| 'quit';

export type FilterCommand =
	| 'filter-keep'
	| 'filter-clear'
	| 'filter-delete-char'
	| 'filter-delete-all'
	| 'move-up'
	| 'move-down'
	| 'page-up'
	| 'page-down';

export type DetailsCommand = 'back' | 'help' | 'quit';
export type HelpCommand = 'back' | 'scroll-up' | 'scroll-down' | 'page-up' | 'page-down' | 'quit';
export type GlobalCommand = 'quit';

const chord = (input: string, label = input): KeyChord => ({ input, label });
const ctrl = (input: string): KeyChord => ({ input, ctrl: true, label: `ctrl-${input}` });
const special = (name: SpecialKey, label: string): KeyChord => ({ special: name, label });

const ESC = special('escape', 'Esc');
const ENTER = special('return', 'Enter');

/** The dashboard's keys, as in the design's table (k9s/lazygit conventions). */
export const DASHBOARD_KEYS: readonly KeyBinding<DashboardCommand>[] = [
	{ command: 'move-up', keys: [special('upArrow', '↑'), chord('k')], description: 'move up', hint: 'j/k move' },
	{ command: 'move-down', keys: [special('downArrow', '↓'), chord('j')], description: 'move down' },
	{ command: 'page-up', keys: [special('pageUp', 'PgUp'), ctrl('b')], description: 'page up' },
	{ command: 'page-down', keys: [special('pageDown', 'PgDn'), ctrl('f')], description: 'page down' },
	{ command: 'top', keys: [chord('g'), special('home', 'Home')], description: 'first account' },
	{ command: 'bottom', keys: [chord('G'), special('end', 'End')], description: 'last account' },
	{
		command: 'filter',
		keys: [chord('/')],
		description: 'filter by name, id, email or OU (Enter keeps it, Esc clears it)',
		hint: '/ filter',
	},
	{ command: 'clear-filter', keys: [ESC], description: 'clear the filter' },
	{ command: 'sort', keys: [chord('s')], description: 'cycle the sort: name, id, state, OU, joined', hint: 's sort' },
	{ command: 'details', keys: [ENTER], description: 'details of the selected account', hint: 'Enter details' },
	{ command: 'close', keys: [chord('c')], description: 'guided closure of the selected account', hint: 'c close' },
	{
		command: 'remove',
		keys: [chord('x')],
		description: 'guided removal of the selected account from the organization',
		hint: 'x remove',
	},
	{ command: 'refresh', keys: [chord('r')], description: 'reload the organization from AWS', hint: 'r refresh' },
	{ command: 'journal', keys: [chord('L')], description: 'the journal of closures and removals', hint: 'L journal' },
	{ command: 'help', keys: [chord('?')], description: 'this help', hint: '? help' },
	{ command: 'quit', keys: [chord('q')], description: 'quit', hint: 'q quit' },
];

/** While typing a filter: text goes into the filter; these keys do the rest. */
export const FILTER_KEYS: readonly KeyBinding<FilterCommand>[] = [
	{ command: 'filter-keep', keys: [ENTER], description: 'keep the filter and go back to the list', hint: 'Enter keep' },
	{ command: 'filter-clear', keys: [ESC], description: 'clear the filter', hint: 'Esc clear' },
	{
		command: 'filter-delete-char',
		keys: [special('backspace', 'Backspace'), special('delete', 'Delete')],
		description: 'delete the last character',
	},
	{ command: 'filter-delete-all', keys: [ctrl('u')], description: 'delete the whole filter text' },
	{ command: 'move-up', keys: [special('upArrow', '↑')], description: 'move up', hint: '↑/↓ move' },
	{ command: 'move-down', keys: [special('downArrow', '↓')], description: 'move down' },
	{ command: 'page-up', keys: [special('pageUp', 'PgUp')], description: 'page up' },
	{ command: 'page-down', keys: [special('pageDown', 'PgDn')], description: 'page down' },
];

export const DETAILS_KEYS: readonly KeyBinding<DetailsCommand>[] = [
	{
		command: 'back',
		keys: [ESC, special('leftArrow', '←'), chord('h')],
		description: 'back to the list',
		hint: 'Esc back',
	},
	{ command: 'help', keys: [chord('?')], description: 'help', hint: '? help' },
	{ command: 'quit', keys: [chord('q')], description: 'quit', hint: 'q quit' },
];

export const HELP_KEYS: readonly KeyBinding<HelpCommand>[] = [
	{ command: 'back', keys: [ESC, chord('?')], description: 'back', hint: 'Esc back' },
	{ command: 'scroll-up', keys: [special('upArrow', '↑'), chord('k')], description: 'scroll up', hint: 'j/k scroll' },
	{ command: 'scroll-down', keys: [special('downArrow', '↓'), chord('j')], description: 'scroll down' },
	{ command: 'page-up', keys: [special('pageUp', 'PgUp'), ctrl('b')], description: 'page up' },
	{ command: 'page-down', keys: [special('pageDown', 'PgDn'), ctrl('f')], description: 'page down' },
	{ command: 'quit', keys: [chord('q')], description: 'quit', hint: 'q quit' },
];

/** The guided close and remove flows (and the console closure steps). Typed text (the id, the answer) is not a command. */
export type FlowCommand =
	| 'back'
	| 'continue'
	| 'tick'
	| 'move-up'
	| 'move-down'
	| 'delete-char'
	| 'previous-step'
	| 'next-step'
	| 'type-id'
	| 'answer';

export const FLOW_KEYS: readonly KeyBinding<FlowCommand>[] = [
	{ command: 'back', keys: [ESC], description: 'one step back; it never acts', hint: 'Esc back' },
	{
		command: 'continue',
		keys: [ENTER],
		description: 'go on, once the step is complete (on the last question, Enter alone means No)',
		hint: 'Enter continue',
	},
	{ command: 'tick', keys: [chord(' ', 'Space')], description: 'tick or untick the backup item', hint: 'Space tick' },
	{ command: 'move-up', keys: [special('upArrow', '↑'), chord('k')], description: 'previous item or choice' },
	{ command: 'move-down', keys: [special('downArrow', '↓'), chord('j')], description: 'next item or choice' },
	{
		command: 'delete-char',
		keys: [special('backspace', 'Backspace'), special('delete', 'Delete')],
		description: 'delete the last character typed',
	},
	{ command: 'previous-step', keys: [special('leftArrow', '←')], description: 'console steps: the previous one' },
	{ command: 'next-step', keys: [special('rightArrow', '→')], description: 'console steps: the next one' },
	{
		command: 'type-id',
		keys: [{ label: '0-9' }],
		description: 'type the account id, all 12 digits, to confirm',
	},
	{
		command: 'answer',
		keys: [{ label: 'yes / y' }],
		description: 'last question: type yes (or y) then Enter to go ahead; anything else is No',
	},
];

export type JournalCommand =
	| 'back'
	| 'scroll-up'
	| 'scroll-down'
	| 'page-up'
	| 'page-down'
	| 'top'
	| 'bottom'
	| 'reload';

export const JOURNAL_KEYS: readonly KeyBinding<JournalCommand>[] = [
	{ command: 'back', keys: [ESC], description: 'back to the dashboard', hint: 'Esc back' },
	{ command: 'scroll-up', keys: [special('upArrow', '↑'), chord('k')], description: 'scroll up', hint: 'j/k scroll' },
	{ command: 'scroll-down', keys: [special('downArrow', '↓'), chord('j')], description: 'scroll down' },
	{ command: 'page-up', keys: [special('pageUp', 'PgUp'), ctrl('b')], description: 'page up' },
	{ command: 'page-down', keys: [special('pageDown', 'PgDn'), ctrl('f')], description: 'page down' },
	{ command: 'top', keys: [chord('g'), special('home', 'Home')], description: 'newest request' },
	{ command: 'bottom', keys: [chord('G'), special('end', 'End')], description: 'oldest request' },
	{ command: 'reload', keys: [chord('r')], description: 'read the journal again', hint: 'r reload' },
];

/** Keys that work on every screen, whatever it is doing (a flow's text field included). */
export const GLOBAL_KEYS: readonly KeyBinding<GlobalCommand>[] = [
	{ command: 'quit', keys: [ctrl('c')], description: 'quit, from anywhere' },
];

function chordMatches(keyChord: KeyChord, input: string, key: KeyState): boolean {
	if (Boolean(keyChord.ctrl) !== key.ctrl) return false;
	if (keyChord.special) return key[keyChord.special];
	// Alt/meta combinations are not bound: `meta` with text means Esc+key, not the key.
	return !key.meta && keyChord.input === input;
}

/** The command bound to this key press, if any. Bindings earlier in the table win. */
export function commandFor<C extends string>(
	bindings: readonly KeyBinding<C>[],
	input: string,
	key: KeyState,
): C | undefined {
	for (const binding of bindings) {
		for (const keyChord of binding.keys) {
			if (chordMatches(keyChord, input, key)) return binding.command;
		}
	}
	return undefined;
}

/** Only the bindings whose command is actually handled: help and hints never offer a key that does nothing. */
export function boundTo<C extends string>(
	bindings: readonly KeyBinding<C>[],
	handled: ReadonlySet<C> | ((command: C) => boolean),
): KeyBinding<C>[] {
	const has = typeof handled === 'function' ? handled : (command: C) => handled.has(command);
	return bindings.filter((binding) => has(binding.command));
}

/** "k/↑" style label of a binding's keys. */
export function keysLabel(binding: KeyBinding<string>): string {
	return binding.keys.map((keyChord) => keyChord.label).join(' ');
}

const HINT_GAP = '  ';

/**
 * The one-line key hints, e.g. "j/k move  / filter  s sort  ? help  q quit".
 * Given a width, hints are dropped from the middle until the line fits, so that
 * the last ones (help and quit, by the tables' order) always show.
 */
export function hintLine(bindings: readonly KeyBinding<string>[], width = Number.POSITIVE_INFINITY): string {
	const hints = bindings.flatMap((binding) => (binding.hint ? [binding.hint] : []));
	const kept = [...hints];
	const keepAtEnd = 2;
	while (kept.join(HINT_GAP).length > width && kept.length > keepAtEnd) {
		kept.splice(kept.length - keepAtEnd - 1, 1);
	}
	return kept.join(HINT_GAP);
}

export interface KeyPress {
	readonly input: string;
	readonly key: KeyState;
}

/** A key event with no modifier or special key: plain text. */
export const NO_KEY: KeyState = {
	ctrl: false,
	meta: false,
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageUp: false,
	pageDown: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	backspace: false,
	delete: false,
	tab: false,
};

/**
 * The key presses in one input event. Keys typed faster than the program reads
 * them (key repeat, a busy moment, tmux send-keys) arrive as one string, which
 * Ink passes on whole: "jjj" is three moves, "/pay" opens the filter and types.
 */
export function keyPresses(input: string, key: KeyState): KeyPress[] {
	const chars = Array.from(input);
	if (chars.length <= 1 || key.ctrl || key.meta) return [{ input, key }];
	const presses: KeyPress[] = [];
	for (const char of chars) {
		if (char === '\r' || char === '\n') presses.push({ input: '', key: { ...NO_KEY, return: true } });
		else if (char === '\x7f' || char === '\b') presses.push({ input: '', key: { ...NO_KEY, backspace: true } });
		else if (char === '\t') presses.push({ input: '', key: { ...NO_KEY, tab: true } });
		else if (!/\p{Cc}/u.test(char)) presses.push({ input: char, key: NO_KEY });
	}
	return presses;
}

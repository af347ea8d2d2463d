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
	/** How hints with other words name its keys, when not by its first key (e.g. "Enter/Esc"). */
	readonly hintKeys?: string;
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
/** The screens that only say something and go back (a notice, a screen that cannot open yet). */
export type NoticeCommand = 'back';

const chord = (input: string, label = input): KeyChord => ({ input, label });
const ctrl = (input: string): KeyChord => ({ input, ctrl: true, label: `ctrl-${input}` });
const special = (name: SpecialKey, label: string): KeyChord => ({ special: name, label });

const ESC = special('escape', 'Esc');
const ENTER = special('return', 'Enter');
const UP = special('upArrow', '↑');
const DOWN = special('downArrow', '↓');
const PAGE_UP = special('pageUp', 'PgUp');
const PAGE_DOWN = special('pageDown', 'PgDn');
const DELETE_KEYS = [special('backspace', 'Backspace'), special('delete', 'Delete')];

/**
 * Bindings several screens share, each defined once. A screen's table takes
 * one as it is, or gives it its own command name and words: the keys stay these.
 */
const SHARED = {
	moveUp: { command: 'move-up', keys: [UP, chord('k')], description: 'move up', hint: 'j/k move' },
	moveDown: { command: 'move-down', keys: [DOWN, chord('j')], description: 'move down' },
	pageUp: { command: 'page-up', keys: [PAGE_UP, ctrl('b')], description: 'page up' },
	pageDown: { command: 'page-down', keys: [PAGE_DOWN, ctrl('f')], description: 'page down' },
	top: { command: 'top', keys: [chord('g'), special('home', 'Home')], description: 'first account' },
	bottom: { command: 'bottom', keys: [chord('G'), special('end', 'End')], description: 'last account' },
	back: { command: 'back', keys: [ESC], description: 'back', hint: 'Esc back' },
	help: { command: 'help', keys: [chord('?')], description: 'help', hint: '? help' },
	quit: { command: 'quit', keys: [chord('q')], description: 'quit', hint: 'q quit' },
} as const satisfies Record<string, KeyBinding<string>>;

/** Scrolling a page of text (help, journal): the list's moves under other words. */
const SCROLL_UP = { ...SHARED.moveUp, command: 'scroll-up', description: 'scroll up', hint: 'j/k scroll' } as const;
const SCROLL_DOWN = { ...SHARED.moveDown, command: 'scroll-down', description: 'scroll down' } as const;

/** The dashboard's keys (k9s/lazygit conventions). */
export const DASHBOARD_KEYS: readonly KeyBinding<DashboardCommand>[] = [
	SHARED.moveUp,
	SHARED.moveDown,
	SHARED.pageUp,
	SHARED.pageDown,
	SHARED.top,
	SHARED.bottom,
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
	{ ...SHARED.help, description: 'this help' },
	SHARED.quit,
];

/** While typing a filter: text goes into the filter; these keys do the rest (letters type, so only the named keys move). */
export const FILTER_KEYS: readonly KeyBinding<FilterCommand>[] = [
	{ command: 'filter-keep', keys: [ENTER], description: 'keep the filter and go back to the list', hint: 'Enter keep' },
	{ command: 'filter-clear', keys: [ESC], description: 'clear the filter', hint: 'Esc clear' },
	{ command: 'filter-delete-char', keys: DELETE_KEYS, description: 'delete the last character' },
	{ command: 'filter-delete-all', keys: [ctrl('u')], description: 'delete the whole filter text' },
	{ ...SHARED.moveUp, keys: [UP], hint: '↑/↓ move' },
	{ ...SHARED.moveDown, keys: [DOWN] },
	{ ...SHARED.pageUp, keys: [PAGE_UP] },
	{ ...SHARED.pageDown, keys: [PAGE_DOWN] },
];

export const DETAILS_KEYS: readonly KeyBinding<DetailsCommand>[] = [
	{ ...SHARED.back, keys: [ESC, special('leftArrow', '←'), chord('h')], description: 'back to the list' },
	SHARED.help,
	SHARED.quit,
];

export const HELP_KEYS: readonly KeyBinding<HelpCommand>[] = [
	{ ...SHARED.back, keys: [ESC, chord('?')] },
	SCROLL_UP,
	SCROLL_DOWN,
	SHARED.pageUp,
	SHARED.pageDown,
	SHARED.quit,
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
	{ ...SHARED.back, description: 'one step back; it never acts' },
	{
		command: 'continue',
		keys: [ENTER],
		description: 'go on, once the step is complete (on the last question, Enter alone means No)',
		hint: 'Enter continue',
	},
	{ command: 'tick', keys: [chord(' ', 'Space')], description: 'tick or untick the backup item', hint: 'Space tick' },
	{ ...SHARED.moveUp, description: 'previous item or choice', hint: '↑/↓ move' },
	{ ...SHARED.moveDown, description: 'next item or choice' },
	{
		command: 'delete-char',
		keys: DELETE_KEYS,
		description: 'delete the last character typed',
		hint: 'Backspace delete',
	},
	{ command: 'previous-step', keys: [special('leftArrow', '←')], description: 'console steps: the previous one' },
	{ command: 'next-step', keys: [special('rightArrow', '→')], description: 'console steps: the next one' },
	{
		command: 'type-id',
		keys: [{ label: '0-9' }],
		description: 'type the account id, all 12 digits, to confirm',
		hint: 'type the 12 digits',
	},
	{
		command: 'answer',
		keys: [{ label: 'yes / y' }],
		description: 'last question: type yes (or y) then Enter to go ahead; anything else is No',
		hint: 'type yes (or y) then Enter: go ahead  anything else: No',
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
	{ ...SHARED.back, description: 'back to the dashboard' },
	SCROLL_UP,
	SCROLL_DOWN,
	SHARED.pageUp,
	SHARED.pageDown,
	{ ...SHARED.top, description: 'newest request' },
	{ ...SHARED.bottom, description: 'oldest request' },
	{ command: 'reload', keys: [chord('r')], description: 'read the journal again', hint: 'r reload' },
];

/** A notice, or a screen that cannot open yet: Enter or Esc goes back. */
export const NOTICE_KEYS: readonly KeyBinding<NoticeCommand>[] = [
	{ ...SHARED.back, keys: [ENTER, ESC], hint: 'Enter/Esc back', hintKeys: 'Enter/Esc' },
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

/**
 * One entry of a hint line: a command, written as its binding's own hint; or
 * commands whose keys share other words ("Enter/Esc back"), the keys named as
 * their bindings name them, so that a key changed in its table changes here too.
 */
export type HintSpec<C extends string> = C | { readonly keys: readonly C[]; readonly says: string };

/** A hint line from entries of one table, e.g. "↑/↓ choose  Enter select  Esc back". */
export function hintText<C extends string>(bindings: readonly KeyBinding<C>[], specs: readonly HintSpec<C>[]): string {
	const bindingOf = (command: C): KeyBinding<C> => {
		const binding = bindings.find((item) => item.command === command);
		if (!binding) throw new Error(`No key is bound to ${command}`);
		return binding;
	};
	return specs
		.map((spec) => {
			if (typeof spec !== 'object') {
				const binding = bindingOf(spec);
				return binding.hint ?? `${keysLabel(binding)} ${binding.description}`;
			}
			const keys = spec.keys
				.map((command) => {
					const binding = bindingOf(command);
					return binding.hintKeys ?? binding.keys[0]?.label ?? command;
				})
				.join('/');
			return `${keys} ${spec.says}`;
		})
		.join(HINT_GAP);
}

export interface KeyPress {
	readonly input: string;
	readonly key: KeyState;
	/** One of several keys that came in one input event: typed ahead, or pasted. */
	readonly burst?: true;
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
 * The key presses in one input event: the one function every screen's keys go
 * through. Keys typed faster than the program reads them (key repeat, a busy
 * moment, tmux send-keys) or pasted arrive as one string, which Ink passes on
 * whole: "jjj" is three moves, "/pay" opens the filter and types. Each press of
 * such a burst is marked, so that the flows can refuse a pasted answer.
 */
export function keyPresses(input: string, key: KeyState): KeyPress[] {
	const chars = Array.from(input);
	if (chars.length <= 1 || key.ctrl || key.meta) return [{ input, key }];
	const presses: KeyPress[] = [];
	for (const char of chars) {
		if (char === '\r' || char === '\n') presses.push({ input: '', key: { ...NO_KEY, return: true }, burst: true });
		else if (char === '\x7f' || char === '\b')
			presses.push({ input: '', key: { ...NO_KEY, backspace: true }, burst: true });
		else if (char === '\t') presses.push({ input: '', key: { ...NO_KEY, tab: true }, burst: true });
		else if (!/\p{Cc}/u.test(char)) presses.push({ input: char, key: NO_KEY, burst: true });
	}
	return presses;
}

/**
 * Keys mapped to named commands, as data: one table per screen. Input handlers
 * (keymap-lookup.ts), the help screen, the key hints and the tests all read
 * these tables, so a key is changed in one place only.
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
	| 'reverse-sort'
	| 'details'
	| 'raw'
	| 'copy-id'
	| 'copy-arn'
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
		description: 'filter: text, state:closed, ou:Dev, tag:k=v, ! inverts',
		hint: '/ filter',
	},
	{ command: 'clear-filter', keys: [ESC], description: 'clear the filter' },
	{
		command: 'sort',
		keys: [chord('s')],
		description: 'cycle the sort: name, id, state, OU, joined, cost (last month)',
		hint: 's sort',
	},
	{ command: 'reverse-sort', keys: [chord('S')], description: 'reverse the sort' },
	{ command: 'details', keys: [ENTER], description: 'details of the selected account', hint: 'Enter details' },
	{ command: 'raw', keys: [chord('J')], description: 'the selected account as AWS returned it (JSON)' },
	{
		command: 'copy-id',
		keys: [chord('y')],
		description: "copy the selected account's id (to the clipboard, by the terminal)",
	},
	{ command: 'copy-arn', keys: [chord('Y')], description: "copy the selected account's ARN" },
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

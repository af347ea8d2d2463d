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
	/** It opens something that can change AWS: in read-only mode it says so instead, and hints leave it out. */
	readonly changesAws?: true;
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
	| 'mark'
	| 'mark-range'
	| 'mark-all'
	| 'unmark-all'
	| 'close'
	| 'remove'
	| 'batch'
	| 'queue'
	| 'refresh'
	| 'journal'
	| 'profiles'
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

export type DetailsCommand = 'back' | 'help' | 'quit' | 'scroll-up' | 'scroll-down' | 'page-up' | 'page-down';
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
	{ command: 'clear-filter', keys: [ESC], description: 'cancel a range (V), else clear the filter' },
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
	{
		command: 'mark',
		keys: [chord(' ', 'Space')],
		description: 'mark or unmark the selected account',
		hint: 'Space mark',
	},
	{
		command: 'mark-range',
		keys: [chord('V')],
		description: 'mark a range: V, move, V again or Space (Esc cancels)',
	},
	{ command: 'mark-all', keys: [chord('A')], description: 'mark every account the filter shows (all, without one)' },
	{ command: 'unmark-all', keys: [chord('U')], description: 'unmark every account' },
	{
		command: 'close',
		keys: [chord('c')],
		description: 'guided closure of the selected account',
		hint: 'c close',
		changesAws: true,
	},
	{
		command: 'remove',
		keys: [chord('x')],
		description: 'guided removal of the selected account from the organization',
		hint: 'x remove',
		changesAws: true,
	},
	{
		command: 'batch',
		keys: [chord('a')],
		description: 'actions for the marked (or selected) accounts',
		hint: 'a actions',
		changesAws: true,
	},
	{
		command: 'queue',
		keys: [chord('Q')],
		description: 'the queued batch, its plan checked again',
		changesAws: true,
	},
	{ command: 'refresh', keys: [chord('r')], description: 'reload the organization from AWS', hint: 'r refresh' },
	{ command: 'journal', keys: [chord('L')], description: 'the journal of closures and removals', hint: 'L journal' },
	{
		command: 'profiles',
		keys: [chord('P')],
		description: 'switch to another AWS profile (of the AWS config files) and its organization',
	},
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
	// Only when the terminal is too short for the account; the marker under the text names the key.
	{ command: 'scroll-up', keys: SCROLL_UP.keys, description: 'scroll up, when it is taller than the terminal' },
	{ command: 'scroll-down', keys: SCROLL_DOWN.keys, description: 'scroll down' },
	{ command: 'page-up', keys: SHARED.pageUp.keys, description: 'page up' },
	{ command: 'page-down', keys: SHARED.pageDown.keys, description: 'page down' },
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
	| 'answer'
	| 'page-up'
	| 'page-down';

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
	// Named keys only, never a character: they scroll while the id or the answer is being typed too.
	{
		...SHARED.pageUp,
		keys: [PAGE_UP],
		description: 'scroll the step up, when the terminal is too short for it (↑ too, on steps without a list)',
	},
	{
		...SHARED.pageDown,
		keys: [PAGE_DOWN],
		description: 'scroll the step down (↓ too, on steps without a list)',
	},
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

/** A batch's plan, its confirmation and its run. Typed text (the verb and count, the answer) is not a command. */
export type BatchCommand =
	| 'back'
	| 'continue'
	| 'move-up'
	| 'move-down'
	| 'page-up'
	| 'page-down'
	| 'delete-char'
	| 'stop';

export const BATCH_KEYS: readonly KeyBinding<BatchCommand>[] = [
	{ ...SHARED.back, description: 'one step back (from the plan: leave it); it never acts' },
	{
		command: 'continue',
		keys: [ENTER],
		description: 'plan: start the confirmation; then type the verb and the count (close 12), Enter, yes (or y), Enter',
		hint: 'Enter confirm',
	},
	{ ...SHARED.moveUp, description: 'previous account' },
	{ ...SHARED.moveDown, description: 'next account' },
	SHARED.pageUp,
	SHARED.pageDown,
	{ command: 'delete-char', keys: DELETE_KEYS, description: 'delete the last character typed' },
	{
		command: 'stop',
		keys: [chord('q')],
		description: 'while it runs: finish the calls in flight and keep the rest queued',
		hint: 'q stop',
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

/** The profile picker (P): the list itself (ink-select-input) reads ↑/↓, j/k and Enter. */
export type ProfilesCommand = 'back' | 'choose' | 'move';

export const PROFILES_KEYS: readonly KeyBinding<ProfilesCommand>[] = [
	{ ...SHARED.back, description: 'back to the dashboard, on the same profile' },
	{ command: 'move', keys: [UP, DOWN, chord('k'), chord('j')], description: 'move', hint: '↑/↓ move' },
	{
		command: 'choose',
		keys: [ENTER, { label: '1-9' }],
		description:
			'switch to the profile (1-9: the one at that place): the dashboard reloads for its organization, with its own cache and journal',
		hint: 'Enter switch',
	},
];

/** A notice, or a screen that cannot open yet: Enter or Esc goes back. */
export const NOTICE_KEYS: readonly KeyBinding<NoticeCommand>[] = [
	{ ...SHARED.back, keys: [ENTER, ESC], hint: 'Enter/Esc back', hintKeys: 'Enter/Esc' },
];

/** Keys that work on every screen, whatever it is doing (a flow's text field included). */
export const GLOBAL_KEYS: readonly KeyBinding<GlobalCommand>[] = [
	{ command: 'quit', keys: [ctrl('c')], description: 'quit, from anywhere' },
];

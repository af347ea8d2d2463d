/** What every screen receives from the app shell, and the screens it can open. */
import type { Account } from '../../domain/account.js';
import type { FlowChoice } from '../../domain/flow-choice.js';
import type { OrgGateway } from '../../org/gateway.js';
import type { Journal } from '../../store/journal/journal.js';
import type { Settings } from '../../store/settings.js';
import type { UseAccounts } from '../hooks/use-accounts.js';
import type { UseDashboard } from '../hooks/use-dashboard.js';
import type { UseImpact } from '../hooks/use-impact.js';
import type { TerminalSize } from '../hooks/use-terminal-size.js';

/** One screen of the stack: the dashboard at the bottom, the others opened on top of it. */
export type Route =
	| { readonly screen: 'dashboard' }
	| { readonly screen: 'details'; readonly accountId: string }
	| { readonly screen: 'help' }
	/** c or x: what opens was decided when the key was pressed (domain/flow-choice.ts). */
	| { readonly screen: 'flow'; readonly choice: FlowChoice }
	| { readonly screen: 'journal' }
	/** J: the account as AWS returned it. */
	| { readonly screen: 'raw'; readonly accountId: string }
	| { readonly screen: 'reconcile' };

export interface ScreenContext {
	readonly gateway: OrgGateway;
	readonly settings?: Settings;
	/** The organization and its accounts, as loaded so far. */
	readonly accounts: UseAccounts;
	/** The impact scan: the organization's part in the background, one account's on request. */
	readonly impact: UseImpact;
	/** This organization's journal, once the organization is known. */
	readonly journal: Journal | undefined;
	/** The dashboard list (selection, filter, sort): kept while other screens are open. */
	readonly dashboard: UseDashboard;
	/** The account selected on the dashboard, if any. */
	readonly selected: Account | undefined;
	readonly size: TerminalSize;
	/** Lines the screen may use: the terminal's rows minus one, minus the header when it is shown. */
	readonly height: number;
	/** A one-line confirmation on the dashboard's status line, until the next key (undefined: none). */
	readonly notice: string | undefined;
	notify(message: string | undefined): void;
	/** Puts text on the clipboard through the terminal (OSC 52). */
	copy(text: string): void;
	/** Opens a screen on top of the current one. */
	open(route: Route): void;
	/** Back to the screen below (Esc); never below the dashboard. */
	back(): void;
	quit(): void;
}

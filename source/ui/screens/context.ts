/** What every screen receives from the router. */
import type { Account } from '../../domain/account.js';
import type { OrgGateway } from '../../org/gateway.js';
import type { Settings } from '../../store/settings.js';
import type { UseAccounts } from '../hooks/use-accounts.js';
import type { UseDashboard } from '../hooks/use-dashboard.js';
import type { TerminalSize } from '../hooks/use-terminal-size.js';

export interface ScreenContext<R> {
	readonly gateway: OrgGateway;
	readonly settings?: Settings;
	/** The organization and its accounts, as loaded so far. */
	readonly accounts: UseAccounts;
	/** The dashboard list (selection, filter, sort): kept while other screens are open. */
	readonly dashboard: UseDashboard;
	/** The account selected on the dashboard, if any. */
	readonly selected: Account | undefined;
	readonly size: TerminalSize;
	/** Lines the screen may use: the terminal's rows minus one, minus the header when it is shown. */
	readonly height: number;
	/** Opens a screen on top of the current one. */
	open(route: R): void;
	/** Back to the screen below (Esc); never below the dashboard. */
	back(): void;
	quit(): void;
}

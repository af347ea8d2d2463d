/** What every screen receives from the app shell, and the screens it can open. */
import type { Account } from '../../domain/account.js';
import type { ActingVerb } from '../../domain/batch/verbs.js';
import type { ProfileSummary } from '../../domain/credentials.js';
import type { FlowChoice } from '../../domain/flow-choice.js';
import type { OrgGateway, OrgReader } from '../../org/gateway.js';
import type { BatchQueue } from '../../store/batch-queue.js';
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
	| { readonly screen: 'reconcile' }
	/** P: the profiles of the AWS config files. */
	| { readonly screen: 'profiles' }
	/** a: what to do with the marked accounts (or the selected one); choosing only opens the plan. */
	| { readonly screen: 'batch-menu'; readonly accountIds: readonly string[] }
	/** The plan of a batch, its confirmation and its run; `queued`: opened from the queue (Q). */
	| {
			readonly screen: 'batch-plan';
			readonly verb: ActingVerb;
			readonly accountIds: readonly string[];
			readonly queued?: boolean;
	  };

/** The profiles of the AWS config files, and where they were read. */
export interface ProfileList {
	/** The two files as shown to the user ("~/.aws/config and ~/.aws/credentials"). */
	readonly files: string;
	readonly profiles: readonly ProfileSummary[];
}

/** Switching the dashboard to another profile (absent for the demo). */
export interface ProfileSwitcher {
	/** The profiles, read afresh from the files. */
	list(): Promise<ProfileList>;
	/** Reloads the dashboard for this profile's organization; rejects (nothing changed) when it cannot be used. */
	switchTo(profile: string): Promise<void>;
}

export interface ScreenContext {
	/** Every read. In read-only mode this object has no write methods at all (org/read-only.ts). */
	readonly gateway: OrgReader;
	/** The same gateway with its writes; undefined in read-only mode, so nothing can reach a write then. */
	readonly writer: OrgGateway | undefined;
	readonly settings?: Settings;
	/** The profile picker's source; absent for the demo. */
	readonly profiles?: ProfileSwitcher | undefined;
	/** The organization and its accounts, as loaded so far. */
	readonly accounts: UseAccounts;
	/** The impact scan: the organization's part in the background, one account's on request. */
	readonly impact: UseImpact;
	/** This organization's journal, once the organization is known. */
	readonly journal: Journal | undefined;
	/** The dashboard list (selection, filter, sort): kept while other screens are open. */
	readonly dashboard: UseDashboard;
	/** The accounts marked on the dashboard (Space, V, A; U clears), by id: what a batch acts on. */
	readonly markedAccountIds: ReadonlySet<string>;
	/** The account selected on the dashboard, if any. */
	readonly selected: Account | undefined;
	/** This organization's batch queue, once the organization is known and a settings folder is there. */
	readonly queue?: BatchQueue | undefined;
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

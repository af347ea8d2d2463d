/**
 * User preferences and flow progress, kept by conf (atomic writes, the OS
 * config directory). ORGDASH_CONFIG_DIR moves everything (tests, sandboxes).
 */
import Conf from 'conf';

export interface ChecklistProgress {
	/** Ids of the ticked backup items. */
	readonly ticked: string[];
	readonly updatedAt: string;
}

export interface SettingsShape {
	/** The user's own account-quota figure (`--quota N`), used when Service Quotas cannot answer. */
	quotaOverride?: number;
	/** Dashboard sort, remembered between runs. */
	sort?: string;
	/** Backup-checklist progress, keyed by `${organizationId}/${accountId}`. */
	checklist: Record<string, ChecklistProgress>;
}

export function configDirectory(): string | undefined {
	return process.env.ORGDASH_CONFIG_DIR || undefined;
}

export class Settings {
	private readonly store: Conf<SettingsShape>;

	constructor(cwd: string | undefined = configDirectory()) {
		this.store = new Conf<SettingsShape>({
			projectName: 'orgdash',
			projectSuffix: '',
			...(cwd ? { cwd } : {}),
			defaults: { checklist: {} },
			// A hand-edited, broken file must not stop the program: conf starts afresh instead.
			clearInvalidConfig: true,
		});
	}

	/** The folder that holds the settings file; the journal and cache live beside it. */
	get directory(): string {
		return this.store.path.replace(/[/\\][^/\\]+$/, '');
	}

	get quotaOverride(): number | undefined {
		return this.store.get('quotaOverride');
	}

	set quotaOverride(value: number | undefined) {
		if (value === undefined) this.store.delete('quotaOverride');
		else this.store.set('quotaOverride', value);
	}

	get sort(): string | undefined {
		return this.store.get('sort');
	}

	set sort(value: string | undefined) {
		if (value === undefined) this.store.delete('sort');
		else this.store.set('sort', value);
	}

	checklistProgress(organizationId: string, accountId: string): ChecklistProgress | undefined {
		return this.store.get('checklist')[`${organizationId}/${accountId}`];
	}

	saveChecklistProgress(organizationId: string, accountId: string, ticked: readonly string[]): void {
		const checklist = { ...this.store.get('checklist') };
		checklist[`${organizationId}/${accountId}`] = { ticked: [...ticked], updatedAt: new Date().toISOString() };
		this.store.set('checklist', checklist);
	}

	clearChecklistProgress(organizationId: string, accountId: string): void {
		const checklist = { ...this.store.get('checklist') };
		delete checklist[`${organizationId}/${accountId}`];
		this.store.set('checklist', checklist);
	}
}

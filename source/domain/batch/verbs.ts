/** What a batch can do to the accounts it is given, and the words each is typed and shown with. */

/** The verbs that change AWS: each goes through the plan and the typed confirmation. */
export const ACTING_VERBS = ['close', 'remove', 'quarantine', 'move-back'] as const;
export type ActingVerb = (typeof ACTING_VERBS)[number];

export interface VerbWords {
	/** What the user types before the count to confirm (`close 12`). */
	readonly typed: string;
	/** The verb in a sentence: "will be closed". */
	readonly done: string;
	/** The menu's label. */
	readonly label: string;
}

export const VERB_WORDS: Record<ActingVerb, VerbWords> = {
	close: { typed: 'close', done: 'closed', label: 'Close the accounts (CloseAccount)' },
	remove: { typed: 'remove', done: 'removed from the organization', label: 'Remove them from the organization' },
	quarantine: {
		typed: 'quarantine',
		done: 'moved into the quarantine OU',
		label: 'Quarantine: move them into an OU with a deny-all policy',
	},
	'move-back': {
		typed: 'move back',
		done: 'moved back to their former parent',
		label: 'Move them back out of quarantine',
	},
};

/** The line to type to confirm a batch: the verb and how many accounts will be acted on. */
export function confirmationPhrase(verb: ActingVerb, count: number): string {
	return `${VERB_WORDS[verb].typed} ${count}`;
}

/** The quarantine OU's name unless the user gives another. */
export const DEFAULT_QUARANTINE_OU = 'Suspended';
/** The deny-all service control policy's name. */
export const QUARANTINE_POLICY_NAME = 'orgdash-quarantine-deny-all';

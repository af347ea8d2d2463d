/**
 * The backup prompts shown before an account is closed: AWS's own guidance
 * (the closing page and the Account Management guide), with the account's
 * facts beside the items they concern. A fact that could not be read is shown
 * as unknown with its reason, never as an empty line.
 */
import type { Account } from './account.js';
import { type AccountFacts, type AlternateContact, type Fact, govCloudText, regionsText } from './facts.js';
import { type RootAccessFeatures, rootAccessSummary } from './root-access.js';

export type ChecklistItemId = 'data' | 'domains' | 'commitments' | 'bills' | 'root-access' | 'contacts' | 'govcloud';

/** In the order they are shown; every one must be ticked before the flow goes on. */
export const CHECKLIST_ITEM_IDS: readonly ChecklistItemId[] = [
	'data',
	'domains',
	'commitments',
	'bills',
	'root-access',
	'contacts',
	'govcloud',
];

export interface FactLine {
	readonly label: string;
	/** The value, or "unknown (reason)" when it could not be read, or "reading…" while it is read. */
	readonly text: string;
	readonly status: 'known' | 'unknown' | 'loading';
}

export interface ChecklistItem {
	readonly id: ChecklistItemId;
	readonly title: string;
	readonly detail: string;
	readonly facts: readonly FactLine[];
}

export interface ChecklistInput {
	readonly account: Account;
	/** Undefined while the Account API is still being read. */
	readonly facts: AccountFacts | undefined;
	/** The organization's centralized root access features (iam:ListOrganizationsFeatures); undefined while read. */
	readonly rootAccess: RootAccessFeatures | undefined;
}

const CONTACT_TYPES: readonly AlternateContact['type'][] = ['BILLING', 'OPERATIONS', 'SECURITY'];

function factLine<T>(label: string, fact: Fact<T> | undefined, show: (value: T) => string): FactLine {
	if (!fact) return { label, text: 'reading…', status: 'loading' };
	if (!fact.known) return { label, text: `unknown (${fact.reason || 'no reason given'})`, status: 'unknown' };
	return { label, text: show(fact.value), status: 'known' };
}

/** Unknown is not just "unknown (why)" here: what it may mean for "Forgot password" is said too. */
function rootAccessLine(rootAccess: RootAccessFeatures | undefined): FactLine {
	const label = 'Centralized root access';
	if (!rootAccess) return { label, text: 'reading…', status: 'loading' };
	return { label, text: rootAccessSummary(rootAccess), status: rootAccess.known ? 'known' : 'unknown' };
}

function contactText(contact: AlternateContact | null): string {
	if (!contact) return 'not set';
	const parts = [contact.name, contact.email, contact.phone].filter((part) => part.trim() !== '');
	return parts.length > 0 ? parts.join(', ') : 'set, but with no name, email or phone';
}

function contactLines(facts: AccountFacts | undefined): FactLine[] {
	const contacts = facts?.alternateContacts;
	if (!contacts) return [factLine('Alternate contacts', undefined, String)];
	if (!contacts.known) return [factLine('Alternate contacts', contacts, String)];
	return CONTACT_TYPES.map((type) => ({
		label: `${type[0]}${type.slice(1).toLowerCase()} contact`,
		text: contactText(contacts.value[type]),
		status: 'known' as const,
	}));
}

/** The backup prompts for one account, with its facts where the Account API gave them. */
export function backupChecklist({ account, facts, rootAccess }: ChecklistInput): ChecklistItem[] {
	const createdByOrganization = account.joinedMethod === 'CREATED';
	return [
		{
			id: 'data',
			title: 'Back up applications and data',
			detail:
				'After the 90-day post-closure period every resource and every byte in the account is deleted for good, snapshots and backups kept inside the account included. Copy out what you need, from every region where the account may hold something.',
			facts: [factLine('Enabled regions', facts?.regions, regionsText)],
		},
		{
			id: 'domains',
			title: 'Transfer Route 53 domains out',
			detail:
				'Domains registered in the account are suspended when it closes and deleted later. Transfer them to another account or registrar first.',
			facts: [],
		},
		{
			id: 'commitments',
			title: 'Reserved Instances, Savings Plans, Marketplace',
			detail:
				'Reserved Instances and Savings Plans keep being billed until they expire, and outstanding charges are still billed. Marketplace subscriptions are not cancelled by closing: cancel them yourself.',
			facts: [],
		},
		{
			id: 'bills',
			title: 'Download bills and cost reports',
			detail:
				'Keep the invoices, Cost and Usage Reports and tax documents you need. Afterwards they are reachable only by signing in as root.',
			facts: [],
		},
		{
			id: 'root-access',
			title: 'Make sure someone can sign in as root',
			detail: createdByOrganization
				? 'The root email is the only way in after closure, and can never be used for another AWS account. Created by the organization, this account has no root password yet: use "Forgot password" on the root sign-in page now, while the mailbox is reachable.'
				: 'The root email is the only way in after closure: to see past bills, change settings or ask Support to reopen it. Check the mailbox is reachable and the password known. The email address can never be used for another AWS account.',
			facts: [
				factLine('Root email', facts?.primaryEmail, (email) => email || 'none reported'),
				rootAccessLine(rootAccess),
			],
		},
		{
			id: 'contacts',
			title: 'Check the alternate contacts',
			detail:
				'AWS writes to the billing, operations and security contacts about the closed account. Make sure they reach someone who still works here.',
			facts: contactLines(facts),
		},
		{
			id: 'govcloud',
			title: 'A linked GovCloud (US) account closes too',
			detail:
				'If an AWS GovCloud (US) account is linked to this one, closing this account closes that one as well. Back it up first.',
			facts: [factLine('Linked GovCloud account', facts?.govCloud, govCloudText)],
		},
	];
}

export interface ChecklistProgressSummary {
	readonly done: number;
	readonly total: number;
	readonly complete: boolean;
	/** "3 of 7 done" */
	readonly label: string;
}

/** Keeps only ids of items that exist, in checklist order, without duplicates (saved progress may be stale). */
export function normalizeTicked(ticked: Iterable<string>): ChecklistItemId[] {
	const set = new Set(ticked);
	return CHECKLIST_ITEM_IDS.filter((id) => set.has(id));
}

export function checklistProgress(ticked: readonly string[]): ChecklistProgressSummary {
	const done = normalizeTicked(ticked).length;
	const total = CHECKLIST_ITEM_IDS.length;
	return { done, total, complete: done === total, label: `${done} of ${total} done` };
}

/** Ticks or unticks one item; returns the new list in checklist order. */
export function toggleTicked(ticked: readonly string[], id: ChecklistItemId): ChecklistItemId[] {
	const set = new Set(normalizeTicked(ticked));
	if (set.has(id)) set.delete(id);
	else set.add(id);
	return normalizeTicked(set);
}

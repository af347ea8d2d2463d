/**
 * The backup checklist for a batch: each item of the single-account checklist
 * once, with the facts summed over the accounts ("3 of 12 have a linked
 * GovCloud account: 1111…, 2222…"), and every fact that could not be read
 * counted with its reason.
 */
import type { Account } from '../account.js';
import { backupChecklist, type ChecklistItem, type FactLine } from '../checklist.js';
import type { AccountFacts, Fact } from '../facts.js';

export interface BatchChecklistInput {
	readonly accounts: readonly Account[];
	/** Facts read so far, by account id; an account missing here is not read (yet). */
	readonly facts: ReadonlyMap<string, AccountFacts>;
	/** Why the accounts not in `facts` have none: still reading, or left out of a large batch. */
	readonly notReadReason: string;
}

/** At most this many ids are named in a line; the rest are counted. */
const IDS_NAMED = 5;

function namedIds(ids: readonly string[]): string {
	const shown = ids.slice(0, IDS_NAMED).join(', ');
	return ids.length > IDS_NAMED ? `${shown} and ${ids.length - IDS_NAMED} more` : shown;
}

/** Known values passed to `summarize`; unknown ones grouped by reason, not-read ones counted. */
function summedLine<T>(
	label: string,
	input: BatchChecklistInput,
	factOf: (facts: AccountFacts) => Fact<T>,
	summarize: (known: ReadonlyArray<{ readonly id: string; readonly value: T }>, total: number) => string,
): FactLine {
	const known: { id: string; value: T }[] = [];
	const unknownByReason = new Map<string, string[]>();
	let notRead = 0;
	for (const account of input.accounts) {
		const facts = input.facts.get(account.id);
		if (!facts) {
			notRead++;
			continue;
		}
		const fact = factOf(facts);
		if (fact.known) known.push({ id: account.id, value: fact.value });
		else {
			const reason = fact.reason || 'no reason given';
			unknownByReason.set(reason, [...(unknownByReason.get(reason) ?? []), account.id]);
		}
	}
	const parts: string[] = [];
	if (known.length > 0) parts.push(summarize(known, input.accounts.length));
	for (const [reason, ids] of unknownByReason) parts.push(`unknown for ${ids.length} (${reason}): ${namedIds(ids)}`);
	if (notRead > 0) parts.push(`not read for ${notRead} (${input.notReadReason})`);
	const status =
		known.length === input.accounts.length ? 'known' : notRead > 0 && known.length === 0 ? 'loading' : 'unknown';
	return { label, text: parts.join('; ') || 'no accounts', status };
}

/** The backup items once for the batch, each with the facts summed over its accounts. */
export function batchChecklist(input: BatchChecklistInput): ChecklistItem[] {
	const { accounts } = input;
	const first = accounts[0];
	if (!first) return [];
	const created = accounts.filter((account) => account.joinedMethod === 'CREATED');
	const items = backupChecklist({ account: created[0] ?? first, facts: undefined, rootAccess: undefined });
	const total = accounts.length;
	return items.map((item): ChecklistItem => {
		switch (item.id) {
			case 'data':
				return {
					...item,
					facts: [
						summedLine(
							'Enabled regions',
							input,
							(facts) => facts.regions,
							(known) => {
								const counts = new Map<string, number>();
								for (const { value } of known)
									for (const { name } of value) counts.set(name, (counts.get(name) ?? 0) + 1);
								const regions = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
								return `${known.length} of ${total} read, ${regions.length} regions across them: ${regions
									.slice(0, 8)
									.map(([region, count]) => `${region} (${count})`)
									.join(', ')}${regions.length > 8 ? ', …' : ''}`;
							},
						),
					],
				};
			case 'root-access':
				return {
					...item,
					detail: `${item.detail}${created.length > 0 ? ` ${created.length} of ${total} were created by the organization: their root users have no password yet.` : ''}`,
					facts: [
						summedLine(
							'Root email',
							input,
							(facts) => facts.primaryEmail,
							(known) => {
								const missing = known.filter(({ value }) => value.trim() === '');
								return `${known.length - missing.length} of ${total} known${missing.length > 0 ? `; none reported for ${missing.length}: ${namedIds(missing.map(({ id }) => id))}` : ''}`;
							},
						),
					],
				};
			case 'contacts':
				return {
					...item,
					facts: [
						summedLine(
							'Alternate contacts',
							input,
							(facts) => facts.alternateContacts,
							(known) => {
								const lacking = known.filter(({ value }) => !value.BILLING || !value.OPERATIONS || !value.SECURITY);
								return lacking.length === 0
									? `all three set on the ${known.length} read`
									: `${lacking.length} of ${total} lack one or more: ${namedIds(lacking.map(({ id }) => id))}`;
							},
						),
					],
				};
			case 'govcloud':
				return {
					...item,
					facts: [
						summedLine(
							'Linked GovCloud account',
							input,
							(facts) => facts.govCloud,
							(known) => {
								const linked = known.filter(({ value }) => value !== null);
								return linked.length === 0
									? `none linked on the ${known.length} read`
									: `${linked.length} of ${total} have a linked GovCloud account: ${namedIds(linked.map(({ id }) => id))}`;
							},
						),
					],
				};
			default:
				return item;
		}
	});
}

import { describe, expect, it } from 'vitest';
import {
	backupChecklist,
	CHECKLIST_ITEM_IDS,
	checklistProgress,
	normalizeTicked,
	toggleTicked,
} from '../../source/domain/checklist.js';
import type { AccountFacts } from '../../source/domain/facts.js';
import type { RootAccessFeatures } from '../../source/domain/root-access.js';
import { LOG_ARCHIVE } from '../support/accounts.js';

const account = LOG_ARCHIVE;
/** The organization does not manage root credentials centrally. */
const OFF: RootAccessFeatures = { known: true, value: [] };

const knownFacts: AccountFacts = {
	regions: {
		known: true,
		value: [
			{ name: 'us-east-1', status: 'ENABLED_BY_DEFAULT' },
			{ name: 'eu-west-1', status: 'ENABLED_BY_DEFAULT' },
			{ name: 'me-central-1', status: 'DISABLING' },
			{ name: 'eu-south-2', status: 'ENABLING' },
			{ name: 'ap-east-1', status: 'ENABLED' },
		],
	},
	primaryEmail: { known: true, value: 'root@acme-corp.example' },
	alternateContacts: {
		known: true,
		value: {
			BILLING: {
				type: 'BILLING',
				name: 'Priya Raman',
				email: 'billing@acme.example',
				phone: '+1 555',
				title: 'Finance',
			},
			OPERATIONS: null,
			SECURITY: { type: 'SECURITY', name: '', email: '', phone: '', title: '' },
		},
	},
	govCloud: { known: true, value: { accountId: '081276345910', state: 'ACTIVE' } },
};

function factText(items: ReturnType<typeof backupChecklist>, label: string): string | undefined {
	return items.flatMap((item) => item.facts).find((fact) => fact.label === label)?.text;
}

describe('backupChecklist', () => {
	it('lists the backup prompts, each with an id, a title and a detail, in the fixed order', () => {
		const items = backupChecklist({ account, facts: knownFacts, rootAccess: OFF });
		expect(items.map((item) => item.id)).toEqual(CHECKLIST_ITEM_IDS);
		for (const item of items) {
			expect(item.title.length).toBeGreaterThan(5);
			expect(item.detail.length).toBeGreaterThan(20);
		}
		const text = items.map((item) => `${item.title} ${item.detail}`).join('\n');
		expect(text).toMatch(/Back up applications and data/);
		expect(text).toMatch(/Route 53 domains/);
		expect(text).toMatch(/Reserved Instances.*Savings Plans/s);
		expect(text).toMatch(/Marketplace/);
		expect(text).toMatch(/bills/i);
		expect(text).toMatch(/root/);
		expect(text).toMatch(/alternate contacts/i);
		expect(text).toMatch(/GovCloud/);
	});

	it("shows the account's own facts where they are known", () => {
		const items = backupChecklist({ account, facts: knownFacts, rootAccess: OFF });
		expect(factText(items, 'Enabled regions')).toBe(
			'5: ap-east-1, eu-south-2 (ENABLING), eu-west-1, me-central-1 (DISABLING), us-east-1',
		);
		expect(factText(items, 'Root email')).toBe('root@acme-corp.example');
		expect(factText(items, 'Billing contact')).toBe('Priya Raman, billing@acme.example, +1 555');
		expect(factText(items, 'Operations contact')).toBe('not set');
		expect(factText(items, 'Security contact')).toBe('set, but with no name, email or phone');
		expect(factText(items, 'Linked GovCloud account')).toBe('081276345910 (ACTIVE)');
	});

	it("shows the GovCloud account's state, or says the answer gave none", () => {
		const closed = backupChecklist({
			account,
			facts: { ...knownFacts, govCloud: { known: true, value: { accountId: '081276345910', state: 'CLOSED' } } },
			rootAccess: OFF,
		});
		expect(factText(closed, 'Linked GovCloud account')).toBe('081276345910 (CLOSED)');
		const stateless = backupChecklist({
			account,
			facts: { ...knownFacts, govCloud: { known: true, value: { accountId: '081276345910' } } },
			rootAccess: OFF,
		});
		expect(factText(stateless, 'Linked GovCloud account')).toBe('081276345910 (state not given)');
	});

	it('says "none linked" and "none reported" for known empty values, never an empty line', () => {
		const facts: AccountFacts = {
			...knownFacts,
			regions: { known: true, value: [] },
			govCloud: { known: true, value: null },
		};
		const items = backupChecklist({ account, facts, rootAccess: OFF });
		expect(factText(items, 'Enabled regions')).toBe('none reported');
		expect(factText(items, 'Linked GovCloud account')).toBe('none linked');
	});

	it('shows what could not be read as unknown with its reason', () => {
		const reason = 'AccessDeniedException: trusted access is off';
		const unknown = { known: false as const, reason };
		const facts: AccountFacts = {
			regions: unknown,
			primaryEmail: unknown,
			alternateContacts: unknown,
			govCloud: { known: false, reason: '' },
		};
		const items = backupChecklist({ account, facts, rootAccess: unknown });
		const lines = items.flatMap((item) => item.facts);
		expect(lines.length).toBeGreaterThan(0);
		for (const line of lines) {
			expect(line.status).toBe('unknown');
			expect(line.text).toMatch(/^unknown \(.+\)/);
		}
		expect(factText(items, 'Root email')).toBe(`unknown (${reason})`);
		expect(factText(items, 'Linked GovCloud account')).toBe('unknown (no reason given)');
	});

	it('shows facts still being read as reading…', () => {
		const items = backupChecklist({ account, facts: undefined, rootAccess: undefined });
		const lines = items.flatMap((item) => item.facts);
		expect(lines.every((line) => line.status === 'loading' && line.text === 'reading…')).toBe(true);
	});

	it('tells a member created by the organization to recover the root password first', () => {
		const created = backupChecklist({ account, facts: knownFacts, rootAccess: OFF }).find(
			(item) => item.id === 'root-access',
		);
		const invited = backupChecklist({
			account: { ...account, joinedMethod: 'INVITED' },
			facts: knownFacts,
			rootAccess: OFF,
		}).find((item) => item.id === 'root-access');
		expect(created?.detail).toMatch(/Forgot password/);
		expect(invited?.detail).not.toMatch(/Forgot password/);
	});
});

describe('the root sign-in item and centralized root access', () => {
	const rootItem = (rootAccess: RootAccessFeatures | undefined, joinedMethod: 'CREATED' | 'INVITED' = 'CREATED') =>
		backupChecklist({ account: { ...account, joinedMethod }, facts: knownFacts, rootAccess }).find(
			(item) => item.id === 'root-access',
		);
	const fact = (item: ReturnType<typeof rootItem>) =>
		item?.facts.find((line) => line.label === 'Centralized root access');

	it('says "Forgot password" needs recovery through sts:AssumeRoot first when the organization manages root credentials', () => {
		for (const joinedMethod of ['CREATED', 'INVITED'] as const) {
			const line = fact(rootItem({ known: true, value: ['RootCredentialsManagement', 'RootSessions'] }, joinedMethod));
			expect(line).toEqual({
				label: 'Centralized root access',
				text: 'on (RootCredentialsManagement, RootSessions): "Forgot password" needs password recovery allowed through sts:AssumeRoot first, while a member',
				status: 'known',
			});
		}
	});

	it('gives the bare answer when the organization is known not to manage root credentials', () => {
		expect(fact(rootItem(OFF))?.text).toBe('off');
		expect(fact(rootItem({ known: true, value: ['RootSessions'] }))?.text).toBe('off (only RootSessions)');
	});

	it('says it as a possibility, with the reason, when the answer is unknown; reading… while it is read', () => {
		const reason = 'this endpoint does not implement iam:ListOrganizationsFeatures';
		expect(fact(rootItem({ known: false, reason }))).toEqual({
			label: 'Centralized root access',
			text: `unknown (${reason}): if on, "Forgot password" needs password recovery allowed through sts:AssumeRoot first, while a member`,
			status: 'unknown',
		});
		expect(fact(rootItem(undefined))).toEqual({
			label: 'Centralized root access',
			text: 'reading…',
			status: 'loading',
		});
	});

	it('keeps the detail short enough for the facts to show on a 24-line terminal', () => {
		// Title, detail and facts share the lines under the seven items: at 100 columns, about six.
		for (const joinedMethod of ['CREATED', 'INVITED'] as const) {
			const item = rootItem({ known: false, reason: 'permission iam:ListOrganizationsFeatures missing' }, joinedMethod);
			expect(`${item?.title}. ${item?.detail}`.length).toBeLessThanOrEqual(290);
		}
	});
});

describe('checklist progress', () => {
	it('counts ticked items out of all of them', () => {
		expect(checklistProgress([]).label).toBe('0 of 7 done');
		expect(checklistProgress(['data', 'bills', 'govcloud'])).toEqual({
			done: 3,
			total: 7,
			complete: false,
			label: '3 of 7 done',
		});
		expect(checklistProgress([...CHECKLIST_ITEM_IDS]).complete).toBe(true);
	});

	it('ignores stale or repeated ids from saved progress', () => {
		expect(normalizeTicked(['bills', 'no-such-item', 'data', 'bills'])).toEqual(['data', 'bills']);
		expect(checklistProgress(['no-such-item', 'data', 'data']).done).toBe(1);
	});

	it('toggles one item at a time', () => {
		const once = toggleTicked([], 'domains');
		expect(once).toEqual(['domains']);
		expect(toggleTicked(once, 'data')).toEqual(['data', 'domains']);
		expect(toggleTicked(once, 'domains')).toEqual([]);
	});
});

import { describe, expect, it } from 'vitest';
import type { Account } from '../../source/domain/account.js';
import { detailLines } from '../../source/ui/account-details.js';
import { helpLines } from '../../source/ui/help.js';
import { HELP_KEYS } from '../../source/ui/keymap.js';

const closed: Account = {
	id: '962405173809',
	name: 'Data Platform Staging',
	email: 'staging@acme.example',
	state: 'CLOSED',
	stateSource: 'State',
	joinedMethod: 'CREATED',
	joinedAt: '2024-12-26T00:00:00.000Z',
	parentId: 'ou-staging',
	parentPath: 'Root/Workloads/Staging',
	closedAt: '2026-09-12T00:00:00.000Z',
};
const organization = { id: 'o-1', managementAccountId: '111111111111', featureSet: 'ALL' as const };

describe('details lines', () => {
	it('gives a closed account its deletion date and quota effect', () => {
		const lines = detailLines(closed, { organization, cached: false });
		const value = (label: string) => lines.find((line) => line.label === label)?.value;
		expect(value('State')).toBe('CLOSED');
		expect(value('Deleted by AWS')).toMatch(/^around 2026-12-11/);
		expect(value('Quota')).toMatch(/still counts/);
		expect(value('Role')).toBe('member account');
		expect(value('OU path')).toBe('Root/Workloads/Staging');
	});

	it('warns about the legacy Status field and about cached rows', () => {
		const lines = detailLines(
			{ ...closed, state: 'SUSPENDED', stateSource: 'Status', closedAt: undefined },
			{ organization, cached: true },
		);
		const text = lines.map((line) => line.value).join('\n');
		expect(text).toMatch(/legacy Status field/);
		expect(text).toMatch(/from the cache, not yet confirmed/);
	});
});

describe('help lines', () => {
	it('lists sections and bindings from the keymap, skipping empty sections', () => {
		const lines = helpLines([
			{ title: 'Empty', bindings: [] },
			{ title: 'This help', bindings: HELP_KEYS },
		]);
		expect(lines[0]).toEqual({ kind: 'title', text: 'This help' });
		expect(lines).toHaveLength(1 + HELP_KEYS.length);
		expect(lines[1]).toEqual({ kind: 'binding', keys: 'Esc ?', description: 'back' });
	});
});

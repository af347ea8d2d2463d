import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Account } from '../../source/domain/account.js';
import { layoutColumns, MARKER_WIDTH, rowCells, rowWidth } from '../../source/ui/columns.js';
import { CUT_MARK, charWidth, displayWidth, fitWidth, sanitize, truncate } from '../../source/ui/text.js';

const sample: Account = {
	id: '184627395021',
	name: 'Payments Production Europe (primary region)',
	email: 'aws-payments-production-europe@acme-corp.example',
	state: 'PENDING_ACTIVATION',
	stateSource: 'State',
	joinedMethod: 'INVITED',
	joinedAt: '2023-08-24T10:00:00.000Z',
	parentId: 'ou-1',
	parentPath: 'Root/Workloads/Prod/Payments/Europe',
};

describe('text fitting', () => {
	it('pads short text and cuts long text to exactly the width, with a cut mark', () => {
		expect(fitWidth('abc', 6)).toBe('abc   ');
		expect(fitWidth('abcdefgh', 6)).toBe(`abcde${CUT_MARK}`);
		expect(fitWidth('Root/Workloads/Prod', 10, 'end')).toBe(`${CUT_MARK}oads/Prod`);
		expect(fitWidth('anything', 0)).toBe('');
		expect(truncate('short', 10)).toBe('short');
	});

	it('counts wide characters as two columns and never splits one', () => {
		expect(charWidth('語')).toBe(2);
		expect(charWidth('a')).toBe(1);
		expect(charWidth('\u0301')).toBe(0);
		expect(displayWidth('財務チーム')).toBe(10);
		const cut = fitWidth('財務チーム', 6);
		expect(displayWidth(cut)).toBe(6);
		expect(cut.startsWith('財務')).toBe(true);
	});

	it('never prints control characters from the data (no terminal escapes)', () => {
		expect(sanitize('evil\u001B[2Jname\u0007')).toBe('evil?[2Jname?');
		expect(fitWidth('a\u001Bb', 5)).toBe('a?b  ');
	});

	it('always yields exactly the requested width', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.integer({ min: 1, max: 50 }), (text, width) => {
				expect(displayWidth(fitWidth(text, width))).toBe(width);
			}),
		);
	});
});

describe('column layout', () => {
	it('shows every column on a wide terminal', () => {
		const columns = layoutColumns(160);
		expect(columns.map((column) => column.id)).toEqual(['name', 'id', 'email', 'state', 'ou', 'joined']);
		expect(rowWidth(columns)).toBeLessThanOrEqual(160);
	});

	it('drops the joined date, then the OU, then the email as the terminal narrows', () => {
		const ids = (width: number) => layoutColumns(width).map((column) => column.id);
		expect(ids(100)).toEqual(['name', 'id', 'email', 'state', 'ou', 'joined']);
		expect(ids(99)).toEqual(['name', 'id', 'email', 'state', 'ou']);
		expect(ids(80)).toEqual(['name', 'id', 'email', 'state']);
		expect(ids(60)).toEqual(['name', 'id', 'state']);
	});

	it('is never wider than the terminal, and rows match it', () => {
		for (let width = 1; width <= 260; width++) {
			const columns = layoutColumns(width);
			const cells = rowCells(sample, columns);
			const line = `${' '.repeat(MARKER_WIDTH)}${cells.join(' ')}`;
			if (width >= 49) expect(rowWidth(columns)).toBeLessThanOrEqual(width);
			expect(displayWidth(line)).toBe(rowWidth(columns));
		}
	});

	it('keeps the fixed columns whole', () => {
		const columns = layoutColumns(120);
		const cells = rowCells(sample, columns);
		expect(cells).toContain('184627395021');
		expect(cells).toContain('PENDING_ACTIVATION');
		expect(cells).toContain('INVITED 2023-08-24');
		// The OU path keeps its deepest part.
		expect(cells[columns.findIndex((column) => column.id === 'ou')]?.trimEnd().endsWith('Europe')).toBe(true);
	});
});

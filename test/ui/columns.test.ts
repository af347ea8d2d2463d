import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { Account } from '../../source/domain/account.js';
import { layoutColumns, MARKER_WIDTH, rowCells, rowWidth } from '../../source/ui/columns.js';
import {
	ASCII_CUT_MARKS,
	CUT_MARK,
	charWidth,
	displayWidth,
	fitWidth,
	rendersEllipsis,
	restoreCutMarks,
	sanitize,
	setAsciiCutMarks,
	standInCutMarks,
	truncate,
} from '../../source/ui/text.js';
import { accountWith } from '../support/accounts.js';

const sample: Account = accountWith({
	id: '184627395021',
	name: 'Payments Production Europe (primary region)',
	email: 'aws-payments-production-europe@acme-corp.example',
	state: 'PENDING_ACTIVATION',
	joinedMethod: 'INVITED',
	joinedAt: '2023-08-24T10:00:00.000Z',
	parentId: 'ou-1',
	parentPath: 'Root/Workloads/Prod/Payments/Europe',
});

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

	it('never prints control characters from the data (no terminal escapes): shows them escaped', () => {
		expect(sanitize('evil\u001B[2Jname\u0007')).toBe('evil\\x1b[2Jname\\x07');
		expect(fitWidth('a\u001Bb', 8)).toBe('a\\x1bb  ');
		expect(fitWidth('\u202eab', 8)).toBe('\\u202eab');
	});

	it('measures as Ink does (string-width): marks, emoji sequences, wide and right-to-left text', () => {
		const cases: Array<[string, number]> = [
			['e\u0301te\u0301', 3],
			['Z\u0351\u0352\u0353a', 2],
			['👍🏽', 2],
			['🇺🇸', 2],
			['❤️', 2],
			['1️⃣', 2],
			['⌚', 2],
			['東京', 4],
			['ｆｕｌｌ', 8],
			['שלום', 4],
			['مرحبا', 5],
			['한국', 4],
			['\u1100\u1161', 2],
		];
		for (const [text, width] of cases) {
			expect(displayWidth(text), text).toBe(width);
			expect(displayWidth(text), text).toBe(stringWidth(text));
		}
	});

	it('never splits a letter from its marks, a flag or a wide character when cutting', () => {
		expect(fitWidth('e\u0301e\u0301e\u0301e\u0301', 3)).toBe(`e\u0301e\u0301${CUT_MARK}`);
		expect(fitWidth('🇺🇸🇫🇷🇩🇪', 5)).toBe(`🇺🇸🇫🇷${CUT_MARK}`);
		expect(fitWidth('🇺🇸🇫🇷🇩🇪', 5, 'end')).toBe(`${CUT_MARK}🇫🇷🇩🇪`);
		expect(fitWidth('東京本番', 6)).toBe(`東京${CUT_MARK} `);
	});

	it('drops the emoji presentation marks whose width terminals disagree on', () => {
		// Measured in tmux 3.3a (wcwidth): ❤️ 1 column, 1️⃣ 1, 👍🏽 4; string-width (Ink) says 2 for each.
		expect(fitWidth('❤️', 3)).toBe('❤  ');
		expect(fitWidth('1️⃣', 3)).toBe('1  ');
		expect(fitWidth('👍🏽', 3)).toBe('👍 ');
		expect(fitWidth('👍🏽👍🏽👍🏽', 4)).toBe(`👍${CUT_MARK} `);
		expect(truncate('Payments 👍🏽🇺🇸❤️1️⃣⌚ prod', 40)).toBe('Payments 👍🇺🇸❤1⌚ prod');
		// A modifier on its own is a character of its own, kept.
		expect(fitWidth('🏽', 2)).toBe('🏽');
	});

	it('always yields exactly the requested width', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.integer({ min: 1, max: 50 }), (text, width) => {
				expect(displayWidth(fitWidth(text, width))).toBe(width);
				expect(stringWidth(fitWidth(text, width))).toBe(width);
				expect(stringWidth(fitWidth(text, width, 'end'))).toBe(width);
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

describe('the cut mark', () => {
	it('is the one-column ellipsis', () => {
		expect(CUT_MARK).toBe('…');
		expect(stringWidth(CUT_MARK)).toBe(1);
		expect(fitWidth('Root/Shared Services', 8, 'end')).toBe('…ervices');
	});

	it('is ASCII where the ellipsis would not render: > past the right edge, < before the left', () => {
		setAsciiCutMarks(true);
		try {
			expect(fitWidth('abcdefgh', 6)).toBe(`abcde${ASCII_CUT_MARKS.end}`);
			expect(fitWidth('Root/Shared Services', 8, 'end')).toBe('<ervices');
			expect(fitWidth('東京本番', 6)).toBe('東京> ');
		} finally {
			setAsciiCutMarks(false);
		}
		expect(fitWidth('abcdefgh', 6)).toBe('abcde…');
	});

	it('renders as an ellipsis in a UTF-8 locale or none, not under TERM=dumb or another character set', () => {
		expect(rendersEllipsis({ TERM: 'xterm-256color', LANG: 'en_US.UTF-8' })).toBe(true);
		expect(rendersEllipsis({ TERM: 'xterm', LANG: 'C.utf8' })).toBe(true);
		expect(rendersEllipsis({ TERM: 'xterm' })).toBe(true);
		expect(rendersEllipsis({ TERM: 'dumb', LANG: 'en_US.UTF-8' })).toBe(false);
		expect(rendersEllipsis({ TERM: 'xterm', LANG: 'C' })).toBe(false);
		expect(rendersEllipsis({ TERM: 'xterm', LANG: 'en_US.UTF-8', LC_ALL: 'POSIX' })).toBe(false);
		expect(rendersEllipsis({ TERM: 'xterm', LC_CTYPE: 'de_DE.ISO-8859-1', LANG: 'de_DE.UTF-8' })).toBe(false);
	});

	it('stands in as ASCII while Ink measures an ASCII row, and goes back at its columns with the styles kept', () => {
		const cells = ['sandbox-ali…', '123456789012', '…ared Services'];
		const { cells: measured, marks } = standInCutMarks(cells, 3);
		expect(measured.every((cell) => /^[ -~]*$/.test(cell))).toBe(true);
		expect(marks).toEqual([3 + 11, 3 + 13 + 13]);
		const written = `\u001B[7m>  ${measured[0]} \u001B[1m${measured[1]}\u001B[22m ${measured[2]}\u001B[27m`;
		expect(restoreCutMarks(written, marks)).toBe(
			`\u001B[7m>  ${cells[0]} \u001B[1m${cells[1]}\u001B[22m ${cells[2]}\u001B[27m`,
		);
	});

	it('is left in place in a row with other non-ASCII text, and in a row without cuts', () => {
		const wide = ['東京本…', 'abc…'];
		expect(standInCutMarks(wide, 3)).toEqual({ cells: wide, marks: [] });
		expect(standInCutMarks(['abc', 'def'], 3)).toEqual({ cells: ['abc', 'def'], marks: [] });
		expect(restoreCutMarks('abc', [])).toBe('abc');
	});
});

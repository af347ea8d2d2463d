import { describe, expect, it } from 'vitest';
import { quantile, summarize } from '../../bench/stats.js';
import { type Row, renderMarkdown, renderText, verdict } from '../../bench/table.js';

describe('summarize', () => {
	it('gives the median, p95, quartiles and range', () => {
		const summary = summarize([5, 1, 4, 2, 3]);
		expect(summary).toMatchObject({ count: 5, median: 3, min: 1, max: 5, q1: 2, q3: 4 });
		expect(summary.p95).toBeCloseTo(4.8);
	});

	it('interpolates between ranks', () => {
		expect(quantile([10, 20], 0.5)).toBe(15);
		expect(quantile([], 0.5)).toBeNaN();
		const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
		expect(summarize(hundred).p95).toBeCloseTo(95.05);
	});
});

describe('results table', () => {
	const p95Target = { text: 'p95 <= 16 ms', check: (s: { p95: number }) => s.p95 <= 16 };
	const rows: Row[] = [
		{ figure: 'key to frame: j', size: 10_000, unit: 'ms', samples: [2, 3, 4, 5], showP95: true, target: p95Target },
		{ figure: 'key to frame: /x', size: 10_000, unit: 'ms', samples: [10, 30], showP95: true, target: p95Target },
		{ figure: 'peak memory', size: 1000, unit: 'MB', samples: [], target: p95Target, note: 'moto missing' },
		{ figure: 'aws cli | pages', size: 1000, unit: 's', samples: [1.5] },
	];

	it('says PASS, MISS or NOT MEASURED plainly, and nothing without a target', () => {
		expect(rows.map(verdict)).toEqual(['PASS', 'MISS', 'NOT MEASURED', '']);
	});

	it('renders aligned text with every row', () => {
		const text = renderText(rows);
		const lines = text.split('\n');
		expect(lines).toHaveLength(rows.length + 2);
		expect(lines[0]).toMatch(/^figure\s+accounts\s+median\s+p95/);
		expect(text).toContain('10,000');
		expect(text).toMatch(/key to frame: \/x .* 20\.0 ms .* 29\.0 ms .* 10\.0-30\.0 ms .* MISS/);
		expect(text).toMatch(/peak memory .* NOT MEASURED +moto missing/);
	});

	it('renders markdown with escaped cells and bold verdicts', () => {
		const markdown = renderMarkdown(rows);
		expect(markdown.split('\n')).toHaveLength(rows.length + 2);
		expect(markdown).toContain('aws cli \\| pages');
		expect(markdown).toContain('**MISS**');
		expect(markdown).toContain('**PASS**');
	});
});

/** The benchmark's results table, as aligned text for the terminal and as markdown for the readme. */
import { type Summary, summarize } from './stats.js';

/** 'check': 1 for yes, 0 for no. */
export type Unit = 'ms' | 's' | 'MB' | 'ratio' | 'check';

export interface Target {
	/** Human form, e.g. "p95 <= 16 ms". */
	readonly text: string;
	readonly check: (summary: Summary) => boolean;
}

export interface Row {
	readonly figure: string;
	/** Number of accounts, or undefined where the figure has no size (the fixed demo). */
	readonly size?: number;
	readonly unit: Unit;
	/** Raw samples in `unit`; empty when the figure could not be measured. */
	readonly samples: readonly number[];
	/** Whether p95 is meaningful (many samples of one latency), not just a few runs. */
	readonly showP95?: boolean;
	readonly target?: Target;
	/** Why the figure is missing, or a remark worth reading beside it. */
	readonly note?: string;
}

export type Verdict = 'PASS' | 'MISS' | 'NOT MEASURED' | '';

export function verdict(row: Row): Verdict {
	if (!row.target) return '';
	if (row.samples.length === 0) return 'NOT MEASURED';
	return row.target.check(summarize(row.samples)) ? 'PASS' : 'MISS';
}

export function formatValue(value: number, unit: Unit): string {
	if (!Number.isFinite(value)) return '-';
	switch (unit) {
		case 'ms':
			return value < 100 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`;
		case 's':
			return `${value.toFixed(2)} s`;
		case 'MB':
			return `${value.toFixed(0)} MB`;
		case 'ratio':
			return `${value.toFixed(2)}x`;
		case 'check':
			return value >= 1 ? 'yes' : 'no';
	}
}

function formatNumber(value: number, unit: Unit): string {
	return unit === 'check' ? formatValue(value, unit) : formatValue(value, unit).replace(/ ?(ms|s|MB|x)$/, '');
}

const HEADER = ['figure', 'accounts', 'median', 'p95', 'spread (min-max)', 'n', 'target', 'result', 'note'];

function cells(row: Row): string[] {
	const result = verdict(row);
	if (row.samples.length === 0) {
		return [row.figure, sizeText(row.size), '-', '-', '-', '0', row.target?.text ?? '', result, row.note ?? ''];
	}
	const summary = summarize(row.samples);
	const spread =
		summary.count > 1
			? `${formatNumber(summary.min, row.unit)}-${formatValue(summary.max, row.unit)}`
			: formatValue(summary.min, row.unit);
	return [
		row.figure,
		sizeText(row.size),
		formatValue(summary.median, row.unit),
		row.showP95 ? formatValue(summary.p95, row.unit) : '',
		spread,
		String(summary.count),
		row.target?.text ?? '',
		result,
		row.note ?? '',
	];
}

function sizeText(size: number | undefined): string {
	return size === undefined ? 'demo' : size.toLocaleString('en-US');
}

export function renderText(rows: readonly Row[]): string {
	const table = [HEADER, ...rows.map(cells)];
	const widths = HEADER.map((_, column) => Math.max(...table.map((line) => (line[column] ?? '').length)));
	const lines = table.map((line) =>
		line
			.map((cell, column) => {
				const width = widths[column] as number;
				// Numbers read best right-aligned.
				return column >= 1 && column <= 5 ? cell.padStart(width) : cell.padEnd(width);
			})
			.join('  ')
			.trimEnd(),
	);
	lines.splice(1, 0, widths.map((width) => '-'.repeat(width)).join('  '));
	return lines.join('\n');
}

function escapeMarkdown(cell: string): string {
	return cell.replace(/\|/g, '\\|');
}

export function renderMarkdown(rows: readonly Row[]): string {
	const lines = [
		`| ${HEADER.join(' | ')} |`,
		`| ${HEADER.map((_, column) => (column >= 1 && column <= 5 ? '---:' : '---')).join(' | ')} |`,
	];
	for (const row of rows) {
		const line = cells(row).map(escapeMarkdown);
		const result = line[7];
		if (result === 'PASS' || result === 'MISS') line[7] = `**${result}**`;
		lines.push(`| ${line.join(' | ')} |`);
	}
	return lines.join('\n');
}

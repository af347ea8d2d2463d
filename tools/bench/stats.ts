/** Summaries of timing samples: median, p95, spread. */

export interface Summary {
	readonly count: number;
	readonly median: number;
	readonly p95: number;
	readonly min: number;
	readonly max: number;
	readonly q1: number;
	readonly q3: number;
}

/** Linear interpolation between closest ranks (the common "type 7" definition). */
export function quantile(sorted: readonly number[], q: number): number {
	if (sorted.length === 0) return Number.NaN;
	const position = (sorted.length - 1) * q;
	const lower = Math.floor(position);
	const upper = Math.ceil(position);
	const low = sorted[lower] as number;
	const high = sorted[upper] as number;
	return low + (high - low) * (position - lower);
}

export function summarize(samples: readonly number[]): Summary {
	const sorted = [...samples].sort((a, b) => a - b);
	return {
		count: sorted.length,
		median: quantile(sorted, 0.5),
		p95: quantile(sorted, 0.95),
		min: sorted[0] ?? Number.NaN,
		max: sorted[sorted.length - 1] ?? Number.NaN,
		q1: quantile(sorted, 0.25),
		q3: quantile(sorted, 0.75),
	};
}

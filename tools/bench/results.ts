/** The samples and notes the benchmark collects, figure by figure, and how a measurement that fails is kept. */

/** Samples per figure and size, filled as the runs go. */
export class Results {
	private readonly samples = new Map<string, number[]>();
	private readonly notes = new Map<string, Set<string>>();
	readonly failures: string[] = [];

	private key(figure: string, size: number | undefined): string {
		return `${figure}|${size ?? ''}`;
	}

	add(figure: string, size: number | undefined, ...values: number[]): void {
		const key = this.key(figure, size);
		const list = this.samples.get(key) ?? [];
		list.push(...values.filter((value) => Number.isFinite(value)));
		this.samples.set(key, list);
	}

	note(figure: string, size: number | undefined, text: string): void {
		const key = this.key(figure, size);
		const set = this.notes.get(key) ?? new Set<string>();
		set.add(text);
		this.notes.set(key, set);
	}

	get(figure: string, size: number | undefined): number[] {
		return this.samples.get(this.key(figure, size)) ?? [];
	}

	notesFor(figure: string, size: number | undefined): string {
		return [...(this.notes.get(this.key(figure, size)) ?? [])].join('; ');
	}

	failed(figure: string, size: number | undefined, error: unknown): void {
		const message = error instanceof Error ? error.message : String(error);
		this.note(figure, size, `failed: ${message.split('\n')[0]}`);
		this.failures.push(`${figure}${size === undefined ? '' : ` (${size})`}: ${message}`);
	}
}

export function progress(text: string): void {
	process.stderr.write(`[bench] ${text}\n`);
}

export async function measure(
	results: Results,
	figures: string[],
	size: number | undefined,
	task: () => Promise<void>,
) {
	try {
		await task();
	} catch (error) {
		for (const figure of figures) results.failed(figure, size, error);
		progress(`  failed: ${(error as Error).message.split('\n')[0]}`);
	}
}

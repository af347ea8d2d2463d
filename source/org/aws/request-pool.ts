/**
 * The loader's requests in flight: a bounded pool that halves its limit when
 * throttling escapes the SDK and grows it back after a run of successes, and a
 * group that settles when every task has, or at the first failure.
 */

export function errorName(error: unknown): string {
	return error instanceof Error ? error.name : '';
}

export function isThrottling(error: unknown): boolean {
	const retryable = (error as { $retryable?: { throttling?: boolean } } | undefined)?.$retryable;
	return errorName(error) === 'TooManyRequestsException' || retryable?.throttling === true;
}

/**
 * A bounded pool of requests in flight. Priority 0 goes first: OU listings
 * (each one found opens more listings that can run side by side) and the next
 * pages of listings already started (a long listing's pages come one after
 * another, so each wait adds to the whole load).
 */
export class RequestPool {
	private active = 0;
	private limit: number;
	private successes = 0;
	private readonly waiting: [Array<() => void>, Array<() => void>] = [[], []];

	constructor(
		private readonly maximum: number,
		private readonly signal: AbortSignal,
	) {
		this.limit = maximum;
		signal.addEventListener('abort', () => this.drain(), { once: true });
	}

	async run<T>(priority: 0 | 1, task: () => Promise<T>): Promise<T> {
		await this.acquire(priority);
		try {
			this.signal.throwIfAborted();
			const result = await task();
			this.succeeded();
			return result;
		} catch (error) {
			if (isThrottling(error)) this.throttled();
			throw error;
		} finally {
			this.active--;
			this.drain();
		}
	}

	private acquire(priority: 0 | 1): Promise<void> {
		this.signal.throwIfAborted();
		if (this.active < this.limit && this.waiting[0].length === 0 && this.waiting[1].length === 0) {
			this.active++;
			return Promise.resolve();
		}
		return new Promise((resolve) => this.waiting[priority].push(resolve));
	}

	/** Wakes waiters while there is room; after an abort, wakes them all so they see it and stop. */
	private drain(): void {
		for (;;) {
			if (!this.signal.aborted && this.active >= this.limit) return;
			const next = this.waiting[0].shift() ?? this.waiting[1].shift();
			if (!next) return;
			this.active++;
			next();
		}
	}

	private throttled(): void {
		this.limit = Math.max(1, Math.floor(this.limit / 2));
		this.successes = 0;
	}

	private succeeded(): void {
		if (this.limit >= this.maximum) return;
		if (++this.successes >= this.limit * 4) {
			this.limit++;
			this.successes = 0;
			this.drain();
		}
	}
}

/** Resolves when every task added has settled; rejects on the first failure. */
export class TaskGroup {
	private pending = 0;
	private failed = false;
	private settle!: { resolve: () => void; reject: (error: unknown) => void };
	readonly done = new Promise<void>((resolve, reject) => {
		this.settle = { resolve, reject };
	});

	constructor(private readonly onFailure: () => void) {}

	add(task: Promise<void>): void {
		this.pending++;
		task.then(
			() => {
				if (--this.pending === 0 && !this.failed) this.settle.resolve();
			},
			(error: unknown) => {
				if (this.failed) return;
				this.failed = true;
				this.onFailure();
				this.settle.reject(error);
			},
		);
	}
}

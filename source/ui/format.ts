/** Small, pure formatting helpers for the screen. */

/** YYYY-MM-DD (UTC) of an ISO date; '' for an empty or invalid one. */
export function day(iso: string | undefined): string {
	if (!iso) return '';
	const time = Date.parse(iso);
	return Number.isNaN(time) ? '' : new Date(time).toISOString().slice(0, 10);
}

/** "just now", "42 s", "5 min", "3 h", "12 days": how old something is. */
export function age(from: Date, now: Date): string {
	const seconds = Math.max(0, Math.floor((now.getTime() - from.getTime()) / 1000));
	if (seconds < 5) return 'just now';
	if (seconds < 60) return `${seconds} s ago`;
	const minutes = Math.floor(seconds / 60);
	if (minutes < 60) return `${minutes} min ago`;
	const hours = Math.floor(minutes / 60);
	if (hours < 48) return `${hours} h ago`;
	return `${Math.floor(hours / 24)} days ago`;
}

/** 10000 -> "10,000" (fixed locale, so screens and tests read the same everywhere). */
export function count(value: number): string {
	return value.toLocaleString('en-US');
}

export function plural(value: number, one: string, many = `${one}s`): string {
	return `${count(value)} ${value === 1 ? one : many}`;
}

/**
 * Keeps V8's heap close to the data the dashboard holds.
 *
 * A load parses a response every few milliseconds (1,400 of them for 10,000
 * accounts) and Ink draws a frame for each change; V8 answers that rate in two
 * ways, and the process's peak memory grows with both although the data kept
 * is small:
 * - it doubles the young generation's semi-spaces. Held at their starting size
 *   (`--semi-space-growth-factor=1`), the young generation is collected more
 *   often;
 * - it lets the old generation grow to up to four times what the last full
 *   collection kept before collecting it again, and what a load promotes there
 *   mostly dies soon after. Held to 15 % above what was kept
 *   (`--heap-growing-percent`), it is collected sooner.
 * Measured on a 10,000-account moto organization, back to back: a peak of
 * 160-230 MB with the first alone, 166 MB with the second alone, 139-143 MB
 * with both, the load's time within the runs' spread. The price is CPU spent
 * collecting (up to twice the time in an allocation-bound loop), so `list` and
 * `journal`, which keep no screen open, do without it.
 * Set from inside the process because the installed command (`bin` runs
 * `dist/cli.js`) takes no Node flags; V8 reads both flags each time it decides
 * how far a space may grow, so they apply after start-up too (the spaces' size
 * limits do not).
 */
import { setFlagsFromString } from 'node:v8';

/** How far the old generation may grow past what the last full collection kept (V8's own factor: up to 4x). */
export const OLD_GENERATION_GROWTH_PERCENT = 15;

/** V8 flags for the dashboard's heap, as `setFlagsFromString` takes them. */
export const DASHBOARD_HEAP_FLAGS = [
	'--semi-space-growth-factor=1',
	`--heap-growing-percent=${OLD_GENERATION_GROWTH_PERCENT}`,
] as const;

export function holdHeapGrowth(): void {
	for (const flag of DASHBOARD_HEAP_FLAGS) setFlagsFromString(flag);
}

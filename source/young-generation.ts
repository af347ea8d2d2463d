/**
 * Keeps V8's young generation at its starting size, for the dashboard.
 *
 * A load parses a response every few milliseconds (1,400 of them for 10,000
 * accounts); V8 answers that rate by doubling the young generation's semi-
 * spaces, and the process's peak memory grows with them although the data
 * kept is small. Held at its starting size, the young generation is collected
 * more often: measured on moto, the dashboard's peak is about 20 MB lower,
 * for more time spent collecting (up to twice the CPU in an allocation-bound
 * loop), so `list` and `journal`, which keep no screen open, do without it.
 * Set from inside the process because the installed command (`bin` runs
 * `dist/cli.js`) takes no Node flags; V8 reads this flag each time it decides
 * to grow, so it applies after start-up too (its size limits do not).
 */
import { setFlagsFromString } from 'node:v8';

export function holdYoungGeneration(): void {
	setFlagsFromString('--semi-space-growth-factor=1');
}

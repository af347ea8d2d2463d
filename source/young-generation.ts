/**
 * Keeps V8's young generation at its starting size for the whole process.
 *
 * A load parses a response every few milliseconds (1,400 of them for 10,000
 * accounts); V8 answers that rate by doubling the young generation's semi-
 * spaces, and the process's peak memory grows with them although the data
 * kept is small. Held at its starting size, the young generation is collected
 * more often, each time quicker. Set from inside the process, before the UI
 * and the SDK are loaded, because the installed command (`bin` runs
 * `dist/cli.js`) takes no Node flags; V8 reads this flag whenever it decides
 * to grow, so it applies after start-up too (its size limits do not).
 */
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--semi-space-growth-factor=1');

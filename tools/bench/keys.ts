/** Key press to frame: runs keys-child in a process of its own and collects its samples. */

import { terminalEnvironment } from '../../test/support/pty.js';
import { runJsonChild } from './json-child.js';
import type { KeysChildResult } from './keys-child.js';
import { projectPath } from './paths.js';

export async function timeKeys(accounts: number, presses: number): Promise<KeysChildResult> {
	const { result } = await runJsonChild<KeysChildResult>(
		projectPath('dist-tools', 'bench', 'keys-child.js'),
		['--accounts', String(accounts), '--presses', String(presses)],
		// As at a person's terminal: without CI, where Ink would draw no live frames. React is the production
		// build, as in the command: the bundle has no other (see tools/build/bundle.ts).
		terminalEnvironment(),
		`key timing with ${accounts} accounts`,
	);
	return result;
}

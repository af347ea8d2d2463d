import { describe, expect, it } from 'vitest';
import { rawAccountLines } from '../../source/ui/account-details.js';
import { insideTmux, osc52 } from '../../source/ui/clipboard.js';
import { accountWith } from '../support/accounts.js';

describe('osc52', () => {
	it('asks the terminal to set the clipboard to the text, base64 encoded', () => {
		expect(osc52('123456789012')).toBe('\u001b]52;c;MTIzNDU2Nzg5MDEy\u0007');
	});

	it('inside tmux, wraps the request so that tmux passes it on', () => {
		expect(osc52('a', true)).toBe('\u001bPtmux;\u001b\u001b]52;c;YQ==\u0007\u001b\\');
		expect(insideTmux({ TMUX: '/tmp/tmux-1000/default,1,0' })).toBe(true);
		expect(insideTmux({})).toBe(false);
	});
});

describe('rawAccountLines', () => {
	it("prints AWS's record as JSON with escape sequences made visible", () => {
		const account = accountWith({ id: '123456789012', raw: { Id: '123456789012', Name: 'evil\u009b2J' } });
		const lines = rawAccountLines(account, account.id);
		expect(lines[0]).toBe('{');
		expect(lines.join('\n')).not.toContain('\u009b');
		expect(JSON.parse(lines.join('\n'))).toEqual({ Id: '123456789012', Name: 'evil\u009b2J' });
	});

	it('says why there is no record for a cached row or an account no longer listed', () => {
		expect(rawAccountLines(accountWith({ id: '123456789012' }), '123456789012')[0]).toContain('from the cache');
		expect(rawAccountLines(undefined, '123456789012')[0]).toContain('no longer in the list');
	});
});

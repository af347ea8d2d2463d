import { describe, expect, it } from 'vitest';
import { HELP_TEXT, parseCommandLine } from '../../source/ui/cli-options.js';

function readOnlyOf(argv: readonly string[]): boolean | undefined {
	const parsed = parseCommandLine(argv, {}, import.meta);
	if (!parsed.ok) throw new Error(parsed.message);
	return parsed.options.readOnly;
}

describe('--read-only', () => {
	it('turns read-only mode on or off; absent, the remembered setting holds', () => {
		expect(readOnlyOf(['--read-only'])).toBe(true);
		expect(readOnlyOf(['--read-only=true'])).toBe(true);
		expect(readOnlyOf(['--no-read-only'])).toBe(false);
		expect(readOnlyOf(['--read-only=false'])).toBe(false);
		expect(readOnlyOf(['--demo'])).toBeUndefined();
		expect(readOnlyOf([])).toBeUndefined();
	});

	it('leaves the other switches off when absent', () => {
		const parsed = parseCommandLine([], {}, import.meta);
		expect(parsed.ok && parsed.options).toMatchObject({ demo: false, json: false, help: false, version: false });
	});

	it('is in the usage, with how to turn it off', () => {
		expect(HELP_TEXT).toContain('--read-only');
		expect(HELP_TEXT).toContain('--no-read-only (or --read-only=false) turns it off');
	});
});

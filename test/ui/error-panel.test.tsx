/** The load failure panel: every line wrapped, none cut; when rows are short, the least useful lines go first. */
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import type { FailureMessage } from '../../source/domain/explain-load.js';
import { ErrorPanel, fittingLines, wrappedRows } from '../../source/ui/components/ErrorPanel.js';

afterEach(() => cleanup());

const MESSAGE: FailureMessage = {
	kind: 'no-credentials',
	title: 'Profile nosuch is not in the AWS config files',
	explanation: [
		'Profile nosuch is not in ~/.aws/config or ~/.aws/credentials; profiles there: admin, billing, corp-sso, sandbox, security-audit.',
	],
	next: [
		'Pass one of the profiles listed (--profile NAME or AWS_PROFILE), or add this one.',
		'To look around without AWS: orgdash --demo.',
	],
	code: 'ProfileNotFound',
};

describe('the error panel', () => {
	it('counts wrapped rows as a word wrap does', () => {
		expect(wrappedRows('one two three', 20)).toBe(1);
		expect(wrappedRows('one two three', 8)).toBe(2);
		expect(wrappedRows('x'.repeat(25), 10)).toBe(3);
		expect(wrappedRows('', 10)).toBe(1);
	});

	it('shows the whole message, wrapped, in a narrow terminal', () => {
		const app = render(<ErrorPanel message={MESSAGE} height={16} width={50} />);
		const text = (app.lastFrame() ?? '').replace(/[│╭╮╰╯─]/g, ' ').replace(/\s+/g, ' ');
		expect(text).toContain(MESSAGE.title);
		expect(text).toContain('profiles there: admin, billing, corp-sso, sandbox, security-audit.');
		expect(text).toContain('Pass one of the profiles listed (--profile NAME or AWS_PROFILE), or add this one.');
		expect(text).toContain('(ProfileNotFound)');
	});

	it('drops the code, then the heading, then later explanations, never the cause or the next steps', () => {
		const lines = [
			{ text: 'title', kind: 'title' as const },
			{ text: 'cause', kind: 'explanation' as const },
			{ text: 'more', kind: 'explanation' as const },
			{ text: 'What to do:', kind: 'heading' as const },
			{ text: 'step', kind: 'next' as const },
			{ text: '(Code)', kind: 'code' as const },
		];
		expect(fittingLines(lines, 6, 40)).toHaveLength(6);
		expect(fittingLines(lines, 5, 40).map((line) => line.text)).not.toContain('(Code)');
		expect(fittingLines(lines, 4, 40).map((line) => line.text)).toEqual(['title', 'cause', 'more', 'step']);
		expect(fittingLines(lines, 3, 40).map((line) => line.text)).toEqual(['title', 'cause', 'step']);
	});
});

import { describe, expect, it } from 'vitest';
import { displayAccount, originalText } from '../../source/domain/account.js';
import { displayText, needsEscape, terminalSafeJson, visibleEscape } from '../../source/domain/display-text.js';
import { UNSAFE_TEXT } from '../support/unsafe-text.js';

// Nothing a terminal would act on or hide: C0, DEL, C1, format characters (bidi, zero-width), separators.
const UNSAFE_ANYWHERE = UNSAFE_TEXT;

describe('displayText', () => {
	it('returns a clean string itself (no copy)', () => {
		for (const clean of [
			'Payments Prod',
			'ops+aws@example.com',
			'Root/Workloads/Prod',
			'',
			'Zoë Ωmega',
			'東京 本番',
			'😀 fun',
		]) {
			expect(displayText(clean)).toBe(clean);
			expect(needsEscape(clean)).toBe(false);
		}
	});

	it('escapes every C0 control, tab and newline included, as \\xHH', () => {
		for (let code = 0; code < 0x20; code++) {
			const char = String.fromCharCode(code);
			expect(displayText(`a${char}b`)).toBe(`a\\x${code.toString(16).padStart(2, '0')}b`);
		}
		expect(displayText('a\tb\nc\rd')).toBe('a\\x09b\\x0ac\\x0dd');
	});

	it('escapes DEL and every C1 control', () => {
		expect(displayText('\u007f')).toBe('\\x7f');
		for (let code = 0x80; code < 0xa0; code++) {
			expect(displayText(String.fromCharCode(code))).toBe(`\\x${code.toString(16)}`);
		}
	});

	it('escapes the terminal sequences an OU name could carry (title, clipboard, link, bell, cursor)', () => {
		const hostile = [
			'\u001b]0;pwned\u0007',
			'\u001b]52;c;cm0gLXJmIH4=\u0007',
			'\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\',
			'\u001b[2J\u001b[H',
			'\u009b31m',
			'\u0007',
		];
		for (const text of hostile) {
			const shown = displayText(text);
			expect(shown).not.toMatch(UNSAFE_ANYWHERE);
			expect(shown).toMatch(/\\x(1b|9b|07)/);
		}
		expect(displayText('Prod\u001b]0;pwned\u0007')).toBe('Prod\\x1b]0;pwned\\x07');
	});

	it('escapes bidi embeddings, overrides, isolates and marks', () => {
		const bidi = [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c];
		for (const code of bidi) {
			expect(displayText(`x${String.fromCharCode(code)}y`)).toBe(`x\\u${code.toString(16).padStart(4, '0')}y`);
		}
		// "Prod" shown as "dorP" by an override would impersonate another account.
		expect(displayText('\u202edorP')).toBe('\\u202edorP');
	});

	it('escapes zero-width and other invisible format characters, and line separators', () => {
		const invisible = [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad, 0x180e, 0x2028, 0x2029];
		for (const code of invisible) {
			const shown = displayText(`a${String.fromCharCode(code)}b`);
			expect(shown).not.toMatch(UNSAFE_ANYWHERE);
			expect(shown).toContain(visibleEscape(String.fromCharCode(code)));
		}
		expect(displayText('ad\u200bmin')).toBe('ad\\u200bmin');
		expect(displayText('\ufeffProd')).toBe('\\ufeffProd');
	});

	it('escapes characters beyond the BMP (tags) and lone surrogates', () => {
		expect(displayText('a\u{e0041}b')).toBe('a\\u{e0041}b');
		expect(displayText('a\ud800b')).toBe('a\\ud800b');
		expect(displayText('a\udc00')).toBe('a\\udc00');
	});

	it('keeps letters of every script, combining marks, emoji and CJK', () => {
		for (const text of ['שלום עולם', 'مرحبا', 'e\u0301te\u0301', 'नमस्ते', '👍🏽', '🇺🇸', '❤️', '한국어', 'ｆｕｌｌ']) {
			expect(displayText(text)).toBe(text);
		}
	});

	it('is idempotent: an escaped text, or one that only looks escaped, is printable and stays as it is', () => {
		const once = displayText('a\u001b]0;x\u0007\u202e');
		expect(displayText(once)).toBe(once);
		expect(displayText('looks like \\x1b and \\u202e')).toBe('looks like \\x1b and \\u202e');
	});
});

describe('terminalSafeJson', () => {
	it('escapes C1, DEL and format characters inside JSON strings; the document parses to the same values', () => {
		const value = { name: 'a\u009b31m\u007f\u202eb\u200d\u{e0041}\u2028', ok: 'Prod', esc: '\u001b]0;x\u0007' };
		const json = terminalSafeJson(JSON.stringify(value));
		expect(json).not.toMatch(UNSAFE_ANYWHERE);
		expect(json).toContain('\\u009b');
		expect(json).toContain('\\u202e');
		expect(json).toContain('\\u007f');
		expect(json).toContain('\\udb40\\udc41');
		expect(JSON.parse(json)).toEqual(value);
	});

	it('returns clean JSON itself', () => {
		const json = JSON.stringify({ name: 'Payments Prod', city: '東京' });
		expect(terminalSafeJson(json)).toBe(json);
	});
});

describe('displayAccount', () => {
	const clean = {
		id: '123456789012',
		name: 'Payments Prod',
		email: 'pay@example.com',
		state: 'ACTIVE' as const,
		stateSource: 'State' as const,
		joinedMethod: 'CREATED' as const,
		joinedAt: '2024-01-01T00:00:00.000Z',
		parentId: 'ou-1',
		parentPath: 'Root/Prod',
	};

	it('returns a clean account itself, with no originals', () => {
		const account = displayAccount(clean);
		expect(account).toBe(clean);
		expect(account.original).toBeUndefined();
		expect(originalText(account)).toEqual({ name: clean.name, email: clean.email, parentPath: clean.parentPath });
	});

	it('keeps the originals of only the fields that changed', () => {
		const raw = { ...clean, name: 'Pay\u001b]0;x\u0007', parentPath: 'Root/\u202eProd' };
		const account = displayAccount(raw);
		expect(account.name).toBe('Pay\\x1b]0;x\\x07');
		expect(account.parentPath).toBe('Root/\\u202eProd');
		expect(account.email).toBe(clean.email);
		expect(account.original).toEqual({ name: raw.name, parentPath: raw.parentPath });
		expect(originalText(account)).toEqual({ name: raw.name, email: clean.email, parentPath: raw.parentPath });
		// A second pass changes nothing and keeps the originals.
		expect(displayAccount(account)).toBe(account);
	});
});

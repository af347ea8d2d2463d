/**
 * The start edits (tools/build/start-edits.ts) on the modules installed here:
 * each applies, and the edited module answers as the original does.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { assertBuiltCommand, PROJECT_ROOT } from '../../../test/support/built-command.js';
import { withUnnamedKeysIgnored } from '../../build/ink-input.js';
import {
	CONF_FEATURES_LEFT_OUT,
	MAY_BE_EMOJI,
	NARROW_ALONE,
	withLazyEmojiPattern,
	withNarrowTextAnsweredAtOnce,
	withoutWasmFetch,
} from '../../build/start-edits.js';

/** The copies Ink imports (the bundle edits the same files). */
const installed = (path: string) => fileURLToPath(new URL(`../../../node_modules/${path}`, import.meta.url));
const stringWidthFile = installed('string-width/index.js');
const yogaFile = installed('yoga-layout/dist/binaries/yoga-wasm-base64-esm.js');
/** The pattern string-width compiles at import (a string: the v flag is newer than the tests' TypeScript target). */
const RGI_EMOJI = '^\\p{RGI_Emoji}$';
const wrapYogaFile = installed('yoga-layout/dist/src/wrapAssembly.js');

/** Edited copies sit beside the originals, so that their own imports resolve as the originals' do. */
const written: string[] = [];
function besideOriginal(original: string, contents: string): string {
	// A name of its own for each: a module imported twice from one path would be the first one again.
	const file = original.replace(/\.js$/, `.edited-${process.pid}-${written.length}.js`);
	writeFileSync(file, contents);
	written.push(file);
	return file;
}
afterAll(() => {
	for (const file of written) rmSync(file, { force: true });
});

describe("string-width's emoji pattern compiled when first needed", () => {
	const original = readFileSync(stringWidthFile, 'utf8');
	const edited = withLazyEmojiPattern(original);

	it('applies to the installed string-width, and only where the pattern is used by `.test`', () => {
		expect(edited).toBeDefined();
		expect(edited).not.toContain('const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;');
		expect(withLazyEmojiPattern('const x = 1;')).toBeUndefined();
		expect(
			withLazyEmojiPattern('const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;\nrgiEmojiRegex.exec(s); rgiEmojiRegex.test(s);'),
		).toBeUndefined();
	});

	it('lets through every code point the full pattern matches', () => {
		const rgiEmoji = new RegExp(RGI_EMOJI, 'v');
		const mayBeEmoji = new RegExp(MAY_BE_EMOJI, 'v');
		const missed: string[] = [];
		let emoji = 0;
		for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
			if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
			const text = String.fromCodePoint(codePoint);
			if (!rgiEmoji.test(text)) continue;
			emoji++;
			if (!mayBeEmoji.test(text)) missed.push(codePoint.toString(16));
		}
		expect(emoji).toBeGreaterThan(1000);
		expect(missed).toEqual([]);
	});

	it('measures text as the original does: emoji, sequences, and code points across every plane', async () => {
		const stock = (await import(pathToFileURL(stringWidthFile).href)).default as (text: string) => number;
		const lazy = (await import(pathToFileURL(besideOriginal(stringWidthFile, edited ?? '')).href)).default as (
			text: string,
		) => number;
		const texts = [
			'1\uFE0F\u20E3', // keycap
			'#\u20E3', // keycap without VS16
			'\u{1F1EB}\u{1F1F7}', // flag
			'\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}', // tag sequence
			'\u{1F44D}\u{1F3FD}', // modifier sequence
			'\u{1F468}\u200D\u{1F469}\u200D\u{1F467}', // ZWJ sequence
			'\u2764\uFE0F', // text-default emoji made emoji
			'\u263A', // text-default emoji alone
			'a1b2 ─│… 界 x\u0301 \u{1F600} 12:00 \u26A0\uFE0F done',
		];
		// Every emoji code point, and a sample of the others in every block of every plane.
		const rgiEmoji = new RegExp(RGI_EMOJI, 'v');
		for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
			if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
			const text = String.fromCodePoint(codePoint);
			if (codePoint % 61 === 0 || rgiEmoji.test(text)) texts.push(text);
		}
		const differences = texts.filter((text) => lazy(text) !== stock(text)).map((text) => JSON.stringify(text));
		expect(differences).toEqual([]);
	}, 30_000);
});

describe('string-width answering narrow text beyond ASCII without segmenting it', () => {
	const original = readFileSync(stringWidthFile, 'utf8');
	const edited = withNarrowTextAnsweredAtOnce(original);
	/** Every character of the quick answer's class. */
	const narrowAlone = (() => {
		const inClass = new RegExp(`^[${NARROW_ALONE}]$`);
		const characters: string[] = [];
		for (let code = 0; code <= 0xffff; code++) {
			const character = String.fromCharCode(code);
			if (inClass.test(character)) characters.push(character);
		}
		return characters;
	})();
	const stockWidth = async () =>
		(await import(pathToFileURL(stringWidthFile).href)).default as (text: string) => number;

	it('applies to the installed string-width, after the emoji edit too, and to nothing else', () => {
		expect(edited?.split(`(ambiguousIsNarrow && /^[${NARROW_ALONE}]*$/.test(string))`)).toHaveLength(2);
		// Without the option it depends on, in scope before the test, it does not apply.
		expect(
			withNarrowTextAnsweredAtOnce(original.replace('ambiguousIsNarrow = true,', 'narrow = true,')),
		).toBeUndefined();
		expect(withNarrowTextAnsweredAtOnce(withLazyEmojiPattern(original) ?? '')).toBeDefined();
		expect(withNarrowTextAnsweredAtOnce('const x = 1;')).toBeUndefined();
	});

	it('holds only characters one column wide for the original, each a cluster of its own beside any other', async () => {
		const width = await stockWidth();
		const segmenter = new Intl.Segmenter();
		expect(narrowAlone.length).toBeGreaterThan(1000);
		// Beside letters, itself and a combining mark: a mark would join it, a prepended character the next one.
		const wrong = narrowAlone.filter((character) => {
			const between = `a${character}b${character}${character}\u0301`;
			return width(character) !== 1 || [...segmenter.segment(between)].length !== 5;
		});
		expect(wrong.map((character) => character.charCodeAt(0).toString(16))).toEqual([]);
		const all = narrowAlone.join('');
		expect(width(all)).toBe(all.length);
		expect([...segmenter.segment(all)]).toHaveLength(all.length);
	});

	it('measures text as the original does, in the class and out of it, ambiguous characters narrow or wide', async () => {
		type Width = (text: string, options?: { ambiguousIsNarrow?: boolean }) => number;
		const stock = (await import(pathToFileURL(stringWidthFile).href)).default as Width;
		const quick = (await import(pathToFileURL(besideOriginal(stringWidthFile, edited ?? '')).href)).default as Width;
		const outside = ['\u00AD', '\u0301', '\u200B', '\u25FD', '\u2705', '界', '\u{1F600}', '\uFE0F', '\u001B[31m'];
		let seed = 7;
		const random = (below: number) => {
			seed = (seed * 1103515245 + 12345) % 2147483648;
			return seed % below;
		};
		const texts = ['', 'plain', '─│┌┐ ▲▼ ✓✗ … · ’“” ⠋', '█░ x\u0301', '\u25FD\u25FE'];
		for (let sample = 0; sample < 3000; sample++) {
			const characters = Array.from({ length: 1 + random(12) }, () =>
				random(20) === 0
					? (outside[random(outside.length)] as string)
					: (narrowAlone[random(narrowAlone.length)] as string),
			);
			texts.push(characters.join(''));
		}
		const differences = texts.filter((text) => quick(text) !== stock(text)).map((text) => JSON.stringify(text));
		expect(differences).toEqual([]);
		const wide = { ambiguousIsNarrow: false };
		const widthsWide = texts.filter((text) => quick(text, wide) !== stock(text, wide));
		expect(widthsWide.map((text) => JSON.stringify(text))).toEqual([]);
		// The case that needs the option: `…` is one column, or two where ambiguous characters are wide.
		expect([quick('a…'), quick('a…', wide)]).toEqual([2, 3]);
	});
});

/** Runs an ES module script in a process of its own (this one may have loaded the HTTP client already); its stdout. */
function inFreshProcess(script: string): string {
	return execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
}

/** Whether Node's HTTP client (undici) is loaded, as an expression for such a script. */
const HTTP_CLIENT_LOADED = "process.moduleLoadList.some((name) => name.includes('undici'))";

describe("Yoga's WebAssembly read without fetch", () => {
	const original = readFileSync(yogaFile, 'utf8');
	const edited = withoutWasmFetch(original);

	it('applies to the installed Yoga', () => {
		expect(edited).toBeDefined();
		expect(edited).not.toContain('"function"!=typeof fetch?Promise.resolve()');
		expect(withoutWasmFetch('function ya(){}')).toBeUndefined();
	});

	it("lays out as before, and Node's HTTP client is never loaded", () => {
		const file = besideOriginal(yogaFile, edited ?? '');
		const script = `
			const { default: loadYoga } = await import(${JSON.stringify(pathToFileURL(file).href)});
			const { default: wrapAssembly } = await import(${JSON.stringify(pathToFileURL(wrapYogaFile).href)});
			const Yoga = wrapAssembly(await loadYoga());
			const root = Yoga.Node.create();
			root.setWidth(80);
			const child = Yoga.Node.create();
			child.setFlexGrow(1);
			child.setHeight(3);
			root.insertChild(child, 0);
			root.calculateLayout(undefined, undefined, Yoga.DIRECTION_LTR);
			const httpClient = ${HTTP_CLIENT_LOADED};
			console.log(JSON.stringify({ width: child.getComputedWidth(), height: root.getComputedHeight(), httpClient }));
		`;
		expect(JSON.parse(inFreshProcess(script))).toEqual({ width: 80, height: 3, httpClient: false });
	});

	it('the stock module does load it (what the edit saves)', () => {
		const script = `
			const { default: loadYoga } = await import(${JSON.stringify(pathToFileURL(yogaFile).href)});
			await loadYoga();
			console.log(${HTTP_CLIENT_LOADED});
		`;
		expect(inFreshProcess(script).trim()).toBe('true');
	});
});

describe("conf's schema validation and migrations, left out of the bundle", () => {
	const load = async (specifier: string) =>
		import(`data:text/javascript,${encodeURIComponent(CONF_FEATURES_LEFT_OUT[specifier] ?? '')}`);

	it('stands in for exactly what conf imports', () => {
		const conf = readFileSync(installed('conf/dist/source/index.js'), 'utf8');
		const imported = [...conf.matchAll(/from '(ajv[^']*|semver)'/g)].map((match) => match[1]).sort();
		expect(imported).toEqual(Object.keys(CONF_FEATURES_LEFT_OUT).sort());
		// conf reaches ajv only for a schema, and semver only for migrations.
		expect(conf).toMatch(/if \(!\(options\.schema \?\? options\.ajvOptions \?\? options\.rootSchema\)\) \{\s*return;/);
		expect(conf).toMatch(/if \(!migrations\) \{/);
	});

	it('a stand-in used says what is missing, never validates nothing', async () => {
		const { Ajv2020 } = await load('ajv/dist/2020.js');
		expect(() => new Ajv2020()).toThrow(/schema validation \(ajv\) is not in orgdash's bundle/);
		const formats = (await load('ajv-formats')).default;
		expect(() => formats.default()).toThrow(/ajv-formats/);
		const semver = (await load('semver')).default;
		for (const use of ['eq', 'clean', 'satisfies', 'lte', 'gt'])
			expect(() => semver[use]()).toThrow(/migrations \(semver\)/);
	});

	it("orgdash's settings give conf neither a schema nor migrations", () => {
		const settings = readFileSync(fileURLToPath(new URL('../../../source/store/settings.ts', import.meta.url)), 'utf8');
		const confOptions = settings.slice(
			settings.indexOf('new Conf<'),
			settings.indexOf('});', settings.indexOf('new Conf<')),
		);
		expect(confOptions).toContain('projectName');
		expect(confOptions).not.toMatch(/schema|ajvOptions|rootSchema|migrations|projectVersion/);
	});
});

describe('the built command (dist/, as npm test builds it)', () => {
	const files = () => {
		assertBuiltCommand();
		const chunks = join(PROJECT_ROOT, 'dist', 'chunks');
		return [join(PROJECT_ROOT, 'dist', 'cli.js'), ...readdirSync(chunks).map((name) => join(chunks, name))];
	};

	it("carries React's production build only, and neither ajv nor semver", () => {
		const found = files().filter((file) =>
			/node_modules\/(react-reconciler\/cjs\/react-reconciler\.development|react\/cjs\/react\.development|ajv\/|semver\/)/.test(
				readFileSync(file, 'utf8'),
			),
		);
		expect(found).toEqual([]);
	});
});

describe("Ink's useInput, for a key it cannot name", () => {
	it('applies to the installed Ink, once', () => {
		const source = readFileSync(installed('ink/build/hooks/use-input.js'), 'utf8');
		const edited = withUnnamedKeysIgnored(source);
		expect(edited).toBeDefined();
		expect(edited?.split("input ??= '';")).toHaveLength(2);
		expect(withUnnamedKeysIgnored('const x = 1;')).toBeUndefined();
	});
});

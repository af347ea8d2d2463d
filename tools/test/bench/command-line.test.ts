import { describe, expect, it } from 'vitest';
import { parseOptions, UsageError } from '../../bench/command-line.js';

describe('the benchmark command line', () => {
	it('measures every organization shape by default', () => {
		expect(parseOptions([]).shapes).toEqual(['spread', 'root', 'one-ou', 'deep']);
	});

	it('keeps CI short: --quick loads by shape only on the root shape, at the smallest size, once', () => {
		const options = parseOptions(['--quick']);
		expect(options.shapes).toEqual(['root']);
		expect(options.sizes).toEqual([1000]);
		expect(options.runs).toBe(1);
	});

	it('takes the shapes named, each once, and says which exist when one does not', () => {
		expect(parseOptions(['--shapes', 'deep, root,deep']).shapes).toEqual(['deep', 'root']);
		expect(parseOptions(['--shapes', 'none']).shapes).toEqual([]);
		expect(parseOptions(['--quick', '--shapes', 'one-ou']).shapes).toEqual(['one-ou']);
		expect(() => parseOptions(['--shapes', 'flat'])).toThrow(
			new UsageError('--shapes takes spread, root, one-ou, deep, not "flat".'),
		);
	});

	it("runs only the dashboard's starts on moto with --only-memory, which needs moto and no --only-shapes", () => {
		expect(parseOptions([]).onlyMemory).toBe(false);
		expect(parseOptions(['--only-memory', '--sizes', '10000']).onlyMemory).toBe(true);
		for (const other of ['--no-moto', '--only-shapes']) {
			expect(() => parseOptions(['--only-memory', other])).toThrow(
				new UsageError('--only-memory needs moto and goes without --only-shapes.'),
			);
		}
	});

	it('runs only the loads by shape with --only-shapes, which needs moto', () => {
		expect(parseOptions([]).onlyShapes).toBe(false);
		expect(parseOptions(['--only-shapes', '--shapes', 'root']).onlyShapes).toBe(true);
		expect(() => parseOptions(['--only-shapes', '--no-moto'])).toThrow(
			new UsageError('--only-shapes needs moto: leave out --no-moto.'),
		);
	});

	it('runs only the starts with --only-starts, not with --only-shapes', () => {
		expect(parseOptions([]).onlyStarts).toBe(false);
		expect(parseOptions(['--only-starts', '--sizes', '1000']).onlyStarts).toBe(true);
		expect(() => parseOptions(['--only-starts', '--only-shapes'])).toThrow(
			new UsageError('--only-shapes and --only-starts measure different things: choose one.'),
		);
	});

	it('runs only the key presses with --only-keys, not with another --only option', () => {
		expect(parseOptions([]).onlyKeys).toBe(false);
		expect(parseOptions(['--only-keys', '--sizes', '10000', '--runs', '3']).onlyKeys).toBe(true);
		for (const other of ['--only-shapes', '--only-starts', '--only-memory']) {
			expect(() => parseOptions(['--only-keys', other])).toThrow(
				new UsageError('--only-keys goes without --only-shapes, --only-starts and --only-memory.'),
			);
		}
	});
});

import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it, vi } from 'vitest';

const setFlagsFromString = vi.fn();
vi.mock('node:v8', () => ({ setFlagsFromString }));

const { DASHBOARD_HEAP_FLAGS, holdHeapGrowth } = await import('../source/young-generation.js');

describe("the dashboard's heap", () => {
	afterEach(() => setFlagsFromString.mockClear());

	it('holds the young generation at its starting size and the old one to 15 % above what it kept', () => {
		holdHeapGrowth();
		expect(setFlagsFromString.mock.calls.map(([flag]) => flag)).toEqual([
			'--semi-space-growth-factor=1',
			'--heap-growing-percent=15',
		]);
	});

	it("sets flags this Node's V8 knows (it ignores unknown ones without a word)", () => {
		const known = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
		for (const flag of DASHBOARD_HEAP_FLAGS) {
			const name = flag.slice(0, flag.indexOf('='));
			expect(known, name).toContain(`  ${name} (`);
		}
	});
});

/**
 * The layers, lowest first: domain <- org, store <- ui <- cli. A file imports
 * only from its own layer or lower ones. source/app.tsx (the screen router)
 * belongs to ui. tools/ (benchmark, build) may import the product and the
 * tests' support code; nothing imports tools/, and the product imports no test.
 * Run by `npm run deps` (and .ci/run).
 */
const UI = '^source/(ui/|app[.]tsx$)';
const CLI = '^source/cli[.]tsx$';

/** An import the check fails on: from files matching `from` to files matching `to`. */
function forbid(name, comment, from, to) {
	return { name, comment, severity: 'error', from, to };
}

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
	forbidden: [
		forbid(
			'domain-imports-only-domain',
			'domain/ is pure TypeScript: it imports nothing from the rest of the project.',
			{ path: '^source/domain/' },
			{ pathNot: '^source/domain/' },
		),
		forbid(
			'org-store-below-ui',
			'org/ and store/ serve ui/ and cli; they never import them.',
			{ path: '^source/(org|store)/' },
			{ path: [UI, CLI] },
		),
		forbid(
			'ui-below-cli',
			'ui/ (with app.tsx) is started by cli.tsx and never imports it.',
			{ path: UI },
			{ path: CLI },
		),
		forbid(
			'product-imports-no-tools-or-tests',
			'What ships (source/) never imports the benchmark, the build or the tests.',
			{ path: '^source/' },
			{ path: '^(tools|test)/' },
		),
		forbid(
			'tests-import-no-tools',
			'tools/ may use the tests’ support code, not the other way round.',
			{ path: '^test/' },
			{ path: '^tools/' },
		),
		forbid('no-circular', 'Modules that import each other, directly or through others.', {}, { circular: true }),
		forbid(
			'not-to-unresolvable',
			'An import the check cannot resolve is one it cannot judge.',
			{},
			{ couldNotResolve: true },
		),
	],
	options: {
		// Type-only imports count: a domain type taken from org/ is still a dependency on org/.
		tsPreCompilationDeps: true,
		tsConfig: { fileName: 'tsconfig.json' },
		doNotFollow: { path: 'node_modules' },
		// ESM-only packages (Ink, conf, meow) export through package.json "exports" conditions only.
		enhancedResolveOptions: {
			exportsFields: ['exports'],
			conditionNames: ['import', 'require', 'node', 'default', 'types'],
			mainFields: ['module', 'main', 'types', 'typings'],
		},
		exclude: { path: '^(dist|dist-tools)/' },
	},
};

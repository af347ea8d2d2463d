/**
 * The layers, lowest first: domain <- org, store <- ui <- cli. A file imports
 * only from its own layer or lower ones. source/app.tsx (the screen router)
 * belongs to ui. tools/ (benchmark, build) may import the product and the
 * tests' support code; nothing imports tools/, and the product imports no test.
 * Run by `npm run deps` (and .ci/run).
 */
const UI = '^source/(ui/|app[.]tsx$)';
const CLI = '^source/cli[.]tsx$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
	forbidden: [
		{
			name: 'domain-imports-only-domain',
			comment: 'domain/ is pure TypeScript: it imports nothing from the rest of the project.',
			severity: 'error',
			from: { path: '^source/domain/' },
			to: { pathNot: '^source/domain/' },
		},
		{
			name: 'org-store-below-ui',
			comment: 'org/ and store/ serve ui/ and cli; they never import them.',
			severity: 'error',
			from: { path: '^source/(org|store)/' },
			to: { path: [UI, CLI] },
		},
		{
			name: 'ui-below-cli',
			comment: 'ui/ (with app.tsx) is started by cli.tsx and never imports it.',
			severity: 'error',
			from: { path: UI },
			to: { path: CLI },
		},
		{
			name: 'product-imports-no-tools-or-tests',
			comment: 'What ships (source/) never imports the benchmark, the build or the tests.',
			severity: 'error',
			from: { path: '^source/' },
			to: { path: '^(tools|test)/' },
		},
		{
			name: 'tests-import-no-tools',
			comment: 'tools/ may use the tests’ support code, not the other way round.',
			severity: 'error',
			from: { path: '^test/' },
			to: { path: '^tools/' },
		},
		{
			name: 'no-circular',
			comment: 'Modules that import each other, directly or through others.',
			severity: 'error',
			from: {},
			to: { circular: true },
		},
		{
			name: 'not-to-unresolvable',
			comment: 'An import the check cannot resolve is one it cannot judge.',
			severity: 'error',
			from: {},
			to: { couldNotResolve: true },
		},
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

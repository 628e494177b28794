/**
 * The dependency rule (see README "Architecture"): dependencies point inward only.
 * Runs inside `npm test`, so a violation fails CI.
 */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment:
        'functions/core is the pure calculation core: it imports only itself (no npm packages, no node builtins, no adapters).',
      severity: 'error',
      from: { path: '^functions/core/' },
      to: { pathNot: '^functions/core/' },
    },
    {
      name: 'core-no-builtins',
      comment: 'functions/core may not use node builtins (fs, crypto, worker_threads, ...).',
      severity: 'error',
      from: { path: '^functions/core/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'templates-only-core-and-rendering',
      comment:
        'templates/ draws reports: it may import the core and rendering libraries, never adapters, handlers or the CLI.',
      severity: 'error',
      from: { path: '^templates/' },
      to: { path: '^functions/(adapters|handlers|shared|cli)/' },
    },
    {
      name: 'only-templates-import-pdfkit',
      comment: 'templates/ is the only importer of pdfkit.',
      severity: 'error',
      from: { pathNot: '^(templates/|test/)' },
      to: { path: 'node_modules/pdfkit/' },
    },
    {
      name: 'infra-refers-to-handlers-by-path-only',
      comment: 'infra/ refers to Lambda entry points by file path, never by import.',
      severity: 'error',
      from: { path: '^infra/' },
      to: { path: '^(functions|templates)/' },
    },
    {
      name: 'adapters-not-into-entry-points',
      comment: 'adapters implement core ports; they never import handlers or the CLI.',
      severity: 'error',
      from: { path: '^functions/adapters/' },
      to: { path: '^functions/(handlers|cli)/' },
    },
    {
      name: 'production-code-not-into-tests',
      severity: 'error',
      from: { path: '^(functions|templates|infra)/' },
      to: { path: '^test/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
    exclude: { path: '(^|/)(cdk\\.out|coverage|node_modules)/' },
  },
};

// Import rules `npm test` checks (npx depcruise src dashboards simulator test bench scripts): no cycles, the
// product free of tests, and one direction through the dashboards code (builders → panels → queries → config).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules importing each other, type-only imports included: derive the shared part into a third module.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment: 'An import nothing resolves to would also escape every rule below.',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'product-not-to-tests',
      severity: 'error',
      comment: 'What users run (src/, tests aside) imports nothing of the tests, the bench or the Node-side code.',
      from: { path: '^src/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^(test|bench|dashboards|simulator|scripts)/' },
    },
    {
      name: 'dashboards-config-at-the-bottom',
      severity: 'error',
      comment: 'The config knows no query, panel or builder.',
      from: { path: '^dashboards/config/' },
      to: { path: '^dashboards/', pathNot: '^dashboards/config/' },
    },
    {
      name: 'dashboards-queries-read-only-the-config',
      severity: 'error',
      comment: 'The query library is built on the config, and panels, builders and provisioning on it.',
      from: { path: '^dashboards/queries/' },
      to: { path: '^dashboards/', pathNot: '^dashboards/(queries|config)/' },
    },
    {
      name: 'dashboards-panels-below-builders',
      severity: 'error',
      from: { path: '^dashboards/panels/' },
      to: { path: '^dashboards/', pathNot: '^dashboards/(panels|queries|config)/' },
    },
    {
      name: 'dashboards-builders-below-the-table',
      severity: 'error',
      comment: 'Builders do not read the dashboards table (registry.ts) or the generator: the table imports them.',
      from: { path: '^dashboards/builders/' },
      to: { path: '^dashboards/', pathNot: '^dashboards/(builders|panels|queries|config)/' },
    },
    {
      name: 'simulator-without-react',
      severity: 'error',
      comment: "The simulator runs in Node: it may share the plugin's pure modules, never its views.",
      from: { path: '^simulator/' },
      to: {
        path: ['\\.tsx$', '(^|/)node_modules/(react|react-dom|@grafana/(ui|runtime|data|i18n))/'],
        reachable: true,
      },
    },
  ],
  options: {
    doNotFollow: { path: '(^|/)node_modules/' },
    exclude: { path: '(^|/)(node_modules|dist|test/\\.work)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    // Packages with subpath exports (@grafana/grafana-foundation-sdk/dashboard) resolve as TypeScript's bundler mode does.
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['types', 'import', 'require', 'node', 'default'],
      mainFields: ['types', 'typings', 'module', 'main'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};

// Import rules `npm test` checks (npx depcruise src dashboards simulator test bench scripts): no cycles, the
// product free of tests, and one direction through the dashboards code (builders → panels → queries → config).
/** Folders of dashboards/, bottom first. */
const DASHBOARD_LAYERS = ['config', 'queries', 'panels', 'builders'];

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
    ...DASHBOARD_LAYERS.map((layer, i) => ({
      name: `dashboards-${layer}-imports-only-below`,
      severity: 'error',
      comment:
        'In dashboards/, a layer imports its own and the ones below it; the dashboards table (registry.ts) sits on top.',
      from: { path: `^dashboards/${layer}/` },
      to: { path: '^dashboards/', pathNot: `^dashboards/(${DASHBOARD_LAYERS.slice(0, i + 1).join('|')})/` },
    })),
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

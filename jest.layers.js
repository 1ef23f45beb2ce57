// What the two jest layers share: how sources are transformed, and which tests in test/ are pure (they need
// neither dist/ nor a binary) and so run in the unit layer, before the build, rather than in the integration one.
// Both layers format dates in UTC.
process.env.TZ = 'UTC';
const scaffold = require('./.config/jest.config');
const { nodeModulesToTransform, grafanaESModules } = require('./.config/jest/utils');
const base = {
  ...scaffold,
  // @grafana/data 13 depends on @react-hookz/web and @ver0/deep-equal, which ship ES modules only.
  transformIgnorePatterns: [nodeModulesToTransform([...grafanaESModules, '@react-hookz', '@ver0'])],
  // React 19's browser build of react-dom/server (which @grafana/ui 13 imports) schedules through MessageChannel,
  // which jsdom lacks; its Node build schedules through setImmediate and needs no global.
  moduleNameMapper: { ...scaffold.moduleNameMapper, '^react-dom/server$': 'react-dom/server.node' },
};

module.exports = {
  base,
  transform: {
    ...base.transform,
    // d3-color and friends now ship .mjs entry points that the scaffold's transform does not match.
    '^.+\\.mjs$': ['@swc/jest', { jsc: { parser: { syntax: 'ecmascript' } }, module: { type: 'commonjs' } }],
  },
  pureTests: [
    'test/dashboards/static.test.ts',
    'test/dashboards/cli.test.ts',
    'test/dashboards/le.test.ts',
    'test/simulator/exposition-writer.test.ts',
    'test/simulator/topology.test.ts',
    'test/simulator/external.test.ts',
    'test/simulator/locality.test.ts',
  ],
};

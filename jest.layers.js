// What the two jest layers share: how sources are transformed, and which tests in test/ are pure (they need
// neither dist/ nor a binary) and so run in the unit layer, before the build, rather than in the integration one.
// Both layers format dates in UTC.
process.env.TZ = 'UTC';
const base = require('./.config/jest.config');

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
    'test/simulator/exposition-writer.test.ts',
    'test/simulator/topology.test.ts',
  ],
};

// Unit layer: pure code and components under src/, in jsdom (the scaffold's config, extended beside it).
process.env.TZ = 'UTC';
const base = require('./.config/jest.config');

module.exports = {
  ...base,
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: {
    ...base.transform,
    // d3-color and friends now ship .mjs entry points that the scaffold's transform does not match.
    '^.+\\.mjs$': ['@swc/jest', { jsc: { parser: { syntax: 'ecmascript' } }, module: { type: 'commonjs' } }],
  },
};

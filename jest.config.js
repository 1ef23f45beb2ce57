// Unit layer: pure code and components under src/ in jsdom (the scaffold's config, extended beside it), and the
// pure tests of dashboards/ and simulator/ in Node (listed in jest.layers.js).
const { base, transform, pureTests } = require('./jest.layers');

module.exports = {
  projects: [
    {
      ...base,
      displayName: 'src',
      rootDir: __dirname,
      testPathIgnorePatterns: ['/node_modules/', '/dist/'],
      transform,
    },
    {
      displayName: 'dashboards and simulator',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: pureTests.map((t) => `<rootDir>/${t}`),
      transform,
      transformIgnorePatterns: base.transformIgnorePatterns,
      moduleNameMapper: base.moduleNameMapper,
    },
  ],
};

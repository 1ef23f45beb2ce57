// Integration layer: the built plugin, schemas, a real Prometheus, the simulator and Chromium.
// Runs after `npm run build`, in Node, one file at a time (each may start servers on loopback).
const path = require('path');
const { base, transform, pureTests } = require('../jest.layers');

module.exports = {
  rootDir: path.resolve(__dirname, '..'),
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // The pure ones run in the unit layer (jest.config.js).
  testPathIgnorePatterns: ['/node_modules/', ...pureTests.map((t) => `<rootDir>/${t}`)],
  transform,
  transformIgnorePatterns: base.transformIgnorePatterns,
  moduleNameMapper: base.moduleNameMapper,
  testTimeout: 120000,
};

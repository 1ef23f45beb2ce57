// Integration layer: the built plugin, schemas, a real Prometheus, the simulator and Chromium.
// Runs after `npm run build`, in Node, one file at a time (each may start servers on loopback).
const path = require('path');
const unit = require('../jest.config');

module.exports = {
  rootDir: path.resolve(__dirname, '..'),
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  transform: unit.transform,
  transformIgnorePatterns: unit.transformIgnorePatterns,
  moduleNameMapper: unit.moduleNameMapper,
  testTimeout: 120000,
};

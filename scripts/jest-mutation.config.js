// The jest configuration of the mutation run (stryker.config.json): the repository's own, with
// the phase-level tests (test/private) and the construct tests of app clients and managed login
// (the checks of the pool's other children), no coverage and no JUnit report.
const path = require('path');
const base = require('../package.json').jest;

module.exports = {
  ...base,
  rootDir: path.join(__dirname, '..'),
  testMatch: ['<rootDir>/test/private/**/*.test.ts', '<rootDir>/test/app-client.test.ts', '<rootDir>/test/managed-login.test.ts'],
  collectCoverage: false,
  reporters: ['default'],
};

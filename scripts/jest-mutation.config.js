// The jest configuration of the mutation run (stryker.config.json): the repository's own, with
// only the phase-level tests (test/private), no coverage and no JUnit report.
const path = require('path');
const base = require('../package.json').jest;

module.exports = {
  ...base,
  rootDir: path.join(__dirname, '..'),
  testMatch: ['<rootDir>/test/private/**/*.test.ts'],
  collectCoverage: false,
  reporters: ['default'],
};

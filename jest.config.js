// Unit tests isolate pure logic; the other projects run against a real stack (embedded
// PostgreSQL, Temporal dev server, worker and API processes) started once per run by the global
// setup through the same code path as `npm start` (the chaos and fuzz suites start their own).
// `npm run test:unit` selects the unit project alone and starts nothing.
// KESOS_TEST_ORDER=reverse|shuffle reorders the suites (see tests/support/sequencer.js).
/** @type {import('jest').Config} */
const common = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  transform: { '^.+\\.tsx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
};
const withStack = {
  ...common,
  globalSetup: '<rootDir>/tests/support/globalSetup.ts',
  globalTeardown: '<rootDir>/tests/support/globalTeardown.ts',
};

module.exports = {
  verbose: true,
  testTimeout: 120_000,
  testSequencer: '<rootDir>/tests/support/sequencer.js',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    { ...withStack, displayName: 'integration', testMatch: ['<rootDir>/tests/integration/**/*.test.ts'] },
    { ...withStack, displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'] },
    { ...common, displayName: 'chaos', testMatch: ['<rootDir>/tests/chaos/**/*.test.ts'] },
    { ...common, displayName: 'fuzz', testMatch: ['<rootDir>/tests/fuzz/**/*.test.ts'] },
  ],
};

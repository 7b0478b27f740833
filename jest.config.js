// Unit tests isolate pure logic; integration tests run against a real stack (embedded PostgreSQL,
// Temporal dev server, worker and API processes) started once by the global setup through the
// same code path as `npm start`.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.tsx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  globalSetup: '<rootDir>/tests/support/globalSetup.ts',
  globalTeardown: '<rootDir>/tests/support/globalTeardown.ts',
  testTimeout: 120_000,
  verbose: true,
};

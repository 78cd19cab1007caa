/**
 * One Jest configuration for the whole monorepo. Everything is ESM (client-node 1.x is ESM-only),
 * so Jest runs with --experimental-vm-modules and ts-jest transpiles each file on its own
 * (type-checking is the build's job: `npm test` builds first).
 * @type {import('jest').Config}
 */
export default {
  testEnvironment: 'node',
  roots: [
    '<rootDir>/core/src',
    '<rootDir>/cli/src',
    '<rootDir>/providers',
    '<rootDir>/test/src',
    '<rootDir>/bench',
  ],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^@tessera/core$': '<rootDir>/core/src/index.ts',
    '^@tessera/core/testing$': '<rootDir>/core/src/testing/index.ts',
    '^@tessera/provider-([a-z0-9-]+)$': '<rootDir>/providers/$1/src/index.ts',
    '^@tessera/test$': '<rootDir>/test/src/index.ts',
    '^@tessera/test/(.*)$': '<rootDir>/test/src/$1',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.jest.json' }],
  },
  testTimeout: 30000,
};

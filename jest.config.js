export default {
  testEnvironment: 'node',
  // CI machines share two cores between jest workers, the sandbox, Redis and Chromium: a test that takes 0.6 s alone
  // took over 5 s there. Timeouts catch hangs, not slowness (performance is measured by npm run bench).
  testTimeout: 60_000,
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true }] },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
};

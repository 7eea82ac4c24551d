import { defineConfig } from 'vitest/config';

/**
 * `npm run test:reliability`: crash, fault and load tests (tests/reliability/). They start daemons as
 * child processes and kill them, so files run one at a time; each test bounds its own waits.
 */
export default defineConfig({
  test: {
    include: ['tests/reliability/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
  },
});

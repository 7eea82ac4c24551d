import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['daemon/**/*.test.ts', 'shared/**/*.test.ts', 'web/**/*.test.ts', 'edge/**/*.test.ts', 'tests/**/*.test.ts'],
    // The reliability suite (kills, faults, load) has its own run: npm run test:reliability.
    exclude: [...configDefaults.exclude, 'tests/reliability/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});

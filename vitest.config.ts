import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // End-to-end tests drive the built CLI in tmux; on two cores they need room.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // vitest leaves one core free by default, which on two cores means one file at a time;
    // most files wait on child processes and terminals, so two at once fit.
    maxWorkers: 2,
    minWorkers: 1,
  },
});

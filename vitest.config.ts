import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // End-to-end tests drive the built CLI in tmux; on two cores they need room.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Each worker imports the modules once for all its files instead of once per file
    // (collecting took 15 s of a 100 s run). No test mocks a module or depends on a first
    // load; what modules keep between calls is memos of pure functions, and every test
    // passes its own context (clock, folders, environment) to what it runs.
    isolate: false,
    // vitest leaves one core free by default, which on two cores means one file at a time;
    // most files wait on child processes and terminals, so two at once fit.
    maxWorkers: 2,
    minWorkers: 1,
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Test files share their worker's module cache instead of re-importing discord.js, the
    // compiled Discord schema (test/discord/discordRules.ts), WordNet and the engine per file: on
    // the 2-core CI machine that import time was about half of the suite. What a file builds
    // itself stays its own: seedKb() (test/helpers.ts) is one base per file, and files that change
    // process.env or add process listeners put them back in afterAll.
    isolate: false,
  },
});

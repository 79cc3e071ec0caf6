import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (file: string) => fileURLToPath(new URL(`./src/${file}`, import.meta.url));

export default defineConfig({
  // Tests (and README examples run as tests) may import the package by name, as users do.
  resolve: {
    alias: [
      { find: /^stripe-customers\/msw$/, replacement: src('msw.ts') },
      { find: /^stripe-customers\/node$/, replacement: src('node.ts') },
      { find: /^stripe-customers\/openapi-fetch$/, replacement: src('openapi-fetch.ts') },
      { find: /^stripe-customers$/, replacement: src('index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts', 'examples/**/*.test.ts'],
    // Seeds fast-check for every file: property tests never run on a random seed in CI.
    setupFiles: ['test/support/seed.ts'],
    typecheck: { include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    testTimeout: 20_000,
  },
});

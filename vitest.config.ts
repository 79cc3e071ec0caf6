import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (file: string) => fileURLToPath(new URL(`./src/${file}`, import.meta.url));

// `*.slow.test.ts` files spawn tsc or build TypeScript programs over whole outputs: `npm test` leaves
// them out to stay quick, `npm run test:slow` (SLOW_TESTS=1) runs only them, and CI runs both.
const slow = process.env['SLOW_TESTS'] === '1';

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
    include: slow ? ['test/**/*.slow.test.ts'] : ['test/**/*.test.ts', 'examples/**/*.test.ts'],
    exclude: slow ? [] : ['**/node_modules/**', '**/*.slow.test.ts'],
    // Seeds fast-check for every file: property tests never run on a random seed in CI.
    setupFiles: ['test/support/seed.ts'],
    typecheck: { enabled: !slow, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    testTimeout: 20_000,
  },
});

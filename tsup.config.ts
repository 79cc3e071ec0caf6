import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts', msw: 'src/msw.ts', node: 'src/node.ts', schemas: 'generated/schemas.ts' },
    format: ['esm', 'cjs'],
    // Types keep every description and @example from the source and generated/.
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'es2022',
    external: ['msw'],
  },
  {
    // The `stripe-customers mock` bin's server, ESM only (it runs as a program, not imported).
    entry: { 'mock-server': 'scripts/mock-server.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
  },
]);

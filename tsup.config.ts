import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts', msw: 'src/msw.ts', schemas: 'generated/schemas.ts' },
    format: ['esm', 'cjs'],
    // rollup-plugin-dts cannot parse the declarations tsc prints when a JSDoc comment lands inside an
    // indexed access type (`components["schemas"] /** ... */ ["customer"]`), so comments are removed
    // from the bundled .d.ts for now; the source and generated/ keep every description.
    dts: { compilerOptions: { removeComments: true } },
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

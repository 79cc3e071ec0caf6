import { defineConfig } from 'tsup';

/** The package's entry points, each with its types. */
const entry = {
  index: 'src/index.ts',
  msw: 'src/msw.ts',
  node: 'src/node.ts',
  'openapi-fetch': 'src/openapi-fetch.ts',
  schemas: 'generated/schemas.ts',
};

export default defineConfig([
  {
    // index.node is the main entry as Node.js resolves it (package.json's `node` condition): the
    // same exports, with createClient sending over node:http by default. Built with the others, so
    // both share one copy of every class in the ESM chunks; it has no types of its own, because the
    // condition points at index.d.ts, and the types are the same whichever runtime resolves.
    entry: { ...entry, 'index.node': 'src/client/node-entry.ts' },
    format: ['esm', 'cjs'],
    // One copy of the shared code for CommonJS too, as for ESM: without it every CommonJS entry
    // carried the whole client and its schemas (half the package), and `require('stripe-customers')`
    // and `require('stripe-customers/node')` had different error classes.
    splitting: true,
    // Types keep every description and @example from the source and generated/.
    dts: { entry },
    clean: true,
    // No source maps: they were half the unpacked package, and the output is readable as it is.
    sourcemap: false,
    target: 'es2022',
    external: ['msw', 'openapi-fetch'],
  },
  {
    // The bin's programs, ESM only (they run, they are not imported): `stripe-customers mock`'s
    // server and `stripe-customers generate`'s CLI. The generator's yaml parser is bundled in (a
    // devDependency, so tsup bundles it); openapi-typescript, typescript and prettier are optional
    // peers, imported at run time from the user's install (scripts/lib/peers.ts).
    entry: { 'mock-server': 'scripts/mock-server.ts', generate: 'scripts/generate-cli.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    external: ['openapi-typescript', 'typescript', 'prettier'],
    // yaml's Node build is CommonJS and requires `process`; in an ESM bundle that require needs a
    // real `require` to call.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  },
]);

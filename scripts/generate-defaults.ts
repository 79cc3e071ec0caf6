/** The spec and output folders the generator uses when no flags are given. */
export const DEFAULTS = { spec: 'spec/customers.openapi.yaml', out: 'generated', docs: 'docs' } as const;

/**
 * Lago's customer API (spec/lago/, OpenAPI 3.1 across two files), generated with the installed
 * command into the Lago example's folder, its helper types from this repository's src/. No
 * reference pages. `check:generated` checks it is fresh; `regenerate` is the command that makes it.
 */
export const LAGO = {
  spec: 'spec/lago/customers.openapi.yaml',
  out: 'examples/lago/generated',
  runtime: '../../../src/index.js',
  command: 'npx stripe-customers generate',
  regenerate:
    'node bin/stripe-customers.mjs generate --spec spec/lago/customers.openapi.yaml --out examples/lago/generated --runtime ../../../src/index.js',
} as const;

#!/usr/bin/env node
// `stripe-customers mock --port <n>`: runs the mock server. An installed package runs the built
// dist/mock-server.js; in this repository (not built in CI) it loads scripts/mock-server.ts through
// tsx (a devDependency, present after `npm ci`), registered in this process rather than spawned, so
// Ctrl+C and SIGTERM reach the server directly.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const USAGE = `Usage: stripe-customers mock [--port <n>] [--host <address>] [--require-api-key] [--max-body-bytes <n>] [--max-objects <n>]
  Serves a stateful mock of Stripe's Customers API over HTTP on 127.0.0.1 until stopped.
  Run "stripe-customers mock --help" for the options.`;

const [command, ...args] = process.argv.slice(2);
if (command !== 'mock') {
  (command === undefined || command === '--help' ? console.log : console.error)(USAGE);
  process.exit(command === undefined || command === '--help' ? 0 : 1);
}

const built = new URL('../dist/mock-server.js', import.meta.url);
let main;
if (existsSync(fileURLToPath(built))) {
  ({ main } = await import(built.href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../scripts/mock-server.ts'));
}
main(args).catch((error) => {
  console.error(`stripe-customers mock: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

#!/usr/bin/env node
// `stripe-customers mock --port <n>`: runs scripts/mock-server.ts. The package is not built in CI,
// so this loads the TypeScript source through tsx (a devDependency, present after `npm ci`),
// registered in this process rather than spawned, so Ctrl+C and SIGTERM reach the server directly.
import { register } from 'tsx/esm/api';

const USAGE = `Usage: stripe-customers mock [--port <n>] [--host <address>] [--require-api-key]
  Serves a stateful mock of Stripe's Customers API over HTTP on 127.0.0.1 until stopped.
  Run "stripe-customers mock --help" for the options.`;

const [command, ...args] = process.argv.slice(2);
if (command !== 'mock') {
  (command === undefined || command === '--help' ? console.log : console.error)(USAGE);
  process.exit(command === undefined || command === '--help' ? 0 : 1);
}

register();
const { main } = await import('../scripts/mock-server.ts');
main(args).catch((error) => {
  console.error(`stripe-customers mock: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

#!/usr/bin/env node
// `stripe-customers mock --port <n>`: runs the mock server. In this repository, where
// scripts/mock-server.ts exists (the package ships only dist/ and bin/), it loads that source
// through tsx (a devDependency, present after `npm ci`), so a dist/ left by an earlier build never
// runs stale code; an installed package runs the built dist/mock-server.js. Either is imported
// into this process rather than spawned, so Ctrl+C and SIGTERM reach the server directly. The
// server's `main` names the installed command (`npx stripe-customers mock`) in its usage by default.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const USAGE = `Usage: npx stripe-customers mock [--port <n>] [--host <address>] [--require-api-key] [--max-body-bytes <n>] [--max-objects <n>]
  Serves a stateful mock of Stripe's Customers API (test keys only) over HTTP on 127.0.0.1:12115
  until stopped; 12115 leaves stripe-mock's 12111 free, so both can run.
  Run "npx stripe-customers mock --help" for the options.`;

const [command, ...args] = process.argv.slice(2);
if (command !== 'mock') {
  const help = command === undefined || command === '--help' || command === '-h';
  (help ? console.log : console.error)(help ? USAGE : `stripe-customers: unknown command '${command}'\n\n${USAGE}`);
  process.exit(help ? 0 : 1);
}

const source = new URL('../scripts/mock-server.ts', import.meta.url);
let main;
if (existsSync(fileURLToPath(source))) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import(source.href));
} else {
  ({ main } = await import(new URL('../dist/mock-server.js', import.meta.url).href));
}
main(args).catch((error) => {
  console.error(`stripe-customers mock: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

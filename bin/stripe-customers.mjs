#!/usr/bin/env node
// `stripe-customers mock --port <n>` runs the mock server; `stripe-customers generate --spec <file>
// --out <folder>` runs the generator. In this repository, where scripts/ exists (the package ships
// only dist/ and bin/), each loads its TypeScript source through tsx (a devDependency, present
// after `npm ci`), so a dist/ left by an earlier build never runs stale code; an installed package
// runs the built dist/mock-server.js or dist/generate.js. Either is imported into this process
// rather than spawned, so Ctrl+C and SIGTERM reach the server directly. Each names the installed
// command (`npx stripe-customers mock`, `npx stripe-customers generate`) in its usage by default.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const USAGE = `Usage: npx stripe-customers mock [--port <n>] [--host <address>] [--require-api-key] [--max-body-bytes <n>] [--max-objects <n>]
  Serves a stateful mock of Stripe's Customers API (test keys only) over HTTP on 127.0.0.1:12115
  until stopped; 12115 leaves stripe-mock's 12111 free, so both can run.
       npx stripe-customers generate --spec <file> [--ops <operationId|/path/prefix>[,...]] --out <folder> [--docs <folder>] [--runtime <specifier>]
  Generates types, zod schemas, the operation table, methods and (with --docs) reference pages from
  an OpenAPI 3.0 or 3.1 spec, for this package's client and its openapi-fetch middleware.
  Run "npx stripe-customers mock --help" or "npx stripe-customers generate --help" for the options.`;

/** Each command's TypeScript source in this repository, and its build in an installed package. */
const COMMANDS = {
  mock: { source: '../scripts/mock-server.ts', built: '../dist/mock-server.js' },
  generate: { source: '../scripts/generate-cli.ts', built: '../dist/generate.js' },
};

const [command, ...args] = process.argv.slice(2);
if (!Object.hasOwn(COMMANDS, command ?? '')) {
  const help = command === undefined || command === '--help' || command === '-h';
  (help ? console.log : console.error)(help ? USAGE : `stripe-customers: unknown command '${command}'\n\n${USAGE}`);
  process.exit(help ? 0 : 1);
}

const source = new URL(COMMANDS[command].source, import.meta.url);
let main;
if (existsSync(fileURLToPath(source))) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import(source.href));
} else {
  ({ main } = await import(new URL(COMMANDS[command].built, import.meta.url).href));
}
if (command === 'generate') {
  // The generator reports its own errors and resolves to the exit code.
  process.exitCode = await main(args);
} else {
  main(args).catch((error) => {
    console.error(`stripe-customers ${command}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}

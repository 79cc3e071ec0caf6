// `npm run generate`: the generator's command with this repository's defaults (spec/ into
// generated/ and docs/, the helper types from src/). `npx stripe-customers generate` is the same
// command for installed users (generate-cli.ts, through bin/stripe-customers.mjs).
import { main, REPOSITORY } from './generate-cli.js';

process.exitCode = await main(process.argv.slice(2), REPOSITORY);

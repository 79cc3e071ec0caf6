// Every TypeScript example in the README compiles against the package as users import it. Examples
// may leave out what the surrounding prose provides (a `stripe` client); the prelude declares just
// that. It builds a TypeScript program, so it runs in the slow lane (npm run test:slow, which CI runs).
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { readmeExamples, ROOT } from './support/readme.js';

const blocks = readmeExamples;

/** Names the prose gives every example: a client, and the package's exports as globals. */
const PRELUDE = `
import type { StripeCustomersClient } from 'stripe-customers';
declare global {
  const stripe: StripeCustomersClient;
  const createClient: typeof import('stripe-customers').createClient;
}
export {};
`;

function compile(files: Record<string, string>): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(`${ROOT}tsconfig.json`, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const options = { ...config.options, noEmit: true, noUnusedLocals: false };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  const exists = host.fileExists.bind(host);
  host.readFile = (name) => files[name] ?? read(name);
  host.fileExists = (name) => name in files || exists(name);
  const program = ts.createProgram(Object.keys(files), options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file && d.file.fileName in files)
    .map((d) => `${d.file!.fileName.replace(ROOT, '')}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

describe('the README', () => {
  it('examples all type-check against the package', () => {
    const files: Record<string, string> = { [`${ROOT}test/readme-prelude.d.mts`]: PRELUDE };
    blocks.forEach((code, i) => (files[`${ROOT}test/readme-example-${i + 1}.mts`] = `${code}\nexport {};\n`));
    expect(compile(files)).toEqual([]);
  }, 60_000);

});

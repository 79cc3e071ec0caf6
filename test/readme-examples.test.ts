// Every TypeScript example in the README compiles against the package as users import it, and the
// mock-kit example is the very file test/mock/readme-example.test.ts runs. Examples may leave out
// what the surrounding prose provides (a `stripe` client); the prelude below declares just that.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const readme = readFileSync(`${ROOT}README.md`, 'utf8');
// A block may sit indented inside a list item; its lines carry that indentation.
const blocks = [...readme.matchAll(/^( *)```ts\n([\s\S]*?)^ *```/gm)].map(([, indent, code]) =>
  code!.split('\n').map((line) => (line.startsWith(indent!) ? line.slice(indent!.length) : line)).join('\n'),
);

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
  it('has TypeScript examples', () => {
    expect(blocks.length).toBeGreaterThan(10);
  });

  it('examples all type-check against the package', () => {
    const files: Record<string, string> = { [`${ROOT}test/readme-prelude.d.mts`]: PRELUDE };
    blocks.forEach((code, i) => (files[`${ROOT}test/readme-example-${i + 1}.mts`] = `${code}\nexport {};\n`));
    expect(compile(files)).toEqual([]);
  }, 60_000);

  it('mock-kit example is the file the tests run, line for line', () => {
    const file = readFileSync(`${ROOT}test/mock/readme-example.test.ts`, 'utf8');
    const lines = file.split('\n');
    const body = lines.slice(lines.findIndex((line) => !line.startsWith('//'))).join('\n').trim();
    expect(blocks.map((b) => b.trim())).toContain(body);
  });
});

describe('the README links', () => {
  it('all point at a heading of the README itself, so they work on npm and in an installed package', () => {
    const anchors = new Set(
      [...readme.matchAll(/^#+ (.+)$/gm)].map((m) => m[1]!.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-')),
    );
    const links = [...readme.replace(/```[\s\S]*?```/g, '').matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((link) => !link.startsWith('#') || !anchors.has(link.slice(1)))).toEqual([]);
  });
});

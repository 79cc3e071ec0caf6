// How generated code is laid out: prettier for a file a person reads, indentation by bracket
// nesting for one too big to read (a whole spec's schemas.ts); how the generator's optional peers
// are loaded and named when missing; and what generated prose calls the API.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatCode, PRETTIER_MAX_CHARS } from '../../scripts/lib/format.js';
import { indentByNesting } from '../../scripts/lib/layout.js';
import { apiName } from '../../scripts/lib/names.js';
import { GENERATOR_PEERS, installCommand, missingPackage } from '../../scripts/lib/peers.js';
import { jsonErrorOffset } from '../../scripts/lib/parse-spec.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('indentByNesting', () => {
  it.each([
    [
      'an object shape',
      'export const A = z.looseObject({\nid: z.string(),\n});',
      'export const A = z.looseObject({\n  id: z.string(),\n});',
    ],
    [
      'a getter inside a shape',
      'const B = z.object({\nget a() { return A; },\nc: z.union([\nz.string(),\n]),\n});',
      'const B = z.object({\n  get a() { return A; },\n  c: z.union([\n    z.string(),\n  ]),\n});',
    ],
    [
      'a doc comment keeps its star column',
      'const C = {\n/**\n* Says (what.\n*/\nd: 1,\n};',
      'const C = {\n  /**\n   * Says (what.\n   */\n  d: 1,\n};',
    ],
    [
      'brackets in strings and line comments do not count',
      'x({\na: \'({[\',\nb: "}", // ) ]\n});',
      'x({\n  a: \'({[\',\n  b: "}", // ) ]\n});',
    ],
    ['blank lines stay blank, existing indentation is replaced', 'f(\n\n      g,\n)', 'f(\n\n  g,\n)'],
  ])('%s', (_, given, want) => {
    expect(indentByNesting(given)).toBe(want);
  });
});

describe('formatCode', () => {
  it('runs prettier on a file a person reads', async () => {
    expect(await formatCode('const a={b:"c"}')).toBe("const a = { b: 'c' };\n");
  });

  it('only indents a file over the limit, in well under a second a megabyte', async () => {
    const line = 'export const A = z.looseObject({\nid: z.string(),\n});\n';
    const big = line.repeat(Math.ceil((PRETTIER_MAX_CHARS + 1) / line.length));
    const started = performance.now();
    const out = await formatCode(big);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(out.startsWith('export const A = z.looseObject({\n  id: z.string(),\n});\n')).toBe(true);
    expect(out.endsWith('});\n')).toBe(true);
  });
});

describe('optional peers', () => {
  it.each([
    [{ code: 'ERR_MODULE_NOT_FOUND', message: "Cannot find package 'prettier' imported from /x/format.js" }, 'prettier'],
    [
      { code: 'ERR_MODULE_NOT_FOUND', message: "Cannot find package 'typescript' imported from /x/openapi-typescript/dist/lib/ts.mjs" },
      'typescript',
    ],
    [{ code: 'ERR_MODULE_NOT_FOUND', message: "Cannot find package '@redocly/openapi-core' imported from /x" }, '@redocly/openapi-core'],
    [{ code: 'ERR_REQUIRE_ESM', message: "Cannot find package 'prettier'" }, undefined],
    [new Error('boom'), undefined],
  ])('missingPackage(%j)', (error, want) => {
    expect(missingPackage(error)).toBe(want);
  });

  it("are package.json's optional peers, with the same ranges", async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
      peerDependencies: Record<string, string>;
      peerDependenciesMeta: Record<string, { optional?: boolean }>;
    };
    for (const [name, range] of Object.entries(GENERATOR_PEERS)) {
      expect(pkg.peerDependencies[name], name).toBe(range);
      expect(pkg.peerDependenciesMeta[name]?.optional, name).toBe(true);
    }
  });

  it('names what to install', () => {
    expect(installCommand()).toBe("npm install --save-dev openapi-typescript@^7.13.0 'typescript@>=5.0.0' prettier@^3.0.0");
  });

  it('loading a missing peer fails naming it and the install command', async () => {
    const script = `import('./scripts/lib/peers.ts').then((m) => m.loadPeer('openapi-typescript-not-installed')).catch((e) => { console.error(e.message); process.exit(3); })`;
    const run = promisify(execFile)(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT });
    const failure = (await run.then(
      () => undefined,
      (e: unknown) => e,
    )) as { code: number; stderr: string };
    expect(failure.code).toBe(3);
    expect(failure.stderr).toContain(
      'openapi-typescript-not-installed is not installed: the generator needs it, and it is an optional peer dependency of stripe-customers',
    );
    expect(failure.stderr).toContain(installCommand());
  }, 30_000);
});

describe('apiName', () => {
  it.each([
    ['Stripe API', 'Stripe'],
    ['Lago API', 'Lago'],
    ['Petstore', 'Petstore'],
    ['API', 'API'],
    ['Two\nlines */ API', 'Two lines *\\/'],
  ])('%j is %j', (title, want) => {
    expect(apiName(title)).toBe(want);
  });
});

describe('jsonErrorOffset', () => {
  it.each([
    ['{"a": 1}', -1],
    ['{"a": }', 6],
    ['{"a": 1,}', 8],
    ['[1, 2', 5],
    ['{"a": tru}', 6],
    ['{"a": "x\ny"}', 8],
    ['{} x', 3],
  ])('%j', (text, want) => {
    expect(jsonErrorOffset(text)).toBe(want);
  });
});

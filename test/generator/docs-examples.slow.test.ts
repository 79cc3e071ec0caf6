// Every example on the committed operation pages (docs/operations/, which check:generated holds to a
// fresh generation) type-checks against the client in src/. It spawns tsc, so it runs in the slow
// lane (npm run test:slow, which CI runs).
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/generator-output.js';
import { typeCheck } from '../support/type-check.js';

let project: Record<string, string> = {};
beforeAll(async () => {
  const dir = join(ROOT, 'docs/operations');
  for (const name of await readdir(dir)) project[`operations/${name}`] = await readFile(join(dir, name), 'utf8');
});

describe('the examples compile against the client in src/', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'docs-examples-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('type-checks every ts block of every operation page', async () => {
    const blocks = Object.entries(project).flatMap(([name, markdown]) =>
      [...markdown.matchAll(/```ts\n([\s\S]*?)```/g)].map((m, i) => [`${posix.basename(name, '.md')}-${i}.mts`, `${m[1]!}export {};\n`]),
    );
    expect(blocks.length).toBe(47);
    for (const [file, source] of blocks) await writeFile(join(dir, file!), source!);
    const compilerOptions = {
      strict: true,
      noUncheckedIndexedAccess: true,
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      target: 'ES2022',
      lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      skipLibCheck: true,
      noEmit: true,
      noUnusedLocals: false,
      typeRoots: [join(ROOT, 'node_modules/@types')],
      types: ['node'],
      paths: { 'stripe-customers': [join(ROOT, 'src/index.ts')] },
    };
    await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['*.mts'] }));
    // tsc's own report, not just "Command failed", when an example stops compiling.
    const compile = () => {
      try {
        typeCheck(dir);
      } catch (error) {
        throw new Error(String((error as { stdout?: unknown }).stdout));
      }
    };
    expect(compile).not.toThrow();
  }, 60_000);
});


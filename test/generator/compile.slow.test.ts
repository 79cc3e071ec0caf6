// The generator's output, compiled: the fixtures' output under strict settings, the declarations tsc
// emits for the project's generated/ (what the published .d.ts is built from), and the Lago example's
// output. Each spawns tsc, so they run in the slow lane (npm run test:slow, which CI runs).
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, writeFixtureOutputs, type FixtureOutputs } from '../support/generator-output.js';
import { checkDeclarations, typeCheck, writeStrictTsconfig } from '../support/type-check.js';

let outputs: FixtureOutputs;
beforeAll(async () => {
  outputs = await writeFixtureOutputs();
}, 60_000);
afterAll(() => outputs.remove());

describe('type-checking the emitted files', () => {
  it('the stripe-like output compiles under strict + noUncheckedIndexedAccess', () => {
    expect(() => typeCheck(join(outputs.out, 'stripe-like'))).not.toThrow();
  }, 60_000);

  it('the request-ref output (with un-annotated Params schemas) compiles', () => {
    expect(() => typeCheck(join(outputs.out, 'request-ref'))).not.toThrow();
  }, 60_000);

  it("the declarations tsc emits for the project's generated/ parse and check on their own", async () => {
    const dir = join(outputs.out, 'own-declarations');
    await mkdir(dir, { recursive: true });
    // methods.ts is left out: it reads the client's helper types from src/, which check:package
    // checks in the published declarations.
    for (const name of (await readdir(join(ROOT, 'generated'))).filter((f) => f.endsWith('.ts') && f !== 'methods.ts')) {
      await writeFile(join(dir, name), await readFile(join(ROOT, 'generated', name)));
    }
    await writeStrictTsconfig(dir);
    await expect(checkDeclarations(dir)).resolves.toBeUndefined();
  }, 60_000);
});

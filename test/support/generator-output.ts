import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateFiles, type GenerateResult } from '../../scripts/lib/generate.js';
import { writeStrictTsconfig } from './type-check.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const STRIPE_LIKE = join(ROOT, 'test/generator/fixtures/stripe-like.json');
export const REQUEST_REF = join(ROOT, 'test/generator/fixtures/request-ref.json');
/** Written to a temporary folder, the methods files reach the client's helper types by absolute path. */
export const RUNTIME = join(ROOT, 'src/index.js');

/** The generator's output for the two fixture specs, written into a temporary folder. */
export interface FixtureOutputs {
  out: string;
  customers: GenerateResult;
  requestRef: GenerateResult;
  remove(): Promise<void>;
}

/**
 * Generates the stripe-like fixture (its customer operations) and the request-ref fixture, and
 * writes each into `<out>/stripe-like` and `<out>/request-ref` with a tsconfig as strict as the
 * project's. One node_modules serves both (module resolution walks up); "type": "module" makes them ESM.
 */
export async function writeFixtureOutputs(): Promise<FixtureOutputs> {
  const customers = await generateFiles(STRIPE_LIKE, ['/v1/customers'], RUNTIME);
  const requestRef = await generateFiles(REQUEST_REF, [], RUNTIME);
  const out = await mkdtemp(join(tmpdir(), 'generator-test-'));
  await symlink(join(ROOT, 'node_modules'), join(out, 'node_modules'), 'dir');
  await writeFile(join(out, 'package.json'), JSON.stringify({ type: 'module' }));
  for (const [dir, result] of [['stripe-like', customers], ['request-ref', requestRef]] as const) {
    await mkdir(join(out, dir));
    for (const [name, code] of Object.entries(result.files)) await writeFile(join(out, dir, name), code);
    await writeStrictTsconfig(join(out, dir));
  }
  return { out, customers, requestRef, remove: () => rm(out, { recursive: true, force: true }) };
}

import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { $ZodType } from 'zod/v4/core';

// An experiment for the validation benchmark: the generated schemas, unchanged except that they are
// built with classic `zod` instead of `zod/mini`. Both share zod/v4/core, but classic objects are
// `$ZodObjectJIT` (a parser compiled per shape) while zod/mini objects are the interpreted
// `$ZodObject`, so this isolates what the JIT buys. Classic has no `z.minimum`/`z.maximum` check
// functions; `z.gte`/`z.lte` are the same checks. The copy lives in a temp folder (with this
// project's node_modules linked in) and runs through tsx like any other .ts file.

const root = resolve(import.meta.dirname, '../..');

/** The generated schemas module, rebuilt on classic zod. */
export async function loadClassicZodSchemas(): Promise<Record<string, $ZodType>> {
  const source = await readFile(join(root, 'generated/schemas.ts'), 'utf8');
  const classic = source
    .replace("import * as z from 'zod/mini';", "import * as z from 'zod';")
    .replaceAll('z.minimum(', 'z.gte(')
    .replaceAll('z.maximum(', 'z.lte(');
  if (classic === source) throw new Error('generated/schemas.ts no longer imports zod/mini as expected');
  const dir = await mkdtemp(join(tmpdir(), 'stripe-customers-bench-zod-'));
  await symlink(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
  await writeFile(join(dir, 'schemas.ts'), classic);
  try {
    return (await import(pathToFileURL(join(dir, 'schemas.ts')).href)) as Record<string, $ZodType>;
  } finally {
    await rm(dir, { recursive: true, force: true }); // loaded: the files are no longer needed
  }
}

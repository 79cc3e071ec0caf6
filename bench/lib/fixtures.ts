import { safeParse, type $ZodType } from 'zod/v4/core';
import { operations } from '../../generated/operations.js';
import type { Customer, CustomerCreateParams } from '../../src/resources/types.js';

// Deterministic inputs shared by the benchmarks: a rich create payload and customers shaped the way
// Stripe returns them. Each is checked once with zod's own `safeParse` against its operation's schema
// in the operation table (generated/operations.ts), the schema the client validates with, so a
// benchmark never times a path that fails validation. zod decides here rather than the client's fast
// path because zod has the last word on what the client accepts.

/**
 * A PostCustomers body that uses every nested shape the form encoding has: address, shipping,
 * metadata with 10 keys, invoice_settings with custom_fields, preferred_locales, 3 tax ids and
 * expand. Some values carry characters that must be percent-encoded (spaces, `&`, `=`, `+`, `'`,
 * `(`, accents, an emoji).
 */
export const richCreateParams: CustomerCreateParams = {
  email: 'jenny.rosen+billing@example.com',
  name: 'Jenny Rosen',
  description: "Jenny's bakery (main account) & café",
  phone: '+33 1 23 45 67 89',
  balance: -2500,
  invoice_prefix: 'JRB',
  next_invoice_sequence: 42,
  tax_exempt: 'none',
  address: {
    line1: '10 rue de la Paix',
    line2: 'Bâtiment B',
    city: 'Paris',
    postal_code: '75002',
    state: 'Île-de-France',
    country: 'FR',
  },
  shipping: {
    name: 'Jenny Rosen',
    phone: '+33 6 12 34 56 78',
    address: { line1: '27 Fredrick Ave', city: 'Brothers', postal_code: '97712', state: 'OR', country: 'US' },
  },
  metadata: {
    app_user_id: 'u_42',
    plan: 'pro',
    signup_source: 'landing page / spring campaign',
    referrer: 'https://example.com/?a=1&b=2',
    segment: 'smb',
    region: 'eu-west',
    crm_id: '0031t00000ABCDE',
    notes: 'pays by invoice; net 30 = ok',
    emoji: 'bread 🍞',
    tier: '3',
  },
  invoice_settings: {
    custom_fields: [
      { name: 'PO number', value: 'PO-2026-0042' },
      { name: 'VAT reg.', value: 'FR40303265045' },
    ],
    default_payment_method: 'pm_1NQ2x2LkdIwHu7ixV9ZKAb3C',
    footer: 'Thank you for your business! (Payment due in 30 days)',
    rendering_options: { amount_tax_display: 'include_inclusive_tax' },
  },
  preferred_locales: ['fr-FR', 'en', 'de'],
  tax: { ip_address: '203.0.113.7' },
  tax_id_data: [
    { type: 'eu_vat', value: 'FR40303265045' },
    { type: 'gb_vat', value: 'GB123456789' },
    { type: 'us_ein', value: '12-3456789' },
  ],
  expand: ['tax_ids', 'invoice_settings.default_payment_method', 'default_source'],
};

/** Customer number `i`, complete as Stripe returns it (every field present, many null). */
export function customerObject(i: number): Customer {
  const id = `cus_Bench${String(i).padStart(8, '0')}`;
  return {
    id,
    object: 'customer',
    address: {
      city: 'Paris',
      country: 'FR',
      line1: `${i} rue de la Paix`,
      line2: null,
      postal_code: '75002',
      state: null,
    },
    balance: -100 * (i % 7),
    created: 1_763_000_000 + i,
    currency: 'eur',
    default_source: null,
    delinquent: false,
    description: `Customer number ${i}`,
    discount: null,
    email: `customer${i}@example.com`,
    invoice_prefix: `B${(0x1000 + i).toString(16).toUpperCase()}`,
    invoice_settings: {
      custom_fields: [{ name: 'PO number', value: `PO-${i}` }],
      default_payment_method: 'pm_1NQ2x2LkdIwHu7ixV9ZKAb3C',
      footer: null,
      rendering_options: null,
    },
    livemode: false,
    metadata: { app_user_id: `u_${i}`, plan: i % 2 ? 'pro' : 'free', region: 'eu-west' },
    name: `Customer ${i}`,
    next_invoice_sequence: 1 + (i % 5),
    phone: '+33123456789',
    preferred_locales: ['fr', 'en'],
    shipping: {
      address: {
        city: 'Paris',
        country: 'FR',
        line1: `${i} rue de la Paix`,
        line2: null,
        postal_code: '75002',
        state: null,
      },
      name: `Customer ${i}`,
      phone: null,
    },
    tax_exempt: 'none',
    test_clock: null,
  };
}

/** One page of `n` customers, as `GET /v1/customers` returns it. */
export function customerListObject(n: number): { object: 'list'; data: Customer[]; has_more: boolean; url: string } {
  return {
    object: 'list',
    data: Array.from({ length: n }, (_, i) => customerObject(i)),
    has_more: true,
    url: '/v1/customers',
  };
}

/** Throws unless `schema` accepts `value`: a benchmark fixture the client would reject is a bug here. */
export function assertValid(label: string, schema: $ZodType | null, value: unknown): void {
  if (!schema) throw new Error(`${label}: no schema`);
  const result = safeParse(schema, value);
  if (!result.success)
    throw new Error(`${label} does not pass its schema: ${JSON.stringify(result.error.issues.slice(0, 3))}`);
}

assertValid('richCreateParams', operations.PostCustomers.bodySchema, richCreateParams);
assertValid('customerObject', operations.GetCustomersCustomer.responseSchema, customerObject(1));
assertValid('customerListObject', operations.GetCustomers.responseSchema, customerListObject(3));

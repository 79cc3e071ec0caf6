// The mapping both ways, as tables, on Lago's documented customer: what Stripe gets from Lago (to
// create, to update), what Lago gets back from Stripe, and that each result is a body the other
// API's generated schema accepts.
import { describe, expect, it } from 'vitest';
import { safeParse } from 'zod/v4/core';
import { operations, StripeValidationError, type CustomerCreateParams, type CustomerUpdateParams } from 'stripe-customers';
import { customerFixture } from 'stripe-customers/msw';
import type { Customer as LagoCustomer } from './generated/models.js';
import { CreateCustomerBodySchema } from './generated/schemas.js';
import { documentedLagoCustomer } from './fixtures.js';
import { idempotencyKeyFor, lagoUpdateFromStripe, stripeParamsFromLago, stripeUpdateFromLago } from './sync.js';

const documented = documentedLagoCustomer();
const LINK = { lago_id: documented.lago_id, lago_external_id: documented.external_id };
const LEGAL = { lago_legal_name: 'Coleman-Blair', lago_legal_number: '49-008-2965', lago_tax_identification_number: 'EU123456789' };
const ADDRESS = { line1: '5230 Penfield Ave', city: 'Woodland Hills', state: 'CA', postal_code: '91364', country: 'US' };

/** The documented customer with every field that maps to Stripe emptied. */
const bare: LagoCustomer = {
  ...documented,
  ...{ name: null, email: null, phone: null, address_line1: null, address_line2: null, city: null, state: null, zipcode: null, country: null },
  ...{ legal_name: null, legal_number: null, tax_identification_number: null },
  billing_configuration: { ...documented.billing_configuration, document_locale: null },
};

describe('stripeParamsFromLago: Lago → Stripe create params', () => {
  const rows: [string, LagoCustomer, CustomerCreateParams][] = [
    [
      'the documented customer',
      documented,
      { name: 'Gavin Belson', email: 'dinesh@piedpiper.test', phone: '1-171-883-3711 x245', address: ADDRESS, preferred_locales: ['fr'], metadata: { ...LINK, ...LEGAL } },
    ],
    ['a customer with nothing but its ids', bare, { metadata: LINK }],
    [
      'a second address line, zipcode as postal_code, another locale',
      { ...bare, address_line1: 'Rue 1', address_line2: 'Bât. B', zipcode: '75001', country: 'FR', billing_configuration: { document_locale: 'de' } },
      { address: { line1: 'Rue 1', line2: 'Bât. B', postal_code: '75001', country: 'FR' }, preferred_locales: ['de'], metadata: LINK },
    ],
    ['a legal name alone, as metadata', { ...bare, legal_name: 'Hooli XYZ' }, { metadata: { ...LINK, lago_legal_name: 'Hooli XYZ' } }],
  ];

  it.each(rows)('%s', (_name, lago, expected) => {
    const params = stripeParamsFromLago(lago);
    expect(params).toStrictEqual(expected);
    expect(safeParse(operations.PostCustomers.bodySchema, params).success).toBe(true);
  });

  it('never makes a Stripe tax id from tax_identification_number, whose type Lago does not give', () => {
    const params = stripeParamsFromLago(documented);
    expect(params).not.toHaveProperty('tax_id_data');
    expect(params.metadata).toMatchObject({ lago_tax_identification_number: 'EU123456789' });
  });
});

describe('stripeUpdateFromLago: Lago → Stripe update params', () => {
  const rows: [string, LagoCustomer, CustomerUpdateParams][] = [
    [
      'the documented customer: line2, empty in Lago, is unset',
      documented,
      {
        ...{ name: 'Gavin Belson', email: 'dinesh@piedpiper.test', phone: '1-171-883-3711 x245', preferred_locales: ['fr'] },
        address: { ...ADDRESS, line2: '' },
        metadata: { ...LINK, ...LEGAL },
      },
    ],
    [
      'everything emptied in Lago is unset in Stripe; the locale, which cannot be, is left alone',
      bare,
      { name: '', email: '', phone: '', address: '', metadata: { ...LINK, lago_legal_name: '', lago_legal_number: '', lago_tax_identification_number: '' } },
    ],
  ];

  it.each(rows)('%s', (_name, lago, expected) => {
    const params = stripeUpdateFromLago(lago);
    expect(params).toStrictEqual(expected);
    expect(safeParse(operations.PostCustomersCustomer.bodySchema, params).success).toBe(true);
  });
});

describe('lagoUpdateFromStripe: Stripe → Lago create-or-update body', () => {
  const linked = (overrides: Parameters<typeof customerFixture>[0]) => customerFixture({ id: 'cus_Lago1', ...overrides });
  const link = { payment_provider: 'stripe', provider_customer_id: 'cus_Lago1', sync_with_provider: false } as const;
  const rows: [string, ReturnType<typeof customerFixture>, unknown][] = [
    [
      'the link and nothing of the profile',
      linked({ metadata: { ...LINK, ...LEGAL }, name: 'Gavin B.', address: { ...ADDRESS, line2: null } }),
      { customer: { external_id: documented.external_id, billing_configuration: link } },
    ],
    [
      'a Stripe customer made by keepInStep, with only the link metadata',
      linked({ metadata: { lago_external_id: 'acme-1' }, email: null, name: null }),
      { customer: { external_id: 'acme-1', billing_configuration: link } },
    ],
  ];

  it.each(rows)('%s', (_name, stripeCustomer, expected) => {
    const body = lagoUpdateFromStripe(stripeCustomer);
    expect(body).toStrictEqual(expected);
    expect(safeParse(CreateCustomerBodySchema, body).success).toBe(true);
  });

  it('refuses a Stripe customer that is not linked to a Lago customer', () => {
    const call = () => lagoUpdateFromStripe(customerFixture({ id: 'cus_Other', metadata: { app_user_id: 'u_1' } }));
    expect(call).toThrow(StripeValidationError);
    expect(call).toThrow(/metadata\.lago_external_id: is missing on cus_Other/);
  });
});

describe('round trip', () => {
  it('a Stripe customer made from Lago links back to the same Lago customer', () => {
    const params = stripeParamsFromLago(documented);
    const stripeCustomer = customerFixture({ id: 'cus_Round', metadata: params.metadata as Record<string, string> });
    expect(lagoUpdateFromStripe(stripeCustomer).customer.external_id).toBe(documented.external_id);
  });

  it('keys the create by the Lago id: one key per Lago customer, within Stripe’s 255 characters', () => {
    expect(idempotencyKeyFor(documented)).toBe('lago-customer-99a6094e-199b-4101-896a-54e927ce7bd7');
    expect(idempotencyKeyFor({ ...documented, lago_id: 'other' })).not.toBe(idempotencyKeyFor(documented));
  });
});

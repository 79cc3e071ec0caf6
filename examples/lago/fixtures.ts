import type { Customer as LagoCustomer } from './generated/models.js';

/**
 * Lago's documented customer (the example of its API reference), as `GET /api/v1/customers/{id}`
 * returns it: the fixture of every test here. It is linked to `cus_12345` and lets Lago sync it
 * itself (`sync_with_provider: true`), which `keepInStep` turns off. A fresh copy per call, so a
 * test that edits it cannot change another's.
 * @example const customer = documentedLagoCustomer(); customer.billing_configuration.provider_customer_id; // 'cus_12345'
 */
export function documentedLagoCustomer(): LagoCustomer {
  return {
    lago_id: '99a6094e-199b-4101-896a-54e927ce7bd7',
    sequential_id: '001',
    slug: 'LAG-1234-001',
    external_id: '5eb02857-a71e-4ea2-bcf9-57d3a41bc6ba',
    address_line1: '5230 Penfield Ave',
    address_line2: null,
    city: 'Woodland Hills',
    country: 'US',
    created_at: '2022-04-29T08:59:51Z',
    email: 'dinesh@piedpiper.test',
    legal_name: 'Coleman-Blair',
    legal_number: '49-008-2965',
    tax_identification_number: 'EU123456789',
    logo_url: 'http://hooli.com/logo.png',
    name: 'Gavin Belson',
    phone: '1-171-883-3711 x245',
    state: 'CA',
    url: 'http://hooli.com',
    zipcode: '91364',
    currency: 'USD',
    timezone: 'Europe/Paris',
    applicable_timezone: 'Europe/Paris',
    billing_configuration: {
      invoice_grace_period: 3,
      payment_provider: 'stripe',
      payment_provider_code: 'stripe_eu',
      provider_customer_id: 'cus_12345',
      sync_with_provider: true,
      document_locale: 'fr',
      provider_payment_methods: ['card', 'sepa_debit', 'us_bank_account', 'bacs_debit'],
    },
    metadata: [
      {
        lago_id: '27f12d13-4ae0-437b-b822-8771bcd62e3a',
        key: 'Purchase Order',
        value: '123456789',
        display_in_invoice: true,
        created_at: '2022-04-29T08:59:51Z',
      },
    ],
    taxes: [
      {
        lago_id: '173c9da8-effc-4db6-a341-1a2d2aa500e6',
        name: 'VAT',
        code: 'vat_fr',
        rate: 20.0,
        description: null,
        applied_to_organization: false,
        add_ons_count: 0,
        customers_count: 1,
        plans_count: 0,
        charges_count: 1,
        created_at: '2022-06-29T12:04:36Z',
      },
    ],
  };
}

/**
 * The documented customer before any Stripe link: no provider, no provider id, Lago's sync off.
 * What `keepInStep` starts from on a first run.
 * @example unlinkedLagoCustomer().billing_configuration.provider_customer_id; // null
 */
export function unlinkedLagoCustomer(): LagoCustomer {
  const customer = documentedLagoCustomer();
  return {
    ...customer,
    billing_configuration: { ...customer.billing_configuration, payment_provider: null, provider_customer_id: null, sync_with_provider: null },
  };
}

/**
 * A create-or-update body for the documented customer, as an app would send it: the fields it owns,
 * the Stripe link, one metadata pair and a tax code.
 * @example await lago.POST('/api/v1/customers', { body: documentedCreateBody() });
 */
export function documentedCreateBody(): { customer: Record<string, unknown> } {
  return {
    customer: {
      external_id: documentedLagoCustomer().external_id,
      name: 'Gavin Belson',
      email: 'dinesh@piedpiper.test',
      billing_configuration: { payment_provider: 'stripe', provider_customer_id: 'cus_12345', sync_with_provider: true },
      metadata: [{ key: 'Purchase Order', value: '123456789', display_in_invoice: true }],
      tax_codes: ['vat_fr'],
    },
  };
}

/** A customer exactly as Stripe returns one with the minimal profile, for tests to adjust. */
export function customerJson(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'cus_NffrFeUfNV2Hib',
    object: 'customer',
    address: null,
    balance: 0,
    created: 1680893993,
    currency: null,
    default_source: null,
    delinquent: false,
    description: null,
    discount: null,
    email: 'jenny.rosen@example.com',
    invoice_prefix: '0759376C',
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    livemode: false,
    metadata: { app_user_id: 'u_42' },
    name: 'Jenny Rosen',
    next_invoice_sequence: 1,
    phone: null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: 'none',
    test_clock: null,
    ...overrides,
  };
}

/** The stub Stripe returns for a deleted customer. */
export function deletedCustomerJson(id = 'cus_NffrFeUfNV2Hib'): Record<string, unknown> {
  return { id, object: 'customer', deleted: true };
}

/** A list page of customers. */
export function listJson(data: unknown[], hasMore = false): Record<string, unknown> {
  return { object: 'list', data, has_more: hasMore, url: '/v1/customers' };
}

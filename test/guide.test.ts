// Every task of Stripe's guide to customers, done the way a user would, through the public client,
// with the wire asserted for each: the minimal profile, edits, addresses, locales, invoice
// settings, tax ids and tax exemption, coupons, the credit balance (which also fixes the currency),
// finding a customer by the app's own id, and deleting.
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createClient, customerSearch as q, parseForm } from '../src/index.js';
import { customerJson, deletedCustomerJson } from './support/fixtures.js';
import { STRIPE, stripeJson, useMswServer } from './support/msw.js';

const server = useMswServer();
const stripe = createClient({ apiKey: 'sk_test_123' });
const ID = 'cus_NffrFeUfNV2Hib';

interface Seen {
  method: string;
  path: string;
  form: Record<string, unknown>;
}

/** Answers one route with `body`, keeping what was sent (method, path, decoded body or query). */
function expectCall(method: 'get' | 'post' | 'delete', path: string, body: unknown): Seen[] {
  const seen: Seen[] = [];
  server.use(
    http[method](`${STRIPE}${path}`, async ({ request }) => {
      const url = new URL(request.url);
      const text = method === 'post' ? await request.text() : url.search.slice(1);
      seen.push({ method: request.method, path: url.pathname, form: parseForm(text) });
      return stripeJson(body);
    }),
  );
  return seen;
}

describe("Stripe's guide to customers, task by task", () => {
  it('creates a customer with the minimal profile: email, name and the app user id in metadata', async () => {
    const seen = expectCall('post', '/v1/customers', customerJson());
    const customer = await stripe.customers.create({ email: 'jenny.rosen@example.com', name: 'Jenny Rosen', metadata: { app_user_id: 'u_42' } });
    expect(seen).toEqual([{ method: 'POST', path: '/v1/customers', form: { email: 'jenny.rosen@example.com', name: 'Jenny Rosen', metadata: { app_user_id: 'u_42' } } }]);
    expect(customer.metadata?.app_user_id).toBe('u_42');
  });

  it('finds the customer again by the app user id (search)', async () => {
    const seen = expectCall('get', '/v1/customers/search', { object: 'search_result', data: [customerJson()], has_more: false, next_page: null, url: '/v1/customers/search' });
    const found = await stripe.customers.search({ query: q.metadata('app_user_id').is('u_42') });
    expect(seen[0]?.form).toEqual({ query: "metadata['app_user_id']:'u_42'" });
    expect(found.data[0]?.id).toBe(ID);
  });

  it('edits the profile', async () => {
    const seen = expectCall('post', `/v1/customers/${ID}`, customerJson({ name: 'Jenny R.', phone: '+15551234567' }));
    const customer = await stripe.customers.update(ID, { name: 'Jenny R.', phone: '+15551234567', description: '' });
    expect(seen[0]?.form).toEqual({ name: 'Jenny R.', phone: '+15551234567', description: '' });
    expect(customer.phone).toBe('+15551234567');
  });

  it('sets a billing address and a shipping address', async () => {
    const address = { line1: '1 Rue de Rivoli', city: 'Paris', postal_code: '75001', country: 'FR' };
    const seen = expectCall('post', `/v1/customers/${ID}`, customerJson({ address: { ...address, line2: null, state: null } }));
    await stripe.customers.update(ID, { address, shipping: { name: 'Jenny Rosen', address, phone: '+33100000000' } });
    expect(seen[0]?.form).toEqual({ address, shipping: { name: 'Jenny Rosen', address, phone: '+33100000000' } });
  });

  it('localises emails and PDFs with preferred locales, in order', async () => {
    const seen = expectCall('post', `/v1/customers/${ID}`, customerJson({ preferred_locales: ['fr-CA', 'en'] }));
    await stripe.customers.update(ID, { preferred_locales: ['fr-CA', 'en'] });
    expect(seen[0]?.form).toEqual({ preferred_locales: { 0: 'fr-CA', 1: 'en' } });
  });

  it('sets per-customer invoice settings: custom fields, footer, numbering', async () => {
    const seen = expectCall('post', `/v1/customers/${ID}`, customerJson());
    await stripe.customers.update(ID, {
      invoice_settings: { custom_fields: [{ name: 'PO number', value: 'PO-6735' }], footer: 'Thank you!', rendering_options: { amount_tax_display: 'exclude_tax' } },
      invoice_prefix: 'JENNY',
      next_invoice_sequence: 100,
    });
    expect(seen[0]?.form).toEqual({
      invoice_settings: { custom_fields: { 0: { name: 'PO number', value: 'PO-6735' } }, footer: 'Thank you!', rendering_options: { amount_tax_display: 'exclude_tax' } },
      invoice_prefix: 'JENNY',
      next_invoice_sequence: '100',
    });
  });

  it('adds tax ids at creation and later, and sets the tax exemption', async () => {
    const created = expectCall('post', '/v1/customers', customerJson({ tax_exempt: 'reverse' }));
    await stripe.customers.create({ email: 'billing@example.de', tax_id_data: [{ type: 'eu_vat', value: 'DE123456789' }], tax_exempt: 'reverse' });
    expect(created[0]?.form).toEqual({ email: 'billing@example.de', tax_id_data: { 0: { type: 'eu_vat', value: 'DE123456789' } }, tax_exempt: 'reverse' });
    const taxId = { id: 'txi_1', object: 'tax_id', country: 'GB', created: 1, customer: ID, livemode: false, type: 'gb_vat', value: 'GB123456789', verification: null };
    const added = expectCall('post', `/v1/customers/${ID}/tax_ids`, taxId);
    const result = await stripe.customers.createTaxId(ID, { type: 'gb_vat', value: 'GB123456789' });
    expect(added[0]?.form).toEqual({ type: 'gb_vat', value: 'GB123456789' });
    expect(result.value).toBe('GB123456789');
    const exempt = expectCall('post', `/v1/customers/${ID}`, customerJson({ tax_exempt: 'exempt' }));
    await stripe.customers.update(ID, { tax_exempt: 'exempt' });
    expect(exempt[0]?.form).toEqual({ tax_exempt: 'exempt' });
  });

  it('adds a coupon, and removes the discount', async () => {
    const applied = expectCall('post', `/v1/customers/${ID}`, customerJson());
    await stripe.customers.update(ID, { coupon: 'SUMMER25' });
    expect(applied[0]?.form).toEqual({ coupon: 'SUMMER25' });
    const removed = expectCall('delete', `/v1/customers/${ID}/discount`, { id: 'di_1', object: 'discount', deleted: true, checkout_session: null, coupon: { id: 'SUMMER25', object: 'coupon', created: 1, duration: 'once', livemode: false, times_redeemed: 1, valid: true }, customer: ID, invoice: null, invoice_item: null, promotion_code: null, start: 1, subscription: null });
    await stripe.customers.deleteDiscount(ID);
    expect(removed[0]).toMatchObject({ method: 'DELETE', path: `/v1/customers/${ID}/discount` });
  });

  it('stores a credit balance, which also fixes the currency', async () => {
    const transaction = { id: 'cbtxn_1', object: 'customer_balance_transaction', amount: -500, created: 1, credit_note: null, currency: 'eur', customer: ID, description: 'Goodwill credit', ending_balance: -500, invoice: null, livemode: false, metadata: null, type: 'adjustment' };
    const seen = expectCall('post', `/v1/customers/${ID}/balance_transactions`, transaction);
    const result = await stripe.customers.createBalanceTransaction(ID, { amount: -500, currency: 'eur', description: 'Goodwill credit' });
    expect(seen[0]?.form).toEqual({ amount: '-500', currency: 'eur', description: 'Goodwill credit' });
    expect(result.ending_balance).toBe(-500);
  });

  it('deletes the customer; retrieving it then gives the deleted stub', async () => {
    const deleted = expectCall('delete', `/v1/customers/${ID}`, deletedCustomerJson(ID));
    await stripe.customers.delete(ID);
    expect(deleted[0]).toMatchObject({ method: 'DELETE', path: `/v1/customers/${ID}` });
    expectCall('get', `/v1/customers/${ID}`, deletedCustomerJson(ID));
    const stub = await stripe.customers.retrieve(ID);
    expect('deleted' in stub && stub.deleted).toBe(true);
  });
});

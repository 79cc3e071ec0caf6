import { describe, expect, it } from 'vitest';
import { StripeNotFoundError } from '../../src/index.js';
import { customerFixture } from '../../src/msw.js';
import { useMswServer } from '../support/msw.js';
import { mockStripe, rejection } from './setup.js';

const server = useMswServer();

describe('the customer lifecycle against the mock, through the real client', () => {
  it('creates, retrieves, updates, lists, searches, deletes, then answers the stub and 404s', async () => {
    const { stripe, mock, clock } = mockStripe(server);
    const created = await stripe.customers.create({ email: 'jenny@example.com', name: 'Jenny Rosen', metadata: { app_user_id: 'u_42' } });
    expect(created).toMatchObject({
      id: 'cus_00000000000001',
      object: 'customer',
      created: Math.floor(clock.now() / 1000),
      email: 'jenny@example.com',
      metadata: { app_user_id: 'u_42' },
      balance: 0,
      currency: null,
      delinquent: false,
      livemode: false,
      next_invoice_sequence: 1,
      preferred_locales: [],
      tax_exempt: 'none',
      address: null,
      invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    });
    expect(created.invoice_prefix).toMatch(/^[A-Z0-9]{8}$/);
    expect(await stripe.customers.retrieve(created.id)).toEqual(created);

    const updated = await stripe.customers.update(created.id, { phone: '+15555550100', metadata: { plan: 'pro' } });
    expect(updated.metadata).toEqual({ app_user_id: 'u_42', plan: 'pro' });
    expect(updated.phone).toBe('+15555550100');
    expect((await stripe.customers.list()).data.map((c) => c.id)).toEqual([created.id]);
    expect((await stripe.customers.search({ query: "metadata['plan']:'pro'" })).data.map((c) => c.id)).toEqual([created.id]);

    expect(await stripe.customers.delete(created.id)).toEqual({ id: created.id, object: 'customer', deleted: true });
    expect(await stripe.customers.retrieve(created.id)).toEqual({ id: created.id, object: 'customer', deleted: true });
    expect(mock.store.list()).toEqual([]);
    expect((await stripe.customers.list()).data).toEqual([]);

    for (const call of [stripe.customers.update(created.id, { name: 'x' }), stripe.customers.delete(created.id)]) {
      const error = await rejection(call);
      expect(error).toBeInstanceOf(StripeNotFoundError);
      expect(error).toMatchObject({ code: 'resource_missing', param: 'id', statusCode: 404 });
      expect((error as Error).message).toContain(`No such customer: '${created.id}'`);
    }
  });

  it('answers 404 resource_missing for an id it never saw', async () => {
    const { stripe } = mockStripe(server);
    const error = await rejection(stripe.customers.retrieve('cus_missing'));
    expect(error).toBeInstanceOf(StripeNotFoundError);
    expect(error).toMatchObject({ type: 'invalid_request_error', code: 'resource_missing', param: 'id' });
    expect((error as StripeNotFoundError).requestId).toMatch(/^req_/);
  });

  describe('metadata merge', () => {
    it('sets keys, deletes a key with an empty value, and clears all with metadata=""', async () => {
      const { stripe } = mockStripe(server);
      const { id } = await stripe.customers.create({ metadata: { a: '1', b: '2' } });
      expect((await stripe.customers.update(id, { metadata: { c: '3' } })).metadata).toEqual({ a: '1', b: '2', c: '3' });
      expect((await stripe.customers.update(id, { metadata: { a: '', b: '20' } })).metadata).toEqual({ b: '20', c: '3' });
      expect((await stripe.customers.update(id, { metadata: '' })).metadata).toEqual({});
    });

    it('keeps a __proto__ key as data', async () => {
      const { stripe } = mockStripe(server);
      const customer = await stripe.customers.create({ metadata: { ['__proto__']: 'x' } });
      expect(Object.getPrototypeOf(customer.metadata)).toBe(Object.prototype);
      expect(Object.keys(customer.metadata ?? {})).toEqual(['__proto__']);
    });
  });

  describe('unsetting with ""', () => {
    it('sets a field to null, and leaves fields not sent alone', async () => {
      const { stripe } = mockStripe(server);
      const { id } = await stripe.customers.create({
        email: 'a@example.com',
        description: 'VIP',
        address: { city: 'Paris', country: 'FR' },
        shipping: { name: 'A', address: { city: 'Lyon' } },
        invoice_settings: { footer: 'Thanks', custom_fields: [{ name: 'VAT', value: 'FR1' }], rendering_options: { amount_tax_display: 'exclude_tax' } },
      });
      const updated = await stripe.customers.update(id, {
        description: '',
        address: '',
        shipping: '',
        invoice_settings: { custom_fields: '', rendering_options: '' },
      });
      expect(updated).toMatchObject({ email: 'a@example.com', description: null, address: null, shipping: null });
      expect(updated.invoice_settings).toEqual({ custom_fields: null, default_payment_method: null, footer: 'Thanks', rendering_options: null });
    });

    it('replaces address and shipping whole, filling the parts not given with null', async () => {
      const { stripe } = mockStripe(server);
      const { id } = await stripe.customers.create({ address: { line1: '1 Main St', city: 'Springfield' } });
      const updated = await stripe.customers.update(id, { address: { city: 'Paris' }, shipping: { name: 'B', address: { country: 'FR' } } });
      expect(updated.address).toEqual({ city: 'Paris', country: null, line1: null, line2: null, postal_code: null, state: null });
      expect(updated.shipping).toEqual({ name: 'B', phone: null, address: { city: null, country: 'FR', line1: null, line2: null, postal_code: null, state: null } });
    });
  });

  describe('expand', () => {
    it('shows tax ids made from tax_id_data, and test clocks, cash balance, tax only when asked', async () => {
      const { stripe } = mockStripe(server);
      const created = await stripe.customers.create({ tax_id_data: [{ type: 'eu_vat', value: 'DE123456789' }], test_clock: 'clock_1' });
      expect(created).not.toHaveProperty('tax_ids');
      const expanded = await stripe.customers.retrieve(created.id, { expand: ['tax_ids', 'test_clock', 'cash_balance', 'tax', 'sources'] });
      if ('deleted' in expanded) throw new Error('unexpected stub');
      expect(expanded.tax_ids?.data).toEqual([
        expect.objectContaining({ object: 'tax_id', type: 'eu_vat', value: 'DE123456789', country: 'DE', customer: created.id }),
      ]);
      expect(expanded.test_clock).toMatchObject({ id: 'clock_1', object: 'test_helpers.test_clock' });
      expect(expanded.cash_balance).toMatchObject({ object: 'cash_balance', customer: created.id });
      expect(expanded.tax).toEqual({ automatic_tax: 'unrecognized_location', ip_address: null, location: null });
      expect(expanded.sources).toMatchObject({ object: 'list', data: [] });
    });
  });

  describe('seed, store and customerFixture', () => {
    it('seeds fixtures that the client then reads, newest first', async () => {
      const { stripe, mock } = mockStripe(server);
      const [older, newer] = mock.seed([{ email: 'old@example.com', created: 1_600_000_000 }, customerFixture({ created: 1_700_000_000 })]);
      expect((await stripe.customers.list()).data.map((c) => c.id)).toEqual([newer!.id, older!.id]);
      expect(await stripe.customers.retrieve(older!.id)).toEqual(older);
      expect(mock.store.get(older!.id)).toEqual(older);
      mock.store.clear();
      expect(mock.store.list()).toEqual([]);
    });

    it('refuses a fixture that is not a valid customer, and a duplicate id', () => {
      const { mock } = mockStripe(server);
      expect(() => mock.seed([{ balance: 1.5 }])).toThrow(/balance: Invalid input: expected int, received number/);
      mock.seed([{ id: 'cus_same' }]);
      expect(() => mock.seed([{ id: 'cus_same' }])).toThrow(/already exists/);
    });

    it('customerFixture returns a complete customer with fresh ids and the overrides', () => {
      const [a, b] = [customerFixture(), customerFixture({ name: 'Ada' })];
      expect(a.id).toMatch(/^cus_[A-Za-z0-9]{14}$/);
      expect(a.id).not.toBe(b.id);
      expect(b).toMatchObject({ object: 'customer', name: 'Ada', email: 'jenny.rosen@example.com', livemode: false });
    });

    it('reset forgets customers, idempotency keys and queued faults', async () => {
      const { stripe, mock } = mockStripe(server);
      await stripe.customers.create({ email: 'a@example.com' }, { idempotencyKey: 'k1' });
      mock.faults.failNext(3, { status: 500 });
      mock.reset();
      expect(mock.store.list()).toEqual([]);
      expect(mock.faults.pending()).toBe(0);
      const again = await stripe.customers.create({ email: 'b@example.com' }, { idempotencyKey: 'k1' });
      expect(again.email).toBe('b@example.com');
    });
  });
});

import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';
import { DiscountSchema, GetCustomersCustomerSubscriptionsResponseSchema } from '../../generated/schemas.js';
import { createMockCore } from '../../src/mock/core.js';
import { blankCustomer } from '../../src/mock/customer-object.js';
import { sequentialIds } from '../../src/mock/ids.js';
import type { OperationSpec } from '../../src/mock/routes.js';
import { CustomerStore } from '../../src/mock/store.js';
import { minimalValue, overlayParams, synthesized } from '../../src/mock/synthesize.js';
import { useMswServer } from '../support/msw.js';
import { mockStripe, rejection } from './setup.js';

// What no customer endpoint creates comes from seeding (payment methods, cash balance
// transactions, a discount); what the mock does not keep (subscriptions, funding instructions) is
// synthesized from the response schema and echoes the request.

const server = useMswServer();

/** The message of the error body a refused call carried. */
async function refusal(call: Promise<unknown>): Promise<{ status: unknown; message: unknown }> {
  const error = (await rejection(call)) as { statusCode?: number; raw?: { error?: { message?: string } } };
  return { status: error.statusCode, message: error.raw?.error?.message };
}

describe('payment methods, seeded with seedPaymentMethods', () => {
  it('lists nothing and retrieves nothing until seeded', async () => {
    const { stripe } = mockStripe(server);
    const { id } = await stripe.customers.create();
    expect((await stripe.customers.listPaymentMethods(id)).data).toEqual([]);
    expect(await refusal(stripe.customers.retrievePaymentMethod(id, 'pm_nope'))).toEqual({ status: 404, message: "No such PaymentMethod: 'pm_nope'" });
  });

  it('lists the seeded ones newest first with the type filter, and retrieves each', async () => {
    const { stripe, mock, clock } = mockStripe(server);
    const { id } = await stripe.customers.create();
    const [card, sepa] = mock.seedPaymentMethods(id, [{}, { type: 'sepa_debit', metadata: { source: 'mandate' } }]);
    expect(card).toMatchObject({
      id: 'pm_00000000000001',
      object: 'payment_method',
      type: 'card',
      customer: id,
      created: Math.floor(clock.now() / 1000),
      card: { brand: 'visa', last4: '4242' },
    });
    expect(sepa).toMatchObject({ type: 'sepa_debit', metadata: { source: 'mandate' }, customer: id });
    expect((await stripe.customers.listPaymentMethods(id)).data.map((m) => m.id)).toEqual([sepa!.id, card!.id]);
    expect((await stripe.customers.listPaymentMethods(id, { type: 'card' })).data.map((m) => m.id)).toEqual([card!.id]);
    const page = await stripe.customers.listPaymentMethods(id, { limit: 1 });
    expect([page.data.length, page.has_more]).toEqual([1, true]);
    expect(await stripe.customers.retrievePaymentMethod(id, sepa!.id)).toEqual(sepa);
    expect(await stripe.customers.retrievePaymentMethod(id, card!.id, { expand: ['customer'] })).toMatchObject({ customer: { id, object: 'customer' } });
  });

  it('keeps each customer’s payment methods its own', async () => {
    const { stripe, mock } = mockStripe(server);
    const [a, b] = [await stripe.customers.create(), await stripe.customers.create()];
    const [method] = mock.seedPaymentMethods(a.id, [{ customer: b.id }]);
    expect(method!.customer).toBe(a.id);
    expect((await refusal(stripe.customers.retrievePaymentMethod(b.id, method!.id))).status).toBe(404);
  });

  it('throws for an unknown customer, an invalid payment method, or past maxObjects', () => {
    const mock = createMockCore({ maxObjects: 2 });
    const [customer] = mock.seed([{}]);
    expect(() => mock.seedPaymentMethods('cus_nope', [{}])).toThrow(/no customer cus_nope/);
    expect(() => mock.seedPaymentMethods(customer!.id, [{ created: 1.5 }])).toThrow(/Not a valid payment method to seed:\n {2}created/);
    expect(() => mock.seedPaymentMethods(customer!.id, [{}, {}])).toThrow(/holds at most 2 objects/);
    expect(mock.seedPaymentMethods(customer!.id, [{}])).toHaveLength(1);
  });
});

describe('cash balance transactions, seeded with seedCashBalanceTransactions', () => {
  it('are empty until seeded: the mock cannot fund a cash balance', async () => {
    const { stripe } = mockStripe(server);
    const { id } = await stripe.customers.create();
    expect((await stripe.customers.listCashBalanceTransactions(id)).data).toEqual([]);
    expect((await stripe.customers.retrieveCashBalance(id)).available).toBeNull();
    const missing = await refusal(stripe.customers.retrieveCashBalanceTransaction(id, 'ccsbtxn_nope'));
    expect(missing).toEqual({ status: 404, message: "No such customer cash balance transaction: 'ccsbtxn_nope'" });
  });

  it('keeps a running ending balance per currency, which the cash balance shows as available', async () => {
    const { stripe, mock } = mockStripe(server);
    const { id } = await stripe.customers.create();
    const seeded = mock.seedCashBalanceTransactions(id, [{ net_amount: 5000 }, { net_amount: 2000, currency: 'eur' }, { net_amount: -1500 }]);
    expect(seeded.map((t) => [t.currency, t.ending_balance, t.type])).toEqual([
      ['usd', 5000, 'funded'],
      ['eur', 2000, 'funded'],
      ['usd', 3500, 'funded'],
    ]);
    expect((await stripe.customers.retrieveCashBalance(id)).available).toEqual({ usd: 3500, eur: 2000 });
    expect((await stripe.customers.listCashBalanceTransactions(id)).data.map((t) => t.id)).toEqual(seeded.map((t) => t.id).reverse());
    expect(await stripe.customers.retrieveCashBalanceTransaction(id, seeded[1]!.id)).toEqual(seeded[1]);
    const expanded = await stripe.customers.listCashBalanceTransactions(id, { expand: ['data.customer'], limit: 1 });
    expect(expanded.data[0]!.customer).toMatchObject({ id, object: 'customer' });
  });
});

describe('the customer discount', () => {
  it('retrieves a seeded discount until it is deleted', async () => {
    const { stripe, mock } = mockStripe(server);
    const coupon = { id: 'SUMMER', object: 'coupon' as const, created: 1, duration: 'forever', livemode: false, percent_off: 10, times_redeemed: 1, valid: true };
    const [customer] = mock.seed([{ discount: { id: 'di_1', object: 'discount', coupon, customer: 'cus_x', start: 1 } }]);
    const id = customer!.id;
    expect(await stripe.customers.retrieveDiscount(id)).toMatchObject({ id: 'di_1', coupon: { id: 'SUMMER' } });
    expect(await stripe.customers.retrieveDiscount(id, { expand: ['customer'] })).toMatchObject({ customer: { id, object: 'customer' } });
    await stripe.customers.deleteDiscount(id);
    expect(await refusal(stripe.customers.retrieveDiscount(id))).toEqual({ status: 404, message: `No active discount for customer: '${id}'` });
  });
});

describe('synthesized operations: subscriptions and funding instructions', () => {
  it('echo the customer, the path id and the params the response has a field for', async () => {
    const { stripe, clock } = mockStripe(server);
    const { id } = await stripe.customers.create();
    const created = await stripe.customers.createSubscription(id, {
      items: [{ price: 'price_1' }],
      metadata: { plan: 'pro' },
      collection_method: 'send_invoice',
      days_until_due: 30,
      automatic_tax: { enabled: true },
      trial_end: 'now',
    });
    expect(created).toMatchObject({
      id: 'sub_00000000000001',
      object: 'subscription',
      customer: id,
      created: Math.floor(clock.now() / 1000),
      metadata: { plan: 'pro' },
      collection_method: 'send_invoice',
      days_until_due: 30,
      automatic_tax: { enabled: true },
      // Sent as a list of prices, answered as Stripe's list object: a value the field cannot hold is not echoed.
      items: { object: 'list', data: [] },
    });
    expect(created.trial_end).toBeUndefined();
    const updated = await stripe.customers.updateSubscription(id, 'sub_abc', { cancel_at_period_end: true, pause_collection: { behavior: 'void' } });
    expect(updated).toMatchObject({ id: 'sub_abc', customer: id, cancel_at_period_end: true, pause_collection: { behavior: 'void' } });
  });

  it('store nothing: the list is always empty, and a retrieve echoes any id', async () => {
    const { stripe } = mockStripe(server);
    const { id } = await stripe.customers.create();
    await stripe.customers.createSubscription(id, { items: [{ price: 'price_1' }] });
    expect(await stripe.customers.listSubscriptions(id)).toMatchObject({ object: 'list', data: [], url: `/v1/customers/${id}/subscriptions` });
    expect(await stripe.customers.retrieveSubscription(id, 'sub_any')).toMatchObject({ id: 'sub_any', customer: id, status: 'active' });
    expect(await stripe.customers.deleteSubscriptionDiscount(id, 'sub_any')).toMatchObject({ object: 'discount', subscription: 'sub_any', deleted: true });
  });

  it('answer 404 for a customer that does not exist', async () => {
    const { stripe } = mockStripe(server);
    expect(await refusal(stripe.customers.retrieveSubscription('cus_nope', 'sub_1'))).toEqual({ status: 404, message: "No such customer: 'cus_nope'" });
  });

  it('merge a nested param into the response field by field', async () => {
    const { stripe } = mockStripe(server);
    const { id } = await stripe.customers.create();
    const instructions = await stripe.customers.createFundingInstructions(id, {
      bank_transfer: { type: 'gb_bank_transfer', requested_address_types: ['sort_code'] },
      currency: 'gbp',
      funding_type: 'bank_transfer',
    });
    expect(instructions).toEqual({
      object: 'funding_instructions',
      bank_transfer: { country: '', financial_addresses: [], type: 'gb_bank_transfer' },
      currency: 'gbp',
      funding_type: 'bank_transfer',
      livemode: false,
    });
  });
});

describe('the synthesizer', () => {
  it('makes the smallest valid value: required fields, first options, empty lists', () => {
    expect(minimalValue(DiscountSchema as $ZodType)).toEqual({ coupon: { id: '', object: 'coupon' }, id: '', object: 'discount', start: 0 });
    expect(minimalValue(GetCustomersCustomerSubscriptionsResponseSchema as $ZodType)).toEqual({ data: [], has_more: false, object: 'list', url: '' });
    expect(() => minimalValue(z.bigint() as $ZodType)).toThrow(/cannot synthesize a value for a bigint schema/);
  });

  it('overlays only what the field accepts, turning an unset into null where null is allowed', () => {
    const schema = z.looseObject({ note: z.nullable(z.string()), count: z.int(), nested: z.looseObject({ a: z.string(), b: z.string() }) });
    const target = { note: 'x', count: 1, nested: { a: '', b: 'kept' } };
    overlayParams(target, schema._zod.def.shape as Record<string, $ZodType>, { note: '', count: 'many', nested: { a: 'set', c: 'no field' }, other: 1 });
    expect(target).toEqual({ note: null, count: 1, nested: { a: 'set', b: 'kept' } });
  });

  it('fails loudly, never answering a value its schema refuses', () => {
    const store = new CustomerStore();
    store.insert(blankCustomer('cus_1', 0, 'A0000001'));
    const context = { store, ids: sequentialIds(), nowSeconds: () => 0 };
    const responseSchema = z.looseObject({ id: z.string(), code: z.string().check(z.minLength(3)) }) as $ZodType;
    const op = { id: 'GetThing', method: 'get', path: '/v1/customers/{customer}/thing', pathParams: ['customer'], responseSchema } as unknown as OperationSpec;
    expect(() => synthesized(op)(context, { path: { customer: 'cus_1' }, params: {} })).toThrow(/synthesized GetThing response is invalid:\n {2}code/);
  });
});

// The README's promise that the same mock kit tests code written against stripe-node: stripe-node
// sends with node:http, which MSW intercepts, so its calls reach the same stateful mock.
import { setupServer } from 'msw/node';
import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createCustomersMock } from 'stripe-customers/msw';

const mock = createCustomersMock({ requireApiKey: true });
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => mock.reset());
afterAll(() => server.close());

const stripe = new Stripe('sk_test_123', { maxNetworkRetries: 1 });

it("serves stripe-node's calls from the same store", async () => {
  const created = await stripe.customers.create({ email: 'ada@example.com', metadata: { app_user_id: 'u_1' } });
  await stripe.customers.createTaxId(created.id, { type: 'eu_vat', value: 'DE123456789' });
  const again = await stripe.customers.retrieve(created.id, { expand: ['tax_ids'] });
  expect(again).toMatchObject({ id: created.id, email: 'ada@example.com' });
  expect((again as Stripe.Customer).tax_ids?.data.map((t) => t.value)).toEqual(['DE123456789']);
  expect((await stripe.customers.list({ limit: 3 })).data.map((c) => c.id)).toEqual([created.id]);
  expect(mock.store.list()).toHaveLength(1);
});

it("gives stripe-node Stripe's errors and retries, by the same rules", async () => {
  await expect(stripe.customers.retrieve('cus_missing')).rejects.toMatchObject({ type: 'StripeInvalidRequestError', statusCode: 404 });
  mock.faults.failNext(1, { status: 503 });
  await expect(stripe.customers.create({ email: 'grace@example.com' })).resolves.toMatchObject({ object: 'customer' });
  expect(mock.store.list()).toHaveLength(1);
});

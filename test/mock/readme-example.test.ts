// The README's "Testing with the mock kit" example, run exactly as written (vitest resolves the
// package by name); test/readme-examples.test.ts fails when the two differ.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createClient, StripeInvalidRequestError } from 'stripe-customers';
import { createCustomersMock, customerFixture } from 'stripe-customers/msw';

const mock = createCustomersMock();
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => mock.reset());
afterAll(() => server.close());

const stripe = createClient({ apiKey: 'sk_test_123' });

// The code under test: one Stripe customer per user of your app, found by the app's own id.
async function ensureCustomer(user: { id: string; email: string; name: string }) {
  const found = await stripe.customers.search({ query: `metadata['app_user_id']:'${user.id}'` });
  return found.data[0] ?? stripe.customers.create({ email: user.email, name: user.name, metadata: { app_user_id: user.id } });
}

it('creates the customer once, then finds it', async () => {
  const user = { id: 'u_42', email: 'jenny@example.com', name: 'Jenny Rosen' };
  const first = await ensureCustomer(user);
  const second = await ensureCustomer(user);
  expect(second.id).toBe(first.id);
  expect(mock.store.list()).toHaveLength(1);
});

it('finds a customer seeded as a fixture', async () => {
  const [existing] = mock.seed([customerFixture({ metadata: { app_user_id: 'u_7' } })]);
  const customer = await ensureCustomer({ id: 'u_7', email: 'ada@example.com', name: 'Ada' });
  expect(customer.id).toBe(existing!.id);
});

it("gets Stripe's errors, typed", async () => {
  const error = await stripe.customers.create({ email: 'not-an-email' }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(StripeInvalidRequestError);
  expect(error).toMatchObject({ statusCode: 400, param: 'email' });
});

it('rides out a Stripe outage: the client retries', async () => {
  mock.faults.failNext(1, { status: 503 });
  const customer = await ensureCustomer({ id: 'u_9', email: 'grace@example.com', name: 'Grace' });
  expect(customer.metadata).toEqual({ app_user_id: 'u_9' });
});

// testClock() as a user's test would use it: retries without waiting, through the MSW mock kit.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createClient, StripeTimeoutError, testClock } from 'stripe-customers';
import { createCustomersMock } from 'stripe-customers/msw';

const mock = createCustomersMock();
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => mock.reset());
afterAll(() => server.close());

it('rides out two 503s with no real waiting, and records each backoff', async () => {
  const clock = testClock();
  const stripe = createClient({ apiKey: 'sk_test_123', clock, random: () => 0.5 });
  mock.faults.failNext(2, { status: 503 });
  const customer = await stripe.customers.create({ email: 'a@example.com' });
  expect(customer.object).toBe('customer');
  expect(clock.sleeps).toEqual([375, 750]);
  expect(clock.armed()).toBe(0);
});

it('times out an attempt when the test advances past its timeout', async () => {
  const clock = testClock();
  const stripe = createClient({ apiKey: 'sk_test_123', clock, maxRetries: 0, timeout: 1_000 });
  mock.faults.failNext(1, { delayMs: 60_000 });
  const call = stripe.customers.retrieve('cus_missing').catch((e: unknown) => e);
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(clock.armed()).toBe(1);
  clock.advance(1_000);
  expect(await call).toBeInstanceOf(StripeTimeoutError);
});

import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createClient, decodeForm, operations, StripeIdempotencyError } from '../../src/index.js';
import { fakeClock } from '../support/fake-clock.js';
import { customerJson } from '../support/fixtures.js';
import { STRIPE, stripeJson, useMswServer } from '../support/msw.js';

const server = useMswServer();

/**
 * A Stripe-like create endpoint that honours Idempotency-Key: the same key with the same body
 * replays the first response; the same key with another body is a 400 idempotency_error. `faults`
 * decide, per attempt, whether the response is lost after the customer was made ('lost'), or the
 * request fails before anything is made ('unavailable').
 */
function statefulStripe(faults: ('lost' | 'unavailable')[]) {
  const customers: Record<string, unknown>[] = [];
  const seen = new Map<string, { body: string; response: Record<string, unknown> }>();
  let attempt = 0;
  server.use(
    http.post(`${STRIPE}/v1/customers`, async ({ request }) => {
      const fault = faults[attempt++];
      if (fault === 'unavailable') return stripeJson({ error: { type: 'api_error', message: 'Try again' } }, 503);
      const key = request.headers.get('idempotency-key') ?? '';
      const body = await request.text();
      const earlier = seen.get(key);
      if (earlier && earlier.body !== body) {
        const message = 'Keys for idempotent requests can only be used with the same parameters they were first used with.';
        return stripeJson({ error: { type: 'idempotency_error', message } }, 400);
      }
      let response = earlier?.response;
      if (!response) {
        const params = decodeForm(body, operations.PostCustomers.bodySchema) as Record<string, unknown>;
        response = customerJson({ id: `cus_${customers.length + 1}`, ...params });
        customers.push(response);
        seen.set(key, { body, response });
      }
      return fault === 'lost' ? HttpResponse.error() : stripeJson(response, 200, earlier ? { 'Idempotent-Replayed': 'true' } : {});
    }),
  );
  return { customers, attempts: () => attempt };
}

describe('a retried create never makes two customers', () => {
  it.each([
    ['the response is lost after the customer was made', ['lost'] as const],
    ['lost, then Stripe is unavailable', ['lost', 'unavailable'] as const],
    ['unavailable, then lost', ['unavailable', 'lost'] as const],
  ])('%s', async (_, faults) => {
    const stripe = statefulStripe([...faults]);
    const client = createClient({ apiKey: 'sk_test_123', clock: fakeClock() });
    const customer = await client.customers.create({ email: 'jenny@example.com', metadata: { app_user_id: 'u_42' } });
    expect(stripe.attempts()).toBe(faults.length + 1);
    expect(stripe.customers).toHaveLength(1);
    expect(customer.id).toBe('cus_1');
  });

  it('two calls make two customers: each call has its own key', async () => {
    const stripe = statefulStripe([]);
    const client = createClient({ apiKey: 'sk_test_123', clock: fakeClock() });
    await client.customers.create({ email: 'a@example.com' });
    await client.customers.create({ email: 'a@example.com' });
    expect(stripe.customers).toHaveLength(2);
  });

  it('the same key with other params is an idempotency error, not retried', async () => {
    const stripe = statefulStripe([]);
    const client = createClient({ apiKey: 'sk_test_123', clock: fakeClock() });
    await client.customers.create({ email: 'a@example.com' }, { idempotencyKey: 'signup-u_42' });
    const error = await client.customers.create({ email: 'b@example.com' }, { idempotencyKey: 'signup-u_42' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StripeIdempotencyError);
    expect((error as StripeIdempotencyError).idempotencyKey).toBe('signup-u_42');
    expect(stripe.attempts()).toBe(2);
    expect(stripe.customers).toHaveLength(1);
  });
});

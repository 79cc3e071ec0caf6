// Finding 1: a redirect from the API host must never be followed, on any transport. The "API" is a
// real server on 127.0.0.1 that redirects; the "other host" is a second real server on 127.0.0.2.
// Had the client followed, the other host would have received the customer's form body, the key,
// Stripe-Account and the Idempotency-Key, and its answer would have come back as a success.
import { describe, expect, it } from 'vitest';
import { createClient, StripeAPIError, StripeRedirectError, type Transport } from 'stripe-customers';
import { nodeTransport } from 'stripe-customers/node';
import { customerJson } from '../support/fixtures.js';
import { answerJson, useLoopbackServers } from '../support/loopback.js';

const serve = useLoopbackServers();

const transports: [string, () => { transport?: Transport }][] = [
  ['the default fetch transport', () => ({})],
  ['nodeTransport', () => ({ transport: nodeTransport() })],
];

const calls = {
  create: (stripe: ReturnType<typeof createClient>) =>
    stripe.customers.create({ email: 'jenny@example.com' }, { stripeAccount: 'acct_1', idempotencyKey: 'signup-42' }),
  retrieve: (stripe: ReturnType<typeof createClient>) => stripe.customers.retrieve('cus_1', {}, { stripeAccount: 'acct_1' }),
  update: (stripe: ReturnType<typeof createClient>) => stripe.customers.update('cus_1', { name: 'Jenny' }, { stripeAccount: 'acct_1' }),
  delete: (stripe: ReturnType<typeof createClient>) => stripe.customers.delete('cus_1'),
};

describe.each(transports)('with %s', (_, transportOptions) => {
  describe.each([301, 302, 303, 307, 308])('HTTP %i to another host', (status) => {
    it.each(Object.keys(calls) as (keyof typeof calls)[])('%s throws StripeRedirectError, sends nothing there, and does not retry', async (name) => {
      const elsewhere = await serve(answerJson(200, customerJson()), '127.0.0.2');
      const location = `${elsewhere.url}/v1/customers/cus_evil`;
      const api = await serve((_req, res) => {
        res.writeHead(status, { Location: location, 'Request-Id': 'req_redirect', 'Stripe-Should-Retry': 'true' });
        res.end();
      });
      const stripe = createClient({ apiKey: 'sk_test_123', baseUrl: api.url, ...transportOptions() });
      const error = await calls[name](stripe).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StripeRedirectError);
      expect(error).not.toBeInstanceOf(StripeAPIError);
      expect(error).toMatchObject({ statusCode: status, location, requestId: 'req_redirect' });
      expect((error as Error).message).toContain('redirect');
      expect(elsewhere.received).toHaveLength(0);
      expect(api.received).toHaveLength(1);
    });
  });

  it('a redirect to the same host is not followed either', async () => {
    const api = await serve((req, res) => {
      if (req.url === '/v1/customers') {
        res.writeHead(307, { Location: '/v1/customers/elsewhere' });
        return res.end();
      }
      answerJson(200, customerJson())(req, res, { method: '', url: '', headers: {}, body: '' });
    });
    const stripe = createClient({ apiKey: 'sk_test_123', baseUrl: api.url, ...transportOptions() });
    await expect(stripe.customers.create({ email: 'a@example.com' })).rejects.toBeInstanceOf(StripeRedirectError);
    expect(api.received.map((r) => r.url)).toEqual(['/v1/customers']);
  });
});

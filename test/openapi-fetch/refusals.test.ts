// What stripeMiddleware refuses before anything is sent: bad options, params that break the schema,
// ids that would reach another route, and openapi-fetch's own encodings, which Stripe would misread.
import { http } from 'msw';
import { setupServer } from 'msw/node';
import createClient from 'openapi-fetch';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { StripeValidationError } from 'stripe-customers';
import { stripeBodySerializer, stripeMiddleware, stripeQuerySerializer, type paths } from 'stripe-customers/openapi-fetch';

const KEY = 'sk_test_4eC39HqLyjWDarjtT1zdp7dc';
const STRIPE = 'https://api.stripe.com';
const server = setupServer();
let sent = 0;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  sent = 0;
});
afterAll(() => server.close());

function countSent(): void {
  server.use(
    http.all(`${STRIPE}/*`, () => {
      sent++;
      return Response.json({ object: 'list', data: [], has_more: false, url: '/v1/customers' });
    }),
  );
}

function stripeClient(serializers = { bodySerializer: stripeBodySerializer, querySerializer: stripeQuerySerializer }) {
  const client = createClient<paths>({ baseUrl: STRIPE, ...serializers });
  client.use(stripeMiddleware({ apiKey: KEY }));
  return client;
}

/** The StripeValidationError a call or a constructor threw, as the `field: message` lines of its message. */
async function refusal(run: () => unknown): Promise<string[]> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(StripeValidationError);
    return (error as StripeValidationError).message.split('\n').slice(1).map((line) => line.trim());
  }
  throw new Error('expected a StripeValidationError');
}

describe('stripeMiddleware options', () => {
  it.each([
    [{ apiKey: 'pk_test_123' }, 'apiKey: a publishable key (pk_...) cannot call this API'],
    [{ apiKey: 'sk_test 123' }, 'apiKey: must be a secret or restricted key'],
    [{}, 'apiKey: must be a secret or restricted key'],
    [{ apiKey: KEY, apiVesion: '2024-04-10' }, 'apiVesion: is not an option; did you mean apiVersion?'],
    [{ apiKey: KEY, stripeAccount: 'acct_1\r\nX-Evil: 1' }, 'stripeAccount: must be printable Latin-1 text'],
    [{ apiKey: KEY, idempotencyKey: 'fixed' }, 'idempotencyKey: must be a function'],
  ])('refuses %j', async (options, line) => {
    const lines = await refusal(() => stripeMiddleware(options as never));
    expect(lines.some((l) => l.startsWith(line))).toBe(true);
  });

  it('refuses being called without options', async () => {
    expect(await refusal(() => stripeMiddleware(undefined as never))).toEqual([expect.stringMatching(/^apiKey: /)]);
  });

  it('takes restricted and live keys', () => {
    expect(() => stripeMiddleware({ apiKey: 'rk_live_abc123' })).not.toThrow();
  });
});

describe('stripeMiddleware refuses, and sends nothing', () => {
  it('params that break the schema, named by where they go', async () => {
    countSent();
    const lines = await refusal(() => stripeClient().GET('/v1/customers', { params: { query: { limit: 500 } } }));
    expect(lines).toEqual([expect.stringMatching(/^query\.limit: /)]);
    const body = await refusal(() => stripeClient().POST('/v1/customers', { body: { emial: 'x' } as never }));
    expect(body).toEqual([expect.stringMatching(/^body\.emial: /)]);
    expect(sent).toBe(0);
  });

  it('ids that are empty, dot segments, or another route', async () => {
    countSent();
    const client = stripeClient();
    for (const [customer, rule] of [['..', 'not empty, "." or ".."'], ['', 'not empty'], ['search', '/v1/customers/search is another endpoint']]) {
      const lines = await refusal(() => client.GET('/v1/customers/{customer}', { params: { path: { customer: customer! } } }));
      expect(lines.join('\n')).toContain(rule);
    }
    expect(sent).toBe(0);
  });

  it("openapi-fetch's JSON body", async () => {
    countSent();
    const client = stripeClient({ querySerializer: stripeQuerySerializer } as never);
    const lines = await refusal(() => client.POST('/v1/customers', { body: { email: 'a@example.com' } }));
    expect(lines).toEqual([expect.stringContaining('body: is JSON')]);
    expect(sent).toBe(0);
  });

  it("openapi-fetch's own query encoding of an array (expand=a, which Stripe reads as a string)", async () => {
    countSent();
    const client = stripeClient({ bodySerializer: stripeBodySerializer } as never);
    const lines = await refusal(() => client.GET('/v1/customers', { params: { query: { expand: ['data.tax_ids'] } } }));
    expect(lines).toEqual([expect.stringContaining('querySerializer: stripeQuerySerializer')]);
    // Where openapi-fetch's encoding is the same as Stripe's, the call goes out.
    await client.GET('/v1/customers', { params: { query: { limit: 3 } } });
    expect(sent).toBe(1);
  });

  it('a path that is not in the generated table', async () => {
    countSent();
    const lines = await refusal(() => stripeClient().GET('/v1/charges' as never));
    expect(lines.join()).toContain('GET /v1/charges is not an operation of this table');
    expect(sent).toBe(0);
  });

  it('an Idempotency-Key over 255 characters', async () => {
    countSent();
    const lines = await refusal(() => stripeClient().POST('/v1/customers', { body: {}, headers: { 'Idempotency-Key': 'k'.repeat(256) } }));
    expect(lines).toEqual(['idempotencyKey: at most 255 characters']);
    expect(sent).toBe(0);
  });
});

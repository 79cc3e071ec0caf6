import { http } from 'msw';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createClient, StripeValidationError, type Customer } from '../../src/index.js';
import { withResponse } from '../../src/http/response-meta.js';
import { customerJson } from '../support/fixtures.js';
import { STRIPE, stripeJson, useMswServer } from '../support/msw.js';

const server = useMswServer();
const stripe = createClient({ apiKey: 'sk_test_123' });

function capture(): Request[] {
  const seen: Request[] = [];
  server.use(
    http.all(`${STRIPE}/v1/customers*`, ({ request }) => {
      seen.push(request);
      return stripeJson(customerJson(), 200, { 'Request-Id': 'req_raw42' });
    }),
  );
  return seen;
}

describe('client.withOptions', () => {
  it('returns a client with other defaults, leaving the original as it was', async () => {
    const seen = capture();
    const connected = stripe.withOptions({ stripeAccount: 'acct_123', apiVersion: '2024-09-30.acacia' });
    await connected.customers.retrieve('cus_1');
    await stripe.customers.retrieve('cus_1');
    expect(seen.map((r) => r.headers.get('stripe-account'))).toEqual(['acct_123', null]);
    expect(seen.map((r) => r.headers.get('stripe-version'))).toEqual(['2024-09-30.acacia', '2024-04-10']);
    expect(seen.map((r) => r.headers.get('authorization'))).toEqual(['Bearer sk_test_123', 'Bearer sk_test_123']);
  });

  it('per-request options still win over the new defaults', async () => {
    const seen = capture();
    await stripe.withOptions({ stripeAccount: 'acct_1' }).customers.retrieve('cus_1', {}, { stripeAccount: 'acct_2' });
    expect(seen[0]?.headers.get('stripe-account')).toBe('acct_2');
  });

  it('refuses bad defaults with a typed error', () => {
    expect(() => stripe.withOptions({ maxRetries: -1 })).toThrow(StripeValidationError);
    expect(() => stripe.withOptions({ stripeAccount: 'acct\n' })).toThrow(StripeValidationError);
  });
});

describe('withResponse', () => {
  it('gives the data with the response, request id, status, headers and idempotency key', async () => {
    capture();
    const { data, response, requestId, statusCode, headers, idempotencyKey } = await withResponse(
      stripe.customers.create({ email: 'a@example.com' }, { idempotencyKey: 'k-1' }),
    );
    expectTypeOf(data).toEqualTypeOf<Customer>();
    expectTypeOf(response).toEqualTypeOf<Response>();
    expect(data.id).toBe('cus_NffrFeUfNV2Hib');
    expect(response.status).toBe(200);
    expect(requestId).toBe('req_raw42');
    expect(statusCode).toBe(200);
    expect(headers['request-id']).toBe('req_raw42');
    expect(idempotencyKey).toBe('k-1');
  });

  it('works for a page of list too', async () => {
    server.use(http.get(`${STRIPE}/v1/customers`, () => stripeJson({ object: 'list', data: [], has_more: false, url: '/v1/customers' })));
    const { data, statusCode } = await withResponse(stripe.customers.list());
    expect(data.data).toEqual([]);
    expect(statusCode).toBe(200);
  });
});

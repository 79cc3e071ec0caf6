import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createClient, StripeResponseValidationError } from '../../src/index.js';
import { customerJson } from '../support/fixtures.js';
import { STRIPE, stripeJson, useMswServer } from '../support/msw.js';

const server = useMswServer();
const client = createClient({ apiKey: 'sk_test_123' });

function respond(body: unknown): void {
  server.use(http.get(`${STRIPE}/v1/customers/:id`, () => stripeJson(body)));
}

async function responseError(promise: Promise<unknown>): Promise<StripeResponseValidationError> {
  const error = await promise.then(() => expect.unreachable('should fail'), (e: unknown) => e);
  expect(error).toBeInstanceOf(StripeResponseValidationError);
  return error as StripeResponseValidationError;
}

describe('responses tolerate what Stripe adds', () => {
  it('accepts a customer with only the fields Stripe always sends (id, object, created, livemode)', async () => {
    respond({ id: 'cus_min', object: 'customer', created: 1680893993, livemode: true });
    const customer = await client.customers.retrieve('cus_min');
    expect(customer).toEqual({ id: 'cus_min', object: 'customer', created: 1680893993, livemode: true });
  });

  it('keeps a field this SDK does not know', async () => {
    respond(customerJson({ brand_new_field: { nested: true } }));
    const customer = await client.customers.retrieve('cus_1');
    expect((customer as Record<string, unknown>).brand_new_field).toEqual({ nested: true });
  });

  it('accepts an enum value this SDK does not know', async () => {
    respond(customerJson({ tax_exempt: 'partially_exempt', tax: { automatic_tax: 'pending_review', ip_address: null, location: null } }));
    const customer = await client.customers.retrieve('cus_1');
    expect('tax_exempt' in customer && customer.tax_exempt).toBe('partially_exempt');
  });

  it('accepts an expanded object where an id usually is, and nested cycles', async () => {
    const discount = {
      id: 'di_1', object: 'discount', checkout_session: null, end: null, invoice: null, invoice_item: null,
      promotion_code: null, start: 1680000000, subscription: null,
      coupon: { id: 'SUMMER', object: 'coupon', amount_off: null, created: 1, currency: null, duration: 'once', duration_in_months: null, livemode: false, max_redemptions: null, metadata: {}, name: null, percent_off: 25, redeem_by: null, times_redeemed: 1, valid: true },
      customer: customerJson({ id: 'cus_inner' }),
    };
    respond(customerJson({ discount }));
    const customer = await client.customers.retrieve('cus_1', { expand: ['discount.customer'] });
    expect('discount' in customer && customer.discount?.coupon.percent_off).toBe(25);
  });
});

describe('responses that contradict the schema fail loudly', () => {
  it('a string where an integer is declared', async () => {
    respond(customerJson({ balance: '100' }));
    const error = await responseError(client.customers.retrieve('cus_1'));
    // retrieve returns a customer or a deleted stub: zod reports the union, the message its likeliest branch.
    expect(error.issues).toMatchObject([{ code: 'invalid_union', path: [], field: '(body)' }]);
    expect(error.statusCode).toBe(200);
    expect(error.requestId).toBe('req_test123');
    expect(JSON.parse(error.rawBody)).toMatchObject({ balance: '100' });
    expect(error.message).toContain('balance: Invalid input: expected number, received string');
  });

  it('a missing required field', async () => {
    const { created: _dropped, ...withoutCreated } = customerJson();
    server.use(http.post(`${STRIPE}/v1/customers`, () => stripeJson(withoutCreated)));
    const error = await responseError(client.customers.create({}));
    expect(error.issues.map((i) => i.field)).toContain('created');
  });

  it.each([
    ['truncated JSON', '{"id": "cus_1", "obj'],
    ['an HTML page', '<html>maintenance</html>'],
    ['an empty body', ''],
  ])('a 200 with %s', async (_, body) => {
    server.use(http.get(`${STRIPE}/v1/customers/:id`, () => new HttpResponse(body, { status: 200, headers: { 'Request-Id': 'req_bad' } })));
    const error = await responseError(client.customers.retrieve('cus_1'));
    expect(error.rawBody).toBe(body);
    expect(error.requestId).toBe('req_bad');
    expect(error.message).toContain('not JSON');
  });
});

describe('fetch is looked up when a request is made', () => {
  it('uses a globalThis.fetch installed after the client was created', async () => {
    const early = createClient({ apiKey: 'sk_test_123' });
    const original = globalThis.fetch;
    const seen: string[] = [];
    globalThis.fetch = async (input) => {
      seen.push(input instanceof Request ? input.url : String(input));
      return stripeJson(customerJson());
    };
    try {
      await early.customers.retrieve('cus_late');
    } finally {
      globalThis.fetch = original;
    }
    expect(seen).toEqual(['https://api.stripe.com/v1/customers/cus_late']);
  });

  it('uses an injected fetch and baseUrl without MSW', async () => {
    const seen: Request[] = [];
    const local = createClient({
      apiKey: 'sk_test_123',
      baseUrl: 'http://127.0.0.1:12111/',
      fetch: async (input, init) => {
        seen.push(new Request(input, init));
        return stripeJson(customerJson());
      },
    });
    await local.customers.update('cus_1', { name: 'Ada' });
    expect(seen[0]?.url).toBe('http://127.0.0.1:12111/v1/customers/cus_1');
    expect(seen[0]?.method).toBe('POST');
    expect(await seen[0]?.text()).toBe('name=Ada');
  });
});

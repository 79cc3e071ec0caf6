import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  createClient,
  responseMeta,
  StripeAbortError,
  StripeAPIError,
  StripeConnectionError,
  StripeError,
  StripeIdempotencyError,
  StripeInvalidRequestError,
  StripeRateLimitError,
  StripeResponseValidationError,
  StripeTimeoutError,
} from '../../src/index.js';
import { fakeClock, type FakeClock } from '../support/fake-clock.js';
import { customerJson } from '../support/fixtures.js';
import { STRIPE, stripeJson, useMswServer } from '../support/msw.js';

const server = useMswServer();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** One injected fault (or success) per attempt. `hang` never answers: the clock runs out the timeout. */
type Fault = (clock: FakeClock) => Response | Promise<Response>;
const reset: Fault = () => HttpResponse.error();
const hang: Fault = async (clock) => {
  clock.advance(80_000);
  await delay('infinite');
  return new Response();
};
const status = (code: number, headers: Record<string, string> = {}, type = 'api_error'): Fault => () =>
  stripeJson({ error: { type, message: `status ${code}` } }, code, headers);
const html = (code: number): Fault => () => new HttpResponse('<html>Bad gateway</html>', { status: code, headers: { 'Content-Type': 'text/html' } });
const body = (text: string, contentType = 'application/json'): Fault => () =>
  new HttpResponse(text, { status: 200, headers: { 'Content-Type': contentType, 'Request-Id': 'req_raw' } });
const ok: Fault = () => stripeJson(customerJson());

/** Serves `faults` in order to POST /v1/customers and records each attempt's Idempotency-Key. */
function inject(faults: Fault[], clock: FakeClock): { keys: (string | null)[] } {
  const seen = { keys: [] as (string | null)[] };
  server.use(
    http.post(`${STRIPE}/v1/customers`, ({ request }) => {
      seen.keys.push(request.headers.get('idempotency-key'));
      const fault = faults[seen.keys.length - 1] ?? ok;
      return fault(clock);
    }),
  );
  return seen;
}

const cases: [string, { faults: Fault[]; attempts: number; error?: Function }][] = [
  ['connection reset every time', { faults: [reset, reset, reset], attempts: 3, error: StripeConnectionError }],
  ['connection reset, then success', { faults: [reset, ok], attempts: 2 }],
  ['timeout every time', { faults: [hang, hang, hang], attempts: 3, error: StripeTimeoutError }],
  ['500 every time', { faults: [status(500), status(500), status(500)], attempts: 3, error: StripeAPIError }],
  ['502 then 503 HTML pages, then success', { faults: [html(502), html(503), ok], attempts: 3 }],
  ['429 with Retry-After, then success', { faults: [status(429, { 'Retry-After': '2' }, 'invalid_request_error'), ok], attempts: 2 }],
  ['429 asking for more than 60 s', { faults: [status(429, { 'Retry-After': '120' }, 'invalid_request_error')], attempts: 1, error: StripeRateLimitError }],
  ['409 idempotency conflict (request in flight) every time', { faults: [status(409, {}, 'idempotency_error'), status(409, {}, 'idempotency_error'), status(409, {}, 'idempotency_error')], attempts: 3, error: StripeIdempotencyError }],
  ['400', { faults: [status(400, {}, 'invalid_request_error')], attempts: 1, error: StripeInvalidRequestError }],
  ['500 with Stripe-Should-Retry: false', { faults: [status(500, { 'Stripe-Should-Retry': 'false' })], attempts: 1, error: StripeAPIError }],
  ['400 with Stripe-Should-Retry: true, then success', { faults: [status(400, { 'Stripe-Should-Retry': 'true' }, 'invalid_request_error'), ok], attempts: 2 }],
  ['truncated JSON (a 2xx is never retried)', { faults: [body('{"id":"cus_1","obj')], attempts: 1, error: StripeResponseValidationError }],
  ['a non-JSON 200', { faults: [body('OK')], attempts: 1, error: StripeResponseValidationError }],
  ['an empty 200', { faults: [body('')], attempts: 1, error: StripeResponseValidationError }],
  ['a 200 HTML page (wrong content type)', { faults: [body('<html></html>', 'text/html')], attempts: 1, error: StripeResponseValidationError }],
];

describe('fault injection: retries decided by status, header and failure kind', () => {
  it.each(cases)('%s', async (_, { faults, attempts, error }) => {
    const clock = fakeClock();
    const client = createClient({ apiKey: 'sk_test_123', clock, random: () => 0.5 });
    const seen = inject(faults, clock);
    const outcome = await client.customers.create({ email: 'a@example.com' }).then(
      (customer) => ({ customer }),
      (e: unknown) => ({ e }),
    );
    expect(seen.keys).toHaveLength(attempts);
    expect(new Set(seen.keys).size).toBe(1);
    expect(seen.keys[0]).toMatch(UUID);
    if (error) {
      expect('e' in outcome && outcome.e).toBeInstanceOf(error);
      const e = (outcome as { e: StripeError }).e;
      expect(e.idempotencyKey).toBe(seen.keys[0]);
      if (e instanceof StripeConnectionError) expect(e.cause).toBeDefined();
    } else {
      expect('customer' in outcome).toBe(true);
      expect(responseMeta((outcome as { customer: object }).customer)?.idempotencyKey).toBe(seen.keys[0]);
    }
    expect(clock.sleeps).toHaveLength(attempts - 1);
    expect(clock.armed(), 'every attempt clears its timeout when it ends').toBe(0);
  });

  it('waits 0.5 s then 1 s with jitter, and honours Retry-After', async () => {
    const clock = fakeClock();
    const client = createClient({ apiKey: 'sk_test_123', clock, random: () => 1 - Number.EPSILON });
    inject([status(500), status(500), ok], clock);
    await client.customers.create({});
    expect(clock.sleeps).toEqual([500, 1000]);
    const later = fakeClock();
    const patient = createClient({ apiKey: 'sk_test_123', clock: later, random: () => 0 });
    inject([status(429, { 'Retry-After': new Date(later.now() + 7_000).toUTCString() }), ok], later);
    await patient.customers.create({});
    expect(later.sleeps).toEqual([7000]);
  });

  it('uses a caller-supplied Idempotency-Key on every attempt and reports it', async () => {
    const clock = fakeClock();
    const client = createClient({ apiKey: 'sk_test_123', clock });
    const seen = inject([reset, html(503), ok], clock);
    const customer = await client.customers.create({}, { idempotencyKey: 'signup-u_42' });
    expect(seen.keys).toEqual(['signup-u_42', 'signup-u_42', 'signup-u_42']);
    expect(responseMeta(customer)).toMatchObject({ idempotencyKey: 'signup-u_42', statusCode: 200, requestId: 'req_test123' });
  });

  it('honours maxRetries per client and per request', async () => {
    const clock = fakeClock();
    const client = createClient({ apiKey: 'sk_test_123', clock, maxRetries: 0 });
    const once = inject([reset, reset, reset, reset, reset], clock);
    await expect(client.customers.create({})).rejects.toBeInstanceOf(StripeConnectionError);
    expect(once.keys).toHaveLength(1);
    const more = inject([reset, reset, reset, reset, ok], clock);
    await client.customers.create({}, { maxRetries: 4 });
    expect(more.keys).toHaveLength(5);
  });

  it('stops retrying when the deadline would pass', async () => {
    const clock = fakeClock();
    const client = createClient({ apiKey: 'sk_test_123', clock, random: () => 0.5 });
    const seen = inject([status(500), status(500), ok], clock);
    await expect(client.customers.create({}, { deadline: 300 })).rejects.toBeInstanceOf(StripeAPIError);
    expect(seen.keys).toHaveLength(1);
  });

  it("aborts at once on the caller's signal and never retries", async () => {
    const clock = fakeClock();
    const client = createClient({ apiKey: 'sk_test_123', clock });
    const controller = new AbortController();
    let attempts = 0;
    server.use(
      http.post(`${STRIPE}/v1/customers`, async () => {
        attempts++;
        controller.abort(new Error('user navigated away'));
        await delay('infinite');
        return new Response();
      }),
    );
    const error = await client.customers.create({}, { signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StripeAbortError);
    expect((error as StripeAbortError).cause).toEqual(new Error('user navigated away'));
    expect(attempts).toBe(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('GET and DELETE carry no Idempotency-Key but are retried too', async () => {
    const clock = fakeClock();
    const client = createClient({ apiKey: 'sk_test_123', clock });
    const keys: (string | null)[] = [];
    server.use(
      http.get(`${STRIPE}/v1/customers/:id`, ({ request }) => {
        keys.push(request.headers.get('idempotency-key'));
        return keys.length === 1 ? HttpResponse.error() : stripeJson(customerJson());
      }),
    );
    await client.customers.retrieve('cus_1');
    expect(keys).toEqual([null, null]);
  });
});

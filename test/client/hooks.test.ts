// createClient({ hooks }) at the wire, through MSW (the fetch transport): which events a call
// makes and what they hold, for a success, a retried 503, a network failure, a refused response,
// and a call refused before sending; hooks that throw or never settle; the key in no event; and the
// option's own checks. test/client/hooks-wire.test.ts does the same over real sockets and node:http.
import { AsyncLocalStorage } from 'node:async_hooks';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createClient,
  StripeAbortError,
  StripeAPIError,
  StripeConnectionError,
  StripeResponseValidationError,
  StripeValidationError,
  type ClientHooks,
  type ClientOptions,
  type ErrorHookEvent,
  type RequestHookEvent,
  type ResponseHookEvent,
} from '../../src/index.js';
import { fakeClock } from '../support/fake-clock.js';
import { customerJson, listJson } from '../support/fixtures.js';
import { STRIPE, stripeJson, useMswServer } from '../support/msw.js';

const server = useMswServer();
const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
afterEach(() => warn.mockClear());

type Recorded =
  | { hook: 'onRequest'; event: RequestHookEvent }
  | { hook: 'onResponse'; event: ResponseHookEvent }
  | { hook: 'onError'; event: ErrorHookEvent };

/** Hooks that record every event in order, and the list they record into. */
function recorder(extra: Partial<ClientHooks> = {}): { events: Recorded[]; hooks: ClientHooks } {
  const events: Recorded[] = [];
  const hooks: ClientHooks = {
    onRequest: (event) => void events.push({ hook: 'onRequest', event }),
    onResponse: (event) => void events.push({ hook: 'onResponse', event }),
    onError: (event) => void events.push({ hook: 'onError', event }),
    ...extra,
  };
  return { events, hooks };
}

const clientWith = (hooks: ClientHooks, options: Partial<ClientOptions> = {}) =>
  createClient({ apiKey: 'sk_test_123', hooks, clock: fakeClock(), random: () => 0.5, ...options });

/** Answers POST /v1/customers with `answers` in order (the last one repeats), recording each Idempotency-Key. */
function answerCreate(...answers: (() => Response)[]): (string | null)[] {
  const keys: (string | null)[] = [];
  server.use(
    http.post(`${STRIPE}/v1/customers`, ({ request }) => {
      keys.push(request.headers.get('idempotency-key'));
      return answers[Math.min(keys.length, answers.length) - 1]!();
    }),
  );
  return keys;
}

const ok = () => stripeJson(customerJson());
const unavailable = () => stripeJson({ error: { type: 'api_error', message: 'try later' } }, 503, { 'Request-Id': 'req_503' });

describe('hook events', () => {
  it('for a success: onRequest, then onResponse, with the call, the attempt and the answer', async () => {
    const keys = answerCreate(ok);
    const { events, hooks } = recorder();
    await clientWith(hooks).customers.create({ email: 'jenny@example.com' });
    expect(events.map((e) => e.hook)).toEqual(['onRequest', 'onResponse']);
    const call = {
      callId: events[0]!.event.callId,
      operationId: 'PostCustomers',
      method: 'POST',
      route: '/v1/customers',
      path: '/v1/customers',
      attempt: 1,
      idempotencyKey: keys[0],
      elapsedMs: 0,
    };
    expect(events[0]!.event).toStrictEqual(call);
    expect(events[1]!.event).toStrictEqual({ ...call, status: 200, requestId: 'req_test123' });
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('name the route by its template and the path as sent', async () => {
    server.use(http.get(`${STRIPE}/v1/customers/:id`, () => stripeJson(customerJson())));
    const { events, hooks } = recorder();
    await clientWith(hooks).customers.retrieve('cus a/b');
    expect(events[0]!.event).toMatchObject({
      operationId: 'GetCustomersCustomer',
      method: 'GET',
      route: '/v1/customers/{customer}',
      path: '/v1/customers/cus%20a%2Fb',
      idempotencyKey: undefined,
    });
  });

  it('number the calls: every event of one call has its callId, the next call another', async () => {
    answerCreate(ok);
    const { events, hooks } = recorder();
    const stripe = clientWith(hooks);
    await stripe.customers.create({});
    await stripe.customers.create({});
    const ids = events.map((e) => e.event.callId);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).toBe(ids[3]);
    expect(ids[2]).toBeGreaterThan(ids[0]!);
  });

  it('for a 503 retried into a success: both attempts, one idempotency key, and the wait before the retry', async () => {
    const keys = answerCreate(unavailable, ok);
    const clock = fakeClock();
    const { events, hooks } = recorder();
    await clientWith(hooks, { clock }).customers.create({ email: 'jenny@example.com' });
    expect(events.map((e) => `${e.hook} ${e.event.attempt}`)).toEqual(['onRequest 1', 'onError 1', 'onRequest 2', 'onResponse 2']);
    expect(clock.sleeps).toHaveLength(1);
    const failed = events[1]!.event as ErrorHookEvent;
    expect(failed.error).toBeInstanceOf(StripeAPIError);
    expect(failed.error).toMatchObject({ statusCode: 503, requestId: 'req_503' });
    expect(failed.willRetry).toBe(true);
    expect(failed.retryDelayMs).toBe(clock.sleeps[0]);
    expect(failed.retryDelayMs).toBeGreaterThan(0);
    // The fake clock moves only while the client waits, so the retry starts exactly that much later.
    expect(events[2]!.event.elapsedMs).toBe(clock.sleeps[0]);
    expect(new Set(events.map((e) => e.event.idempotencyKey))).toEqual(new Set([keys[0]]));
    expect(keys).toEqual([keys[0], keys[0]]);
    expect(events[3]!.event).toMatchObject({ status: 200, attempt: 2 });
  });

  it('for a network failure: each attempt fails, the last says it will not retry, and its error is the one thrown', async () => {
    answerCreate(() => HttpResponse.error());
    const { events, hooks } = recorder();
    const thrown = await clientWith(hooks, { maxRetries: 1 }).customers.create({}).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(StripeConnectionError);
    expect(events.map((e) => `${e.hook} ${e.event.attempt}`)).toEqual(['onRequest 1', 'onError 1', 'onRequest 2', 'onError 2']);
    const [first, last] = [events[1]!.event as ErrorHookEvent, events[3]!.event as ErrorHookEvent];
    expect(first).toMatchObject({ willRetry: true });
    expect(first.error).toBeInstanceOf(StripeConnectionError);
    expect(last).toMatchObject({ willRetry: false, retryDelayMs: undefined });
    expect(last.error).toBe(thrown);
  });

  it('for a 2xx whose body is refused: onError with the validation error, not onResponse', async () => {
    answerCreate(() => stripeJson({ id: 42, object: 'customer' }));
    const { events, hooks } = recorder();
    const thrown = await clientWith(hooks).customers.create({}).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(StripeResponseValidationError);
    expect(events.map((e) => e.hook)).toEqual(['onRequest', 'onError']);
    expect(events[1]!.event).toMatchObject({ attempt: 1, willRetry: false, error: thrown });
    expect((events[1]!.event as ErrorHookEvent).error.statusCode).toBe(200);
  });

  it('none for a call refused before sending: bad params, bad options, a signal already aborted', async () => {
    const seen = answerCreate(ok);
    const { events, hooks } = recorder();
    const stripe = clientWith(hooks);
    await expect(stripe.customers.create({ email: 42 as unknown as string })).rejects.toBeInstanceOf(StripeValidationError);
    await expect(stripe.customers.create({}, { timout: 5 } as never)).rejects.toBeInstanceOf(StripeValidationError);
    await expect(stripe.customers.create({}, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(StripeAbortError);
    expect(seen).toEqual([]);
    expect(events).toEqual([]);
  });

  it('for a call aborted while it waits to retry: one more onError, the abort, that ends the call', async () => {
    answerCreate(unavailable);
    const controller = new AbortController();
    const { events, hooks } = recorder({
      onError(event) {
        events.push({ hook: 'onError', event });
        if (event.willRetry) controller.abort();
      },
    });
    const thrown = await clientWith(hooks).customers.create({}, { signal: controller.signal }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(StripeAbortError);
    expect(events.map((e) => `${e.hook} ${e.event.attempt}`)).toEqual(['onRequest 1', 'onError 1', 'onError 1']);
    expect(events[2]!.event).toMatchObject({ willRetry: false, error: thrown });
  });

  it('only with includeBodies carry the query, the form body and the response body', async () => {
    server.use(http.get(`${STRIPE}/v1/customers`, () => stripeJson(listJson([]))));
    answerCreate(ok);
    const plain = recorder();
    await clientWith(plain.hooks).customers.list({ limit: 3 });
    expect(plain.events.every((e) => !('body' in e.event) && !('query' in e.event))).toBe(true);
    const bodies = recorder();
    const stripe = clientWith({ ...bodies.hooks, includeBodies: true });
    await stripe.customers.list({ limit: 3 });
    await stripe.customers.create({ email: 'jenny@example.com' });
    expect(bodies.events[0]!.event).toMatchObject({ query: 'limit=3', body: undefined });
    expect(bodies.events[1]!.event).toMatchObject({ body: JSON.stringify(listJson([])) });
    expect(bodies.events[2]!.event).toMatchObject({ query: '', body: 'email=jenny%40example.com' });
    expect(bodies.events[3]!.event).toMatchObject({ body: JSON.stringify(customerJson()) });
  });

  it("run in the caller's async context, so an AsyncLocalStorage store reaches them", async () => {
    answerCreate(unavailable, ok);
    const storage = new AsyncLocalStorage<string>();
    const seen: (string | undefined)[] = [];
    const stripe = clientWith({
      onRequest: () => void seen.push(storage.getStore()),
      onResponse: () => void seen.push(storage.getStore()),
      onError: () => void seen.push(storage.getStore()),
    });
    await storage.run('trace-1', () => stripe.customers.create({}));
    expect(seen).toEqual(['trace-1', 'trace-1', 'trace-1', 'trace-1']);
  });

  it('reach the clients withOptions makes', async () => {
    answerCreate(ok);
    const { events, hooks } = recorder();
    await clientWith(hooks).withOptions({ stripeAccount: 'acct_123' }).customers.create({});
    expect(events.map((e) => e.hook)).toEqual(['onRequest', 'onResponse']);
  });
});

describe('hooks cannot break a call', () => {
  it('a hook that throws is caught, and reported once per client with console.warn', async () => {
    answerCreate(ok);
    const stripe = clientWith({
      onRequest: () => {
        throw new Error('logger down');
      },
    });
    expect((await stripe.customers.create({})).id).toBe('cus_NffrFeUfNV2Hib');
    expect((await stripe.customers.create({})).id).toBe('cus_NffrFeUfNV2Hib');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]).toEqual([expect.stringContaining('hook failed'), new Error('logger down')]);
  });

  it('an async hook is not awaited, and its rejection is caught, never an unhandled rejection', async () => {
    answerCreate(ok);
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listener);
    try {
      const stripe = clientWith({
        onRequest: () => new Promise<void>(() => {}),
        onResponse: async () => {
          throw new Error('exporter down');
        },
      });
      expect((await stripe.customers.create({})).id).toBe('cus_NffrFeUfNV2Hib');
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0]![1]).toEqual(new Error('exporter down'));
    } finally {
      process.off('unhandledRejection', listener);
    }
  });

  it('an error hook that throws leaves the call its own error', async () => {
    answerCreate(() => HttpResponse.error());
    const stripe = clientWith(
      {
        onError: () => {
          throw new Error('boom');
        },
      },
      { maxRetries: 0 },
    );
    await expect(stripe.customers.create({})).rejects.toBeInstanceOf(StripeConnectionError);
  });
});

describe('the API key in hook events', () => {
  it('appears in none, wherever the call or the answer carries it, bodies and errors included', async () => {
    const apiKey = `sk_test_${'K3yMaterial'.repeat(4)}`;
    const basic = btoa(`${apiKey}:`);
    let attempt = 0;
    server.use(
      http.post(`${STRIPE}/v1/customers/:id`, ({ request }) => {
        const auth = request.headers.get('authorization')!;
        // The first attempt of the second call fails, quoting the key as sent and as Basic credentials.
        if (++attempt === 2) {
          return stripeJson({ error: { type: 'api_error', message: `bad ${auth} ${basic}` } }, 500, { 'Request-Id': `req_${apiKey}` });
        }
        return stripeJson(customerJson({ description: auth, metadata: { basic } }), 200, { 'Request-Id': auth });
      }),
    );
    const { events, hooks } = recorder();
    const stripe = clientWith({ ...hooks, includeBodies: true }, { apiKey });
    await stripe.customers.update(apiKey, { description: apiKey, metadata: { basic } }, { idempotencyKey: `retry-${apiKey}` });
    await stripe.customers.update('cus_123', { description: apiKey, metadata: { basic } });
    expect(events.map((e) => e.hook)).toEqual(['onRequest', 'onResponse', 'onRequest', 'onError', 'onRequest', 'onResponse']);
    const text = JSON.stringify(events);
    expect(text).not.toContain('K3yMaterial');
    expect(text).not.toContain(basic);
    expect(text).not.toContain(encodeURIComponent(basic));
    // The key was there to mask: in the path, the idempotency key, the request id, both bodies and the error.
    expect(events[0]!.event).toMatchObject({ path: '/v1/customers/sk_test_***', idempotencyKey: 'retry-sk_test_***', body: 'description=sk_test_***&metadata[basic]=***' });
    expect(events[1]!.event).toMatchObject({ requestId: 'Bearer sk_test_***' });
    expect((events[3]!.event as ErrorHookEvent).error.message).toContain('bad Bearer sk_test_*** ***');
    expect(text.match(/\*\*\*/g)!.length).toBeGreaterThanOrEqual(12);
  });
});

describe('the hooks option', () => {
  const refused = (hooks: unknown) => {
    try {
      createClient({ apiKey: 'sk_test_123', hooks: hooks as ClientHooks });
    } catch (error) {
      expect(error).toBeInstanceOf(StripeValidationError);
      return (error as StripeValidationError).issues.map((i) => `${i.field}: ${i.message}`);
    }
    throw new Error('createClient accepted the hooks');
  };

  it('takes functions only', () => {
    expect(refused({ onRequest: 'console.log' })).toEqual(['hooks.onRequest: must be a function, not a string']);
    expect(refused({ onError: [() => {}] })).toEqual(['hooks.onError: must be a function, not an array']);
    expect(refused({ includeBodies: 'yes' })).toEqual(['hooks.includeBodies: must be a boolean, not a string']);
  });

  it('refuses an unknown hook by name, with the closest known one', () => {
    expect(refused({ onRequets: () => {} })).toEqual([expect.stringMatching(/^hooks\.onRequets: is not an option; did you mean onRequest\?/)]);
    expect(refused({ beforeRetry: () => {} })).toEqual([expect.stringMatching(/^hooks\.beforeRetry: .*onRequest, onResponse, onError, includeBodies/)]);
  });

  it('must be an object', () => {
    expect(refused(() => {})).toEqual([expect.stringMatching(/^hooks: must be an object/)]);
    expect(refused(null)).toEqual([expect.stringMatching(/^hooks: must be an object/)]);
  });

  it('is set with createClient, not withOptions', () => {
    const stripe = createClient({ apiKey: 'sk_test_123' });
    expect(() => stripe.withOptions({ hooks: {} } as never)).toThrow(/hooks: is not an option; set it with createClient/);
  });

  it('may be empty, or name only some hooks', async () => {
    answerCreate(ok);
    expect((await clientWith({}).customers.create({})).id).toBe('cus_NffrFeUfNV2Hib');
    const responses: ResponseHookEvent[] = [];
    await clientWith({ onResponse: (e) => void responses.push(e) }).customers.create({});
    expect(responses).toHaveLength(1);
  });
});

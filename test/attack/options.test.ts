// Findings 2, 4, 5, 6 and 7: options are checked with the same rigour as params, before anything is
// sent. Each case runs against a real loopback server that counts what reaches it: a refused call
// must reach it zero times, and must never be retried.
import { describe, expect, it } from 'vitest';
import { createClient, StripeValidationError } from 'stripe-customers';
import { nodeTransport } from 'stripe-customers/node';
import { customerJson } from '../support/fixtures.js';
import { answerJson, useLoopbackServers } from '../support/loopback.js';

const serve = useLoopbackServers();

async function refusedCall(options: unknown, field: string, message: RegExp) {
  const api = await serve(answerJson(200, customerJson()));
  const stripe = createClient({ apiKey: 'sk_test_123', baseUrl: api.url });
  const error = await stripe.customers.create({ email: 'a@example.com' }, options as never).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(StripeValidationError);
  const issue = (error as StripeValidationError).issues.find((i) => i.field === field);
  expect(issue?.message).toMatch(message);
  expect(api.received).toHaveLength(0);
}

describe('idempotencyKey (finding 2: a non-string key was coerced, so two creates shared one)', () => {
  it.each([
    [{ orderId: 42 }, /must be a string, not an object/],
    [42, /must be a string, not a number/],
    [['a'], /must be a string, not an array/],
    [null, /must be a string, not null/],
    ['', /must not be empty/],
    ['k'.repeat(256), /at most 255 characters/],
    ['clé-🙂', /printable ASCII/],
    ['a\tb', /printable ASCII/],
  ])('%j is refused before sending', async (key, rule) => {
    await refusedCall({ idempotencyKey: key }, 'idempotencyKey', rule);
  });

  it('two creates with different keys send different keys, each exactly as given', async () => {
    const api = await serve(answerJson(200, customerJson()));
    const stripe = createClient({ apiKey: 'sk_test_123', baseUrl: api.url });
    await stripe.customers.create({}, { idempotencyKey: 'order-41' });
    await stripe.customers.create({}, { idempotencyKey: 'k'.repeat(255) });
    expect(api.received.map((r) => r.headers['idempotency-key'])).toEqual(['order-41', 'k'.repeat(255)]);
  });
});

describe('signal (finding 4: a fake signal crashed the process from a retry timer)', () => {
  it.each([{ aborted: false }, 'stop', 1, { addEventListener() {} }])('%j is refused, and no timer is left to throw', async (signal) => {
    await refusedCall({ signal }, 'signal', /must be an AbortSignal/);
  });

  it('a real AbortSignal still works', async () => {
    const api = await serve(answerJson(200, customerJson()));
    const stripe = createClient({ apiKey: 'sk_test_123', baseUrl: api.url });
    await expect(stripe.customers.create({}, { signal: new AbortController().signal })).resolves.toMatchObject({ object: 'customer' });
  });
});

describe('timeout and deadline (finding 5: 2^31 ms or more failed every call after ~1 ms)', () => {
  it.each(['timeout', 'deadline'])('%s of 2^31, Infinity, NaN, 0, -1 or a string is refused', async (field) => {
    for (const value of [2 ** 31, Infinity, Number.NaN, 0, -1, '5000']) {
      await refusedCall({ [field]: value }, field, /must be a number of ms from 1 to 2147483647/);
    }
  });

  it.each(['timeout', 'deadline'])('%s of 2^31 - 1 ms lets a slow answer arrive, on both transports', async (field) => {
    const api = await serve((req, res, seen) => setTimeout(() => answerJson(200, customerJson())(req, res, seen), 30));
    for (const transport of [undefined, nodeTransport()]) {
      const stripe = createClient({ apiKey: 'sk_test_123', baseUrl: api.url, ...(transport && { transport }) });
      await expect(stripe.customers.retrieve('cus_1', {}, { [field]: 2 ** 31 - 1 })).resolves.toMatchObject({ object: 'customer' });
    }
    expect(api.received).toHaveLength(2);
  });

  it('createClient refuses the same values', () => {
    for (const timeout of [2 ** 31, Infinity]) {
      expect(() => createClient({ apiKey: 'sk_test_123', timeout })).toThrow(/timeout: must be a number of ms/);
    }
  });
});

describe('maxRetries', () => {
  it.each([-1, 11, 1.5, '2', Infinity])('%j is refused', async (maxRetries) => {
    await refusedCall({ maxRetries }, 'maxRetries', /must be an integer from 0 to 10/);
  });
});

describe('header values (finding 6: non-Latin-1 failed as a connection error and was retried)', () => {
  it.each([
    [{ stripeAccount: 'acct_🙂' }, 'stripeAccount'],
    [{ apiVersion: '2024-04-10\u2028' }, 'apiVersion'],
    [{ headers: { 'X-Trace': 'ünï-🙂' } }, 'headers["X-Trace"]'],
    [{ headers: { 'X-Trace': 'a\r\nX-Evil: 1' } }, 'headers["X-Trace"]'],
    [{ headers: { 'X-Trace': '\u0085' } }, 'headers["X-Trace"]'],
  ])('%j is refused at once, not retried', async (options, field) => {
    await refusedCall(options, field, /printable Latin-1/);
  });

  it('a non-string header value is refused, not coerced', async () => {
    await refusedCall({ headers: { 'X-Count': 3 } }, 'headers["X-Count"]', /must be a string, not a number/);
  });

  it('Latin-1 letters are sent as they are', async () => {
    const api = await serve(answerJson(200, customerJson()));
    const stripe = createClient({ apiKey: 'sk_test_123', baseUrl: api.url, transport: nodeTransport() });
    await stripe.customers.retrieve('cus_1', {}, { headers: { 'X-Team': 'Équipe' } });
    expect(Buffer.from(api.received[0]!.headers['x-team'] as string, 'latin1').toString('latin1')).toBe('Équipe');
  });

  it('createClient refuses a non-Latin-1 stripeAccount', () => {
    expect(() => createClient({ apiKey: 'sk_test_123', stripeAccount: 'acct_🙂' })).toThrow(StripeValidationError);
  });
});

describe('option names (finding 7: misspelled options were ignored)', () => {
  it.each([
    ['idempotency_key', /did you mean idempotencyKey\?/],
    ['timout', /did you mean timeout\?/],
    ['max_retries', /did you mean maxRetries\?/],
    ['stripe_account', /did you mean stripeAccount\?/],
    ['expand', /params go in the argument before the request options/],
  ])('%s is refused with a hint', async (name, rule) => {
    await refusedCall({ [name]: 'x' }, name, rule);
  });

  it('options that are not an object are refused', async () => {
    await refusedCall('sk_test_123', '(options)', /must be an object of options, not a string/);
  });

  it('createClient and withOptions refuse unknown names too, with hints', () => {
    expect(() => createClient({ apiKey: 'sk_test_123', timout: 5 } as never)).toThrow(/timout: is not an option; did you mean timeout\?/);
    expect(() => createClient({ apiKey: 'sk_test_123', idempotencyKey: 'k' } as never)).toThrow(/per-request option/);
    const stripe = createClient({ apiKey: 'sk_test_123' });
    expect(() => stripe.withOptions({ apiKey: 'sk_test_456' } as never)).toThrow(/set it with createClient/);
    expect(() => stripe.withOptions({ stripe_account: 'acct_1' } as never)).toThrow(/did you mean stripeAccount\?/);
  });

  it.each([
    [{ apiKey: 'sk_test_123', allowHttp: 'yes' }, 'allowHttp'],
    [{ apiKey: 'sk_test_123', random: 0.5 }, 'random'],
    [{ apiKey: 'sk_test_123', clock: {} }, 'clock'],
    [{ apiKey: 'sk_test_123', maxResponseBytes: 0 }, 'maxResponseBytes'],
    [{ apiKey: 'sk_test_123', baseUrl: 42 }, 'baseUrl'],
  ])('createClient(%j) names %s', (options, field) => {
    try {
      createClient(options as never);
      expect.unreachable('should be refused');
    } catch (error) {
      expect(error).toBeInstanceOf(StripeValidationError);
      expect((error as StripeValidationError).issues.map((i) => i.field)).toContain(field);
    }
  });
});

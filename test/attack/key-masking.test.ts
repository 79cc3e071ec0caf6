// Finding 3: the key was masked only after a word boundary, so `Bearer%20sk_test_…`, `_sk_test_…`
// or `x=sk_test_…` in an error came back whole, and a response header echoing it was not masked.
// Property: whatever surrounds the key in an error body or a header, no rendering of the error
// (message, String, JSON, util.inspect, stack, raw, headers, rawBody) holds it.
import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClient, StripeConnectionError, StripeError, type Transport } from 'stripe-customers';
import { nodeTransport } from 'stripe-customers/node';
import { answerJson, useLoopbackServers, type LoopbackHandler } from '../support/loopback.js';

const serve = useLoopbackServers();

/** Every way a user or a logger might print an error. */
function renderings(error: unknown): string[] {
  const e = error as StripeError & { rawBody?: string };
  return [
    e.message,
    String(e),
    JSON.stringify(e),
    inspect(e, { depth: Infinity, showHidden: true }),
    e.stack ?? '',
    JSON.stringify(e.raw) ?? '',
    JSON.stringify(e.headers) ?? '',
    e.rawBody ?? '',
  ];
}

function expectMasked(error: unknown, key: string): void {
  expect(error).toBeInstanceOf(StripeError);
  const secretPart = key.slice(key.indexOf('_', 3) + 1);
  for (const text of renderings(error)) {
    expect(text).not.toContain(key);
    expect(text).not.toContain(secretPart);
  }
}

const apiKey = fc
  .tuple(fc.constantFrom('sk_test_', 'sk_live_', 'rk_test_', 'rk_live_'), fc.stringMatching(/^[A-Za-z0-9]{24,40}$/))
  .map(([prefix, secret]) => prefix + secret);

// What can stand right before or after the key: letters, `_`, `%20`, `=`, quotes, JSON, spaces.
const around = fc
  .array(fc.constantFrom('a', 'Z', '_', '-', '%20', '=', '"', "'", '\\"', '{"k":"', '"}', ' ', 'Bearer ', 'x=', ':', '/', '9'), { maxLength: 6 })
  .map((parts) => parts.join(''));

const shape = fc.constantFrom('json-message', 'json-param', 'text', 'header', 'location', 'bad-success');

function handlerFor(kind: string, text: string, key: string): LoopbackHandler {
  switch (kind) {
    case 'json-message':
      return answerJson(400, { error: { type: 'invalid_request_error', message: text, param: 'email' } });
    case 'json-param':
      return answerJson(402, { error: { type: 'card_error', message: 'declined', param: text, doc_url: text, extra: { nested: [text] } } });
    case 'text':
      return (_, res) => {
        res.writeHead(500, { 'Content-Type': 'text/html' });
        res.end(`<html>${text}</html>`);
      };
    case 'header':
      return answerJson(404, { error: { type: 'invalid_request_error', message: 'No such customer' } }, {
        'X-Echo': encodeURIComponent(text).replace(/%20/g, ' '),
        'X-Auth-Echo': `Bearer ${key}`,
        'X-Basic-Echo': `Basic ${btoa(`${key}:`)}`,
      });
    case 'location':
      return (_, res) => {
        res.writeHead(302, { Location: `https://elsewhere.example/?q=${encodeURIComponent(text)}` });
        res.end();
      };
    default:
      return answerJson(200, `{"id":"cus_1","object":"customer","created":"${text.replace(/["\\]/g, '')}","livemode":false}`);
  }
}

describe('the key never appears in a rendered error', () => {
  it('wherever it stands in an error body, a header or a redirect, on both transports', async () => {
    let current: LoopbackHandler = answerJson(200, {});
    const api = await serve((req, res, received) => current(req, res, received));
    await fc.assert(
      fc.asyncProperty(apiKey, around, around, shape, fc.boolean(), async (key, before, after, kind, node) => {
        current = handlerFor(kind, `${before}${key}${after}`, key);
        const stripe = createClient({ apiKey: key, baseUrl: api.url, maxRetries: 0, ...(node && { transport: nodeTransport() }) });
        const error = await stripe.customers.retrieve('cus_1').catch((e: unknown) => e);
        expectMasked(error, key);
      }),
      { numRuns: 150 },
    );
  });

  it('when a transport fails quoting the request it was given, cause chain included', async () => {
    const key = 'sk_live_51HkKb2LmQ8xYzAbCdEfGh';
    const leaky: Transport = async (request) => {
      const inner = Object.assign(new Error(`socket hang up sending ${JSON.stringify(request.headers)}`), {
        code: 'ECONNRESET',
        request: { headers: request.headers },
      });
      throw new Error(`proxy said: Authorization=${request.headers['Authorization']}`, { cause: inner });
    };
    const stripe = createClient({ apiKey: key, transport: leaky, maxRetries: 0 });
    const error = await stripe.customers.create({ email: 'a@example.com' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StripeConnectionError);
    expectMasked(error, key);
    // What the cause said is kept, with the key masked.
    const cause = (error as Error).cause as Error & { cause: Error & { code?: string } };
    expect(cause.message).toBe('proxy said: Authorization=Bearer sk_live_***');
    expect(cause.cause.code).toBe('ECONNRESET');
  });

  it('a cause with nothing to mask is kept as the very same object', async () => {
    const original = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    const stripe = createClient({ apiKey: 'sk_test_123456789', transport: () => Promise.reject(original), maxRetries: 0 });
    const error = await stripe.customers.retrieve('cus_1').catch((e: unknown) => e);
    expect((error as Error).cause).toBe(original);
  });
});

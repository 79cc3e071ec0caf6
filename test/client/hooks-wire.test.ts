// Hook events over real sockets: a server on 127.0.0.1 and the client's default transport on
// Node.js (node:http, src/client/node-entry.ts). The same contract as test/client/hooks.test.ts
// (through MSW and fetch): a success, a retried 503, a dropped connection, the key in no event.
import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/client/node-entry.js';
import { StripeConnectionError, type ClientHooks, type ErrorHookEvent } from '../../src/index.js';
import { fakeClock } from '../support/fake-clock.js';
import { customerJson } from '../support/fixtures.js';
import { answerJson, useLoopbackServers, type LoopbackHandler } from '../support/loopback.js';

const serve = useLoopbackServers();

type Recorded = { hook: keyof ClientHooks; event: object };

function recorder(): { events: Recorded[]; hooks: ClientHooks } {
  const events: Recorded[] = [];
  return {
    events,
    hooks: {
      onRequest: (event) => void events.push({ hook: 'onRequest', event }),
      onResponse: (event) => void events.push({ hook: 'onResponse', event }),
      onError: (event) => void events.push({ hook: 'onError', event }),
    },
  };
}

/** Answers each request with the next handler; the last one repeats. */
function inTurn(...handlers: LoopbackHandler[]): LoopbackHandler {
  let n = 0;
  return (req, res, received) => handlers[Math.min(n++, handlers.length - 1)]!(req, res, received);
}

const ok = answerJson(200, customerJson());
const dropped: LoopbackHandler = (req) => req.socket.destroy();

describe('hook events over node:http', () => {
  it('for a success: onRequest, then onResponse with the status and Request-Id', async () => {
    const server = await serve(ok);
    const { events, hooks } = recorder();
    const stripe = createClient({ apiKey: 'sk_test_123', baseUrl: server.url, hooks, clock: fakeClock() });
    await stripe.customers.create({ email: 'jenny@example.com' });
    const idempotencyKey = server.received[0]!.headers['idempotency-key'];
    expect(events).toEqual([
      { hook: 'onRequest', event: expect.objectContaining({ operationId: 'PostCustomers', path: '/v1/customers', attempt: 1, idempotencyKey }) },
      { hook: 'onResponse', event: expect.objectContaining({ attempt: 1, status: 200, requestId: 'req_loopback', idempotencyKey }) },
    ]);
  });

  it('for a 503 then a success: two attempts, one key on the wire and in the events, the wait in between', async () => {
    const server = await serve(inTurn(answerJson(503, { error: { type: 'api_error', message: 'busy' } }), ok));
    const clock = fakeClock();
    const { events, hooks } = recorder();
    const stripe = createClient({ apiKey: 'sk_test_123', baseUrl: server.url, hooks, clock, random: () => 0.5 });
    await stripe.customers.create({});
    expect(events.map((e) => e.hook)).toEqual(['onRequest', 'onError', 'onRequest', 'onResponse']);
    const sent = server.received.map((r) => r.headers['idempotency-key']);
    expect(sent).toEqual([sent[0], sent[0]]);
    expect(events.map((e) => (e.event as { idempotencyKey?: string }).idempotencyKey)).toEqual([sent[0], sent[0], sent[0], sent[0]]);
    expect(events[1]!.event).toMatchObject({ attempt: 1, willRetry: true, retryDelayMs: clock.sleeps[0] });
    expect(events[3]!.event).toMatchObject({ attempt: 2, status: 200, elapsedMs: clock.sleeps[0] });
  });

  it('for a dropped connection: a connection error each attempt, the last not retried', async () => {
    const server = await serve(dropped);
    const { events, hooks } = recorder();
    const stripe = createClient({ apiKey: 'sk_test_123', baseUrl: server.url, hooks, clock: fakeClock(), maxRetries: 1 });
    const thrown = await stripe.customers.create({}).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(StripeConnectionError);
    expect(server.received).toHaveLength(2);
    expect(events.map((e) => e.hook)).toEqual(['onRequest', 'onError', 'onRequest', 'onError']);
    expect((events[1]!.event as ErrorHookEvent).error).toBeInstanceOf(StripeConnectionError);
    expect(events[3]!.event).toMatchObject({ attempt: 2, willRetry: false, error: thrown });
  });

  it('never carry the API key, even when the server echoes it back', async () => {
    const apiKey = `sk_live_${'W1reSecret'.repeat(4)}`;
    const echo: LoopbackHandler = (req, res) => {
      const auth = String(req.headers.authorization);
      res.writeHead(402, { 'Content-Type': 'application/json', 'Request-Id': auth });
      res.end(JSON.stringify({ error: { type: 'card_error', message: `declined for ${auth}`, param: auth } }));
    };
    const server = await serve(inTurn(echo, answerJson(200, customerJson({ description: apiKey }))));
    const { events, hooks } = recorder();
    const stripe = createClient({ apiKey, baseUrl: server.url, hooks: { ...hooks, includeBodies: true }, clock: fakeClock() });
    await stripe.customers.create({ description: apiKey }).catch(() => undefined);
    await stripe.customers.retrieve('cus_123');
    expect(events.map((e) => e.hook)).toEqual(['onRequest', 'onError', 'onRequest', 'onResponse']);
    const text = JSON.stringify(events);
    expect(text).not.toContain('W1reSecret');
    expect(text).toContain('sk_live_***');
  });
});

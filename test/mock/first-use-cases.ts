import { describe, expect, it } from 'vitest';
import { createClient, StripeAuthenticationError, StripeNotFoundError, type StripeCustomersClient } from '../../src/index.js';
import type { CustomersMockCore, MockOptions } from '../../src/mock/core.js';
import { rejection } from './setup.js';

// What a new user meets first, asserted at the wire: form bodies rather than JSON, Stripe-Account
// scoping, and test keys only. The same cases run through MSW (first-use-msw.test.ts) and through
// the HTTP server (first-use-server.test.ts), so the two cannot drift apart.

/** One way to reach a fresh mock: MSW on Stripe's URL, or the HTTP server on a loopback port. */
export interface Target {
  /** The origin requests go to, and the client's `baseUrl`. */
  base: string;
  /** The mock behind it, for its store and seed calls. */
  mock: Omit<CustomersMockCore, 'handle'>;
}

/** Starts a fresh mock with `options` and says where it answers. */
export type StartTarget = (options?: MockOptions) => Promise<Target>;

interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

const FORM = 'application/x-www-form-urlencoded';
const TEST_KEY = 'Bearer sk_test_123';
const EXAMPLE = 'email=a%40example.com&metadata[app_user_id]=u_42';

/**
 * A raw request, as curl or another language's client sends it: a test key unless `headers` give
 * another (`''` sends none), and `body` with a form type unless `headers` say otherwise.
 */
async function send(target: Target, method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<Answer> {
  const all = new Headers({ Authorization: TEST_KEY, ...headers });
  if (all.get('authorization') === '') all.delete('authorization');
  if (body !== undefined && !all.has('content-type')) all.set('content-type', FORM);
  const response = await fetch(`${target.base}${path}`, { method, body, headers: all });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

function client(target: Target, apiKey = 'sk_test_123'): StripeCustomersClient {
  return createClient({ apiKey, baseUrl: target.base, maxRetries: 0 });
}

const ids = (answer: Answer) => (answer.body.data as { id: string }[]).map((customer) => customer.id);

/** Registers the first-use cases against the mock `start` makes. */
export function describeFirstUse(start: StartTarget): void {
  describe('form bodies, as Stripe takes them', () => {
    it.each([
      ['declared JSON', 'application/json', '{"email":"a@example.com"}'],
      ['declared JSON with a charset', 'application/json; charset=utf-8', '{"email":"a@example.com","metadata":{"app_user_id":"u_42"}}'],
      ['JSON sent as a form', FORM, ' {"email":"a@example.com"}'],
    ])('answers %s with a 400 that names the form encoding and shows an example', async (_, type, body) => {
      const target = await start();
      const answer = await send(target, 'POST', '/v1/customers', body, { 'Content-Type': type });
      expect(answer.status).toBe(400);
      expect(answer.body.error.type).toBe('invalid_request_error');
      expect(answer.body.error.code).not.toBe('parameter_unknown');
      expect(answer.body.error.message).toContain('application/x-www-form-urlencoded');
      expect(answer.body.error.message).toContain(EXAMPLE);
      expect(answer.body.error.message).toMatch(/Stripe, and this mock, take form-encoded bodies/);
      expect(target.mock.store.list()).toEqual([]);
    });

    it('saves nothing under the Idempotency-Key of a JSON body, so the form retry with the key runs', async () => {
      const target = await start();
      const key = { 'Idempotency-Key': 'signup-u_42' };
      const json = await send(target, 'POST', '/v1/customers', '{"email":"a@example.com"}', { ...key, 'Content-Type': 'application/json' });
      expect(json.status).toBe(400);
      const form = await send(target, 'POST', '/v1/customers', EXAMPLE, key);
      expect(form.status).toBe(200);
      expect(form.headers.get('idempotent-replayed')).toBeNull();
      expect(form.body).toMatchObject({ email: 'a@example.com', metadata: { app_user_id: 'u_42' } });
    });

    it('leaves form bodies, blank JSON-typed bodies and query strings as they were', async () => {
      const target = await start();
      expect((await send(target, 'POST', '/v1/customers', EXAMPLE)).status).toBe(200);
      expect((await send(target, 'POST', '/v1/customers', '', { 'Content-Type': 'application/json' })).status).toBe(200);
      const query = await send(target, 'GET', `/v1/customers?${encodeURIComponent('{"limit":1}')}`);
      expect(query.status).toBe(400);
      expect(query.body.error.code).toBe('parameter_unknown');
      expect(target.mock.store.list()).toHaveLength(2);
    });
  });

  describe('Stripe-Account', () => {
    it('keeps a customer the client creates with stripeAccount out of the platform list and in the account\'s', async () => {
      const target = await start();
      const stripe = client(target);
      const ours = await stripe.customers.create({ email: 'platform@example.com' });
      const theirs = await stripe.customers.create({ email: 'jenny@example.com' }, { stripeAccount: 'acct_1' });
      expect((await stripe.customers.list()).data.map((c) => c.id)).toEqual([ours.id]);
      expect((await stripe.customers.list({}, { stripeAccount: 'acct_1' })).data.map((c) => c.id)).toEqual([theirs.id]);
      expect((await stripe.customers.list({}, { stripeAccount: 'acct_2' })).data).toEqual([]);
      expect(target.mock.store.list().map((c) => c.id)).toEqual([ours.id]);
      expect(target.mock.store.list({ account: 'acct_1' }).map((c) => c.id)).toEqual([theirs.id]);
      expect(target.mock.store.get(theirs.id)).toBeUndefined();
      expect(target.mock.store.get(theirs.id, { account: 'acct_1' })).toMatchObject({ email: 'jenny@example.com' });
    });

    it('answers retrieve, update, delete and owned objects from another account with Stripe\'s 404', async () => {
      const target = await start();
      const stripe = client(target);
      const theirs = await stripe.customers.create({ email: 'jenny@example.com' }, { stripeAccount: 'acct_1' });
      const notFound = await rejection(stripe.customers.retrieve(theirs.id));
      expect(notFound).toBeInstanceOf(StripeNotFoundError);
      expect(notFound).toMatchObject({ statusCode: 404, code: 'resource_missing', message: expect.stringContaining(`No such customer: '${theirs.id}'`) });
      const elsewhere = [
        await send(target, 'POST', `/v1/customers/${theirs.id}`, 'name=Mallory', { 'Stripe-Account': 'acct_2' }),
        await send(target, 'DELETE', `/v1/customers/${theirs.id}`),
        await send(target, 'POST', `/v1/customers/${theirs.id}/tax_ids`, 'type=eu_vat&value=DE123456789'),
        await send(target, 'GET', `/v1/customers/${theirs.id}/balance_transactions`, undefined, { 'Stripe-Account': 'acct_2' }),
      ];
      for (const answer of elsewhere) {
        expect(answer.status).toBe(404);
        expect(answer.body.error).toMatchObject({ type: 'invalid_request_error', code: 'resource_missing', message: `No such customer: '${theirs.id}'` });
      }
      const still = await stripe.customers.retrieve(theirs.id, {}, { stripeAccount: 'acct_1' });
      expect(still).toMatchObject({ id: theirs.id, name: null });
      expect(target.mock.store.list({ account: 'acct_2' })).toEqual([]);
    });

    it('lists and searches each account\'s own customers', async () => {
      const target = await start();
      const made = new Map<string, string>();
      for (const account of ['', 'acct_1', 'acct_2']) {
        const headers: Record<string, string> = account ? { 'Stripe-Account': account } : {};
        made.set(account, (await send(target, 'POST', '/v1/customers', 'email=same%40example.com', headers)).body.id);
      }
      const query = `/v1/customers/search?query=${encodeURIComponent("email:'same@example.com'")}`;
      for (const [account, id] of made) {
        const headers: Record<string, string> = account ? { 'Stripe-Account': account } : {};
        expect(ids(await send(target, 'GET', query, undefined, headers))).toEqual([id]);
        expect(ids(await send(target, 'GET', '/v1/customers?email=same%40example.com', undefined, headers))).toEqual([id]);
      }
    });

    it('scopes Idempotency-Keys by account: the same key and body make one customer per account', async () => {
      const target = await start();
      const key = { 'Idempotency-Key': 'signup-u_42' };
      const platform = await send(target, 'POST', '/v1/customers', EXAMPLE, key);
      const connected = await send(target, 'POST', '/v1/customers', EXAMPLE, { ...key, 'Stripe-Account': 'acct_1' });
      expect(connected.status).toBe(200);
      expect(connected.headers.get('stripe-account')).toBe('acct_1');
      expect(platform.headers.get('stripe-account')).toBeNull();
      expect(connected.headers.get('idempotent-replayed')).toBeNull();
      expect(connected.body.id).not.toBe(platform.body.id);
      const retried = await send(target, 'POST', '/v1/customers', EXAMPLE, { ...key, 'Stripe-Account': 'acct_1' });
      expect(retried.headers.get('idempotent-replayed')).toBe('true');
      expect(retried.body.id).toBe(connected.body.id);
      expect(target.mock.store.list()).toHaveLength(1);
      expect(target.mock.store.list({ account: 'acct_1' })).toHaveLength(1);
    });

    it.each(['acct-1', 'cus_123', 'acct_', 'acct_1!', ''])('refuses Stripe-Account %j with a 400 account_invalid', async (value) => {
      const target = await start();
      for (const [method, body] of [['POST', EXAMPLE], ['GET', undefined]] as const) {
        const answer = await send(target, method, '/v1/customers', body, { 'Stripe-Account': value });
        expect(answer.status).toBe(400);
        expect(answer.body.error).toMatchObject({ type: 'invalid_request_error', code: 'account_invalid' });
        expect(answer.body.error.message).toContain(`Invalid Stripe-Account header: '${value}'`);
      }
      expect(target.mock.store.list()).toEqual([]);
    });

    it('holds maxObjects for all accounts together', async () => {
      const target = await start({ maxObjects: 2 });
      const platform = await send(target, 'POST', '/v1/customers', EXAMPLE);
      expect((await send(target, 'POST', '/v1/customers', EXAMPLE, { 'Stripe-Account': 'acct_1' })).status).toBe(200);
      const full = await send(target, 'POST', '/v1/customers', EXAMPLE, { 'Stripe-Account': 'acct_2' });
      expect(full.status).toBe(400);
      expect(full.body.error.code).toBe('mock_object_limit');
      expect((await send(target, 'DELETE', `/v1/customers/${platform.body.id}`)).status).toBe(200);
      expect((await send(target, 'POST', '/v1/customers', EXAMPLE, { 'Stripe-Account': 'acct_2' })).status).toBe(200);
    });
  });

  describe('test mode keys only', () => {
    it.each([
      ['a live secret key', 'Bearer sk_live_51Habcdefghijklmnop4242'],
      ['a live restricted key', 'Bearer rk_live_51Habcdefghijklmnop4242'],
      ['a live key as curl -u sends it', `Basic ${Buffer.from('sk_live_51Habcdefghijklmnop4242:').toString('base64')}`],
    ])('refuses %s with a 401 even without requireApiKey, never echoing it', async (_, authorization) => {
      const target = await start();
      const answer = await send(target, 'POST', '/v1/customers', EXAMPLE, { Authorization: authorization });
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="Stripe"');
      expect(answer.body.error.type).toBe('invalid_request_error');
      expect(answer.body.error.message).toMatch(/^This mock only accepts test mode keys \(sk_test_\.\.\. or rk_test_\.\.\.\); got a live key: [sr]k_live_\*+4242$/);
      expect(answer.body.error.message).not.toContain('51Habcdefghijklmnop');
      expect(target.mock.store.list()).toEqual([]);
    });

    it('still serves a request with no key unless requireApiKey, and refuses live keys with it too', async () => {
      const open = await start();
      expect((await send(open, 'POST', '/v1/customers', EXAMPLE, { Authorization: '' })).status).toBe(200);
      const strict = await start({ requireApiKey: true });
      const missing = await send(strict, 'POST', '/v1/customers', EXAMPLE, { Authorization: '' });
      expect(missing.status).toBe(401);
      expect(missing.body.error.message).toMatch(/You did not provide an API key/);
      const live = await send(strict, 'GET', '/v1/customers', undefined, { Authorization: 'Bearer sk_live_abc' });
      expect(live.status).toBe(401);
      expect(live.body.error.message).toMatch(/only accepts test mode keys/);
      expect((await send(strict, 'GET', '/v1/customers')).status).toBe(200);
    });

    it('is a StripeAuthenticationError through the client', async () => {
      const target = await start();
      const error = await rejection(client(target, 'sk_live_51Habcdefghijklmnop4242').customers.create({ email: 'a@example.com' }));
      expect(error).toBeInstanceOf(StripeAuthenticationError);
      expect(error).toMatchObject({ statusCode: 401, message: expect.stringMatching(/only accepts test mode keys/) });
      expect(target.mock.store.list()).toEqual([]);
    });
  });
}

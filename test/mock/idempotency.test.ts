import { describe, expect, it } from 'vitest';
import { responseMeta, StripeIdempotencyError, StripeInvalidRequestError } from '../../src/index.js';
import { useMswServer } from '../support/msw.js';
import { mockStripe, raw, rejection } from './setup.js';

const server = useMswServer();

describe('Idempotency-Key, as Stripe honours it', () => {
  it('replays the first result for the same key and params, with Idempotent-Replayed', async () => {
    const { stripe, mock } = mockStripe(server);
    const first = await stripe.customers.create({ email: 'a@example.com' }, { idempotencyKey: 'signup-u_42' });
    const second = await stripe.customers.create({ email: 'a@example.com' }, { idempotencyKey: 'signup-u_42' });
    expect(second).toEqual(first);
    expect(mock.store.list()).toHaveLength(1);
    const headers = responseMeta(second)?.headers ?? {};
    expect(headers['idempotent-replayed']).toBe('true');
    expect(headers['original-request']).toBe(responseMeta(first)?.requestId);
    expect(headers['idempotency-key']).toBe('signup-u_42');
    expect(responseMeta(first)?.headers['idempotent-replayed']).toBeUndefined();
  });

  it('replays the body first sent even after the customer changed', async () => {
    const { stripe } = mockStripe(server);
    const first = await stripe.customers.create({ name: 'Before' }, { idempotencyKey: 'k' });
    await stripe.customers.update(first.id, { name: 'After' });
    expect((await stripe.customers.create({ name: 'Before' }, { idempotencyKey: 'k' })).name).toBe('Before');
  });

  it('compares params, not bytes: the same params in another order replay', async () => {
    mockStripe(server);
    const init = (body: string) => ({ method: 'POST', body, headers: { 'Idempotency-Key': 'k' } });
    const first = await raw('/v1/customers', init('email=a%40example.com&name=A'));
    const second = await raw('/v1/customers', init('name=A&email=a%40example.com'));
    expect(second.body.id).toBe(first.body.id);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
  });

  it('answers the same key with other params with an idempotency_error, changing nothing', async () => {
    const { stripe, mock } = mockStripe(server);
    await stripe.customers.create({ email: 'a@example.com' }, { idempotencyKey: 'signup-u_42' });
    const error = await rejection(stripe.customers.create({ email: 'b@example.com' }, { idempotencyKey: 'signup-u_42' }));
    expect(error).toBeInstanceOf(StripeIdempotencyError);
    expect(error).toMatchObject({ statusCode: 400, type: 'idempotency_error', idempotencyKey: 'signup-u_42' });
    expect((error as Error).message).toMatch(/same parameters/);
    expect(mock.store.list().map((c) => c.email)).toEqual(['a@example.com']);
  });

  it('answers the same key on another endpoint with an idempotency_error', async () => {
    const { stripe } = mockStripe(server);
    const { id } = await stripe.customers.create({}, { idempotencyKey: 'k' });
    const error = await rejection(stripe.customers.update(id, {}, { idempotencyKey: 'k' }));
    expect(error).toBeInstanceOf(StripeIdempotencyError);
    expect((error as Error).message).toMatch(/same endpoint/);
  });

  it('replays a saved error too: a 404 from an update is the answer for that key', async () => {
    const { stripe, mock } = mockStripe(server);
    await rejection(stripe.customers.update('cus_later', { name: 'x' }, { idempotencyKey: 'k' }));
    mock.seed([{ id: 'cus_later' }]);
    const error = await rejection(stripe.customers.update('cus_later', { name: 'x' }, { idempotencyKey: 'k' }));
    expect(error).toMatchObject({ statusCode: 404, code: 'resource_missing' });
    expect((error as StripeInvalidRequestError).headers?.['idempotent-replayed']).toBe('true');
  });

  it('does not save a request that failed validation, so the fixed request runs', async () => {
    const { stripe } = mockStripe(server);
    await rejection(stripe.customers.create({ email: 'not-an-email' }, { idempotencyKey: 'k' }));
    const fixed = await stripe.customers.create({ email: 'a@example.com' }, { idempotencyKey: 'k' });
    expect(fixed.email).toBe('a@example.com');
  });

  it('forgets a key after 24 hours', async () => {
    const { stripe, clock, mock } = mockStripe(server);
    await stripe.customers.create({ email: 'a@example.com' }, { idempotencyKey: 'k' });
    clock.advance(24 * 3600 * 1000 + 1);
    await stripe.customers.create({ email: 'b@example.com' }, { idempotencyKey: 'k' });
    expect(mock.store.list()).toHaveLength(2);
  });

  it('refuses a key over 255 characters', async () => {
    mockStripe(server);
    const { status, body } = await raw('/v1/customers', { method: 'POST', body: '', headers: { 'Idempotency-Key': 'k'.repeat(256) } });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ type: 'invalid_request_error', param: 'Idempotency-Key' });
  });

  it('ignores keys on GET, as Stripe does', async () => {
    mockStripe(server);
    const headers = { 'Idempotency-Key': 'k' };
    const first = await raw('/v1/customers', { headers });
    const second = await raw('/v1/customers?limit=1', { headers });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.headers.get('idempotent-replayed')).toBeNull();
  });
});

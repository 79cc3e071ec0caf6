import { describe, expect, it } from 'vitest';
import { useMswServer } from '../support/msw.js';
import { mockStripe, type Mocked } from './setup.js';

const server = useMswServer();

/** Creates `count` customers one second apart (emails c1@, c2@, ...); returns their ids, oldest first. */
async function createMany({ stripe, clock }: Mocked, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 1; i <= count; i++) {
    ids.push((await stripe.customers.create({ email: `c${i}@example.com` })).id);
    clock.advance(1000);
  }
  return ids;
}

describe('customers.list', () => {
  it('lists newest first, 10 by default, in Stripe\'s list envelope', async () => {
    const mocked = mockStripe(server);
    const ids = await createMany(mocked, 12);
    const page = await mocked.stripe.customers.list();
    expect(page).toMatchObject({ object: 'list', has_more: true, url: '/v1/customers' });
    expect(page.data.map((c) => c.id)).toEqual(ids.slice(2).reverse());
  });

  it('orders customers created in the same second by creation', async () => {
    const { stripe } = mockStripe(server);
    const first = await stripe.customers.create();
    const second = await stripe.customers.create();
    expect((await stripe.customers.list()).data.map((c) => c.id)).toEqual([second.id, first.id]);
  });

  it('pages forward with starting_after until has_more is false', async () => {
    const mocked = mockStripe(server);
    const ids = await createMany(mocked, 7);
    const pages: string[][] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await mocked.stripe.customers.list({ limit: 3, ...(cursor ? { starting_after: cursor } : {}) });
      pages.push(page.data.map((c) => c.id));
      if (!page.has_more) break;
      cursor = page.data.at(-1)?.id;
    }
    expect(pages).toEqual([ids.slice(4).reverse(), ids.slice(1, 4).reverse(), [ids[0]]]);
  });

  it('pages backward with ending_before: the customers just newer than the cursor, newest first', async () => {
    const mocked = mockStripe(server);
    const ids = await createMany(mocked, 6);
    const page = await mocked.stripe.customers.list({ limit: 2, ending_before: ids[1] });
    expect(page.data.map((c) => c.id)).toEqual([ids[3], ids[2]]);
    expect(page.has_more).toBe(true);
    const last = await mocked.stripe.customers.list({ limit: 2, ending_before: ids[3] });
    expect(last.data.map((c) => c.id)).toEqual([ids[5], ids[4]]);
    expect(last.has_more).toBe(false);
  });

  it('keeps the place of a cursor whose customer was deleted meanwhile', async () => {
    const mocked = mockStripe(server);
    const ids = await createMany(mocked, 4);
    await mocked.stripe.customers.delete(ids[2]!);
    const page = await mocked.stripe.customers.list({ starting_after: ids[2] });
    expect(page.data.map((c) => c.id)).toEqual([ids[1], ids[0]]);
  });

  it('filters by email exactly, case included', async () => {
    const { stripe } = mockStripe(server);
    const lower = await stripe.customers.create({ email: 'jenny@example.com' });
    await stripe.customers.create({ email: 'Jenny@example.com' });
    await stripe.customers.create({ email: 'jenny@example.com.au' });
    expect((await stripe.customers.list({ email: 'jenny@example.com' })).data.map((c) => c.id)).toEqual([lower.id]);
  });

  it.each([
    ['an exact second', (t: number) => t + 1, [1]],
    ['gt', (t: number) => ({ gt: t + 1 }), [3, 2]],
    ['gte', (t: number) => ({ gte: t + 1 }), [3, 2, 1]],
    ['lt', (t: number) => ({ lt: t + 1 }), [0]],
    ['lte and gte together', (t: number) => ({ gte: t + 1, lte: t + 2 }), [2, 1]],
  ])('filters by created: %s', async (_, created, expected) => {
    const mocked = mockStripe(server);
    const start = Math.floor(mocked.clock.now() / 1000);
    const ids = await createMany(mocked, 4);
    const page = await mocked.stripe.customers.list({ created: created(start) });
    expect(page.data.map((c) => c.id)).toEqual(expected.map((i) => ids[i]));
  });

  it('leaves out customers on a test clock unless test_clock asks for them, as Stripe does', async () => {
    const { stripe } = mockStripe(server);
    const plain = await stripe.customers.create();
    const clocked = await stripe.customers.create({ test_clock: 'clock_123' });
    expect((await stripe.customers.list()).data.map((c) => c.id)).toEqual([plain.id]);
    expect((await stripe.customers.list({ test_clock: 'clock_123' })).data.map((c) => c.id)).toEqual([clocked.id]);
  });

  it('expands item fields named under data.', async () => {
    const { stripe } = mockStripe(server);
    await stripe.customers.create({ tax_id_data: [{ type: 'gb_vat', value: 'GB123456789' }] });
    const page = await stripe.customers.list({ expand: ['data.tax_ids'] });
    expect(page.data[0]?.tax_ids?.data[0]).toMatchObject({ type: 'gb_vat', country: 'GB' });
  });
});

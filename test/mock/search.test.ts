import { describe, expect, it } from 'vitest';
import { StripeInvalidRequestError } from '../../src/index.js';
import { useMswServer } from '../support/msw.js';
import { mockStripe, rejection } from './setup.js';

const server = useMswServer();
const T = 1_700_000_000;

/** Three customers a hundred seconds apart: A (oldest), B, C (newest). */
function seedThree() {
  const mocked = mockStripe(server);
  mocked.mock.seed([
    { id: 'cus_A', created: T, email: 'jenny.rosen@example.com', name: 'Jenny Rosen', phone: '+15555550100', metadata: { app_user_id: 'u_1', plan: 'pro' } },
    { id: 'cus_B', created: T + 100, email: 'ada@example.com', name: 'Ada Lovelace', metadata: { app_user_id: 'u_2' } },
    { id: 'cus_C', created: T + 200, email: 'o.brien@example.com', name: "Conan O'Brien", metadata: { plan: 'free' } },
  ]);
  return mocked;
}

describe('customers.search: the query language', () => {
  it.each([
    ["email:'jenny.rosen@example.com'", ['A']],
    ["email:'JENNY.ROSEN@EXAMPLE.COM'", ['A']], // email, name and phone compare case-insensitively
    ['email:"ada@example.com"', ['B']], // double quotes work too
    ["name~'love'", ['B']],
    ["name~'ROS'", ['A']],
    ["-name~'ros'", ['C', 'B']],
    ["phone:'+15555550100'", ['A']],
    ['phone:null', ['C', 'B']],
    ["metadata['plan']:'pro'", ['A']],
    ['metadata["plan"]:\'PRO\'', []], // metadata values compare exactly
    ["metadata['plan']:null", ['B']],
    ["-metadata['plan']:null", ['C', 'A']],
    [`created>${T}`, ['C', 'B']],
    [`created>=${T + 100}`, ['C', 'B']],
    [`created<${T + 100}`, ['A']],
    [`created<=${T + 100}`, ['B', 'A']],
    [`created:${T}`, ['A']],
    [`created:'${T + 200}'`, ['C']],
    ["name:'Conan O\\'Brien'", ['C']], // a quote inside a value, escaped with a backslash
    ["metadata['plan']:'pro' OR metadata['plan']:'free'", ['C', 'A']],
    ["metadata['plan']:'pro' AND name~'jen'", ['A']],
    ["metadata['plan']:'pro' name~'ada'", []], // a space means AND
    [`email~'example' and created>${T}`, ['C', 'B']], // AND and OR in any case
    [`  email~'example'   or   name:'nobody'  `, ['C', 'B', 'A']],
  ])('%s', async (query, expected) => {
    const { stripe } = seedThree();
    const result = await stripe.customers.search({ query });
    expect(result.data.map((c) => c.id.slice(4))).toEqual(expected);
  });

  it.each([
    ["name:'a' AND email:'b' OR phone:'c'", /AND and OR cannot be combined/],
    ["name:'a' email:'b' OR phone:'c'", /AND and OR cannot be combined/],
    ["name~'ab'", /at least 3 characters/],
    ["address:'Paris'", /Field 'address' is not searchable/],
    ["(name:'a')", /expected a field name/],
    ['email:jenny', /must be quoted/],
    ["metadata['plan']~'pro'", /does not support substring/],
    ["created~'170'", /does not support substring/],
    ["email>'a'", /does not support numeric comparison/],
    ["created>'soon'", /integer/],
    ["name:'unterminated", /unterminated/],
    ["metadata:'x'", /metadata needs a key/],
    ["name:'a' AND", /ends after a joiner/],
    ["name:'a'email:'b'", /space between clauses/],
    ['', /cannot be empty/],
    [Array.from({ length: 11 }, (_, i) => `name:'n${i}'`).join(' OR '), /at most 10 clauses/],
  ])('rejects %j with a 400 on query', async (query, message) => {
    const { stripe } = seedThree();
    const error = await rejection(stripe.customers.search({ query }));
    expect(error).toBeInstanceOf(StripeInvalidRequestError);
    expect(error).toMatchObject({ statusCode: 400, param: 'query' });
    expect((error as Error).message).toMatch(message);
  });
});

describe('customers.search: results', () => {
  it('pages with next_page until has_more is false, and counts with expand[]=total_count', async () => {
    const { stripe } = seedThree();
    const query = "email~'example'";
    const first = await stripe.customers.search({ query, limit: 2, expand: ['total_count'] });
    expect(first).toMatchObject({ object: 'search_result', has_more: true, url: '/v1/customers/search', total_count: 3 });
    expect(first.data.map((c) => c.id)).toEqual(['cus_C', 'cus_B']);
    expect(first.next_page).toEqual(expect.any(String));
    const second = await stripe.customers.search({ query, limit: 2, page: first.next_page! });
    expect(second.data.map((c) => c.id)).toEqual(['cus_A']);
    expect(second).toMatchObject({ has_more: false, next_page: null });
    expect(second).not.toHaveProperty('total_count');
  });

  it('refuses a next_page cursor used with another query', async () => {
    const { stripe } = seedThree();
    const first = await stripe.customers.search({ query: "email~'example'", limit: 1 });
    await expect(stripe.customers.search({ query: "name~'ada'", page: first.next_page! })).rejects.toMatchObject({ param: 'page' });
  });

  it('finds a customer as soon as it is written (Stripe lags by up to a minute), and not once deleted', async () => {
    const { stripe } = mockStripe(server);
    const { id } = await stripe.customers.create({ metadata: { app_user_id: 'u_9' } });
    const query = "metadata['app_user_id']:'u_9'";
    expect((await stripe.customers.search({ query })).data.map((c) => c.id)).toEqual([id]);
    await stripe.customers.delete(id);
    expect((await stripe.customers.search({ query })).data).toEqual([]);
  });
});

import { describe, expectTypeOf, it } from 'vitest';
import {
  createClient,
  customerSearch as q,
  type Customer,
  type CustomerList,
  type CustomerSearchParams,
  type CustomerSearchResult,
  type PagePromise,
  type SearchQuery,
} from '../../src/index.js';

const client = createClient({ apiKey: 'sk_test_123' });

type ItemOf<T> = T extends AsyncIterable<infer Item> ? Item : never;

describe('pagination types', () => {
  it('awaiting list or search gives one page', async () => {
    expectTypeOf(await client.customers.list()).toEqualTypeOf<CustomerList>();
    expectTypeOf(await client.customers.search({ query: "email:'a@b.c'" })).toEqualTypeOf<CustomerSearchResult>();
    expectTypeOf(client.customers.list).returns.toEqualTypeOf<PagePromise<CustomerList, Customer>>();
  });

  it('still fits where a Promise of the page was expected', () => {
    expectTypeOf(client.customers.list()).toExtend<Promise<CustomerList>>();
    expectTypeOf(client.customers.search({ query: '' })).toExtend<Promise<CustomerSearchResult>>();
  });

  it('iterates customers, for lists and for search', () => {
    expectTypeOf<ItemOf<ReturnType<typeof client.customers.list>>>().toEqualTypeOf<Customer>();
    expectTypeOf<ItemOf<ReturnType<typeof client.customers.search>>>().toEqualTypeOf<Customer>();
    const walk = async () => {
      for await (const customer of client.customers.list({ limit: 100 })) return customer;
      return undefined;
    };
    expectTypeOf(walk).returns.resolves.toEqualTypeOf<Customer | undefined>();
  });

  it('toArray needs a max and returns customers', () => {
    expectTypeOf(client.customers.list().toArray({ max: 500 })).toEqualTypeOf<Promise<Customer[]>>();
    expectTypeOf(client.customers.search({ query: '' }).toArray({ max: 5 })).toEqualTypeOf<Promise<Customer[]>>();
    // @ts-expect-error max is required
    void client.customers.list().toArray({});
  });

  it('a search query is a string or a built query', () => {
    expectTypeOf<{ query: string }>().toExtend<CustomerSearchParams>();
    expectTypeOf<{ query: SearchQuery<'and'> }>().toExtend<CustomerSearchParams>();
    void client.customers.search({ query: q.and(q.email.is('a@b.c'), q.created.gt(1)), limit: 10 });
    void client.customers.search({ query: q.or(q.name.contains('Ros'), q.phone.is('+1')) });
    // @ts-expect-error a number is not a query
    void client.customers.search({ query: 42 });
  });

  it('the builder refuses mixing AND and OR at compile time', () => {
    expectTypeOf(q.and(q.email.is('a'), q.name.is('b'))).toEqualTypeOf<SearchQuery<'and'>>();
    expectTypeOf(q.or(q.email.is('a'))).toEqualTypeOf<SearchQuery<'clause'>>();
    // @ts-expect-error an OR query cannot go inside AND
    void q.and(q.or(q.email.is('a'), q.name.is('b')), q.phone.is('c'));
    // @ts-expect-error negation takes one clause
    void q.not(q.and(q.email.is('a'), q.name.is('b')));
  });
});

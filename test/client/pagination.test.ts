import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  createClient,
  customerSearch as q,
  decodeForm,
  operations,
  StripeNotFoundError,
  StripeValidationError,
  type Customer,
} from '../../src/index.js';
import { customerJson, listJson } from '../support/fixtures.js';
import { STRIPE, stripeJson, useMswServer } from '../support/msw.js';

const server = useMswServer();
const client = createClient({ apiKey: 'sk_test_4eC39HqLyjWDarjtT1zdp7dc' });

/** Eight customers in Stripe's list order (newest first): cus_01 … cus_08. */
const ALL = Array.from({ length: 8 }, (_, i) => `cus_0${i + 1}`);

/** The query of a request, decoded by the operation's schema (so `limit` is a number, `expand` an array). */
type Query = Record<string, unknown>;

interface Seen {
  query: Query;
  stripeAccount: string | null;
}

function page(ids: string[], start: number, end: number): unknown[] {
  return ids.slice(start, end).map((id) => customerJson({ id }));
}

function decodeQuery(request: Request, schema: Parameters<typeof decodeForm>[1]): Query {
  return decodeForm(new URL(request.url).search.slice(1), schema) as Query;
}

/**
 * Serves `ids` from GET /v1/customers as Stripe does: `limit` (default 10), `starting_after` (the page
 * after that id) or `ending_before` (the page just before it). Records every request.
 */
function serveList(ids = ALL, fail?: (query: Query) => Response | undefined): Seen[] {
  const seen: Seen[] = [];
  server.use(
    http.get(`${STRIPE}/v1/customers`, ({ request }) => {
      const query = decodeQuery(request, operations.GetCustomers.querySchema);
      seen.push({ query, stripeAccount: request.headers.get('stripe-account') });
      const failure = fail?.(query);
      if (failure) return failure;
      const limit = Number(query.limit ?? 10);
      if (typeof query.ending_before === 'string') {
        const end = ids.indexOf(query.ending_before);
        const start = Math.max(0, end - limit);
        return stripeJson(listJson(page(ids, start, end), start > 0));
      }
      const start = typeof query.starting_after === 'string' ? ids.indexOf(query.starting_after) + 1 : 0;
      return stripeJson(listJson(page(ids, start, start + limit), start + limit < ids.length));
    }),
  );
  return seen;
}

/** Serves `ids` from GET /v1/customers/search, with `page` tokens `page_<offset>`. */
function serveSearch(ids = ALL): Seen[] {
  const seen: Seen[] = [];
  server.use(
    http.get(`${STRIPE}/v1/customers/search`, ({ request }) => {
      const query = decodeQuery(request, operations.GetCustomersSearch.querySchema);
      seen.push({ query, stripeAccount: request.headers.get('stripe-account') });
      const limit = Number(query.limit ?? 10);
      const offset = typeof query.page === 'string' ? Number(query.page.replace('page_', '')) : 0;
      const more = offset + limit < ids.length;
      const next_page = more ? `page_${offset + limit}` : null;
      const data = page(ids, offset, offset + limit);
      return stripeJson({ object: 'search_result', data, has_more: more, next_page, url: '/v1/customers/search' });
    }),
  );
  return seen;
}

async function collect(items: AsyncIterable<Customer>): Promise<string[]> {
  const ids: string[] = [];
  for await (const customer of items) ids.push(customer.id);
  return ids;
}

describe('customers.list pagination', () => {
  it('awaited, returns the first page only, exactly as one call does', async () => {
    const seen = serveList();
    const page = await client.customers.list({ limit: 3 });
    expect(page.object).toBe('list');
    expect(page.data.map((c) => c.id)).toEqual(['cus_01', 'cus_02', 'cus_03']);
    expect(page.has_more).toBe(true);
    expect(seen).toHaveLength(1);
  });

  it('for await yields every customer in order across 3 pages, keeping params and Stripe-Account', async () => {
    const seen = serveList();
    const params = { limit: 3, email: 'jenny.rosen@example.com', expand: ['data.tax_ids'] };
    const ids = await collect(client.customers.list(params, { stripeAccount: 'acct_1032D82eZvKYlo2C' }));
    expect(ids).toEqual(ALL);
    const same = { limit: 3, email: 'jenny.rosen@example.com', expand: ['data.tax_ids'] };
    expect(seen.map((s) => s.query)).toEqual([same, { ...same, starting_after: 'cus_03' }, { ...same, starting_after: 'cus_06' }]);
    expect(seen.map((s) => s.stripeAccount)).toEqual(['acct_1032D82eZvKYlo2C', 'acct_1032D82eZvKYlo2C', 'acct_1032D82eZvKYlo2C']);
  });

  it('requests nothing more after a break on the first item', async () => {
    const seen = serveList();
    for await (const customer of client.customers.list({ limit: 3 })) {
      expect(customer.id).toBe('cus_01');
      break;
    }
    expect(seen).toHaveLength(1);
  });

  it('requests the next page only when iteration reaches it', async () => {
    const seen = serveList();
    const iterator = client.customers.list({ limit: 3 })[Symbol.asyncIterator]();
    for (let i = 0; i < 3; i++) await iterator.next();
    expect(seen).toHaveLength(1);
    expect((await iterator.next()).value?.id).toBe('cus_04');
    expect(seen).toHaveLength(2);
  });

  it('shares the first page between await and iteration', async () => {
    const seen = serveList();
    const customers = client.customers.list({ limit: 3 });
    expect((await customers).data).toHaveLength(3);
    expect(await collect(customers)).toEqual(ALL);
    expect(seen.map((s) => s.query.starting_after)).toEqual([undefined, 'cus_03', 'cus_06']);
  });

  it('stops on an empty page even when has_more says there is more', async () => {
    const seen: unknown[] = [];
    server.use(http.get(`${STRIPE}/v1/customers`, () => (seen.push(1), stripeJson(listJson([], true)))));
    expect(await collect(client.customers.list())).toEqual([]);
    expect(seen).toHaveLength(1);
  });

  it('walks backwards from ending_before: each next page ends before the first id of the last one', async () => {
    const seen = serveList();
    const ids = await collect(client.customers.list({ limit: 3, ending_before: 'cus_08' }));
    // Moving away from the cursor: cus_07 is the nearest, cus_01 the newest.
    expect(ids).toEqual(['cus_07', 'cus_06', 'cus_05', 'cus_04', 'cus_03', 'cus_02', 'cus_01']);
    expect(seen.map((s) => s.query.ending_before)).toEqual(['cus_08', 'cus_05', 'cus_02']);
    expect(seen.every((s) => s.query.starting_after === undefined)).toBe(true);
  });

  it('surfaces an error on page 2 from the iterator as the typed error', async () => {
    const seen = serveList(ALL, (query) =>
      query.starting_after === 'cus_03'
        ? stripeJson({ error: { type: 'invalid_request_error', code: 'resource_missing', message: 'No such customer' } }, 404, { 'Request-Id': 'req_page2' })
        : undefined,
    );
    const ids: string[] = [];
    const error = await (async () => {
      for await (const customer of client.customers.list({ limit: 3 })) ids.push(customer.id);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StripeNotFoundError);
    expect((error as StripeNotFoundError).requestId).toBe('req_page2');
    expect(ids).toEqual(['cus_01', 'cus_02', 'cus_03']);
    expect(seen).toHaveLength(2);
  });

  it('validates params before the first page as for any call', async () => {
    const seen = serveList();
    await expect(collect(client.customers.list({ limit: 101 }))).rejects.toBeInstanceOf(StripeValidationError);
    expect(seen).toHaveLength(0);
  });
});

describe('toArray', () => {
  it('collects up to max: max 7 with limit 3 is 3 requests and 7 customers', async () => {
    const seen = serveList();
    const customers = await client.customers.list({ limit: 3 }).toArray({ max: 7 });
    expect(customers.map((c) => c.id)).toEqual(ALL.slice(0, 7));
    expect(seen).toHaveLength(3);
  });

  it('requests no further page once max is reached at a page boundary', async () => {
    const seen = serveList();
    expect(await client.customers.list({ limit: 3 }).toArray({ max: 6 })).toHaveLength(6);
    expect(seen).toHaveLength(2);
  });

  it('returns fewer than max when the list ends first', async () => {
    serveList();
    expect(await client.customers.list({ limit: 5 }).toArray({ max: 500 })).toHaveLength(8);
  });

  it.each([
    ['0', { max: 0 }],
    ['negative', { max: -1 }],
    ['fractional', { max: 2.5 }],
    ['Infinity', { max: Infinity }],
    ['a string', { max: '7' }],
    ['missing', {}],
    ['no options at all', undefined],
  ])('refuses max %s with a StripeValidationError and sends nothing', async (_name, options) => {
    const seen = serveList();
    const error = await client.customers.list({ limit: 3 }).toArray(options as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StripeValidationError);
    expect((error as StripeValidationError).issues.map((i) => i.field)).toEqual(['max']);
    expect(seen).toHaveLength(0);
  });
});

describe('customers.search pagination', () => {
  const query = q.and(q.email.is('jenny.rosen@example.com'), q.metadata('app_user_id').is('u_42'));
  const text = "email:'jenny.rosen@example.com' AND metadata['app_user_id']:'u_42'";

  it('awaited, returns the first search page; a built query is sent as its text', async () => {
    const seen = serveSearch();
    const page = await client.customers.search({ query, limit: 3 });
    expect(page.object).toBe('search_result');
    expect(page.next_page).toBe('page_3');
    expect(seen.map((s) => s.query)).toEqual([{ query: text, limit: 3 }]);
  });

  it('for await follows next_page with the same query, limit, expand and Stripe-Account', async () => {
    const seen = serveSearch();
    const params = { query: text, limit: 3, expand: ['data.tax_ids'] };
    const ids = await collect(client.customers.search(params, { stripeAccount: 'acct_2' }));
    expect(ids).toEqual(ALL);
    const same = { query: text, limit: 3, expand: ['data.tax_ids'] };
    expect(seen.map((s) => s.query)).toEqual([same, { ...same, page: 'page_3' }, { ...same, page: 'page_6' }]);
    expect(seen.map((s) => s.stripeAccount)).toEqual(['acct_2', 'acct_2', 'acct_2']);
  });

  it('toArray stops requesting search pages at max', async () => {
    const seen = serveSearch();
    expect(await client.customers.search({ query, limit: 3 }).toArray({ max: 4 })).toHaveLength(4);
    expect(seen.map((s) => s.query.page)).toEqual([undefined, 'page_3']);
  });

  it('stops when next_page is null', async () => {
    const seen = serveSearch(['cus_01', 'cus_02']);
    expect(await collect(client.customers.search({ query, limit: 5 }))).toEqual(['cus_01', 'cus_02']);
    expect(seen).toHaveLength(1);
  });
});

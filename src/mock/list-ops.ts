import { invalidParam } from './envelope.js';
import { customerExpansions, expandCustomer } from './expand.js';
import type { Operation } from './operation.js';
import { listEnvelope, paginate } from './pagination.js';
import { matchesQuery } from './search-match.js';
import { parseSearchQuery } from './search-parse.js';
import type { CustomerRecord } from './store.js';
import type { ListParams, SearchParams } from './wire.js';

const DEFAULT_LIMIT = 10;

function createdMatches(created: number, filter: ListParams['created']): boolean {
  if (filter === undefined) return true;
  if (typeof filter === 'number') return created === filter;
  return (
    (filter.gt === undefined || created > filter.gt) &&
    (filter.gte === undefined || created >= filter.gte) &&
    (filter.lt === undefined || created < filter.lt) &&
    (filter.lte === undefined || created <= filter.lte)
  );
}

/**
 * GET /v1/customers: newest first, `limit` (default 10), one of `starting_after` / `ending_before`,
 * and the `email` (exact, case-sensitive), `created` and `test_clock` filters. Like Stripe, a list
 * without `test_clock` leaves out customers attached to a test clock.
 * @example GET /v1/customers?limit=3&starting_after=cus_123&email=jenny%40example.com
 */
export const listCustomers: Operation = (context, { params }) => {
  const query = params as ListParams;
  const expansions = customerExpansions(query.expand, 'data.');
  const shown = ({ deleted, customer }: CustomerRecord) =>
    !deleted &&
    (query.email === undefined || customer.email === query.email) &&
    createdMatches(customer.created, query.created) &&
    (query.test_clock === undefined ? !customer.test_clock : customer.test_clock === query.test_clock);
  // Deleted customers stay in the order, so a cursor naming one that was deleted meanwhile still works.
  const { page, hasMore } = paginate(context.store.all(), shown, (record) => record.customer.id, query, 'customer');
  const data = page.map((record) => expandCustomer(record, expansions));
  return { status: 200, body: listEnvelope('/v1/customers', data, hasMore) };
};

// A search cursor is the query and an offset, base64url-encoded: opaque to callers, like Stripe's.
function encodePage(query: string, offset: number): string {
  return Buffer.from(JSON.stringify({ q: query, o: offset })).toString('base64url');
}

function decodePage(page: string, query: string): number {
  try {
    const cursor = JSON.parse(Buffer.from(page, 'base64url').toString('utf8')) as { q?: unknown; o?: unknown };
    if (cursor.q === query && Number.isInteger(cursor.o) && (cursor.o as number) >= 0) return cursor.o as number;
  } catch {
    // Not JSON: reported below like any other foreign cursor.
  }
  throw invalidParam('page', 'Invalid page: use the next_page value of a previous search with the same query.');
}

/**
 * GET /v1/customers/search: the query language of `search-parse.ts`, newest first, `page` cursors
 * from `next_page`, and `total_count` when `expand[]=total_count`. Unlike Stripe's index, which
 * lags writes by up to a minute, the mock finds a customer as soon as it is written.
 * @example GET /v1/customers/search?query=metadata%5B'app_user_id'%5D%3A'u_42'
 */
export const searchCustomers: Operation = (context, { params }) => {
  const search = params as SearchParams;
  const parsed = parseSearchQuery(search.query);
  const expansions = customerExpansions(search.expand, 'data.', ['total_count']);
  const limit = search.limit ?? DEFAULT_LIMIT;
  const offset = search.page === undefined ? 0 : decodePage(search.page, search.query);
  const matching = context.store.live().filter(({ customer }) => matchesQuery(customer, parsed));
  const hasMore = matching.length > offset + limit;
  const body = {
    object: 'search_result',
    data: matching.slice(offset, offset + limit).map((record) => expandCustomer(record, expansions)),
    has_more: hasMore,
    next_page: hasMore ? encodePage(search.query, offset + limit) : null,
    url: '/v1/customers/search',
    ...(search.expand?.includes('total_count') ? { total_count: matching.length } : {}),
  };
  return { status: 200, body };
};

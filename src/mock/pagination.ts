import { invalidParam, resourceMissing } from './envelope.js';

/** The cursor params every Stripe list takes. */
export interface CursorParams {
  limit?: number | undefined;
  starting_after?: string | undefined;
  ending_before?: string | undefined;
}

/** One page and whether more lie further in the direction of travel. */
export interface Page<T> {
  page: T[];
  hasMore: boolean;
}

const DEFAULT_LIMIT = 10;

/**
 * Stripe's cursor pagination over items already in list order (newest first). `ordered` may hold
 * items the list does not show (deleted customers, filtered ones): a cursor naming one of them
 * keeps its place, and `visible` decides what the page shows. `starting_after` walks to older
 * items; `ending_before` returns the `limit` items just newer than the cursor, still newest first.
 * @example paginate(records, (r) => !r.deleted, (r) => r.customer.id, { limit: 2 }, 'customer')
 */
export function paginate<T>(
  ordered: readonly T[],
  visible: (item: T) => boolean,
  idOf: (item: T) => string,
  params: CursorParams,
  what: string,
): Page<T> {
  const { starting_after: after, ending_before: before } = params;
  if (after !== undefined && before !== undefined) {
    throw invalidParam('ending_before', 'You may only specify one of these parameters: ending_before, starting_after.');
  }
  const limit = params.limit ?? DEFAULT_LIMIT;
  const cursor = after ?? before;
  const at = cursor === undefined ? -1 : ordered.findIndex((item) => idOf(item) === cursor);
  if (cursor !== undefined && at === -1) {
    throw resourceMissing(what, cursor, after !== undefined ? 'starting_after' : 'ending_before', 400);
  }
  if (before !== undefined) {
    const newer = ordered.slice(0, at).filter(visible);
    return { page: newer.slice(-limit), hasMore: newer.length > limit };
  }
  const older = ordered.slice(at + 1).filter(visible);
  return { page: older.slice(0, limit), hasMore: older.length > limit };
}

/**
 * Stripe's list envelope.
 * @example listEnvelope('/v1/customers', customers, false)
 */
export function listEnvelope<T>(url: string, data: T[], hasMore: boolean): { object: 'list'; data: T[]; has_more: boolean; url: string } {
  return { object: 'list', data, has_more: hasMore, url };
}

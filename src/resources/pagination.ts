import { customIssue, StripeValidationError } from '../errors/errors.js';

// Stripe pages lists with object-id cursors (`starting_after` / `ending_before`) and search results
// with an opaque `page` token taken from the previous result's `next_page`
// (https://docs.stripe.com/api/pagination). Both end when `has_more` is false.

/** How to walk the pages of one call: the first page, the items of a page, the page after it. */
export interface PageWalk<Page, Item> {
  /** Requests the first page. */
  first(): Promise<Page>;
  /** The items of a page, in the order iteration yields them. */
  items(page: Page): readonly Item[];
  /** Requests the page after `page`, or returns `undefined` when `page` is the last one. */
  next(page: Page): Promise<Page> | undefined;
}

/** Options of {@link PagePromise.toArray}. */
export interface ToArrayOptions {
  /** The most items to collect (a positive integer); no page is requested once this many are in. */
  max: number;
}

/**
 * What `list` and `search` return: awaited, it is the first page, exactly as one call returns it;
 * iterated with `for await`, it yields every item of every page, requesting each page only when
 * iteration reaches it. Nothing is requested until it is awaited or iterated, and the first page is
 * requested once and shared: awaiting and then iterating the same value costs no extra request.
 * @example
 * const page = await stripe.customers.list({ limit: 10 });      // one page
 * for await (const customer of stripe.customers.list({ limit: 100 })) {
 *   if (customer.email === wanted) break;                        // nothing more is requested
 * }
 * const first500 = await stripe.customers.list({ limit: 100 }).toArray({ max: 500 });
 */
export class PagePromise<Page, Item> implements Promise<Page>, AsyncIterable<Item> {
  /** Shown by `Object.prototype.toString`; also makes the type usable where a `Promise` is expected. */
  readonly [Symbol.toStringTag] = 'PagePromise';
  readonly #walk: PageWalk<Page, Item>;
  #first: Promise<Page> | undefined;

  constructor(walk: PageWalk<Page, Item>) {
    this.#walk = walk;
  }

  /** The first page, requested on first use. */
  #firstPage(): Promise<Page> {
    this.#first ??= this.#walk.first();
    return this.#first;
  }

  /** Resolves to the first page; see `Promise.prototype.then`. */
  then<Result = Page, Failure = never>(
    onfulfilled?: ((page: Page) => Result | PromiseLike<Result>) | null,
    onrejected?: ((reason: unknown) => Failure | PromiseLike<Failure>) | null,
  ): Promise<Result | Failure> {
    return this.#firstPage().then(onfulfilled, onrejected);
  }

  /** Handles a failed first page; see `Promise.prototype.catch`. */
  catch<Failure = never>(onrejected?: ((reason: unknown) => Failure | PromiseLike<Failure>) | null): Promise<Page | Failure> {
    return this.#firstPage().catch(onrejected);
  }

  /** Runs `onfinally` once the first page settles; see `Promise.prototype.finally`. */
  finally(onfinally?: (() => void) | null): Promise<Page> {
    return this.#firstPage().finally(onfinally);
  }

  /** Every item of every page, in order; each page is one call (validated, retried, typed errors). */
  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    let page: Page | undefined = await this.#firstPage();
    while (page !== undefined) {
      yield* this.#walk.items(page);
      page = await this.#walk.next(page);
    }
  }

  /**
   * Collects items across pages, at most `max` of them. `max` is required so that nobody downloads
   * every customer of an account by accident; a `max` that is not a positive integer is refused
   * with a `StripeValidationError` before anything is sent.
   * @example
   * const customers = await stripe.customers.list({ limit: 100 }).toArray({ max: 500 });
   */
  async toArray(options: ToArrayOptions): Promise<Item[]> {
    const max: unknown = options?.max;
    if (typeof max !== 'number' || !Number.isSafeInteger(max) || max < 1) {
      const issue = customIssue(['max'], 'must be a positive integer: the most items to collect');
      throw new StripeValidationError([issue], 'Invalid toArray options');
    }
    const items: Item[] = [];
    for await (const item of this) {
      items.push(item);
      if (items.length >= max) break;
    }
    return items;
  }
}

/** The fields of a list page that paging reads. */
export interface ListPage<Item extends { id: string }> {
  data: Item[];
  has_more: boolean;
}

/** The cursor params of a list call. */
export interface CursorParams {
  starting_after?: string | undefined;
  ending_before?: string | undefined;
}

/**
 * Pages through a cursor list. Forwards (the default), the next page starts after the last item's
 * id. When the caller passed `ending_before`, the walk goes backwards: the next page ends before
 * the first item's id, and each page is yielded last item first, so items come in one direction,
 * moving away from the starting cursor. Every page is fetched with the caller's other params.
 * @example
 * listPages(params, (query) => call(operations.GetCustomers, { query }, options) as Promise<CustomerList>)
 */
export function listPages<Params extends CursorParams, Page extends ListPage<{ id: string }>>(
  params: Params | undefined,
  fetchPage: (params: Params | undefined) => Promise<Page>,
): PagePromise<Page, Page['data'][number]> {
  const backwards = params?.ending_before !== undefined;
  return new PagePromise({
    first: () => fetchPage(params),
    items: (page) => (backwards ? [...page.data].reverse() : page.data),
    next: (page) => {
      const edge = backwards ? page.data[0] : page.data[page.data.length - 1];
      if (!page.has_more || edge === undefined) return undefined;
      const cursor = backwards ? { ending_before: edge.id } : { starting_after: edge.id };
      return fetchPage({ ...params, ...cursor } as Params);
    },
  });
}

/** The fields of a search page that paging reads. */
export interface SearchPage<Item> {
  data: Item[];
  has_more: boolean;
  next_page: string | null;
}

/**
 * Pages through search results: the next page is requested with `page` set to the previous result's
 * `next_page`, and the caller's other params unchanged.
 * @example
 * searchPages(params, (query) => call(operations.GetCustomersSearch, { query }, options) as Promise<CustomerSearchResult>)
 */
export function searchPages<Params extends { page?: string | undefined }, Page extends SearchPage<unknown>>(
  params: Params,
  fetchPage: (params: Params) => Promise<Page>,
): PagePromise<Page, Page['data'][number]> {
  return new PagePromise({
    first: () => fetchPage(params),
    items: (page) => page.data,
    next: (page) => {
      if (!page.has_more || !page.next_page || page.data.length === 0) return undefined;
      return fetchPage({ ...params, page: page.next_page });
    },
  });
}

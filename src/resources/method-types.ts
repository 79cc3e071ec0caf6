import type { SearchQuery } from './search-query.js';

// Helpers the generated methods file (generated/methods.ts) types each method with. They read
// openapi-typescript's operation types, so the generated signatures stay one line each.

/** The form body an operation takes (openapi-typescript's operation type `Op`). */
export type BodyOf<Op> = Op extends { requestBody?: { content: { 'application/x-www-form-urlencoded': infer Body } } }
  ? NonNullable<Body>
  : never;

/** The query params an operation takes. */
export type QueryOf<Op> = Op extends { parameters: { query?: infer Query } } ? NonNullable<Query> : never;

/** The JSON of an operation's success response. */
export type SuccessOf<Op> = Op extends { responses: { 200: { content: { 'application/json': infer Body } } } } ? Body : never;

/** The items of a list or search result. */
export type ItemOf<Page> = Page extends { data: readonly (infer Item)[] } ? Item : never;

/**
 * Search params: `query` is the query text, or a query built with `customerSearch`, whose values
 * are quoted and escaped for you.
 */
export type SearchParamsOf<Query> = Omit<Query, 'query'> & {
  /** The search query: `"email:'jenny@example.com'"`, or `customerSearch.email.is('jenny@example.com')`. */
  query: string | SearchQuery;
};

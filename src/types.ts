import type * as z from 'zod/mini';
import type { operations as Operations } from '../generated/operations.js';
import type { operations as OperationTypes } from '../generated/types.js';
import type { SearchQuery } from './search-query.js';

type FormBody<Id extends keyof OperationTypes> = OperationTypes[Id] extends {
  requestBody?: { content: { 'application/x-www-form-urlencoded': infer Body } };
}
  ? Body
  : never;

type Query<Id extends keyof OperationTypes> = NonNullable<OperationTypes[Id]['parameters']['query']>;

/**
 * What an operation returns: the zod output of its response schema, which is the openapi-typescript
 * type with enums opened (`OpenEnums` in generated/schemas.ts): the known values plus any other
 * string, since Stripe adds values without a new API version. Fields Stripe adds are kept in the
 * data at run time but not typed, so a typo is a compile error; read an addition with a cast.
 */
export type ResultOf<Id extends keyof typeof Operations> = z.output<NonNullable<(typeof Operations)[Id]['responseSchema']>>;

/** A customer. */
export type Customer = ResultOf<'PostCustomers'>;
/** What `retrieve` returns: a customer, or the stub left by a deleted one. */
export type CustomerOrDeleted = ResultOf<'GetCustomersCustomer'>;
/** What `delete` returns. */
export type DeletedCustomer = ResultOf<'DeleteCustomersCustomer'>;
/** One page of `list`. */
export type CustomerList = ResultOf<'GetCustomers'>;
/** One page of `search`. */
export type CustomerSearchResult = ResultOf<'GetCustomersSearch'>;

/** Params of `customers.create` (POST /v1/customers). */
export type CustomerCreateParams = FormBody<'PostCustomers'>;
/** Params of `customers.update` (POST /v1/customers/{customer}). */
export type CustomerUpdateParams = FormBody<'PostCustomersCustomer'>;
/** Params of `customers.retrieve` (GET /v1/customers/{customer}). */
export type CustomerRetrieveParams = Query<'GetCustomersCustomer'>;
/** Params of `customers.list` (GET /v1/customers). */
export type CustomerListParams = Query<'GetCustomers'>;
/**
 * Params of `customers.search` (GET /v1/customers/search). `query` is the query text, or a query
 * built with `customerSearch`, whose values are quoted and escaped for you.
 */
export type CustomerSearchParams = Omit<Query<'GetCustomersSearch'>, 'query'> & {
  /** The search query: `"email:'jenny@example.com'"`, or `customerSearch.email.is('jenny@example.com')`. */
  query: string | SearchQuery;
};

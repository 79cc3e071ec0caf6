import { operations } from '../../generated/operations.js';
import { request, type RequestContext } from '../http/request.js';
import { customerSubResources, type CustomerSubResources } from './customer-sub-resources.js';
import type { Expanded, ItemPaths, WithExpand } from './expand.js';
import type { RequestOptions } from '../client/options.js';
import { listPages, searchPages, type PagePromise } from './pagination.js';
import { SearchQuery } from './search-query.js';
import type {
  Customer,
  CustomerCreateParams,
  CustomerList,
  CustomerListParams,
  CustomerOrDeleted,
  CustomerRetrieveParams,
  CustomerSearchParams,
  CustomerSearchResult,
  CustomerUpdateParams,
  DeletedCustomer,
} from './types.js';

/**
 * `client.customers`: the six customer operations, each one typed call, and the customer's
 * sub-resources ({@link CustomerSubResources}: tax IDs, balance transactions, discount, cash balance).
 * Pass `expand` as literals (`expand: ['default_source']`) and the result types those fields as
 * objects; see {@link Expanded}.
 */
export interface CustomersResource extends CustomerSubResources {
  /** Creates a customer. POST /v1/customers. */
  create<const E extends readonly string[] = []>(
    params?: WithExpand<CustomerCreateParams, E>,
    options?: RequestOptions,
  ): Promise<Expanded<Customer, E[number]>>;
  /** Retrieves a customer; a deleted one comes back as `{ id, object, deleted: true }`. */
  retrieve<const E extends readonly string[] = []>(
    id: string,
    params?: WithExpand<CustomerRetrieveParams, E>,
    options?: RequestOptions,
  ): Promise<Expanded<CustomerOrDeleted, E[number]>>;
  /** Updates a customer; params not given are left unchanged, `''` unsets a field. */
  update<const E extends readonly string[] = []>(
    id: string,
    params?: WithExpand<CustomerUpdateParams, E>,
    options?: RequestOptions,
  ): Promise<Expanded<Customer, E[number]>>;
  /** Deletes a customer permanently. */
  delete(id: string, options?: RequestOptions): Promise<DeletedCustomer>;
  /**
   * One page of customers, newest first, when awaited; every customer of every page with `for await`
   * (the same params and options on each page). Expand item fields with `data.`: `data.default_source`.
   */
  list<const E extends readonly string[] = []>(
    params?: WithExpand<CustomerListParams, E>,
    options?: RequestOptions,
  ): PagePromise<Expanded<CustomerList, E[number]>, Expanded<Customer, ItemPaths<E[number]>>>;
  /**
   * One page of customers matching a search query (text or built with `customerSearch`) when
   * awaited; every match of every page with `for await`. See {@link PagePromise}.
   */
  search<const E extends readonly string[] = []>(
    params: WithExpand<CustomerSearchParams, E>,
    options?: RequestOptions,
  ): PagePromise<Expanded<CustomerSearchResult, E[number]>, Expanded<Customer, ItemPaths<E[number]>>>;
}

/** Search params with a built query turned into its text; anything else is left for validation. */
function queryText(params: CustomerSearchParams): Omit<CustomerSearchParams, 'query'> & { query: string } {
  const query: unknown = params?.query;
  return query instanceof SearchQuery ? { ...params, query: query.toString() } : (params as { query: string });
}

/**
 * Builds `client.customers` on a client's call function. What comes back is the validated JSON; its
 * static type follows the call's literal `expand` paths, which the compiler cannot see through here.
 */
export function customersResource(context: RequestContext): CustomersResource {
  return {
    ...customerSubResources(context),
    create: (params, options) => request(context, operations.PostCustomers, { body: params }, options) as never,
    retrieve: (id, params, options) =>
      request(context, operations.GetCustomersCustomer, { path: { customer: id }, query: params }, options) as never,
    update: (id, params, options) =>
      request(context, operations.PostCustomersCustomer, { path: { customer: id }, body: params }, options) as never,
    delete: (id, options) =>
      request(context, operations.DeleteCustomersCustomer, { path: { customer: id } }, options) as Promise<DeletedCustomer>,
    list: (params, options) =>
      listPages(params, (query) => request(context, operations.GetCustomers, { query }, options) as Promise<CustomerList>) as never,
    search: (params, options) =>
      searchPages(
        queryText(params as CustomerSearchParams),
        (query) => request(context, operations.GetCustomersSearch, { query }, options) as Promise<CustomerSearchResult>,
      ) as never,
  };
}

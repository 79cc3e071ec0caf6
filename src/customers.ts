import { operations } from '../generated/operations.js';
import type { RequestOptions } from './options.js';
import { listPages, searchPages, type PagePromise } from './pagination.js';
import { SearchQuery } from './search-query.js';
import type { CallParams, OperationSpec } from './operation.js';
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

/** Runs one operation for a client; see `request.ts`. */
export type Call = (op: OperationSpec, params: CallParams, options?: RequestOptions) => Promise<unknown>;

/** `client.customers`: the six customer operations, each one typed call. */
export interface CustomersResource {
  /** Creates a customer. POST /v1/customers. */
  create(params?: CustomerCreateParams, options?: RequestOptions): Promise<Customer>;
  /** Retrieves a customer; a deleted one comes back as `{ id, object, deleted: true }`. */
  retrieve(id: string, params?: CustomerRetrieveParams, options?: RequestOptions): Promise<CustomerOrDeleted>;
  /** Updates a customer; params not given are left unchanged, `''` unsets a field. */
  update(id: string, params?: CustomerUpdateParams, options?: RequestOptions): Promise<Customer>;
  /** Deletes a customer permanently. */
  delete(id: string, options?: RequestOptions): Promise<DeletedCustomer>;
  /**
   * One page of customers, newest first, when awaited; every customer of every page with `for await`
   * (the same params and options on each page). See {@link PagePromise}.
   */
  list(params?: CustomerListParams, options?: RequestOptions): PagePromise<CustomerList, Customer>;
  /**
   * One page of customers matching a search query (text or built with `customerSearch`) when
   * awaited; every match of every page with `for await`. See {@link PagePromise}.
   */
  search(params: CustomerSearchParams, options?: RequestOptions): PagePromise<CustomerSearchResult, Customer>;
}

/** Search params with a built query turned into its text; anything else is left for validation. */
function queryText(params: CustomerSearchParams): Omit<CustomerSearchParams, 'query'> & { query: string } {
  const query: unknown = params?.query;
  return query instanceof SearchQuery ? { ...params, query: query.toString() } : (params as { query: string });
}

/** Builds `client.customers` on a client's call function. */
export function customersResource(call: Call): CustomersResource {
  return {
    create: (params, options) => call(operations.PostCustomers, { body: params }, options) as Promise<Customer>,
    retrieve: (id, params, options) =>
      call(operations.GetCustomersCustomer, { path: { customer: id }, query: params }, options) as Promise<CustomerOrDeleted>,
    update: (id, params, options) =>
      call(operations.PostCustomersCustomer, { path: { customer: id }, body: params }, options) as Promise<Customer>,
    delete: (id, options) =>
      call(operations.DeleteCustomersCustomer, { path: { customer: id } }, options) as Promise<DeletedCustomer>,
    list: (params, options) =>
      listPages(params, (query) => call(operations.GetCustomers, { query }, options) as Promise<CustomerList>),
    search: (params, options) =>
      searchPages(queryText(params), (query) => call(operations.GetCustomersSearch, { query }, options) as Promise<CustomerSearchResult>),
  };
}

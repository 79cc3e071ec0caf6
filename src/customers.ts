import { operations } from '../generated/operations.js';
import type { RequestOptions } from './options.js';
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
  /** One page of customers, newest first. */
  list(params?: CustomerListParams, options?: RequestOptions): Promise<CustomerList>;
  /** One page of customers matching a search query, such as `metadata['app_user_id']:'42'`. */
  search(params: CustomerSearchParams, options?: RequestOptions): Promise<CustomerSearchResult>;
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
    list: (params, options) => call(operations.GetCustomers, { query: params }, options) as Promise<CustomerList>,
    search: (params, options) =>
      call(operations.GetCustomersSearch, { query: params }, options) as Promise<CustomerSearchResult>,
  };
}

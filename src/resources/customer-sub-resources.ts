import { operations } from '../../generated/operations.js';
import { request, type RequestContext } from '../http/request.js';
import type { Expanded, ItemPaths, WithExpand } from './expand.js';
import type { RequestOptions } from '../client/options.js';
import { listPages, type PagePromise } from './pagination.js';
import type {
  CashBalance,
  CustomerBalanceTransaction,
  CustomerBalanceTransactionList,
  CustomerCreateBalanceTransactionParams,
  CustomerCreateTaxIdParams,
  CustomerListBalanceTransactionsParams,
  CustomerListTaxIdsParams,
  CustomerRetrieveBalanceTransactionParams,
  CustomerRetrieveCashBalanceParams,
  CustomerRetrieveTaxIdParams,
  CustomerUpdateBalanceTransactionParams,
  CustomerUpdateCashBalanceParams,
  DeletedDiscount,
  DeletedTaxId,
  TaxId,
  TaxIdList,
} from './types.js';

/**
 * The objects that live under one customer (`/v1/customers/{customer}/...`): tax IDs, the credit
 * balance, the discount and the cash balance. Named as Stripe's Node SDK names them; the customer's
 * ID comes first, per-request options last. Literal `expand` paths type the result, as for the core.
 */
export interface CustomerSubResources {
  /**
   * Adds a tax ID to a customer.
   * @example
   * await stripe.customers.createTaxId('cus_123', { type: 'eu_vat', value: 'DE123456789' });
   */
  createTaxId<const E extends readonly string[] = []>(
    customerId: string,
    params: WithExpand<CustomerCreateTaxIdParams, E>,
    options?: RequestOptions,
  ): Promise<Expanded<TaxId, E[number]>>;
  /** One page of a customer's tax IDs when awaited; every tax ID of every page with `for await`. */
  listTaxIds<const E extends readonly string[] = []>(
    customerId: string,
    params?: WithExpand<CustomerListTaxIdsParams, E>,
    options?: RequestOptions,
  ): PagePromise<Expanded<TaxIdList, E[number]>, Expanded<TaxId, ItemPaths<E[number]>>>;
  /** Retrieves one of a customer's tax IDs. */
  retrieveTaxId<const E extends readonly string[] = []>(
    customerId: string,
    id: string,
    params?: WithExpand<CustomerRetrieveTaxIdParams, E>,
    options?: RequestOptions,
  ): Promise<Expanded<TaxId, E[number]>>;
  /** Removes a tax ID from a customer. */
  deleteTaxId(customerId: string, id: string, options?: RequestOptions): Promise<DeletedTaxId>;
  /**
   * Adds an entry to a customer's credit balance: a negative `amount` is a credit applied to future
   * invoices, a positive one a debit added to the next invoice.
   * @example
   * await stripe.customers.createBalanceTransaction('cus_123', { amount: -500, currency: 'usd' });
   */
  createBalanceTransaction<const E extends readonly string[] = []>(
    customerId: string,
    params: WithExpand<CustomerCreateBalanceTransactionParams, E>,
    options?: RequestOptions,
  ): Promise<Expanded<CustomerBalanceTransaction, E[number]>>;
  /** One page of a customer's credit balance history when awaited; every entry with `for await`. */
  listBalanceTransactions<const E extends readonly string[] = []>(
    customerId: string,
    params?: WithExpand<CustomerListBalanceTransactionsParams, E>,
    options?: RequestOptions,
  ): PagePromise<
    Expanded<CustomerBalanceTransactionList, E[number]>,
    Expanded<CustomerBalanceTransaction, ItemPaths<E[number]>>
  >;
  /** Retrieves one entry of a customer's credit balance history. */
  retrieveBalanceTransaction<const E extends readonly string[] = []>(
    customerId: string,
    id: string,
    params?: WithExpand<CustomerRetrieveBalanceTransactionParams, E>,
    options?: RequestOptions,
  ): Promise<Expanded<CustomerBalanceTransaction, E[number]>>;
  /** Changes the description or metadata of a credit balance entry (its amount cannot change). */
  updateBalanceTransaction<const E extends readonly string[] = []>(
    customerId: string,
    id: string,
    params?: WithExpand<CustomerUpdateBalanceTransactionParams, E>,
    options?: RequestOptions,
  ): Promise<Expanded<CustomerBalanceTransaction, E[number]>>;
  /** Removes the discount currently applied to a customer. */
  deleteDiscount(customerId: string, options?: RequestOptions): Promise<DeletedDiscount>;
  /** Retrieves a customer's cash balance (funds received by bank transfer) and its settings. */
  retrieveCashBalance<const E extends readonly string[] = []>(
    customerId: string,
    params?: WithExpand<CustomerRetrieveCashBalanceParams, E>,
    options?: RequestOptions,
  ): Promise<Expanded<CashBalance, E[number]>>;
  /** Changes the settings of a customer's cash balance, such as its reconciliation mode. */
  updateCashBalance<const E extends readonly string[] = []>(
    customerId: string,
    params?: WithExpand<CustomerUpdateCashBalanceParams, E>,
    options?: RequestOptions,
  ): Promise<Expanded<CashBalance, E[number]>>;
}

/**
 * The sub-resource methods on a client's call function; each is one operation of the generated
 * table, so validation, encoding, retries, idempotency and errors are those of the core methods.
 */
export function customerSubResources(context: RequestContext): CustomerSubResources {
  return {
    createTaxId: (customer, params, options) =>
      request(context, operations.PostCustomersCustomerTaxIds, { path: { customer }, body: params }, options) as never,
    listTaxIds: (customer, params, options) =>
      listPages(
        params,
        (query) => request(context, operations.GetCustomersCustomerTaxIds, { path: { customer }, query }, options) as Promise<TaxIdList>,
      ) as never,
    retrieveTaxId: (customer, id, params, options) =>
      request(context, operations.GetCustomersCustomerTaxIdsId, { path: { customer, id }, query: params }, options) as never,
    deleteTaxId: (customer, id, options) =>
      request(context, operations.DeleteCustomersCustomerTaxIdsId, { path: { customer, id } }, options) as Promise<DeletedTaxId>,
    createBalanceTransaction: (customer, params, options) =>
      request(context, operations.PostCustomersCustomerBalanceTransactions, { path: { customer }, body: params }, options) as never,
    listBalanceTransactions: (customer, params, options) =>
      listPages(
        params,
        (query) =>
          request(context, operations.GetCustomersCustomerBalanceTransactions, { path: { customer }, query }, options) as Promise<
            CustomerBalanceTransactionList
          >,
      ) as never,
    retrieveBalanceTransaction: (customer, transaction, params, options) =>
      request(
        context,
        operations.GetCustomersCustomerBalanceTransactionsTransaction,
        { path: { customer, transaction }, query: params },
        options,
      ) as never,
    updateBalanceTransaction: (customer, transaction, params, options) =>
      request(
        context,
        operations.PostCustomersCustomerBalanceTransactionsTransaction,
        { path: { customer, transaction }, body: params },
        options,
      ) as never,
    deleteDiscount: (customer, options) =>
      request(context, operations.DeleteCustomersCustomerDiscount, { path: { customer } }, options) as Promise<DeletedDiscount>,
    retrieveCashBalance: (customer, params, options) =>
      request(context, operations.GetCustomersCustomerCashBalance, { path: { customer }, query: params }, options) as never,
    updateCashBalance: (customer, params, options) =>
      request(context, operations.PostCustomersCustomerCashBalance, { path: { customer }, body: params }, options) as never,
  };
}

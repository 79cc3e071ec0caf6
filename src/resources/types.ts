import type * as z from 'zod/mini';
import type { operations as Operations } from '../../generated/operations.js';
import type { operations as OperationTypes } from '../../generated/types.js';
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

/** A customer's tax ID (`object: "tax_id"`). */
export type TaxId = ResultOf<'GetCustomersCustomerTaxIdsId'>;
/** One page of `listTaxIds`. */
export type TaxIdList = ResultOf<'GetCustomersCustomerTaxIds'>;
/** What `deleteTaxId` returns. */
export type DeletedTaxId = ResultOf<'DeleteCustomersCustomerTaxIdsId'>;
/** One entry of a customer's credit balance history (`object: "customer_balance_transaction"`). */
export type CustomerBalanceTransaction = ResultOf<'GetCustomersCustomerBalanceTransactionsTransaction'>;
/** One page of `listBalanceTransactions`. */
export type CustomerBalanceTransactionList = ResultOf<'GetCustomersCustomerBalanceTransactions'>;
/** What `deleteDiscount` returns: the removed discount, with `deleted: true`. */
export type DeletedDiscount = ResultOf<'DeleteCustomersCustomerDiscount'>;
/** A customer's cash balance: funds received by bank transfer (`object: "cash_balance"`). */
export type CashBalance = ResultOf<'GetCustomersCustomerCashBalance'>;

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

/** Params of `customers.createTaxId` (POST /v1/customers/{customer}/tax_ids). */
export type CustomerCreateTaxIdParams = FormBody<'PostCustomersCustomerTaxIds'>;
/** Params of `customers.listTaxIds` (GET /v1/customers/{customer}/tax_ids). */
export type CustomerListTaxIdsParams = Query<'GetCustomersCustomerTaxIds'>;
/** Params of `customers.retrieveTaxId` (GET /v1/customers/{customer}/tax_ids/{id}). */
export type CustomerRetrieveTaxIdParams = Query<'GetCustomersCustomerTaxIdsId'>;
/** Params of `customers.createBalanceTransaction` (POST /v1/customers/{customer}/balance_transactions). */
export type CustomerCreateBalanceTransactionParams = FormBody<'PostCustomersCustomerBalanceTransactions'>;
/** Params of `customers.listBalanceTransactions` (GET /v1/customers/{customer}/balance_transactions). */
export type CustomerListBalanceTransactionsParams = Query<'GetCustomersCustomerBalanceTransactions'>;
/** Params of `customers.retrieveBalanceTransaction` (GET /v1/customers/{customer}/balance_transactions/{transaction}). */
export type CustomerRetrieveBalanceTransactionParams = Query<'GetCustomersCustomerBalanceTransactionsTransaction'>;
/** Params of `customers.updateBalanceTransaction` (POST /v1/customers/{customer}/balance_transactions/{transaction}). */
export type CustomerUpdateBalanceTransactionParams = FormBody<'PostCustomersCustomerBalanceTransactionsTransaction'>;
/** Params of `customers.retrieveCashBalance` (GET /v1/customers/{customer}/cash_balance). */
export type CustomerRetrieveCashBalanceParams = Query<'GetCustomersCustomerCashBalance'>;
/** Params of `customers.updateCashBalance` (POST /v1/customers/{customer}/cash_balance). */
export type CustomerUpdateCashBalanceParams = FormBody<'PostCustomersCustomerCashBalance'>;

import { operations, type OperationId } from '../../generated/operations.js';
import {
  createBalanceTransaction,
  listBalanceTransactions,
  retrieveBalanceTransaction,
  retrieveCashBalance,
  updateBalanceTransaction,
  updateCashBalance,
} from './balance-ops.js';
import { createCustomer, deleteCustomer, deleteDiscount, retrieveCustomer, retrieveDiscount, updateCustomer } from './customer-ops.js';
import { listCustomers, searchCustomers } from './list-ops.js';
import type { Operation } from './operation.js';
import { listCashBalanceTransactions, listPaymentMethods, retrieveCashBalanceTransaction, retrievePaymentMethod } from './seeded-ops.js';
import { createSource, deleteSource, listSources, retrieveSource, updateSource, verifySource } from './source-ops.js';
import { synthesized } from './synthesize.js';
import { createTaxId, deleteTaxId, listTaxIds, retrieveTaxId } from './tax-id-ops.js';

/**
 * How the mock answers each generated operation. One entry per operation: when the spec gains an
 * operation, this stops compiling until the mock answers it, so the mock cannot silently lag the
 * client. Customers and what they own are stateful; subscriptions and funding instructions, whose
 * objects the mock does not keep, are {@link synthesized} from their response schemas.
 */
export const OPERATIONS: Readonly<Record<OperationId, Operation>> = {
  GetCustomers: listCustomers,
  PostCustomers: createCustomer,
  GetCustomersSearch: searchCustomers,
  GetCustomersCustomer: retrieveCustomer,
  PostCustomersCustomer: updateCustomer,
  DeleteCustomersCustomer: deleteCustomer,

  GetCustomersCustomerBalanceTransactions: listBalanceTransactions,
  PostCustomersCustomerBalanceTransactions: createBalanceTransaction,
  GetCustomersCustomerBalanceTransactionsTransaction: retrieveBalanceTransaction,
  PostCustomersCustomerBalanceTransactionsTransaction: updateBalanceTransaction,

  GetCustomersCustomerSources: listSources('sources'),
  PostCustomersCustomerSources: createSource,
  GetCustomersCustomerSourcesId: retrieveSource('sources'),
  PostCustomersCustomerSourcesId: updateSource('sources'),
  DeleteCustomersCustomerSourcesId: deleteSource('sources'),
  PostCustomersCustomerSourcesIdVerify: verifySource,
  GetCustomersCustomerCards: listSources('cards'),
  PostCustomersCustomerCards: createSource,
  GetCustomersCustomerCardsId: retrieveSource('cards'),
  PostCustomersCustomerCardsId: updateSource('cards'),
  DeleteCustomersCustomerCardsId: deleteSource('cards'),
  GetCustomersCustomerBankAccounts: listSources('bank_accounts'),
  PostCustomersCustomerBankAccounts: createSource,
  GetCustomersCustomerBankAccountsId: retrieveSource('bank_accounts'),
  PostCustomersCustomerBankAccountsId: updateSource('bank_accounts'),
  DeleteCustomersCustomerBankAccountsId: deleteSource('bank_accounts'),
  PostCustomersCustomerBankAccountsIdVerify: verifySource,

  GetCustomersCustomerCashBalance: retrieveCashBalance,
  PostCustomersCustomerCashBalance: updateCashBalance,
  GetCustomersCustomerCashBalanceTransactions: listCashBalanceTransactions,
  GetCustomersCustomerCashBalanceTransactionsTransaction: retrieveCashBalanceTransaction,
  GetCustomersCustomerPaymentMethods: listPaymentMethods,
  GetCustomersCustomerPaymentMethodsPaymentMethod: retrievePaymentMethod,

  GetCustomersCustomerDiscount: retrieveDiscount,
  DeleteCustomersCustomerDiscount: deleteDiscount,

  GetCustomersCustomerTaxIds: listTaxIds,
  PostCustomersCustomerTaxIds: createTaxId,
  GetCustomersCustomerTaxIdsId: retrieveTaxId,
  DeleteCustomersCustomerTaxIdsId: deleteTaxId,

  PostCustomersCustomerFundingInstructions: synthesized(operations.PostCustomersCustomerFundingInstructions),
  GetCustomersCustomerSubscriptions: synthesized(operations.GetCustomersCustomerSubscriptions),
  PostCustomersCustomerSubscriptions: synthesized(operations.PostCustomersCustomerSubscriptions),
  GetCustomersCustomerSubscriptionsSubscriptionExposedId: synthesized(operations.GetCustomersCustomerSubscriptionsSubscriptionExposedId),
  PostCustomersCustomerSubscriptionsSubscriptionExposedId: synthesized(operations.PostCustomersCustomerSubscriptionsSubscriptionExposedId),
  DeleteCustomersCustomerSubscriptionsSubscriptionExposedId: synthesized(operations.DeleteCustomersCustomerSubscriptionsSubscriptionExposedId),
  GetCustomersCustomerSubscriptionsSubscriptionExposedIdDiscount: synthesized(operations.GetCustomersCustomerSubscriptionsSubscriptionExposedIdDiscount),
  DeleteCustomersCustomerSubscriptionsSubscriptionExposedIdDiscount: synthesized(operations.DeleteCustomersCustomerSubscriptionsSubscriptionExposedIdDiscount),
};

import type { OpenEnums } from '../../generated/schemas.js';
import type { components, operations as OperationTypes } from '../../generated/types.js';
import type { ItemOf, SuccessOf } from './method-types.js';

export type * from '../../generated/methods.js';

/**
 * What an operation returns: openapi-typescript's type of its success response with enums opened
 * (`OpenEnums` in generated/schemas.ts): the known values plus any other string, since Stripe adds
 * values without a new API version. Fields Stripe adds are kept in the data at run time but not
 * typed, so a typo is a compile error; read an addition with a cast.
 */
export type ResultOf<Id extends keyof OperationTypes> = OpenEnums<SuccessOf<OperationTypes[Id]>>;

/** A component schema of the spec as a response type, enums opened. */
type Model<Name extends keyof components['schemas']> = OpenEnums<components['schemas'][Name]>;

/** A customer. */
export type Customer = Model<'customer'>;
/** What `retrieve` returns: a customer, or the stub left by a deleted one. */
export type CustomerOrDeleted = ResultOf<'GetCustomersCustomer'>;
/** What `del` returns. */
export type DeletedCustomer = Model<'deleted_customer'>;
/** One page of `list`. */
export type CustomerList = ResultOf<'GetCustomers'>;
/** One page of `search`. */
export type CustomerSearchResult = ResultOf<'GetCustomersSearch'>;
/** A customer's tax ID (`object: "tax_id"`). */
export type TaxId = Model<'tax_id'>;
/** One page of `listTaxIds`. */
export type TaxIdList = ResultOf<'GetCustomersCustomerTaxIds'>;
/** What `deleteTaxId` returns. */
export type DeletedTaxId = Model<'deleted_tax_id'>;
/** One entry of a customer's credit balance history (`object: "customer_balance_transaction"`). */
export type CustomerBalanceTransaction = Model<'customer_balance_transaction'>;
/** One page of `listBalanceTransactions`. */
export type CustomerBalanceTransactionList = ResultOf<'GetCustomersCustomerBalanceTransactions'>;
/** What `deleteDiscount` returns: the removed discount, with `deleted: true`. */
export type DeletedDiscount = Model<'deleted_discount'>;
/** A discount applied to a customer or subscription. */
export type Discount = Model<'discount'>;
/** A customer's cash balance: funds received by bank transfer (`object: "cash_balance"`). */
export type CashBalance = Model<'cash_balance'>;
/** One entry of a customer's cash balance history. */
export type CustomerCashBalanceTransaction = Model<'customer_cash_balance_transaction'>;
/** A payment method attached to a customer. */
export type PaymentMethod = Model<'payment_method'>;
/** A source attached to a customer: a card, a bank account, a Source, or an account. */
export type CustomerSource = Model<'payment_source'>;
/** A card attached to a customer. */
export type Card = Model<'card'>;
/** A bank account attached to a customer. */
export type BankAccount = Model<'bank_account'>;
/** A subscription. */
export type Subscription = Model<'subscription'>;
/** Bank transfer details for funding a customer's cash balance. */
export type FundingInstructions = Model<'funding_instructions'>;
/** One item of a list or search page. */
export type { ItemOf };

import type * as z from 'zod/mini';
import type {
  GetCustomersCustomerBalanceTransactionsQuerySchema,
  GetCustomersCustomerPaymentMethodsQuerySchema,
  GetCustomersCustomerQuerySchema,
  GetCustomersCustomerSourcesQuerySchema,
  GetCustomersCustomerTaxIdsQuerySchema,
  GetCustomersQuerySchema,
  GetCustomersSearchQuerySchema,
  PostCustomersBodySchema,
  PostCustomersCustomerBalanceTransactionsBodySchema,
  PostCustomersCustomerBalanceTransactionsTransactionBodySchema,
  PostCustomersCustomerBodySchema,
  PostCustomersCustomerCashBalanceBodySchema,
  PostCustomersCustomerSourcesBodySchema,
  PostCustomersCustomerSourcesIdBodySchema,
  PostCustomersCustomerSourcesIdVerifyBodySchema,
  PostCustomersCustomerTaxIdsBodySchema,
} from '../../generated/schemas.js';

// The params as they arrive over the wire, after decoding and validation: the generated request
// schemas' outputs. The client's param types may grow conveniences (a query builder, say) that
// never reach the wire, so the mock types its input from the schemas, not from them.

/** POST /v1/customers params. */
export type CreateParams = z.output<typeof PostCustomersBodySchema>;
/** POST /v1/customers/{customer} params. */
export type UpdateParams = z.output<typeof PostCustomersCustomerBodySchema>;
/** GET /v1/customers/{customer} params. */
export type RetrieveParams = z.output<typeof GetCustomersCustomerQuerySchema>;
/** GET /v1/customers params. */
export type ListParams = z.output<typeof GetCustomersQuerySchema>;
/** GET /v1/customers/search params. */
export type SearchParams = z.output<typeof GetCustomersSearchQuerySchema>;
/** GET /v1/customers/{customer}/tax_ids params. */
export type TaxIdListParams = z.output<typeof GetCustomersCustomerTaxIdsQuerySchema>;
/** POST /v1/customers/{customer}/tax_ids params. */
export type TaxIdCreateParams = z.output<typeof PostCustomersCustomerTaxIdsBodySchema>;
/** GET /v1/customers/{customer}/balance_transactions params. */
export type BalanceListParams = z.output<typeof GetCustomersCustomerBalanceTransactionsQuerySchema>;
/** POST /v1/customers/{customer}/balance_transactions params. */
export type BalanceCreateParams = z.output<typeof PostCustomersCustomerBalanceTransactionsBodySchema>;
/** POST /v1/customers/{customer}/balance_transactions/{transaction} params. */
export type BalanceUpdateParams = z.output<typeof PostCustomersCustomerBalanceTransactionsTransactionBodySchema>;
/** POST /v1/customers/{customer}/cash_balance params. */
export type CashBalanceUpdateParams = z.output<typeof PostCustomersCustomerCashBalanceBodySchema>;
/** POST /v1/customers/{customer}/sources params (the legacy /cards and /bank_accounts take the same). */
export type SourceCreateParams = z.output<typeof PostCustomersCustomerSourcesBodySchema>;
/** POST /v1/customers/{customer}/sources/{id} params (and the legacy /cards/{id}, /bank_accounts/{id}). */
export type SourceUpdateParams = z.output<typeof PostCustomersCustomerSourcesIdBodySchema>;
/** GET /v1/customers/{customer}/sources params; the legacy lists take the same less `object`. */
export type SourceListParams = z.output<typeof GetCustomersCustomerSourcesQuerySchema>;
/** POST /v1/customers/{customer}/sources/{id}/verify params (and /bank_accounts/{id}/verify). */
export type VerifyParams = z.output<typeof PostCustomersCustomerSourcesIdVerifyBodySchema>;
/** GET /v1/customers/{customer}/payment_methods params. */
export type PaymentMethodListParams = z.output<typeof GetCustomersCustomerPaymentMethodsQuerySchema>;
/** The `expand` param most sub-resource operations take. */
export type ExpandOnly = { expand?: string[] | undefined };

import type { operations as OperationTypes } from '../../generated/types.js';
import type { OpenEnums } from '../../generated/schemas.js';
import type {
  ApiList,
  ApiSearchResult,
  Customer,
  CustomerBalanceTransaction,
  DeletedCustomer,
  TaxId,
} from '../../generated/models.js';
import type { ItemOf, SuccessOf } from './method-types.js';

export type * from '../../generated/methods.js';
// Every response object under its own name (`Customer`, `TaxId`, `CustomerSource`, `ApiList<T>`).
export type * from '../../generated/models.js';

/**
 * What an operation returns, read from openapi-typescript's types with enums opened (`OpenEnums`
 * in generated/schemas.ts). The methods name the same types as models (`Customer`, `ApiList<TaxId>`);
 * this form reaches an operation by its id.
 */
export type ResultOf<Id extends keyof OperationTypes> = OpenEnums<SuccessOf<OperationTypes[Id]>>;

/** What `retrieve` returns: a customer, or the stub left by a deleted one (`if (c.deleted)` tells them apart). */
export type CustomerOrDeleted = Customer | DeletedCustomer;
/** One page of `list`. */
export type CustomerList = ApiList<Customer>;
/** One page of `search`. */
export type CustomerSearchResult = ApiSearchResult<Customer>;
/** One page of `listTaxIds`. */
export type TaxIdList = ApiList<TaxId>;
/** One page of `listBalanceTransactions`. */
export type CustomerBalanceTransactionList = ApiList<CustomerBalanceTransaction>;
/** One item of a list or search page. */
export type { ItemOf };

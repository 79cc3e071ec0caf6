import { describe, expectTypeOf, it } from 'vitest';
import {
  createClient,
  type CashBalance,
  type Customer,
  type CustomerBalanceTransaction,
  type CustomerBalanceTransactionList,
  type CustomerCreateBalanceTransactionParams,
  type CustomerCreateTaxIdParams,
  type CustomerListTaxIdsParams,
  type CustomerUpdateBalanceTransactionParams,
  type CustomerUpdateCashBalanceParams,
  type DeletedDiscount,
  type DeletedTaxId,
  type PagePromise,
  type RequestOptions,
  type TaxId,
  type TaxIdList,
  type Invoice,
} from '../../src/index.js';

const stripe = createClient({ apiKey: 'sk_test_123' });

describe('sub-resource result types', () => {
  it('each method resolves to its typed result', () => {
    expectTypeOf(stripe.customers.createTaxId).returns.resolves.toEqualTypeOf<TaxId>();
    expectTypeOf(stripe.customers.retrieveTaxId).returns.resolves.toEqualTypeOf<TaxId>();
    expectTypeOf(stripe.customers.deleteTaxId).returns.resolves.toEqualTypeOf<DeletedTaxId>();
    expectTypeOf(stripe.customers.createBalanceTransaction).returns.resolves.toEqualTypeOf<CustomerBalanceTransaction>();
    expectTypeOf(stripe.customers.updateBalanceTransaction).returns.resolves.toEqualTypeOf<CustomerBalanceTransaction>();
    expectTypeOf(stripe.customers.deleteDiscount).returns.resolves.toEqualTypeOf<DeletedDiscount>();
    expectTypeOf(stripe.customers.retrieveCashBalance).returns.resolves.toEqualTypeOf<CashBalance>();
    expectTypeOf(stripe.customers.updateCashBalance).returns.resolves.toEqualTypeOf<CashBalance>();
  });

  it('lists are PagePromises of their page and item types', () => {
    expectTypeOf(stripe.customers.listTaxIds('cus_1')).toEqualTypeOf<PagePromise<TaxIdList, TaxId>>();
    expectTypeOf(stripe.customers.listBalanceTransactions('cus_1')).toEqualTypeOf<
      PagePromise<CustomerBalanceTransactionList, CustomerBalanceTransaction>
    >();
    expectTypeOf<TaxIdList['data'][number]>().toEqualTypeOf<TaxId>();
  });

  it('deleted stubs carry deleted: true; response enums stay open', () => {
    expectTypeOf<DeletedTaxId['deleted']>().toEqualTypeOf<true>();
    expectTypeOf<DeletedDiscount['deleted']>().toEqualTypeOf<true>();
    expectTypeOf<'eu_vat'>().toExtend<TaxId['type']>();
    expectTypeOf<'a_type_stripe_adds_later'>().toExtend<TaxId['type']>();
    expectTypeOf<'adjustment'>().toExtend<CustomerBalanceTransaction['type']>();
    expectTypeOf<CustomerBalanceTransaction['amount']>().toEqualTypeOf<number>();
  });
});

describe('sub-resource params', () => {
  it('createTaxId needs type and value', () => {
    expectTypeOf<{ type: 'eu_vat'; value: string }>().toExtend<CustomerCreateTaxIdParams>();
    // @ts-expect-error value is required
    expectTypeOf<{ type: 'eu_vat' }>().toExtend<CustomerCreateTaxIdParams>();
    // @ts-expect-error params are required
    void stripe.customers.createTaxId('cus_1');
  });

  it('createBalanceTransaction needs an integer amount and a currency; update cannot change the amount', () => {
    expectTypeOf<{ amount: number; currency: string; metadata: '' }>().toExtend<CustomerCreateBalanceTransactionParams>();
    // @ts-expect-error currency is required
    expectTypeOf<{ amount: number }>().toExtend<CustomerCreateBalanceTransactionParams>();
    // @ts-expect-error amount is a number
    expectTypeOf<{ amount: string; currency: string }>().toExtend<CustomerCreateBalanceTransactionParams>();
    expectTypeOf<{ description: string; metadata: { k: string } }>().toExtend<CustomerUpdateBalanceTransactionParams>();
    // @ts-expect-error the amount of an existing entry cannot change
    expectTypeOf<{ amount: number }>().toExtend<CustomerUpdateBalanceTransactionParams>();
  });

  it('cash balance settings and list params are checked', () => {
    expectTypeOf<{ settings: { reconciliation_mode: 'merchant_default' } }>().toExtend<CustomerUpdateCashBalanceParams>();
    // @ts-expect-error reconciliation_mode is a closed enum in requests
    expectTypeOf<{ settings: { reconciliation_mode: 'sometimes' } }>().toExtend<CustomerUpdateCashBalanceParams>();
    expectTypeOf<{ limit: number; starting_after: string }>().toExtend<CustomerListTaxIdsParams>();
    // @ts-expect-error tax ID lists have no email filter
    expectTypeOf<{ email: string }>().toExtend<CustomerListTaxIdsParams>();
  });

  it('per-request options come last', () => {
    expectTypeOf(stripe.customers.createTaxId).parameter(2).toEqualTypeOf<RequestOptions | undefined>();
    expectTypeOf(stripe.customers.retrieveTaxId).parameter(3).toEqualTypeOf<RequestOptions | undefined>();
    expectTypeOf(stripe.customers.deleteTaxId).parameter(2).toEqualTypeOf<RequestOptions | undefined>();
    expectTypeOf(stripe.customers.listBalanceTransactions).parameter(2).toEqualTypeOf<RequestOptions | undefined>();
    expectTypeOf(stripe.customers.updateBalanceTransaction).parameter(3).toEqualTypeOf<RequestOptions | undefined>();
    expectTypeOf(stripe.customers.deleteDiscount).parameter(1).toEqualTypeOf<RequestOptions | undefined>();
    expectTypeOf(stripe.customers.updateCashBalance).parameter(2).toEqualTypeOf<RequestOptions | undefined>();
  });
});

describe('typed expand on sub-resources', () => {
  it('an expanded invoice is the object; the customer not named keeps its id type', async () => {
    const transaction = await stripe.customers.retrieveBalanceTransaction('cus_1', 'cbtxn_1', { expand: ['invoice'] });
    expectTypeOf(transaction.invoice).toEqualTypeOf<Invoice | null>();
    expectTypeOf(transaction.customer).toEqualTypeOf<CustomerBalanceTransaction['customer']>();
    expectTypeOf<string>().toExtend<typeof transaction.customer>();
  });

  it('list items expand through data.', async () => {
    for await (const taxId of stripe.customers.listTaxIds('cus_1', { expand: ['data.customer'] })) {
      expectTypeOf(taxId.customer).toEqualTypeOf<Customer | null>();
    }
    const plain = await stripe.customers.retrieveTaxId('cus_1', 'txi_1');
    expectTypeOf(plain.customer).toEqualTypeOf<string | Customer | null | undefined>();
  });
});

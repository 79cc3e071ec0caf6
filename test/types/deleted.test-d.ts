import { describe, expectTypeOf, it } from 'vitest';
import {
  createClient,
  type Account,
  type BankAccount,
  type Card,
  type Customer,
  type CustomerSource,
  type DeletedBankAccount,
  type DeletedCard,
  type DeletedCustomer,
  type DeletedCustomerSource,
  type DeletedDiscount,
  type DeletedTaxId,
  type Discount,
  type Source,
  type TaxId,
} from '../../src/index.js';

const stripe = createClient({ apiKey: 'sk_test_123' });

describe('if (x.deleted) narrows, the way it does with stripe-node', () => {
  it('a retrieved customer: the stub in one branch, the customer in the other', async () => {
    const c = await stripe.customers.retrieve('cus_1');
    expectTypeOf(c).toEqualTypeOf<Customer | DeletedCustomer>();
    if (c.deleted) {
      expectTypeOf(c).toEqualTypeOf<DeletedCustomer>();
      expectTypeOf(c.deleted).toEqualTypeOf<true>();
    } else {
      expectTypeOf(c).toEqualTypeOf<Customer>();
      expectTypeOf(c.email).toEqualTypeOf<string | null | undefined>();
    }
  });

  it('works with expand too, and on a customer expanded inside another object', async () => {
    const c = await stripe.customers.retrieve('cus_1', { expand: ['default_source'] });
    if (!c.deleted) expectTypeOf(c.default_source).toEqualTypeOf<BankAccount | Card | Source | null>();
    const taxId = await stripe.customers.retrieveTaxId('cus_1', 'txi_1', { expand: ['customer'] });
    if (taxId.customer && !taxId.customer.deleted) expectTypeOf(taxId.customer).toEqualTypeOf<Customer>();
  });

  it('a deleted payment source (a card or a bank account) against any live one', async () => {
    const result = await stripe.customers.deleteSource('cus_1', 'card_1');
    expectTypeOf(result).toEqualTypeOf<CustomerSource | DeletedCustomerSource>();
    if (result.deleted) expectTypeOf(result).toEqualTypeOf<DeletedBankAccount | DeletedCard>();
    else expectTypeOf(result).toEqualTypeOf<Account | BankAccount | Card | Source>();
  });

  it('every model with a deleted counterpart declares deleted?: never', () => {
    expectTypeOf<Customer['deleted']>().toEqualTypeOf<undefined>();
    expectTypeOf<TaxId['deleted']>().toEqualTypeOf<undefined>();
    expectTypeOf<Discount['deleted']>().toEqualTypeOf<undefined>();
    expectTypeOf<Card['deleted']>().toEqualTypeOf<undefined>();
    expectTypeOf<BankAccount['deleted']>().toEqualTypeOf<undefined>();
    expectTypeOf<Source['deleted']>().toEqualTypeOf<undefined>();
    expectTypeOf<Account['deleted']>().toEqualTypeOf<undefined>();
    expectTypeOf<DeletedTaxId['deleted']>().toEqualTypeOf<true>();
    expectTypeOf<DeletedDiscount['deleted']>().toEqualTypeOf<true>();
  });

  it('a live object cannot claim to be deleted', () => {
    // @ts-expect-error deleted is never set on a live customer
    const claimed: Customer = { id: 'cus_1', object: 'customer', created: 1, livemode: false, deleted: true };
    void claimed;
  });
});

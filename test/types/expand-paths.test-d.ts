import { describe, expectTypeOf, it } from 'vitest';
import {
  createClient,
  type CustomerListExpandPath,
  type CustomerRetrieveCashBalanceExpandPath,
  type CustomerRetrieveExpandPath,
  type CustomerSearchExpandPath,
  type ExpandPaths,
  type PaymentMethod,
} from '../../src/index.js';

const stripe = createClient({ apiKey: 'sk_test_123' });

describe('expand paths are checked at compile time', () => {
  it('a misspelled path is a compile error', async () => {
    // @ts-expect-error default_sauce is no field of a customer
    await stripe.customers.retrieve('cus_1', { expand: ['default_sauce'] });
    // @ts-expect-error one bad path among good ones is enough
    await stripe.customers.create({ expand: ['default_source', 'tax_idz'] });
    // @ts-expect-error a misspelling two fields deep
    await stripe.customers.update('cus_1', { expand: ['invoice_settings.default_paymnt_method'] });
    // @ts-expect-error a page expands through data.
    await stripe.customers.list({ expand: ['default_source'] });
    // @ts-expect-error an address is always there and never expands
    await stripe.customers.create({ expand: ['address'] });
    // @ts-expect-error a value object only leads to what expands under it
    await stripe.customers.create({ expand: ['invoice_settings'] });
    // @ts-expect-error a cash balance has nothing to expand
    await stripe.customers.retrieveCashBalance('cus_1', { expand: ['settings'] });
  });

  it('the documented paths compile, and type the result', async () => {
    const c = await stripe.customers.create({
      expand: ['default_source', 'invoice_settings.default_payment_method', 'tax_ids', 'sources', 'subscriptions', 'test_clock'],
    });
    expectTypeOf(c.invoice_settings?.default_payment_method).toEqualTypeOf<PaymentMethod | null | undefined>();
    await stripe.customers.retrieve('cus_1', { expand: ['discount.promotion_code', 'cash_balance', 'tax', 'invoice_credit_balance'] });
    await stripe.customers.list({ expand: ['data.default_source', 'data.tax_ids'] });
    await stripe.customers.search({ query: "email:'a@b.c'", expand: ['total_count', 'data.test_clock'] });
  });

  it('beyond two fields, a path goes on where the field can expand; Stripe checks the rest', async () => {
    await stripe.customers.retrieve('cus_1', { expand: ['default_source.customer.test_clock'] });
    expectTypeOf<'default_source.customer.anything'>().toExtend<CustomerRetrieveExpandPath>();
    expectTypeOf<'tax.location'>().not.toExtend<CustomerRetrieveExpandPath>();
  });

  it('a path that is not a literal is left to the run-time check', async () => {
    const paths: string[] = ['default_sauce'];
    await stripe.customers.retrieve('cus_1', { expand: paths });
  });

  it('each method has its union of paths, from its expand tree', () => {
    expectTypeOf<'default_source' | 'invoice_settings.default_payment_method' | 'tax_ids'>().toExtend<CustomerRetrieveExpandPath>();
    expectTypeOf<'data.default_source'>().toExtend<CustomerListExpandPath>();
    expectTypeOf<'total_count' | 'data.tax_ids'>().toExtend<CustomerSearchExpandPath>();
    expectTypeOf<'data'>().not.toExtend<CustomerListExpandPath>();
    expectTypeOf<CustomerRetrieveCashBalanceExpandPath>().toEqualTypeOf<never>();
    type Tree = { a: 0; b: { c: 1 }; d: [{ e: 0 }] };
    expectTypeOf<ExpandPaths<Tree>>().toEqualTypeOf<'a' | 'b' | 'b.c' | `b.c.${string}` | 'd.e'>();
  });
});

import { describe, expectTypeOf, it } from 'vitest';
import {
  createClient,
  type BankAccount,
  type Card,
  type Customer,
  type DeletedCustomer,
  type PaymentMethod,
  type Source,
  type TaxIdList,
} from '../../src/index.js';

const stripe = createClient({ apiKey: 'sk_test_123' });

describe('typed expand', () => {
  it('without expand, expandable fields are the id or the object', async () => {
    const customer = await stripe.customers.create({ email: 'a@example.com' });
    expectTypeOf(customer.default_source).toEqualTypeOf<string | BankAccount | Card | Source | null | undefined>();
    expectTypeOf(customer).toEqualTypeOf<Customer>();
  });

  it('an expanded field is the object, and the fields not named keep the id type', async () => {
    const customer = await stripe.customers.create({ email: 'a@example.com', expand: ['default_source'] });
    expectTypeOf(customer.default_source).toEqualTypeOf<BankAccount | Card | Source | null>();
    expectTypeOf(customer.test_clock).toEqualTypeOf<Customer['test_clock']>();
    // @ts-expect-error not expanded: still possibly an id string
    expectTypeOf(customer.test_clock).toEqualTypeOf<Exclude<Customer['test_clock'], string>>();
  });

  it('follows nested paths', async () => {
    const customer = await stripe.customers.update('cus_1', { expand: ['invoice_settings.default_payment_method'] });
    expectTypeOf(customer.invoice_settings?.default_payment_method).toEqualTypeOf<PaymentMethod | null | undefined>();
    expectTypeOf(customer.default_source).toEqualTypeOf<Customer['default_source']>();
  });

  it('fields present only when expanded become required', async () => {
    const customer = await stripe.customers.create({ expand: ['tax_ids'] });
    expectTypeOf(customer.tax_ids).toEqualTypeOf<TaxIdList>();
    const plain = await stripe.customers.create({});
    expectTypeOf(plain.tax_ids).toEqualTypeOf<TaxIdList | undefined>();
  });

  it('retrieve keeps the deleted stub as it is', async () => {
    const result = await stripe.customers.retrieve('cus_1', { expand: ['default_source'] });
    if (result.deleted) expectTypeOf(result).toEqualTypeOf<DeletedCustomer>();
    else expectTypeOf(result.default_source).toEqualTypeOf<BankAccount | Card | Source | null>();
  });

  it('lists expand through data., both the page and the iterated items', async () => {
    const page = await stripe.customers.list({ expand: ['data.default_source'] });
    expectTypeOf(page.data[0]!.default_source).toEqualTypeOf<BankAccount | Card | Source | null>();
    for await (const customer of stripe.customers.list({ expand: ['data.test_clock'] })) {
      expectTypeOf(customer.test_clock).toEqualTypeOf<Exclude<NonNullable<Customer['test_clock']>, string> | null>();
      expectTypeOf(customer.default_source).toEqualTypeOf<Customer['default_source']>();
    }
  });

  it('a path that is a plain string (not a literal) narrows nothing', async () => {
    const paths: string[] = ['default_source'];
    const customer = await stripe.customers.create({ expand: paths });
    expectTypeOf(customer).toEqualTypeOf<Customer>();
  });
});

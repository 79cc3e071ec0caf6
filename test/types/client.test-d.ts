import { describe, expectTypeOf, it } from 'vitest';
import {
  createClient,
  type Customer,
  type CustomerCreateParams,
  type CustomerList,
  type CustomerOrDeleted,
  type DeletedCustomer,
  type RequestOptions,
} from '../../src/index.js';

const client = createClient({ apiKey: 'sk_test_123' });

describe('client types', () => {
  it('each method returns its typed result', () => {
    expectTypeOf(client.customers.create).returns.resolves.toEqualTypeOf<Customer>();
    expectTypeOf(client.customers.retrieve).returns.resolves.toEqualTypeOf<CustomerOrDeleted>();
    expectTypeOf(client.customers.delete).returns.resolves.toEqualTypeOf<DeletedCustomer>();
    expectTypeOf(client.customers.list).returns.resolves.toEqualTypeOf<CustomerList>();
    expectTypeOf<CustomerList['data'][number]>().toEqualTypeOf<Customer>();
  });

  it('params are checked by the compiler too', () => {
    expectTypeOf<{ email: string; metadata: { app_user_id: string } }>().toExtend<CustomerCreateParams>();
    expectTypeOf<{ address: '' }>().toExtend<CustomerCreateParams>();
    // @ts-expect-error unknown params are compile errors
    expectTypeOf<{ emial: string }>().toExtend<CustomerCreateParams>();
    // @ts-expect-error tax_exempt is a closed enum in requests
    expectTypeOf<{ tax_exempt: 'sometimes' }>().toExtend<CustomerCreateParams>();
    // @ts-expect-error search needs a query
    void client.customers.search({});
  });

  it('per-request options are the last argument everywhere, with one shape', () => {
    expectTypeOf(client.customers.create).parameter(1).toEqualTypeOf<RequestOptions | undefined>();
    expectTypeOf(client.customers.retrieve).parameter(2).toEqualTypeOf<RequestOptions | undefined>();
    expectTypeOf(client.customers.update).parameter(2).toEqualTypeOf<RequestOptions | undefined>();
    expectTypeOf(client.customers.delete).parameter(1).toEqualTypeOf<RequestOptions | undefined>();
    expectTypeOf(client.customers.list).parameter(1).toEqualTypeOf<RequestOptions | undefined>();
    expectTypeOf(client.customers.search).parameter(1).toEqualTypeOf<RequestOptions | undefined>();
  });

  it('a retrieved customer narrows on deleted', () => {
    const narrow = (c: CustomerOrDeleted) => ('deleted' in c ? c.deleted : c.email);
    expectTypeOf(narrow).returns.toEqualTypeOf<true | string | null | undefined>();
  });

  it('response enums accept values Stripe adds later, and offer the known ones', () => {
    expectTypeOf<'none'>().toExtend<Customer['tax_exempt']>();
    expectTypeOf<'some_new_value'>().toExtend<Customer['tax_exempt']>();
  });
});

import { describe, expectTypeOf, it } from 'vitest';
import type * as z from 'zod/mini';
import {
  DeleteCustomersCustomerPathSchema,
  GetCustomersCustomerQuerySchema,
  GetCustomersQuerySchema,
  GetCustomersSearchQuerySchema,
  PostCustomersBodySchema,
  PostCustomersCustomerBodySchema,
  schemas,
  type OpenEnums,
} from '../../generated/schemas.js';
import type { components, operations } from '../../generated/types.js';
import type {
  Account,
  ApiList,
  BankAccount,
  Card,
  Customer,
  CustomerSource,
  DeletedCustomer,
  ModelsBySpecName,
  Source,
  TaxId,
} from '../../generated/models.js';

/** Whether two types are the same to the compiler (not only assignable both ways). */
type IsEqual<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

type FormBody<Id extends keyof operations> = NonNullable<operations[Id]['requestBody']>['content']['application/x-www-form-urlencoded'];
type Query<Id extends keyof operations> = NonNullable<operations[Id]['parameters']['query']>;

describe('request schemas infer exactly the openapi-typescript types', () => {
  it('list, search and retrieve queries', () => {
    expectTypeOf<z.input<typeof GetCustomersQuerySchema>>().toEqualTypeOf<Query<'GetCustomers'>>();
    expectTypeOf<z.input<typeof GetCustomersSearchQuerySchema>>().toEqualTypeOf<Query<'GetCustomersSearch'>>();
    expectTypeOf<z.input<typeof GetCustomersCustomerQuerySchema>>().toEqualTypeOf<Query<'GetCustomersCustomer'>>();
  });

  it('path params', () => {
    expectTypeOf<z.input<typeof DeleteCustomersCustomerPathSchema>>().toEqualTypeOf<
      operations['DeleteCustomersCustomer']['parameters']['path']
    >();
  });

  it('the update body', () => {
    expectTypeOf<z.input<typeof PostCustomersCustomerBodySchema>>().toEqualTypeOf<FormBody<'PostCustomersCustomer'>>();
  });

  it('the create body, where tax_id_data[].type is open because the spec marks it x-stripeBypassValidation', () => {
    type Zod = z.input<typeof PostCustomersBodySchema>;
    type Spec = FormBody<'PostCustomers'>;
    expectTypeOf<Omit<Zod, 'tax_id_data'>>().toEqualTypeOf<Omit<Spec, 'tax_id_data'>>();
    expectTypeOf<NonNullable<Zod['tax_id_data']>[number]['type']>().toEqualTypeOf<
      OpenEnums<NonNullable<Spec['tax_id_data']>[number]['type']>
    >();
  });
});

describe('models: each response schema outputs its model, and each model is the spec type with enums opened', () => {
  it('every schema in the schemas map outputs exactly its model', () => {
    type Mismatched = {
      [K in keyof typeof schemas]: IsEqual<z.output<(typeof schemas)[K]>, ModelsBySpecName[K]> extends true ? never : K;
    }[keyof typeof schemas];
    expectTypeOf<Mismatched>().toEqualTypeOf<never>();
    expectTypeOf<z.output<typeof schemas.customer>>().toEqualTypeOf<Customer>();
    expectTypeOf<z.infer<typeof schemas.tax_id>>().toEqualTypeOf<TaxId>();
  });

  it('every model is assignable both ways with the openapi-typescript type, enums opened', () => {
    type NotMutual = {
      [K in keyof ModelsBySpecName]: ModelsBySpecName[K] extends OpenEnums<components['schemas'][K]>
        ? OpenEnums<components['schemas'][K]> extends ModelsBySpecName[K]
          ? never
          : K
        : K;
    }[keyof ModelsBySpecName];
    expectTypeOf<NotMutual>().toEqualTypeOf<never>();
    // The models cover every component the operations reach; the schemas map what runtime
    // validation checks (far resources only by id and object).
    // Both ways rather than toEqualTypeOf: comparing two unions of 593 names for identity costs
    // seconds of compile time; assignability of literal unions is a lookup.
    expectTypeOf<keyof ModelsBySpecName>().toExtend<keyof components['schemas']>();
    expectTypeOf<keyof components['schemas']>().toExtend<keyof ModelsBySpecName>();
    expectTypeOf<keyof typeof schemas>().toExtend<keyof ModelsBySpecName>();
  });

  it('the one field a model adds: deleted?: never beside a deleted counterpart, which both directions allow', () => {
    expectTypeOf<Customer['deleted']>().toEqualTypeOf<undefined>();
    expectTypeOf<'deleted'>().not.toExtend<keyof components['schemas']['customer']>();
    expectTypeOf<OpenEnums<components['schemas']['customer']>>().toExtend<Customer>();
  });

  it('a response enum is the known values plus any other string', () => {
    type Spec = components['schemas']['customer']['tax_exempt'];
    expectTypeOf<Spec>().toEqualTypeOf<'exempt' | 'none' | 'reverse' | null | undefined>();
    expectTypeOf<Customer['tax_exempt']>().toEqualTypeOf<'exempt' | 'none' | 'reverse' | (string & {}) | null | undefined>();
    expectTypeOf<'partially_exempt'>().toExtend<Customer['tax_exempt']>();
    // @ts-expect-error the openapi-typescript type is closed
    expectTypeOf<'partially_exempt'>().toExtend<Spec>();
  });

  it('single-value enums stay exact, so unions discriminate on them', () => {
    expectTypeOf<Customer['object']>().toEqualTypeOf<'customer'>();
    expectTypeOf<DeletedCustomer['deleted']>().toEqualTypeOf<true>();
  });

  it('fields read as stripe-node reads them: named types, pages, metadata', () => {
    expectTypeOf<Customer['email']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<Customer['default_source']>().toEqualTypeOf<string | BankAccount | Card | Source | null | undefined>();
    expectTypeOf<Customer['tax_ids']>().toEqualTypeOf<ApiList<TaxId> | undefined>();
    expectTypeOf<Customer['metadata']>().toEqualTypeOf<Record<string, string> | undefined>();
    expectTypeOf<CustomerSource>().toEqualTypeOf<Account | BankAccount | Card | Source>();
  });
});

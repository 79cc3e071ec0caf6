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

describe('response schemas infer the openapi-typescript types with enums opened', () => {
  it('every component in the schemas map', () => {
    type Mismatched = {
      [K in keyof typeof schemas]: z.output<(typeof schemas)[K]> extends OpenEnums<components['schemas'][K]>
        ? OpenEnums<components['schemas'][K]> extends z.output<(typeof schemas)[K]>
          ? never
          : K
        : K;
    }[keyof typeof schemas];
    expectTypeOf<Mismatched>().toEqualTypeOf<never>();
    // The map holds what runtime validation checks (far resources only by id and object); the
    // types cover every component the operations reach.
    expectTypeOf<keyof typeof schemas>().toExtend<keyof components['schemas']>();
    expectTypeOf<'customer' | 'tax_id' | 'subscription' | 'payment_method'>().toExtend<keyof typeof schemas>();
  });

  it('the one deliberate difference: a response enum is the known values plus any other string', () => {
    type Zod = z.output<typeof schemas.customer>['tax_exempt'];
    type Spec = components['schemas']['customer']['tax_exempt'];
    expectTypeOf<Spec>().toEqualTypeOf<'exempt' | 'none' | 'reverse' | null | undefined>();
    expectTypeOf<Zod>().toEqualTypeOf<OpenEnums<Spec>>();
    expectTypeOf<'partially_exempt'>().toExtend<Zod>();
    // @ts-expect-error the openapi-typescript type is closed
    expectTypeOf<'partially_exempt'>().toExtend<Spec>();
  });

  it('single-value enums stay exact, so unions discriminate on them', () => {
    expectTypeOf<z.output<typeof schemas.customer>['object']>().toEqualTypeOf<'customer'>();
    expectTypeOf<z.output<typeof schemas.deleted_customer>['deleted']>().toEqualTypeOf<true>();
  });
});

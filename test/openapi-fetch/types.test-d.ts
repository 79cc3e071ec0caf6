import createClient from 'openapi-fetch';
import { describe, expectTypeOf, it } from 'vitest';
import { stripeBodySerializer, stripeMiddleware, stripeQuerySerializer, type paths } from 'stripe-customers/openapi-fetch';

const client = createClient<paths>({ baseUrl: 'https://api.stripe.com', bodySerializer: stripeBodySerializer, querySerializer: stripeQuerySerializer });
client.use(stripeMiddleware({ apiKey: 'sk_test_123' }));

type Json<P extends keyof paths, M extends 'get' | 'post' | 'delete'> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;

describe('createClient<paths> with the Stripe serializers', () => {
  it('checks params and bodies against the generated request types', () => {
    void client.POST('/v1/customers', { body: { email: 'a@example.com', metadata: { app_user_id: 'u_42' }, address: '' } });
    // @ts-expect-error a param of the wrong type is a compile error
    void client.POST('/v1/customers', { body: { email: 42 } });
    // @ts-expect-error tax_exempt is a closed enum in requests
    void client.POST('/v1/customers', { body: { tax_exempt: 'sometimes' } });
    // @ts-expect-error a required body param missing (`valu` for `value`) is a compile error
    void client.POST('/v1/customers/{customer}/tax_ids', { params: { path: { customer: 'cus_1' } }, body: { type: 'eu_vat', valu: 'DE1' } });
    // @ts-expect-error the path id is required
    void client.GET('/v1/customers/{customer}', {});
    // @ts-expect-error a query param of the wrong type
    void client.GET('/v1/customers', { params: { query: { limit: '3' } } });
    // @ts-expect-error only the 47 customer operations exist
    void client.GET('/v1/charges');
  });

  it('lets a misspelt optional body key through, so the middleware refuses it at run time', () => {
    // openapi-fetch 0.17 infers the whole init as a type parameter, and excess keys are not checked
    // there (openapi-ts/openapi-typescript#2329): this compiles, and stripeMiddleware throws
    // `body.emial: Unrecognized key` before sending (test/openapi-fetch/refusals.test.ts).
    void client.POST('/v1/customers', { body: { emial: 'x' } });
    // Annotating the body brings the compiler's excess-key check back.
    type CreateBody = NonNullable<paths['/v1/customers']['post']['requestBody']>['content']['application/x-www-form-urlencoded'];
    // @ts-expect-error with the body's own type, a misspelt key is a compile error
    void client.POST('/v1/customers', { body: { emial: 'x' } satisfies CreateBody });
  });

  it('types data by the operation', async () => {
    const created = await client.POST('/v1/customers', { body: {} });
    // openapi-fetch maps the type through its Readable<>, so "equal" is asked as: each extends the other.
    expectTypeOf<NonNullable<typeof created.data>>().toExtend<Json<'/v1/customers', 'post'>>();
    expectTypeOf<Json<'/v1/customers', 'post'>>().toExtend<NonNullable<typeof created.data>>();
    expectTypeOf<NonNullable<typeof created.data>['id']>().toEqualTypeOf<string>();
    const listed = await client.GET('/v1/customers', { params: { query: { limit: 3 } } });
    expectTypeOf<NonNullable<typeof listed.data>['data'][number]['email']>().toEqualTypeOf<string | null | undefined>();
    const one = await client.GET('/v1/customers/{customer}', { params: { path: { customer: 'cus_1' }, query: { expand: ['tax_ids'] } } });
    expectTypeOf<NonNullable<typeof one.data>>().toExtend<Json<'/v1/customers/{customer}', 'get'>>();
    expectTypeOf<Json<'/v1/customers/{customer}', 'get'>>().toExtend<NonNullable<typeof one.data>>();
    expectTypeOf<NonNullable<typeof one.data>>().not.toBeAny();
    // A retrieve answers a customer or the deleted stub.
    expectTypeOf<Extract<NonNullable<typeof one.data>, { deleted: true }>['object']>().toEqualTypeOf<'customer'>();
  });
});

// The committed output for Lago's customer API (examples/lago/generated/, from spec/lago/: OpenAPI
// 3.1 across two files): it is what the command makes now, it type-checks under strict settings
// (openapi-fetch's createClient<paths> included), its zod schemas accept Lago's documented
// customer and refuse a broken one, and its operation table runs validatingMiddleware.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import createClient from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { StripeResponseValidationError, StripeValidationError } from 'stripe-customers';
import { ApiResponseError, validatingMiddleware } from 'stripe-customers/openapi-fetch';
import { documentedCreateBody, documentedLagoCustomer } from '../../examples/lago/fixtures.js';
import { LAGO } from '../../scripts/generate-defaults.js';
import { generateFiles } from '../../scripts/lib/generate.js';
import * as schemas from '../../examples/lago/generated/schemas.js';
import { operations } from '../../examples/lago/generated/operations.js';
import type { paths } from '../../examples/lago/generated/types.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUT = join(ROOT, LAGO.out);

/** Lago's documented customer, as the example app uses it. */
const customer = documentedLagoCustomer();

const accepts = (schema: z.ZodMiniType, value: unknown) => z.safeParse(schema, value).success;
const createBody = documentedCreateBody();

describe('the committed output', () => {
  it('is what the command makes from spec/lago/ now', async () => {
    const fresh = await generateFiles(join(ROOT, LAGO.spec), [], LAGO.runtime, { command: LAGO.command, docs: false });
    expect((await readdir(OUT)).sort()).toEqual(Object.keys(fresh.files).sort());
    for (const [name, code] of Object.entries(fresh.files)) expect(await readFile(join(OUT, name), 'utf8'), name).toBe(code);
    expect(fresh.specFiles.map((f) => f.slice(ROOT.length))).toEqual(['spec/lago/customers.openapi.yaml', 'spec/lago/components.yaml']);
  });
});

describe('the zod schemas', () => {
  it("accept Lago's documented customer, in every response that holds one", () => {
    expect(z.parse(schemas.CustomerSchema, customer)).toEqual(customer);
    for (const schema of [
      schemas.CreateCustomerResponseSchema,
      schemas.FindCustomerResponseSchema,
      schemas.DestroyCustomerResponseSchema,
    ]) {
      expect(accepts(schema, { customer })).toBe(true);
    }
    const meta = { current_page: 1, next_page: null, prev_page: null, total_pages: 1, total_count: 1 };
    expect(accepts(schemas.FindAllCustomersResponseSchema, { customers: [customer], meta })).toBe(true);
  });

  it.each([
    ['created_at a number', { ...customer, created_at: 1651222791 }],
    ['no external_id', { ...customer, external_id: undefined }],
    ['a tax rate as a string', { ...customer, taxes: [{ ...customer.taxes?.[0], rate: '20.0' }] }],
    [
      'a payment provider that is not a string',
      { ...customer, billing_configuration: { ...customer.billing_configuration, payment_provider: 42 } },
    ],
    ['metadata display_in_invoice missing', { ...customer, metadata: [{ ...customer.metadata?.[0], display_in_invoice: undefined }] }],
    ['an integration with another type', { ...customer, integration_customers: [{ lago_id: 'x', type: 'xero', integration_code: 'c' }] }],
  ])('refuse a customer with %s', (_, broken) => {
    expect(accepts(schemas.CustomerSchema, JSON.parse(JSON.stringify(broken)))).toBe(false);
  });

  it('accept an integration of each type the discriminator names, and a new payment provider in a response', () => {
    const netsuite = { lago_id: 'x', type: 'netsuite', integration_code: 'ns', subsidiary_id: null };
    const anrok = { lago_id: 'y', type: 'anrok', integration_code: 'an' };
    expect(accepts(schemas.CustomerSchema, { ...customer, integration_customers: [netsuite, anrok] })).toBe(true);
    expect(accepts(schemas.CustomerSchema, { ...customer, billing_configuration: { payment_provider: 'moneyhash' } })).toBe(true);
  });

  it('check a create body strictly: the documented one passes, an unknown field or provider does not', () => {
    expect(accepts(schemas.CreateCustomerBodySchema, createBody)).toBe(true);
    expect(accepts(schemas.CreateCustomerBodySchema, { customer: { ...createBody.customer, nickname: 'G' } })).toBe(false);
    expect(
      accepts(schemas.CreateCustomerBodySchema, { customer: { external_id: 'x', billing_configuration: { payment_provider: 'paypal' } } }),
    ).toBe(false);
  });

  it("accept Lago's error envelopes where the operations document them", () => {
    expect(accepts(schemas.FindCustomerErrorSchema, { status: 404, error: 'Not Found', code: 'customer_not_found' })).toBe(true);
    expect(accepts(schemas.FindCustomerErrorSchema, { status: 401, error: 'Unauthorized' })).toBe(true);
    const invalid = { status: 422, error: 'Unprocessable Entity', code: 'validation_errors', error_details: { email: ['invalid_format'] } };
    expect(accepts(schemas.CreateCustomerErrorSchema, invalid)).toBe(true);
    expect(accepts(schemas.FindCustomerErrorSchema, invalid)).toBe(false);
  });
});

describe('with openapi-fetch and validatingMiddleware', () => {
  const API = 'https://api.getlago.com';
  const KEY = 'lago_key_3f9a1c';
  const requests: Request[] = [];
  /** A client whose fetch answers `answer`, recording each request. */
  const lago = (answer: () => Response) => {
    const fetch = async (input: Request) => (requests.push(input), answer());
    const client = createClient<paths>({ baseUrl: API, headers: { Authorization: `Bearer ${KEY}` }, fetch });
    client.use(validatingMiddleware(operations, { apiName: 'Lago', secrets: [KEY] }));
    return client;
  };
  const get = (answer: () => Response) =>
    lago(answer).GET('/api/v1/customers/{external_customer_id}', { params: { path: { external_customer_id: customer.external_id } } });

  it('passes the documented customer through, typed', async () => {
    const { data } = await get(() => Response.json({ customer }));
    expect(data?.customer.billing_configuration.provider_customer_id).toBe('cus_12345');
  });

  it('refuses a response that contradicts the spec, and a 404 is an ApiResponseError with its envelope', async () => {
    await expect(get(() => Response.json({ customer: { ...customer, created_at: 5 } }))).rejects.toBeInstanceOf(
      StripeResponseValidationError,
    );
    const notFound = await get(() => Response.json({ status: 404, error: 'Not Found', code: 'customer_not_found' }, { status: 404 })).catch(
      (e: unknown) => e,
    );
    expect(notFound).toBeInstanceOf(ApiResponseError);
    expect([(notFound as ApiResponseError).documented, (notFound as ApiResponseError).message]).toEqual([
      true,
      'Lago answered GET /api/v1/customers/{external_customer_id} with HTTP 404: Not Found',
    ]);
  });

  it('checks a JSON body before sending it', async () => {
    const sent = requests.length;
    // As plain JavaScript or `as never` would send it: the compiler would refuse `nickname`.
    const bad = { customer: { external_id: 'x', nickname: 'G' } } as never;
    const refused = await lago(() => Response.json({ customer }))
      .POST('/api/v1/customers', { body: bad })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(StripeValidationError);
    expect((refused as Error).message).toContain('body.customer');
    expect(requests.length).toBe(sent);
    const { data } = await lago(() => Response.json({ customer })).POST('/api/v1/customers', { body: createBody as never });
    expect(data?.customer.external_id).toBe(customer.external_id);
    expect(requests.at(-1)!.headers.get('content-type')).toBe('application/json');
  });
});

// OpenAPI 3.1 and JSON APIs: the forms normalize.ts rewrites (const, type: 'null', null branches),
// then what each emitter makes of type arrays with null, const, oneOf with a discriminator and
// date-time strings; JSON request bodies (selected with their media type, recorded in the
// operation table, typed by their own content in methods.ts); error envelopes from 4xx responses;
// and a Bearer scheme carried to openapi-typescript.
import { describe, expect, it } from 'vitest';
import { emitOperationsFile } from '../../scripts/lib/emit-operations-file.js';
import { emitResourceMethods } from '../../scripts/lib/emit-methods-file.js';
import { emitTypes } from '../../scripts/lib/emit-types.js';
import { resourceMethods } from '../../scripts/lib/methods.js';
import { modelType } from '../../scripts/lib/models/model-type.js';
import { componentIdentifier } from '../../scripts/lib/names.js';
import { normalizeDocument, normalizeSchema } from '../../scripts/lib/normalize.js';
import { schemaRefName, type Document, type Schema } from '../../scripts/lib/openapi.js';
import { pruneDocument } from '../../scripts/lib/reach.js';
import { errorSchema, selectOperations } from '../../scripts/lib/select.js';
import type { Direction } from '../../scripts/lib/zod/context.js';
import { emitSchema } from '../../scripts/lib/zod/emit-schema.js';

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });

/** A schema as the pipeline hands it on: normalized throughout, nested schemas included. */
function normalized(schema: Schema): Schema {
  const doc = { components: { schemas: { x: structuredClone(schema) } } };
  normalizeDocument(doc);
  return doc.components.schemas.x;
}

const zod = (schema: Schema, direction: Direction = 'response') =>
  emitSchema(normalized(schema), { direction, refIdentifier: (r, d) => componentIdentifier(schemaRefName(r), d) }).code;

const model = (schema: Schema) => modelType(normalized(schema), { modelOf: (name) => name });

describe('normalizeSchema', () => {
  it.each([
    ['const string', { const: 'netsuite' }, { enum: ['netsuite'] }],
    ['const number, with a description kept', { const: 404, description: 'HTTP status.' }, { description: 'HTTP status.', enum: [404] }],
    ["type: 'null'", { type: 'null' }, { enum: [null] }],
    ["type: ['null']", { type: ['null'] }, { enum: [null] }],
    ['a null branch of anyOf', { anyOf: [ref('Thing'), { type: 'null' }] }, { anyOf: [ref('Thing')], nullable: true }],
    ['a null branch of oneOf', { oneOf: [ref('A'), ref('B'), { type: ['null'] }] }, { oneOf: [ref('A'), ref('B')], nullable: true }],
  ] as [string, Schema, Schema][])('%s', (_, given, want) => {
    expect(normalizeSchema(given)).toEqual(want);
  });

  it('returns a schema it has nothing to do to as the same object (Stripe 3.0 specs pass untouched)', () => {
    const schema: Schema = { type: 'string', nullable: true, enum: ['a', 'b'] };
    expect(normalizeSchema(schema)).toBe(schema);
  });
});

describe('3.1 constructs through the zod emitters', () => {
  it.each([
    ["type: [string, 'null']", { type: ['string', 'null'] }, 'response', 'z.nullable(z.string())'],
    [
      "type: [integer, 'null'] keeps its range in a request",
      { type: ['integer', 'null'], minimum: 1 },
      'request',
      'z.nullable(z.int().check(z.minimum(1)))',
    ],
    [
      "type: [array, 'null']",
      { type: ['array', 'null'], items: ref('ProviderPaymentMethod') },
      'response',
      'z.nullable(z.array(ProviderPaymentMethodSchema))',
    ],
    ['const string', { const: 'netsuite' }, 'response', 'z.literal("netsuite")'],
    ['const number', { const: 404 }, 'request', 'z.literal(404)'],
    [
      'a nullable enum, open in a response',
      { type: ['string', 'null'], enum: ['stripe', 'adyen', null] },
      'response',
      'z.nullable(openEnum(["stripe", "adyen"]))',
    ],
    [
      'a nullable enum, closed in a request',
      { type: ['string', 'null'], enum: ['stripe', 'adyen', null] },
      'request',
      'z.nullable(z.enum(["stripe", "adyen"]))',
    ],
    [
      "anyOf [$ref, type: 'null']: a nullable reference",
      { anyOf: [ref('Thing'), { type: 'null' }] },
      'response',
      'z.nullable(ThingSchema)',
    ],
    ['date-time is a string, both ways', { type: 'string', format: 'date-time' }, 'request', 'z.string()'],
    [
      'oneOf with a discriminator is a union of its members',
      { oneOf: [ref('Netsuite'), ref('Anrok')], discriminator: { propertyName: 'type' } } as Schema,
      'response',
      'z.union([NetsuiteSchema, AnrokSchema])',
    ],
  ] as [string, Schema, Direction, string][])('%s', (_, given, direction, want) => {
    expect(zod(given, direction)).toBe(want);
  });
});

describe('3.1 constructs in the models', () => {
  it.each([
    ["type: [string, 'null']", { type: ['string', 'null'] }, 'string | null'],
    ['const', { const: 'netsuite' }, "'netsuite'"],
    ['a nullable reference', { anyOf: [ref('Thing'), { type: 'null' }] }, 'Thing | null'],
    [
      'oneOf with a discriminator',
      { oneOf: [ref('Netsuite'), ref('Anrok')], discriminator: { propertyName: 'type' } } as Schema,
      'Netsuite | Anrok',
    ],
    ['date-time', { type: 'string', format: 'date-time' }, 'string'],
  ] as [string, Schema, string][])('%s', (_, given, want) => {
    expect(model(given)).toBe(want);
  });
});

describe('3.1 constructs in the types (openapi-typescript)', () => {
  it('types a const, a nullable type array, a discriminated oneOf and a date-time string', async () => {
    const doc = {
      openapi: '3.1.0',
      info: { title: 'T', version: '1' },
      paths: {},
      components: {
        schemas: {
          Wrap: {
            type: 'object',
            required: ['at', 'link'],
            properties: { at: { type: 'string', format: 'date-time' }, note: { type: ['string', 'null'] }, link: ref('Link') },
          },
          // With the mapping: without one, OpenAPI (and openapi-typescript) take the schema's name.
          Link: {
            oneOf: [ref('Netsuite'), ref('Anrok')],
            discriminator: {
              propertyName: 'type',
              mapping: { netsuite: '#/components/schemas/Netsuite', anrok: '#/components/schemas/Anrok' },
            },
          },
          Netsuite: { type: 'object', required: ['type'], properties: { type: { const: 'netsuite' } } },
          Anrok: { type: 'object', required: ['type'], properties: { type: { const: 'anrok' } } },
        },
      },
    };
    normalizeDocument(doc);
    const types = await emitTypes(doc as unknown as Document);
    expect(types).toMatch(/at: string;/);
    expect(types).toMatch(/note\?: string \| null;/);
    expect(types).toContain('Link: components["schemas"]["Netsuite"] | components["schemas"]["Anrok"];');
    expect(types).toMatch(/type: "netsuite";/);
  });
});

/** A document with one POST whose body is `content` and one GET with error responses. */
function api(content: Record<string, unknown>, responses: Record<string, unknown> = {}): Document {
  const json = (schema: Schema) => ({ description: 'x', content: { 'application/json': { schema } } });
  return {
    openapi: '3.1.0',
    info: { title: 'Lago API', version: '1' },
    security: [{ bearerAuth: [] }],
    paths: {
      '/api/v1/customers': {
        post: { operationId: 'createCustomer', requestBody: { content: content as never }, responses: { '200': json(ref('Customer')) } },
        get: { operationId: 'findAllCustomers', responses: { '200': json(ref('Customer')), ...responses } as never },
      },
    },
    components: {
      schemas: {
        Customer: { type: 'object', properties: { external_id: { type: 'string' } } },
        E401: { type: 'object' },
        E404: { type: 'object' },
      },
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
    },
  };
}

const body: Schema = { type: 'object', required: ['customer'], properties: { customer: ref('Customer') } };

describe('request bodies by media type', () => {
  it.each([
    ['application/json', { 'application/json': { schema: body } }, 'application/json'],
    ['multipart/form-data', { 'multipart/form-data': { schema: body } }, 'multipart/form-data'],
    ['a form body is the default and is not recorded', { 'application/x-www-form-urlencoded': { schema: body } }, undefined],
    [
      'the form body is taken when there are both',
      { 'application/json': { schema: {} }, 'application/x-www-form-urlencoded': { schema: body } },
      undefined,
    ],
  ] as [string, Record<string, unknown>, string | undefined][])('%s', (_, content, want) => {
    const [op] = selectOperations(api(content), ['createCustomer']);
    expect(op!.body).toEqual(body);
    expect(op!.bodyMediaType).toBe(want);
  });

  it('records a JSON body in the operation table, and only a non-form one', () => {
    const doc = api({ 'application/json': { schema: body } });
    const ops = selectOperations(doc);
    const names = new Map(ops.map((op) => [op.id, { path: null, query: null, body: op.body ? 'B' : null, response: 'R', error: null }]));
    const table = emitOperationsFile(doc, ops, names, 'sha');
    expect(table).toContain('bodySchema: B as typeof B,\nbodyMediaType: "application/json",');
    expect(table.match(/bodyMediaType/g)).toHaveLength(1);
    expect(table).toContain('`version` is the Lago API version it describes');
  });

  it("types a JSON body's params from its own content, a form body's with BodyOf", () => {
    for (const [media, want] of [
      ['application/json', `NonNullable<OperationTypes["createCustomer"]['requestBody']>['content']["application/json"]`],
      ['application/x-www-form-urlencoded', 'BodyOf<OperationTypes["createCustomer"]>'],
    ] as const) {
      const doc = api({ [media]: { schema: body } });
      const methods = resourceMethods(doc, selectOperations(doc), '/api/v1/customers');
      const code = emitResourceMethods(methods, { property: 'customers', singular: 'Customer', runtime: 'x' }, { modelOf: (n) => n });
      expect(code).toContain(`export type CustomerCreateParams = { [K in keyof ${want}]: ${want}[K] };`);
    }
  });
});

describe('error envelopes', () => {
  const json = (schema: Schema, type = 'application/json') => ({ description: 'x', content: { [type]: { schema } } });
  const opWith = (responses: Record<string, unknown>) => ({ responses }) as never;
  const doc = api({});

  it.each([
    ['default wins', { default: json(ref('E404')), '401': json(ref('E401')) }, ref('E404')],
    ['one 4xx response is the error schema', { '200': json({}), '404': json(ref('E404')) }, ref('E404')],
    [
      'distinct 4xx and 5xx schemas are anyOf, in order',
      { '401': json(ref('E401')), '404': json(ref('E404')), '500': json(ref('E401')) },
      { anyOf: [ref('E401'), ref('E404')] },
    ],
    ['a +json media type counts', { '422': json(ref('E404'), 'application/problem+json') }, ref('E404')],
    ['2xx and non-JSON responses do not', { '201': json(ref('E401')), '415': json(ref('E401'), 'text/plain') }, undefined],
  ] as [string, Record<string, unknown>, Schema | undefined][])('%s', (_, responses, want) => {
    expect(errorSchema(opWith(responses), doc)).toEqual(want);
  });
});

describe('Bearer security', () => {
  it('keeps the scheme and the requirement in the document openapi-typescript reads', async () => {
    const doc = api({ 'application/json': { schema: body } });
    const ops = selectOperations(doc);
    const pruned = pruneDocument(doc, ops, new Set(['Customer']));
    expect(pruned.security).toEqual([{ bearerAuth: [] }]);
    expect(pruned.components?.['securitySchemes']).toEqual({ bearerAuth: { type: 'http', scheme: 'bearer' } });
    expect(await emitTypes(pruned)).toContain('createCustomer: {');
  });
});

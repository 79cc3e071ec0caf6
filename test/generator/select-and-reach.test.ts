// Which operations a run keeps (`--ops`), how their parameters are gathered, and which component
// schemas they reach: the generator's decisions before any code is emitted.
import { describe, expect, it } from 'vitest';
import type { Document, Operation, Schema } from '../../scripts/lib/openapi.js';
import { operationSchemas, pruneDocument, reachableComponents } from '../../scripts/lib/reach.js';
import { matchesFilter, selectOperations } from '../../scripts/lib/select.js';

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });

/** A form body the way Stripe writes one; GET operations carry an empty one. */
function formBody(properties: Record<string, Schema> = {}, required: string[] = []): Operation['requestBody'] {
  const schema: Schema = { type: 'object', additionalProperties: false, properties, ...(required.length && { required }) };
  return { content: { 'application/x-www-form-urlencoded': { schema } } };
}

function ok(schema: Schema): Operation['responses'] {
  return { '200': { description: 'ok', content: { 'application/json': { schema } } } };
}

const doc: Document = {
  openapi: '3.0.0',
  info: { title: 'Stripe API', version: '2099-01-01' },
  servers: [{ url: 'https://api.stripe.com/' }],
  paths: {
    '/v1/customers': {
      get: {
        operationId: 'GetCustomers',
        parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer' } }],
        requestBody: formBody(),
        responses: ok({ type: 'object', properties: { data: { type: 'array', items: ref('customer') } } }),
      },
      post: {
        operationId: 'PostCustomers',
        requestBody: formBody({ email: { type: 'string', maxLength: 512 } }),
        responses: { ...ok(ref('customer')), default: { $ref: '#/components/responses/error' } },
      },
    },
    '/v1/customers/search': {
      get: {
        operationId: 'GetCustomersSearch',
        requestBody: formBody({ query: { type: 'string', description: 'The search query.' }, page: { type: 'string' } }, ['query']),
        responses: ok(ref('customer')),
      },
    },
    '/v1/customers/{customer}': {
      parameters: [
        { name: 'customer', in: 'path', required: true, description: 'Path level.', schema: { type: 'string' } },
        { $ref: '#/components/parameters/expand' } as never,
      ],
      delete: {
        operationId: 'DeleteCustomersCustomer',
        requestBody: formBody({ invoice_now: { type: 'boolean' } }),
        responses: ok(ref('deleted_customer')),
      },
      get: {
        operationId: 'GetCustomersCustomer',
        parameters: [{ name: 'customer', in: 'path', required: true, description: 'Operation level.', schema: { type: 'string', maxLength: 5000 } }],
        requestBody: { $ref: '#/components/requestBodies/empty' },
        responses: ok({ anyOf: [ref('customer'), ref('deleted_customer')] }),
      },
    },
    '/v1/customers/{customer}/tax_ids': {
      post: { requestBody: formBody({ type: { type: 'string' } }), responses: ok(ref('tax_id')) },
    },
    '/v1/customersX': { get: { operationId: 'GetCustomersX', responses: ok({ type: 'string' }) } },
    '/v1/charges': { get: { operationId: 'GetCharges', responses: ok(ref('charge')) } },
  },
  components: {
    parameters: {
      expand: { name: 'expand', in: 'query', style: 'deepObject', schema: { type: 'array', items: { type: 'string' } } },
    },
    requestBodies: { empty: formBody()! },
    responses: { error: { description: 'Error', content: { 'application/json': { schema: ref('error') } } } },
    schemas: {
      customer: { type: 'object', properties: { discount: { anyOf: [ref('discount')], nullable: true } } },
      discount: {
        type: 'object',
        properties: {
          customer: {
            anyOf: [{ type: 'string' }, ref('customer'), ref('deleted_customer')],
            'x-expansionResources': { oneOf: [ref('customer'), ref('deleted_customer')] },
          },
        },
      },
      deleted_customer: { type: 'object', properties: { deleted: { type: 'boolean', enum: [true] } } },
      tax_id: { type: 'object', properties: { id: { type: 'string' } } },
      charge: {
        type: 'object',
        properties: { customer: { type: 'string', 'x-expansionResources': { oneOf: [ref('customer')] } } },
      },
      error: { type: 'object', properties: { error: { type: 'object', additionalProperties: ref('api_errors') } } },
      api_errors: { type: 'object', properties: { message: { type: 'string' } } },
      orphan: { type: 'object', properties: { charge: ref('charge') } },
    },
    securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
  },
};

describe('matchesFilter', () => {
  const cases: [string, { filters: string[]; id: string; path: string; want: boolean }][] = [
    ['no filter keeps everything', { filters: [], id: 'GetCharges', path: '/v1/charges', want: true }],
    ['an operationId matches exactly', { filters: ['PostCustomers'], id: 'PostCustomers', path: '/v1/customers', want: true }],
    ['an operationId does not match another', { filters: ['PostCustomers'], id: 'GetCustomers', path: '/v1/customers', want: false }],
    ['an operationId is not a prefix', { filters: ['GetCustomers'], id: 'GetCustomersCustomer', path: '/v1/customers/{customer}', want: false }],
    ['a path prefix matches itself', { filters: ['/v1/customers'], id: 'GetCustomers', path: '/v1/customers', want: true }],
    ['a path prefix matches paths below it', { filters: ['/v1/customers'], id: 'x', path: '/v1/customers/{customer}/tax_ids', want: true }],
    ['a path prefix matches whole segments only', { filters: ['/v1/customers'], id: 'x', path: '/v1/customersX', want: false }],
    ['a trailing slash matches paths below it', { filters: ['/v1/customers/'], id: 'x', path: '/v1/customers/{customer}', want: true }],
    ['a trailing slash does not match the path itself', { filters: ['/v1/customers/'], id: 'x', path: '/v1/customers', want: false }],
    ['any one filter is enough', { filters: ['GetCharges', '/v1/customers'], id: 'GetCharges', path: '/v1/charges', want: true }],
  ];
  it.each(cases)('%s', (_, { filters, id, path, want }) => expect(matchesFilter(filters, id, path)).toBe(want));
});

describe('selectOperations', () => {
  const ids = (filters: string[]): string[] => selectOperations(doc, filters).map((op) => op.id);
  const op = (id: string) => selectOperations(doc, [id])[0]!;

  const cases: [string, { filters: string[]; want: string[] }][] = [
    ['no filter keeps all, in document order', { filters: [], want: ['GetCustomers', 'PostCustomers', 'GetCustomersSearch', 'GetCustomersCustomer', 'DeleteCustomersCustomer', 'PostV1CustomersCustomerTaxIds', 'GetCustomersX', 'GetCharges'] }],
    ['operationIds keep exactly those', { filters: ['GetCharges', 'PostCustomers'], want: ['PostCustomers', 'GetCharges'] }],
    ['a path prefix keeps the paths below it, not /v1/customersX', { filters: ['/v1/customers'], want: ['GetCustomers', 'PostCustomers', 'GetCustomersSearch', 'GetCustomersCustomer', 'DeleteCustomersCustomer', 'PostV1CustomersCustomerTaxIds'] }],
    ['a deeper prefix keeps less', { filters: ['/v1/customers/{customer}'], want: ['GetCustomersCustomer', 'DeleteCustomersCustomer', 'PostV1CustomersCustomerTaxIds'] }],
  ];
  it.each(cases)('%s', (_, { filters, want }) => expect(ids(filters)).toEqual(want));

  it('throws naming an unknown operationId', () => {
    expect(() => selectOperations(doc, ['GetCustomers', 'GetCustomrs'])).toThrow(/GetCustomrs/);
  });

  it('throws when a path prefix matches nothing', () => {
    expect(() => selectOperations(doc, ['/v1/invoices'])).toThrow(/matches no operation/);
  });

  it('synthesizes an operationId from method and path when the spec has none', () => {
    expect(op('PostV1CustomersCustomerTaxIds')).toMatchObject({ method: 'post', path: '/v1/customers/{customer}/tax_ids' });
  });

  it('turns a GET body into query params, keeping required and descriptions, and sends no body', () => {
    const search = op('GetCustomersSearch');
    expect(search.body).toBeUndefined();
    expect(search.queryParams).toEqual([
      { name: 'query', in: 'query', required: true, description: 'The search query.', schema: { type: 'string', description: 'The search query.' } },
      { name: 'page', in: 'query', required: false, description: undefined, schema: { type: 'string' } },
    ]);
  });

  it("adds no query params for Stripe's empty GET body", () => {
    expect(op('GetCustomers').queryParams.map((p) => p.name)).toEqual(['limit']);
  });

  it('turns a DELETE body into query params', () => {
    const del = op('DeleteCustomersCustomer');
    expect(del.body).toBeUndefined();
    expect(del.queryParams.map((p) => p.name)).toEqual(['expand', 'invoice_now']);
  });

  it('keeps the body of a POST', () => {
    expect(op('PostCustomers')).toMatchObject({ queryParams: [], body: { properties: { email: { type: 'string', maxLength: 512 } } } });
  });

  it('merges path-level parameters, the operation-level one winning on the same name', () => {
    const get = op('GetCustomersCustomer');
    expect(get.pathParams).toEqual([
      { name: 'customer', in: 'path', required: true, description: 'Operation level.', schema: { type: 'string', maxLength: 5000 } },
    ]);
    expect(op('DeleteCustomersCustomer').pathParams[0]!.description).toBe('Path level.');
  });

  it('resolves $ref parameters, request bodies and responses', () => {
    const get = op('GetCustomersCustomer');
    expect(get.queryParams).toEqual([doc.components!.parameters!.expand]);
    expect(op('PostCustomers').errorResponse).toEqual(ref('error'));
  });

  it('takes the 2xx JSON response and the default error response', () => {
    const post = op('PostCustomers');
    expect(post.response).toEqual(ref('customer'));
    expect(op('GetCharges').errorResponse).toBeUndefined();
  });
});

describe('reachableComponents', () => {
  const reach = (...roots: Schema[]): string[] => [...reachableComponents(doc, roots)].sort();

  const cases: [string, { roots: Schema[]; want: string[] }][] = [
    ['no refs reach nothing', { roots: [{ type: 'string' }], want: [] }],
    ['follows a customer ⇄ discount cycle without looping', { roots: [ref('customer')], want: ['customer', 'deleted_customer', 'discount'] }],
    ['follows refs in items, anyOf and additionalProperties', { roots: [{ type: 'array', items: ref('error') }], want: ['api_errors', 'error'] }],
    ['does not follow x-expansionResources', { roots: [ref('charge')], want: ['charge'] }],
    ['does not reach a schema nothing points at', { roots: [ref('tax_id')], want: ['tax_id'] }],
  ];
  it.each(cases)('%s', (_, { roots, want }) => expect(reach(...roots)).toEqual(want));

  it('throws on a dangling $ref', () => {
    expect(() => reach({ type: 'object', properties: { x: ref('missing') } })).toThrow(/#\/components\/schemas\/missing/);
  });

  it("starts from an operation's parameters, body and responses", () => {
    const [post] = selectOperations(doc, ['PostCustomers']);
    expect(reach(...operationSchemas(post!))).toEqual(['api_errors', 'customer', 'deleted_customer', 'discount', 'error']);
  });
});

describe('pruneDocument', () => {
  const chosen = selectOperations(doc, ['GetCustomersCustomer', 'PostCustomers']);
  const reached = reachableComponents(doc, chosen.flatMap(operationSchemas));
  const pruned = pruneDocument(doc, chosen, reached);

  it('keeps only the chosen operations, in document order', () => {
    expect(Object.keys(pruned.paths)).toEqual(['/v1/customers', '/v1/customers/{customer}']);
    expect(Object.keys(pruned.paths['/v1/customers']!)).toEqual(['post']);
    expect(Object.keys(pruned.paths['/v1/customers/{customer}']!)).toEqual(['parameters', 'get']);
  });

  it('keeps only the reached schemas, sorted by name', () => {
    expect(Object.keys(pruned.components!.schemas!)).toEqual(['api_errors', 'customer', 'deleted_customer', 'discount', 'error']);
  });

  it('inlines parameter, request body and response $refs, and drops their components', () => {
    const item = pruned.paths['/v1/customers/{customer}']!;
    expect(item.parameters![1]).toEqual(doc.components!.parameters!.expand);
    expect(item.get!.requestBody).toEqual(doc.components!.requestBodies!.empty);
    expect(pruned.paths['/v1/customers']!.post!.responses!.default).toEqual(doc.components!.responses!.error);
    expect(Object.keys(pruned.components!)).toEqual(['schemas', 'securitySchemes']);
  });

  it('keeps info, servers and security schemes', () => {
    expect(pruned).toMatchObject({ openapi: '3.0.0', info: doc.info, servers: doc.servers });
    expect(pruned.components!.securitySchemes).toEqual(doc.components!.securitySchemes);
  });

  it('does not change the source document', () => {
    expect(Object.keys(doc.paths['/v1/customers']!)).toEqual(['get', 'post']);
    expect(Object.keys(doc.components!.schemas!)).toContain('orphan');
  });
});

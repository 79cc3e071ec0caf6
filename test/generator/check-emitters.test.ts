// The check emitters (scripts/lib/checks/emit-check.ts), one table per schema kind, compared on the
// unformatted code they return, then the checks file (scripts/lib/emit-checks-file.ts) on a tiny
// document. Checks follow the zod schemas' rules: requests closed and limited, responses open.
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import type { Check } from '../../generated/checks.js';
import { emitCheck, type CheckContext } from '../../scripts/lib/checks/emit-check.js';
import { emitChecksFile } from '../../scripts/lib/emit-checks-file.js';
import { componentIdentifier } from '../../scripts/lib/names.js';
import { schemaRefName, type Document, type Operation, type Schema } from '../../scripts/lib/openapi.js';
import { selectOperations } from '../../scripts/lib/select.js';
import type { Direction } from '../../scripts/lib/zod/context.js';
import { checkValue } from '../../src/validation/check.js';

type Case = [string, { given: Schema; direction?: Direction; want: string }];

/** A run context that names components as the file emitter does: `customer` → `CustomerCheck`. */
function ctx(direction: Direction = 'response'): CheckContext {
  return { direction, refIdentifier: (ref, dir) => componentIdentifier(schemaRefName(ref), dir, 'Check') };
}

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });

function runTable(cases: Case[]): void {
  it.each(cases)('%s', (_, { given, direction, want }) => {
    expect(emitCheck(given, ctx(direction))).toBe(want);
  });
}

describe('string', () => {
  runTable([
    ['plain string', { given: { type: 'string' }, want: '"string"' }],
    ['maxLength is checked in a request', { given: { type: 'string', maxLength: 5000 }, direction: 'request', want: '{ type: "string", max: 5000 }' }],
    ['maxLength is ignored in a response', { given: { type: 'string', maxLength: 5000 }, want: '"string"' }],
    ['minLength and maxLength both checked in a request', { given: { type: 'string', minLength: 1, maxLength: 10 }, direction: 'request', want: '{ type: "string", min: 1, max: 10 }' }],
    ['minLength of 0 is still a limit', { given: { type: 'string', minLength: 0 }, direction: 'request', want: '{ type: "string", min: 0 }' }],
    ['minLength is ignored in a response', { given: { type: 'string', minLength: 1 }, want: '"string"' }],
    ['format and pattern are documentation only', { given: { type: 'string', format: 'email', pattern: '^x' } as Schema, direction: 'request', want: '"string"' }],
  ]);
});

describe('number and integer', () => {
  runTable([
    ['integer', { given: { type: 'integer' }, want: '"integer"' }],
    ['unix-time integer is still an integer', { given: { type: 'integer', format: 'unix-time' }, want: '"integer"' }],
    ['number', { given: { type: 'number' }, want: '"number"' }],
    ['integer min and max checked in a request', { given: { type: 'integer', minimum: 1, maximum: 100 }, direction: 'request', want: '{ type: "integer", min: 1, max: 100 }' }],
    ['integer min and max ignored in a response', { given: { type: 'integer', minimum: 1, maximum: 100 }, want: '"integer"' }],
    ['number minimum of 0 is still checked', { given: { type: 'number', minimum: 0 }, direction: 'request', want: '{ type: "number", min: 0 }' }],
    ['number maximum alone', { given: { type: 'number', maximum: 2.5 }, direction: 'request', want: '{ type: "number", max: 2.5 }' }],
  ]);
});

describe('boolean', () => {
  runTable([
    ['boolean', { given: { type: 'boolean' }, want: "'boolean'" }],
    ['boolean in a request', { given: { type: 'boolean' }, direction: 'request', want: "'boolean'" }],
  ]);
});

describe('unknown', () => {
  runTable([
    ['empty schema accepts anything', { given: {}, want: "'unknown'" }],
    ['empty schema in a request accepts anything too', { given: {}, direction: 'request', want: "'unknown'" }],
    ['description only accepts anything', { given: { description: 'Anything at all.' }, want: "'unknown'" }],
    ['an unknown type accepts anything', { given: { type: 'file' }, want: "'unknown'" }],
  ]);
});

describe('enum', () => {
  runTable([
    ["enum [''] is that single value", { given: { type: 'string', enum: [''] }, direction: 'request', want: '{ enum: [""] }' }],
    ['a single value in a response stays exact', { given: { type: 'string', enum: ['customer'] }, want: '{ enum: ["customer"] }' }],
    ['a single value stays exact even with x-stripeBypassValidation', { given: { type: 'string', enum: ['card'], 'x-stripeBypassValidation': true }, direction: 'request', want: '{ enum: ["card"] }' }],
    ["enum ['', 'a', 'b'] in a request is closed", { given: { type: 'string', enum: ['', 'a', 'b'] }, direction: 'request', want: '{ enum: ["","a","b"] }' }],
    ['multi-value enum in a response is open', { given: { type: 'string', enum: ['exempt', 'none', 'reverse'] }, want: '{ enum: ["exempt","none","reverse"], open: true }' }],
    ['x-stripeBypassValidation opens a request enum', { given: { type: 'string', enum: ['forever', 'once'], 'x-stripeBypassValidation': true }, direction: 'request', want: '{ enum: ["forever","once"], open: true }' }],
    ['x-stripeBypassValidation: false keeps it closed', { given: { type: 'string', enum: ['forever', 'once'], 'x-stripeBypassValidation': false }, direction: 'request', want: '{ enum: ["forever","once"] }' }],
    ['boolean enum [true] is that value', { given: { type: 'boolean', enum: [true] }, want: '{ enum: [true] }' }],
    ['several integers stay closed in a response', { given: { type: 'integer', enum: [1, 2] }, want: '{ enum: [1,2] }' }],
    ['mixed strings and numbers stay closed in a response', { given: { enum: ['a', 1] }, want: '{ enum: ["a",1] }' }],
    ['null is filtered out and makes it nullable', { given: { type: 'string', enum: ['a', 'b', null], nullable: true }, want: '{ nullable: { enum: ["a","b"], open: true } }' }],
    ['null in the enum alone makes it nullable', { given: { type: 'string', enum: ['a', null] }, direction: 'request', want: '{ nullable: { enum: ["a"] } }' }],
    ['an empty enum admits nothing', { given: { type: 'string', enum: [] }, want: "'never'" }],
    ['an enum of only null admits only null', { given: { enum: [null] }, want: "{ nullable: 'never' }" }],
  ]);
});

describe('object', () => {
  runTable([
    ['required keys listed, in a response extra keys kept', { given: { type: 'object', required: ['id'], properties: { id: { type: 'string' }, email: { type: 'string' } } }, want: '{ props: { id: "string", email: "string" }, required: ["id"] }' }],
    ['in a request extra keys are refused', { given: { type: 'object', required: ['id'], properties: { id: { type: 'string' }, email: { type: 'string' } } }, direction: 'request', want: '{ props: { id: "string", email: "string" }, required: ["id"], extra: false }' }],
    ['additionalProperties false in a response is still loose', { given: { type: 'object', additionalProperties: false, properties: { id: { type: 'string' } }, required: ['id'] }, want: '{ props: { id: "string" }, required: ["id"] }' }],
    ['a required key without a property is dropped', { given: { type: 'object', properties: { a: { type: 'string' } }, required: ['a', 'ghost'] }, want: '{ props: { a: "string" }, required: ["a"] }' }],
    ['no required keys, no required list', { given: { type: 'object', properties: { a: { type: 'string' } }, required: [] }, want: '{ props: { a: "string" } }' }],
    ['string map in a request', { given: { type: 'object', additionalProperties: { type: 'string' } }, direction: 'request', want: '{ props: {}, extra: "string" }' }],
    ['string map in a response drops the value limits', { given: { type: 'object', additionalProperties: { type: 'string', maxLength: 500 } }, want: '{ props: {}, extra: "string" }' }],
    ['string map in a request keeps the value limits', { given: { type: 'object', additionalProperties: { type: 'string', maxLength: 500 } }, direction: 'request', want: '{ props: {}, extra: { type: "string", max: 500 } }' }],
    ['additionalProperties true is a map of anything', { given: { type: 'object', additionalProperties: true }, direction: 'request', want: "{ props: {}, extra: 'unknown' }" }],
    ['properties plus an additionalProperties schema', { given: { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: { type: 'integer' } }, direction: 'request', want: '{ props: { a: "string" }, extra: "integer" }' }],
    ['additionalProperties is a $ref', { given: { type: 'object', additionalProperties: ref('customer') }, want: '{ props: {}, extra: () => CustomerCheck }' }],
    ['empty object in a response keeps anything', { given: { type: 'object' }, want: '{ props: {} }' }],
    ['empty object in a request admits only {}', { given: { type: 'object', properties: {} }, direction: 'request', want: '{ props: {}, extra: false }' }],
    ['properties without type is an object', { given: { properties: { a: { type: 'boolean' } } }, want: "{ props: { a: 'boolean' } }" }],
    ['a $ref property is read through a function', { given: { type: 'object', properties: { discount: ref('discount') } }, want: '{ props: { discount: () => DiscountCheck } }' }],
    ['a $ref property in a request reads the Params variant', { given: { type: 'object', required: ['address'], properties: { address: ref('address') } }, direction: 'request', want: '{ props: { address: () => AddressParamsCheck }, required: ["address"], extra: false }' }],
    ['__proto__ is a computed key', { given: { type: 'object', properties: JSON.parse('{"__proto__": {"type": "string"}}') as Record<string, Schema> }, want: '{ props: { ["__proto__"]: "string" } }' }],
    ['keys that are not identifiers are quoted', { given: { type: 'object', properties: { 'a-b': { type: 'string' }, '3d_secure': { type: 'boolean' }, $ok: { type: 'string' }, _x: { type: 'string' } } }, want: `{ props: { "a-b": "string", "3d_secure": 'boolean', $ok: "string", _x: "string" } }` }],
    ['nested objects carry the direction', { given: { type: 'object', properties: { address: { type: 'object', properties: { city: { type: 'string', maxLength: 5000 } } } } }, direction: 'request', want: '{ props: { address: { props: { city: { type: "string", max: 5000 } }, extra: false } }, extra: false }' }],
  ]);
});

describe('array', () => {
  runTable([
    ['items checked in a request', { given: { type: 'array', items: { type: 'string', maxLength: 5000 } }, direction: 'request', want: '{ type: "array", items: { type: "string", max: 5000 } }' }],
    ['items unchecked in a response', { given: { type: 'array', items: { type: 'string', maxLength: 5000 } }, want: '{ type: "array", items: "string" }' }],
    ['minItems and maxItems checked in a request', { given: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 3 }, direction: 'request', want: '{ type: "array", items: "string", min: 1, max: 3 }' }],
    ['maxItems alone', { given: { type: 'array', items: { type: 'string' }, maxItems: 3 }, direction: 'request', want: '{ type: "array", items: "string", max: 3 }' }],
    ['minItems and maxItems ignored in a response', { given: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 3 }, want: '{ type: "array", items: "string" }' }],
    ['no items means items of any kind', { given: { type: 'array' }, want: "{ type: \"array\", items: 'unknown' }" }],
    ['items without type is still an array', { given: { items: ref('customer') }, want: '{ type: "array", items: () => CustomerCheck }' }],
  ]);
});

describe('union (anyOf / oneOf)', () => {
  runTable([
    ['expandable field in a response', { given: { anyOf: [{ type: 'string', maxLength: 5000 }, ref('customer')], nullable: true }, want: '{ nullable: { anyOf: ["string", () => CustomerCheck] } }' }],
    ['expandable field in a request', { given: { anyOf: [{ type: 'string', maxLength: 5000 }, ref('customer')], nullable: true }, direction: 'request', want: '{ nullable: { anyOf: [{ type: "string", max: 5000 }, () => CustomerParamsCheck] } }' }],
    ["Stripe's unset branch: object or ''", { given: { anyOf: [{ type: 'object', properties: { city: { type: 'string', maxLength: 5000 } } }, { type: 'string', enum: [''] }] }, direction: 'request', want: '{ anyOf: [{ props: { city: { type: "string", max: 5000 } }, extra: false }, { enum: [""] }] }' }],
    ["metadata unset branch: string map or ''", { given: { anyOf: [{ type: 'object', additionalProperties: { type: 'string' } }, { type: 'string', enum: [''] }] }, direction: 'request', want: '{ anyOf: [{ props: {}, extra: "string" }, { enum: [""] }] }' }],
    ['one-branch anyOf collapses to that branch', { given: { anyOf: [ref('discount')], nullable: true }, want: '{ nullable: () => DiscountCheck }' }],
    ['one-branch oneOf collapses too', { given: { oneOf: [{ type: 'string' }] }, want: '"string"' }],
    ['oneOf is a union too', { given: { oneOf: [ref('customer'), ref('deleted_customer')] }, want: '{ anyOf: [() => CustomerCheck, () => DeletedCustomerCheck] }' }],
    ['range query: object or integer', { given: { anyOf: [{ type: 'object', properties: { gt: { type: 'integer' } } }, { type: 'integer' }] }, direction: 'request', want: '{ anyOf: [{ props: { gt: "integer" }, extra: false }, "integer"] }' }],
    ['an empty anyOf is an empty union', { given: { anyOf: [] }, want: '{ anyOf: [] }' }],
  ]);
});

describe('allOf', () => {
  runTable([
    ['one part is that part', { given: { allOf: [ref('address')] }, want: '() => AddressCheck' }],
    ['inline object parts merge into one closed object in a request', { given: { allOf: [{ type: 'object', properties: { a: { type: 'string' } }, required: ['a'] }, { properties: { b: { type: 'integer' } } }] }, direction: 'request', want: '{ props: { a: "string", b: "integer" }, required: ["a"], extra: false }' }],
    ['inline object parts merge into one loose object in a response', { given: { allOf: [{ type: 'object', properties: { a: { type: 'string' } } }, { type: 'object', properties: { b: { type: 'integer' } }, required: ['b'] }] }, want: '{ props: { a: "string", b: "integer" }, required: ["b"] }' }],
    ['a $ref part keeps every part', { given: { allOf: [ref('address'), { type: 'object', properties: { x: { type: 'string' } } }] }, want: '{ allOf: [() => AddressCheck, { props: { x: "string" } }] }' }],
    ['a non-object part keeps every part', { given: { allOf: [{ type: 'string' }, { type: 'string', maxLength: 3 }] }, direction: 'request', want: '{ allOf: ["string", { type: "string", max: 3 }] }' }],
  ]);
});

describe('ref', () => {
  runTable([
    ['response ref reads the component check', { given: ref('customer'), want: '() => CustomerCheck' }],
    ['request ref reads the Params check', { given: ref('customer'), direction: 'request', want: '() => CustomerParamsCheck' }],
    ['a dot in the name becomes an underscore', { given: ref('test_helpers.test_clock'), want: '() => TestHelpers_TestClockCheck' }],
    ['an escaped ref is decoded', { given: { $ref: '#/components/schemas/a~1b' }, want: '() => ABCheck' }],
    ['siblings of a $ref are ignored', { given: { ...ref('customer'), type: 'object', properties: { x: { type: 'string' } } }, want: '() => CustomerCheck' }],
  ]);

  it('refuses a $ref outside #/components/schemas', () => {
    expect(() => emitCheck({ $ref: '#/definitions/customer' }, ctx())).toThrow(/Unsupported schema \$ref "#\/definitions\/customer"/);
  });
});

describe('nullable (OpenAPI 3.0 nullable: true)', () => {
  runTable([
    ['nullable string', { given: { type: 'string', nullable: true }, want: '{ nullable: "string" }' }],
    ['nullable: false is not nullable', { given: { type: 'string', nullable: false }, want: '"string"' }],
    ['limits stay inside', { given: { type: 'string', maxLength: 5, nullable: true }, direction: 'request', want: '{ nullable: { type: "string", max: 5 } }' }],
    ['nullable object', { given: { type: 'object', nullable: true, properties: { a: { type: 'string' } } }, want: '{ nullable: { props: { a: "string" } } }' }],
    ['a nullable property', { given: { type: 'object', properties: { email: { type: 'string', nullable: true } } }, want: '{ props: { email: { nullable: "string" } } }' }],
    ['nullable $ref', { given: { ...ref('customer'), nullable: true }, want: '{ nullable: () => CustomerCheck }' }],
    ['nullable unknown', { given: { nullable: true }, want: "{ nullable: 'unknown' }" }],
    ['nullable array', { given: { type: 'array', items: { type: 'integer' }, nullable: true }, want: '{ nullable: { type: "array", items: "integer" } }' }],
  ]);
});

describe("OpenAPI 3.1 type: [x, 'null']", () => {
  runTable([
    ["[string, 'null'] is a nullable string", { given: { type: ['string', 'null'] }, want: '{ nullable: "string" }' }],
    ["[string, 'null'] keeps request limits", { given: { type: ['string', 'null'], maxLength: 5 }, direction: 'request', want: '{ nullable: { type: "string", max: 5 } }' }],
    ["[integer, 'null'] is a nullable integer", { given: { type: ['integer', 'null'] }, want: '{ nullable: "integer" }' }],
    ["['null', integer] in either order", { given: { type: ['null', 'integer'], minimum: 1 }, direction: 'request', want: '{ nullable: { type: "integer", min: 1 } }' }],
    ["[object, 'null'] is a nullable object", { given: { type: ['object', 'null'], properties: { a: { type: 'string' } } }, want: '{ nullable: { props: { a: "string" } } }' }],
    ["[array, 'null'] is a nullable array", { given: { type: ['array', 'null'], items: { type: 'boolean' } }, want: "{ nullable: { type: \"array\", items: 'boolean' } }" }],
  ]);
});

describe('OpenAPI 3.1 multi-type', () => {
  runTable([
    ['[string, integer] is anyOf', { given: { type: ['string', 'integer'] }, want: '{ anyOf: ["string", "integer"] }' }],
    ["[string, integer, 'null'] is a nullable anyOf", { given: { type: ['string', 'integer', 'null'] }, want: '{ nullable: { anyOf: ["string", "integer"] } }' }],
    ['each branch keeps its own request limits', { given: { type: ['string', 'integer'], maxLength: 5, maximum: 9 }, direction: 'request', want: '{ anyOf: [{ type: "string", max: 5 }, { type: "integer", max: 9 }] }' }],
    ['[string, boolean] in a response', { given: { type: ['string', 'boolean'], maxLength: 5 }, want: `{ anyOf: ["string", 'boolean'] }` }],
  ]);
});

// ---------------------------------------------------------------------------------------------
// The whole file, on a document small enough to read at a glance.

/** A form body the way Stripe writes one. */
function formBody(properties: Record<string, Schema>, required: string[] = []): Operation['requestBody'] {
  return { content: { 'application/x-www-form-urlencoded': { schema: { type: 'object', additionalProperties: false, properties, required } } } };
}

function ok(schema: Schema): Operation['responses'] {
  return { '200': { description: 'ok', content: { 'application/json': { schema } } } };
}

const tinyDoc = (extra: Partial<Document['paths']> = {}, schemas: Record<string, Schema> = {}): Document => ({
  openapi: '3.0.0',
  info: { title: 'Tiny', version: '2099-01-01' },
  paths: {
    '/v1/customers/{customer}': {
      get: {
        operationId: 'GetCustomersCustomer',
        summary: 'Retrieve a customer',
        parameters: [
          { name: 'customer', in: 'path', required: true, schema: { type: 'string', maxLength: 5000 } },
          { name: 'expand', in: 'query', schema: { type: 'array', items: { type: 'string', maxLength: 5000 } } },
        ],
        responses: ok({ anyOf: [ref('customer'), ref('deleted_customer')] }),
      },
      post: {
        operationId: 'PostCustomersCustomer',
        parameters: [{ name: 'customer', in: 'path', required: true, schema: { type: 'string' } }],
        requestBody: formBody({ address: { anyOf: [ref('address'), { type: 'string', enum: [''] }] }, name: { type: 'string', maxLength: 256 } }),
        responses: ok(ref('customer')),
      },
    },
    ...extra,
  },
  components: {
    schemas: {
      address: { type: 'object', properties: { city: { type: 'string', maxLength: 5000, nullable: true } } },
      // customer ↔ discount is a cycle: each check reads the other through a function.
      customer: { type: 'object', required: ['id'], properties: { id: { type: 'string' }, discount: { ...ref('discount'), nullable: true }, address: { ...ref('address'), nullable: true } } },
      deleted_customer: { type: 'object', required: ['deleted'], properties: { deleted: { type: 'boolean', enum: [true] } } },
      discount: { type: 'object', properties: { customer: { anyOf: [{ type: 'string' }, ref('customer')] } } },
      unused: { type: 'string' },
      ...schemas,
    },
  },
});

/** Runs an emitted checks.ts (types stripped) and returns its exports. */
function load(code: string): Record<string, unknown> {
  const js = transformSync(code, { loader: 'ts', format: 'cjs' }).code;
  const module = { exports: {} as Record<string, unknown> };
  new Function('module', 'exports', js)(module, module.exports);
  return module.exports;
}

describe('emitChecksFile', () => {
  const doc = tinyDoc();
  const code = emitChecksFile(doc, selectOperations(doc));

  it('makes each operation an exported const, listed in clientOperations', () => {
    expect(code).toContain(
      [
        '/**\n * GET /v1/customers/{customer}: Retrieve a customer\n */',
        'export const GetCustomersCustomer: ClientOperation = {',
        'id: "GetCustomersCustomer",',
        'method: "get",',
        'path: "/v1/customers/{customer}",',
        'pathParams: ["customer"],',
        'checks: {',
        'path: { props: { customer: { type: "string", max: 5000 } }, required: ["customer"], extra: false },',
        'query: { props: { expand: { type: "array", items: { type: "string", max: 5000 } } }, extra: false },',
        'body: null,',
        'response: { anyOf: [() => CustomerCheck, () => DeletedCustomerCheck] },',
        '},',
        '};',
      ].join('\n'),
    );
    expect(code).toContain('export const PostCustomersCustomer: ClientOperation = {');
    expect(code).toContain('export const clientOperations = {\n"GetCustomersCustomer": GetCustomersCustomer,\n"PostCustomersCustomer": PostCustomersCustomer,\n} as const;');
  });

  it('declares each component reached, per direction, sorted, and nothing else', () => {
    const declared = [...code.matchAll(/^(export )?const (\w+): Check = /gm)].map((m) => [m[1] ?? '', m[2]]);
    expect(declared).toEqual([
      ['', 'AddressCheck'],
      ['', 'AddressParamsCheck'],
      ['', 'CustomerCheck'],
      ['', 'DeletedCustomerCheck'],
      ['', 'DiscountCheck'],
    ]);
    expect(code).toContain('const AddressParamsCheck: Check = { props: { city: { nullable: { type: "string", max: 5000 } } }, extra: false };');
    expect(code).toContain('const AddressCheck: Check = { props: { city: { nullable: "string" } } };');
    expect(code).toContain('const DiscountCheck: Check = { props: { customer: { anyOf: ["string", () => CustomerCheck] } } };');
    expect(code).not.toContain('UnusedCheck');
    expect(code).not.toContain('import '); // plain data: no zod, nothing else
  });

  it('runs: the exports are the operations, and a cycle is followed when checked', () => {
    const exports = load(code);
    const ops = exports.clientOperations as Record<string, { checks: { response: Check; body: Check } }>;
    expect(Object.keys(ops)).toEqual(['GetCustomersCustomer', 'PostCustomersCustomer']);
    expect(ops.GetCustomersCustomer).toBe(exports.GetCustomersCustomer);
    const response = ops.PostCustomersCustomer!.checks.response;
    expect(checkValue(response, { id: 'cus_1', discount: { customer: { id: 'cus_1', discount: { customer: 'cus_1' } } } })).toEqual([]);
    expect(checkValue(response, { id: 'cus_1', discount: { customer: { discount: null } } })).toEqual([
      { path: ['discount', 'customer', 'id'], field: 'discount.customer.id', rule: 'required' },
    ]);
    expect(checkValue(ops.PostCustomersCustomer!.checks.body, { address: { city: 'x', zip: '1' } })).toEqual([
      { path: ['address', 'zip'], field: 'address.zip', rule: 'unknown parameter' },
    ]);
  });

  it('throws when an operation and a component share an identifier', () => {
    const clash = tinyDoc({ '/v1/x': { get: { operationId: 'CustomerCheck', responses: ok(ref('customer')) } } });
    expect(() => emitChecksFile(clash, selectOperations(clash))).toThrow(
      'schema "customer" and operation CustomerCheck both map to the identifier CustomerCheck in checks.ts',
    );
  });

  it('throws when two components share an identifier', () => {
    const clash = tinyDoc(
      { '/v1/x': { get: { operationId: 'GetX', responses: ok({ anyOf: [ref('tax_id'), ref('tax-id')] }) } } },
      { tax_id: { type: 'string' }, 'tax-id': { type: 'integer' } },
    );
    expect(() => emitChecksFile(clash, selectOperations(clash))).toThrow(
      'schema "tax_id" and schema "tax-id" both map to the identifier TaxIdCheck in checks.ts',
    );
  });

  it('throws when two operations share an identifier', () => {
    const clash = tinyDoc({ '/v1/x': { get: { operationId: 'get-customers-customer', responses: ok({ type: 'string' }) } } });
    expect(() => emitChecksFile(clash, selectOperations(clash))).toThrow(
      'operation GetCustomersCustomer and operation get-customers-customer both map to the identifier GetCustomersCustomer in checks.ts',
    );
  });
});

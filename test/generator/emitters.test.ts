// The zod emitters, one table per schema kind, compared on the unformatted code they return.
// Requests are closed (strict objects, closed enums, length and range checks); responses are open.
import { describe, expect, it } from 'vitest';
import { componentIdentifier } from '../../scripts/lib/names.js';
import { schemaRefName, type Schema } from '../../scripts/lib/openapi.js';
import type { Direction, EmitContext } from '../../scripts/lib/zod/context.js';
import { emitSchema } from '../../scripts/lib/zod/emit-schema.js';

type Case = [string, { given: Schema; direction?: Direction; want: string }];

/** A run context that names components as the file emitter does: `customer` → `CustomerSchema`. */
function ctx(direction: Direction = 'response'): EmitContext {
  return { direction, refIdentifier: (ref, dir) => componentIdentifier(schemaRefName(ref), dir) };
}

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });

function runTable(cases: Case[]): void {
  it.each(cases)('%s', (_, { given, direction, want }) => {
    expect(emitSchema(given, ctx(direction)).code).toBe(want);
  });
}

describe('string', () => {
  runTable([
    ['plain string', { given: { type: 'string' }, want: 'z.string()' }],
    ['maxLength is checked in a request', { given: { type: 'string', maxLength: 5000 }, direction: 'request', want: 'z.string().check(z.maxLength(5000))' }],
    ['maxLength is ignored in a response', { given: { type: 'string', maxLength: 5000 }, want: 'z.string()' }],
    ['minLength and maxLength both checked in a request', { given: { type: 'string', minLength: 1, maxLength: 10 }, direction: 'request', want: 'z.string().check(z.minLength(1), z.maxLength(10))' }],
    ['minLength is ignored in a response', { given: { type: 'string', minLength: 1 }, want: 'z.string()' }],
    ['format and pattern are documentation only', { given: { type: 'string', format: 'email', pattern: '^x' } as Schema, direction: 'request', want: 'z.string()' }],
  ]);
});

describe('number and integer', () => {
  runTable([
    ['integer is a safe integer', { given: { type: 'integer' }, want: 'z.int()' }],
    ['unix-time integer is still an integer', { given: { type: 'integer', format: 'unix-time' }, want: 'z.int()' }],
    ['number', { given: { type: 'number' }, want: 'z.number()' }],
    ['integer min and max checked in a request', { given: { type: 'integer', minimum: 1, maximum: 100 }, direction: 'request', want: 'z.int().check(z.minimum(1), z.maximum(100))' }],
    ['integer min and max ignored in a response', { given: { type: 'integer', minimum: 1, maximum: 100 }, want: 'z.int()' }],
    ['number minimum of 0 is still checked', { given: { type: 'number', minimum: 0 }, direction: 'request', want: 'z.number().check(z.minimum(0))' }],
  ]);
});

describe('boolean', () => {
  runTable([
    ['boolean', { given: { type: 'boolean' }, want: 'z.boolean()' }],
    ['boolean in a request', { given: { type: 'boolean' }, direction: 'request', want: 'z.boolean()' }],
  ]);
});

describe('unknown', () => {
  runTable([
    ['empty schema accepts anything', { given: {}, want: 'z.unknown()' }],
    ['description only accepts anything', { given: { description: 'Anything at all.' }, want: 'z.unknown()' }],
    ['an unknown type accepts anything', { given: { type: 'file' }, want: 'z.unknown()' }],
  ]);
});

describe('enum', () => {
  runTable([
    ["enum [''] is the literal ''", { given: { type: 'string', enum: [''] }, direction: 'request', want: 'z.literal("")' }],
    ["enum ['', 'a', 'b'] in a request is closed", { given: { type: 'string', enum: ['', 'a', 'b'] }, direction: 'request', want: 'z.enum(["", "a", "b"])' }],
    ['multi-value enum in a response is open', { given: { type: 'string', enum: ['exempt', 'none', 'reverse'] }, want: 'openEnum(["exempt", "none", "reverse"])' }],
    ['x-stripeBypassValidation opens a request enum', { given: { type: 'string', enum: ['forever', 'once'], 'x-stripeBypassValidation': true }, direction: 'request', want: 'openEnum(["forever", "once"])' }],
    ['single value in a response stays exact', { given: { type: 'string', enum: ['customer'] }, want: 'z.literal("customer")' }],
    ['boolean enum [true] is the literal true', { given: { type: 'boolean', enum: [true] }, want: 'z.literal(true)' }],
    ['null in the enum makes it nullable', { given: { type: 'string', enum: ['a', 'b', null], nullable: true }, want: 'z.nullable(openEnum(["a", "b"]))' }],
    ['null in the enum alone makes it nullable', { given: { type: 'string', enum: ['a', null] }, direction: 'request', want: 'z.nullable(z.literal("a"))' }],
    ['several integers are a literal list', { given: { type: 'integer', enum: [1, 2] }, want: 'z.literal([1, 2])' }],
    ['an empty enum admits nothing', { given: { type: 'string', enum: [] }, want: 'z.never()' }],
  ]);
});

describe('array', () => {
  runTable([
    ['items checked in a request', { given: { type: 'array', items: { type: 'string', maxLength: 5000 } }, direction: 'request', want: 'z.array(z.string().check(z.maxLength(5000)))' }],
    ['items unchecked in a response', { given: { type: 'array', items: { type: 'string', maxLength: 5000 } }, want: 'z.array(z.string())' }],
    ['minItems and maxItems checked in a request', { given: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 3 }, direction: 'request', want: 'z.array(z.string()).check(z.minLength(1), z.maxLength(3))' }],
    ['minItems and maxItems ignored in a response', { given: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 3 }, want: 'z.array(z.string())' }],
    ['no items means items of any kind', { given: { type: 'array' }, want: 'z.array(z.unknown())' }],
    ['items without type is still an array', { given: { items: ref('customer') }, want: 'z.array(CustomerSchema)' }],
  ]);
});

describe('object', () => {
  runTable([
    ['required key is bare, others optional', { given: { type: 'object', required: ['id'], properties: { id: { type: 'string' }, email: { type: 'string' } } }, want: 'z.looseObject({\nid: z.string(),\nemail: z.optional(z.string())\n})' }],
    ['additionalProperties false in a request is strict', { given: { type: 'object', additionalProperties: false, properties: { id: { type: 'string' } }, required: ['id'] }, direction: 'request', want: 'z.strictObject({\nid: z.string()\n})' }],
    ['additionalProperties false in a response is loose', { given: { type: 'object', additionalProperties: false, properties: { id: { type: 'string' } }, required: ['id'] }, want: 'z.looseObject({\nid: z.string()\n})' }],
    ['string map is a record', { given: { type: 'object', additionalProperties: { type: 'string' } }, direction: 'request', want: 'z.record(z.string(), z.string())' }],
    ['string map in a response is a record too', { given: { type: 'object', additionalProperties: { type: 'string', maxLength: 500 } }, want: 'z.record(z.string(), z.string())' }],
    ['additionalProperties true without properties is any record', { given: { type: 'object', additionalProperties: true }, want: 'z.record(z.string(), z.unknown())' }],
    ['properties plus an additionalProperties schema is a catchall', { given: { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: { type: 'integer' } }, want: 'z.catchall(z.object({\na: z.optional(z.string())\n}), z.int())' }],
    ['object without properties in a response keeps anything', { given: { type: 'object' }, want: 'z.record(z.string(), z.unknown())' }],
    ['object without properties in a request admits only {}', { given: { type: 'object', properties: {} }, direction: 'request', want: 'z.strictObject({\n\n})' }],
    ['properties without type is an object', { given: { properties: { a: { type: 'boolean' } } }, want: 'z.looseObject({\na: z.optional(z.boolean())\n})' }],
    ['a $ref property becomes a getter', { given: { type: 'object', properties: { discount: ref('discount') } }, want: 'z.looseObject({\nget discount() { return z.optional(DiscountSchema); }\n})' }],
    ['a $ref property in a request reads the Params variant', { given: { type: 'object', required: ['address'], properties: { address: ref('address') } }, direction: 'request', want: 'z.strictObject({\nget address() { return AddressParamsSchema; }\n})' }],
    ['__proto__ is a computed key', { given: { type: 'object', properties: JSON.parse('{"__proto__": {"type": "string"}}') as Record<string, Schema> }, want: 'z.looseObject({\n["__proto__"]: z.optional(z.string())\n})' }],
    ['keys that are not identifiers are quoted', { given: { type: 'object', properties: { 'a-b': { type: 'string' }, '3d_secure': { type: 'boolean' }, $ok: { type: 'string' }, _x: { type: 'string' } } }, want: 'z.looseObject({\n"a-b": z.optional(z.string()),\n"3d_secure": z.optional(z.boolean()),\n$ok: z.optional(z.string()),\n_x: z.optional(z.string())\n})' }],
    ['a quoted key can be a getter', { given: { type: 'object', properties: { 'line.1': ref('address') } }, want: 'z.looseObject({\nget "line.1"() { return z.optional(AddressSchema); }\n})' }],
    ['a property description becomes a doc comment', { given: { type: 'object', properties: { id: { type: 'string', description: 'Unique identifier. */' } } }, want: 'z.looseObject({\n/**\n * Unique identifier. *\\/\n */\nid: z.optional(z.string())\n})' }],
  ]);
});

describe('union (anyOf / oneOf)', () => {
  runTable([
    ['expandable field in a response', { given: { anyOf: [{ type: 'string', maxLength: 5000 }, ref('customer')], nullable: true }, want: 'z.nullable(z.union([z.string(), CustomerSchema]))' }],
    ['expandable field in a request', { given: { anyOf: [{ type: 'string', maxLength: 5000 }, ref('customer')], nullable: true }, direction: 'request', want: 'z.nullable(z.union([z.string().check(z.maxLength(5000)), CustomerParamsSchema]))' }],
    ["Stripe's unset branch: object or ''", { given: { anyOf: [{ type: 'object', properties: { city: { type: 'string', maxLength: 5000 } } }, { type: 'string', enum: [''] }] }, direction: 'request', want: 'z.union([z.strictObject({\ncity: z.optional(z.string().check(z.maxLength(5000)))\n}), z.literal("")])' }],
    ["metadata unset branch: string map or ''", { given: { anyOf: [{ type: 'object', additionalProperties: { type: 'string' } }, { type: 'string', enum: [''] }] }, direction: 'request', want: 'z.union([z.record(z.string(), z.string()), z.literal("")])' }],
    ['one-branch anyOf unwraps', { given: { anyOf: [ref('discount')], nullable: true }, want: 'z.nullable(DiscountSchema)' }],
    ['oneOf is a union too', { given: { oneOf: [ref('customer'), ref('deleted_customer')] }, want: 'z.union([CustomerSchema, DeletedCustomerSchema])' }],
    ['range query: object or integer', { given: { anyOf: [{ type: 'object', properties: { gt: { type: 'integer' } } }, { type: 'integer' }] }, direction: 'request', want: 'z.union([z.strictObject({\ngt: z.optional(z.int())\n}), z.int()])' }],
  ]);
});

describe('allOf', () => {
  runTable([
    ['one part is that part', { given: { allOf: [ref('address')] }, want: 'AddressSchema' }],
    ['inline object parts merge into one object', { given: { allOf: [{ type: 'object', properties: { a: { type: 'string' } }, required: ['a'] }, { properties: { b: { type: 'integer' } } }] }, direction: 'request', want: 'z.strictObject({\na: z.string(),\nb: z.optional(z.int())\n})' }],
    ['a $ref part makes an intersection', { given: { allOf: [ref('address'), { type: 'object', properties: { x: { type: 'string' } } }] }, want: 'z.intersection(AddressSchema, z.looseObject({\nx: z.optional(z.string())\n}))' }],
  ]);
});

describe('ref', () => {
  runTable([
    ['response ref is the component const', { given: ref('customer'), want: 'CustomerSchema' }],
    ['request ref is the Params const', { given: ref('customer'), direction: 'request', want: 'CustomerParamsSchema' }],
    ['a dot in the name becomes an underscore', { given: ref('test_helpers.test_clock'), want: 'TestHelpers_TestClockSchema' }],
    ['an escaped ref is decoded', { given: { $ref: '#/components/schemas/a~1b' }, want: 'ABSchema' }],
  ]);

  it('refuses a $ref outside #/components/schemas', () => {
    expect(() => emitSchema({ $ref: '#/definitions/customer' }, ctx())).toThrow(/Unsupported schema \$ref "#\/definitions\/customer"/);
  });
});

describe('nullable in the dispatcher', () => {
  runTable([
    ['nullable string', { given: { type: 'string', nullable: true }, want: 'z.nullable(z.string())' }],
    ['nullable: false is not nullable', { given: { type: 'string', nullable: false }, want: 'z.string()' }],
    ['nullable checks stay inside', { given: { type: 'string', maxLength: 5, nullable: true }, direction: 'request', want: 'z.nullable(z.string().check(z.maxLength(5)))' }],
    ['nullable object', { given: { type: 'object', nullable: true, properties: { a: { type: 'string' } } }, want: 'z.nullable(z.looseObject({\na: z.optional(z.string())\n}))' }],
    ['optional wraps nullable in a property', { given: { type: 'object', properties: { email: { type: 'string', nullable: true } } }, want: 'z.looseObject({\nemail: z.optional(z.nullable(z.string()))\n})' }],
    ['nullable $ref', { given: { ...ref('customer'), nullable: true }, want: 'z.nullable(CustomerSchema)' }],
    ['nullable unknown', { given: { nullable: true }, want: 'z.nullable(z.unknown())' }],
  ]);
});

describe("OpenAPI 3.1 type: [x, 'null']", () => {
  runTable([
    ["[string, 'null'] is a nullable string", { given: { type: ['string', 'null'] }, want: 'z.nullable(z.string())' }],
    ["[string, 'null'] keeps request checks", { given: { type: ['string', 'null'], maxLength: 5 }, direction: 'request', want: 'z.nullable(z.string().check(z.maxLength(5)))' }],
    ['[string, integer] is a union', { given: { type: ['string', 'integer'] }, want: 'z.union([z.string(), z.int()])' }],
    ["[string, integer, 'null'] is a nullable union", { given: { type: ['string', 'integer', 'null'] }, want: 'z.nullable(z.union([z.string(), z.int()]))' }],
    ["[object, 'null'] is a nullable object", { given: { type: ['object', 'null'], properties: { a: { type: 'string' } } }, want: 'z.nullable(z.looseObject({\na: z.optional(z.string())\n}))' }],
    ["[array, 'null'] is a nullable array", { given: { type: ['array', 'null'], items: { type: 'boolean' } }, want: 'z.nullable(z.array(z.boolean()))' }],
  ]);

  // Known bug: number.ts compares `schema.type === 'integer'`, which is false for an array type, so a
  // nullable 3.1 integer accepts 1.5. Remove `.fails` once fixed.
  it("[integer, 'null'] is a nullable integer", () => {
    expect(emitSchema({ type: ['integer', 'null'] }, ctx()).code).toBe('z.nullable(z.int())');
  });
});

describe('eager references', () => {
  const eager = (given: Schema, direction?: Direction): string[] => [...emitSchema(given, ctx(direction)).eager].sort();

  it('a top-level $ref is read eagerly', () => {
    expect(eager(ref('customer'))).toEqual(['CustomerSchema']);
    expect(eager(ref('customer'), 'request')).toEqual(['CustomerParamsSchema']);
  });

  it('a union reads every referenced branch eagerly', () => {
    expect(eager({ anyOf: [{ type: 'string' }, ref('customer'), ref('deleted_customer')], nullable: true })).toEqual(['CustomerSchema', 'DeletedCustomerSchema']);
  });

  it('an object puts refs in getters, so it reads nothing eagerly', () => {
    expect(eager({ type: 'object', properties: { a: ref('customer'), b: { type: 'array', items: ref('discount') } } })).toEqual([]);
  });

  it('an array, record or catchall value reads its ref eagerly', () => {
    expect(eager({ type: 'array', items: ref('customer') })).toEqual(['CustomerSchema']);
    expect(eager({ type: 'object', additionalProperties: ref('customer') })).toEqual(['CustomerSchema']);
    expect(eager({ type: 'object', properties: { a: ref('discount') }, additionalProperties: ref('customer') })).toEqual(['CustomerSchema']);
  });

  it('leaves read nothing eagerly', () => {
    expect(eager({ type: 'string', enum: ['a', 'b'] })).toEqual([]);
  });
});

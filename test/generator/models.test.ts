// The models emitter's small transforms (scripts/lib/models/), one table each: names, descriptions,
// type expressions, the deleted marker, and the models file for a small spec.
import { describe, expect, it } from 'vitest';
import { emitModel, emitModelsFile } from '../../scripts/lib/emit-models-file.js';
import { deletedMarkers } from '../../scripts/lib/models/deleted.js';
import { descriptionText, jsdoc } from '../../scripts/lib/models/doc.js';
import { enumMembers, listShape, modelType, type ModelTypeContext } from '../../scripts/lib/models/model-type.js';
import { modelName, modelNames } from '../../scripts/lib/models/names.js';
import type { Document, Schema } from '../../scripts/lib/openapi.js';

const ctx: ModelTypeContext = { modelOf: (name) => modelName(name) };
const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const page = (items: Schema, extra: Schema['properties'] = {}): Schema => ({
  type: 'object',
  properties: { data: { type: 'array', items }, has_more: { type: 'boolean' }, object: { type: 'string', enum: ['list'] }, url: { type: 'string' }, ...extra },
  required: ['data', 'has_more', 'object', 'url'],
});

describe('model names', () => {
  it.each([
    ['customer', 'Customer'],
    ['tax_id', 'TaxId'],
    ['test_helpers.test_clock', 'TestHelpersTestClock'],
    ['payment_source', 'CustomerSource'],
    ['deleted_payment_source', 'DeletedCustomerSource'],
    ['item', 'LineItem'],
    ['line_item', 'InvoiceLineItem'],
    ['error', 'ErrorResponse'],
    ['3d_secure', '_3dSecure'],
  ])('%s → %s', (spec, name) => {
    expect(modelName(spec)).toBe(name);
  });

  it('keeps dots as _ only where joining them would collide', () => {
    const names = modelNames(['issuing.card', 'issuing_card', 'test_helpers.test_clock']);
    expect(Object.fromEntries(names)).toEqual({ 'issuing.card': 'Issuing_Card', issuing_card: 'IssuingCard', 'test_helpers.test_clock': 'TestHelpersTestClock' });
  });

  it('refuses two components on one name, and a component on a helper name', () => {
    expect(() => modelNames(['a_b', 'a__b'])).toThrow(/schema "a__b" and schema "a_b" both map to the model name AB|schema "a_b" and schema "a__b"/);
    expect(() => modelNames(['api_list'])).toThrow(/schema "api_list" and a helper type both map to the model name ApiList/);
  });
});

describe('descriptions', () => {
  it.each([
    [undefined, ''],
    ['  The customer\'s email address. ', "The customer's email address."],
    ['<p>Creates a customer.</p>', 'Creates a customer.'],
    ['<p>One.</p><p>Two.</p>', 'One.\n\nTwo.'],
  ])('%j → %j', (description, text) => {
    expect(descriptionText(description)).toBe(text);
  });

  it('one line stays on one line, several make a block, and */ cannot end the comment', () => {
    expect(jsdoc('Short.', '  ')).toBe('  /** Short. */\n');
    expect(jsdoc('One.\n\nTwo.', '  ')).toBe('  /**\n   * One.\n   *\n   * Two.\n   */\n');
    expect(jsdoc('a */ b', '')).toBe('/** a *\\/ b */\n');
    expect(jsdoc('', '')).toBe('');
  });
});

describe('type expressions', () => {
  it.each<[string, unknown[], string[]]>([
    ['one string stays exact', ['customer'], ["'customer'"]],
    ['several strings open', ['a', 'b'], ["'a'", "'b'", '(string & {})']],
    ['a boolean constant', [true], ['true']],
    ['quotes are escaped', ["it's"], ["'it\\'s'"]],
  ])('enum: %s', (_, values, members) => {
    expect(enumMembers(values)).toEqual(members);
  });

  it.each<[string, Schema, string]>([
    ['a nullable string', { type: 'string', nullable: true }, 'string | null'],
    ['an integer', { type: 'integer', format: 'unix-time' }, 'number'],
    ['an open enum, nullable', { type: 'string', enum: ['exempt', 'none'], nullable: true }, "'exempt' | 'none' | (string & {}) | null"],
    ['an expandable field', { anyOf: [{ type: 'string' }, ref('customer'), ref('deleted_customer')], nullable: true }, 'string | Customer | DeletedCustomer | null'],
    ['a single ref in anyOf', { anyOf: [ref('address')], nullable: true }, 'Address | null'],
    ['metadata', { type: 'object', additionalProperties: { type: 'string' } }, 'Record<string, string>'],
    ['an object with no fields', { type: 'object' }, 'Record<string, unknown>'],
    ['an array of a union', { type: 'array', items: { anyOf: [{ type: 'string' }, ref('tax_rate')] } }, '(string | TaxRate)[]'],
    ['a 3.1 type list', { type: ['string', 'null'] }, 'string | null'],
    ['a page', page(ref('tax_id')), 'ApiList<TaxId>'],
    ['a nullable page', { ...page(ref('card')), nullable: true }, 'ApiList<Card> | null'],
    ['an allOf', { allOf: [ref('a'), { anyOf: [ref('b'), ref('c')] }] }, 'A & (B | C)'],
    ['no type at all', {}, 'unknown'],
    ['single values from several enums open together', { anyOf: [{ type: 'string', enum: ['a'] }, { type: 'string', enum: ['b'] }] }, "'a' | 'b' | (string & {})"],
    ['an inline object', { type: 'object', properties: { x: { type: 'string', description: 'The x.' } }, required: ['x'] }, '{\n  /** The x. */\n  x: string;\n}'],
  ])('%s', (_, schema, type) => {
    expect(modelType(schema, ctx)).toBe(type);
  });

  it('a page is recognised only with exactly the generic fields', () => {
    expect(listShape(page(ref('x')))?.name).toBe('ApiList');
    expect(listShape(page(ref('x'), { total: { type: 'integer' } }))).toBeUndefined();
    expect(listShape({ ...page(ref('x')), required: ['data'] })).toBeUndefined();
    const search = page(ref('x'), { next_page: { type: 'string', nullable: true }, total_count: { type: 'integer' }, object: { type: 'string', enum: ['search_result'] } });
    expect(listShape(search)?.name).toBe('ApiSearchResult');
  });
});

const DOC: Document = {
  openapi: '3.0.0',
  info: { title: 'Stripe API', version: '1' },
  paths: {},
  components: {
    schemas: {
      customer: { type: 'object', properties: { id: { type: 'string' }, object: { type: 'string', enum: ['customer'] } }, required: ['id', 'object'] },
      deleted_customer: { type: 'object', properties: { deleted: { type: 'boolean', enum: [true] }, id: { type: 'string' } }, required: ['deleted', 'id'] },
      card: { type: 'object', properties: { id: { type: 'string' } } },
      source: { type: 'object', properties: { id: { type: 'string' } } },
      deleted_card: { type: 'object', properties: { deleted: { type: 'boolean', enum: [true] } } },
      payment_source: { anyOf: [ref('card'), ref('source')] },
      deleted_payment_source: { anyOf: [ref('deleted_card')] },
      address: { type: 'object', properties: { city: { type: 'string', nullable: true } } },
    },
  },
};

describe('the deleted marker', () => {
  it('goes on objects with a deleted counterpart and on objects a union puts beside one', () => {
    const all = new Set(Object.keys(DOC.components!.schemas!));
    const roots = [{ anyOf: [ref('payment_source'), ref('deleted_payment_source')] }];
    expect([...deletedMarkers(DOC, all, roots)].sort()).toEqual(['card', 'customer', 'source']);
    expect([...deletedMarkers(DOC, all)].sort()).toEqual(['card', 'customer']);
  });

  it('is written as an optional never among the fields in name order', () => {
    const code = emitModel('customer', DOC.components!.schemas!['customer']!, ctx, true);
    expect(code).toContain("export type Customer = {\n  /** Never set on a live object;");
    expect(code).toMatch(/deleted\?: never;\n {2}id: string;\n {2}object: 'customer';\n\};$/);
  });
});

describe('the models file', () => {
  it('names every component, unions as aliases, and indexes them by spec name', () => {
    const { code, names } = emitModelsFile(DOC, new Set(Object.keys(DOC.components!.schemas!)), []);
    expect(names.get('payment_source')).toBe('CustomerSource');
    expect(code).toContain('export type CustomerSource = Card | Source;');
    expect(code).toContain('export type ApiList<T> = {');
    expect(code).toContain("/** The `address` object of Stripe's API. */\nexport type Address = {\n  city?: string | null;\n};");
    expect(code).toMatch(/export type ModelsBySpecName = \{\n {2}address: Address;\n {2}card: Card;/);
  });

  it('refuses a reference to a component it has no model for', () => {
    const doc: Document = { ...DOC, components: { schemas: { a: { type: 'object', properties: { b: ref('b') } } } } };
    expect(() => emitModelsFile(doc, new Set(['a']), [])).toThrow(/schema "b" is referenced but has no model/);
  });
});

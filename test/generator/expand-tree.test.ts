// Which paths `expand` may name (scripts/lib/models/expand-tree.ts), on a small Stripe-like spec, and
// how the trees are written into operations.ts (scripts/lib/models/expand-code.ts).
import { describe, expect, it } from 'vitest';
import { expandTreeCode, expandTreeConsts } from '../../scripts/lib/models/expand-code.js';
import { EXPAND_DEPTH, expandPaths, expandTree, mergeTrees } from '../../scripts/lib/models/expand-tree.js';
import type { Document, Schema } from '../../scripts/lib/openapi.js';

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const id = (...targets: string[]): Schema => ({ anyOf: [{ type: 'string' }, ...targets.map(ref)], nullable: true });
const page = (items: Schema, object = 'list'): Schema => ({
  type: 'object',
  properties: { data: { type: 'array', items }, has_more: { type: 'boolean' }, object: { type: 'string', enum: [object] }, url: { type: 'string' } },
  required: ['data', 'has_more', 'object', 'url'],
  'x-expandableFields': ['data'],
});
const object = (kind: string, properties: Record<string, Schema>, expandable: string[], extra: Schema = {}): Schema => ({
  type: 'object',
  properties: { object: { type: 'string', enum: [kind] }, ...properties },
  required: ['object'],
  'x-expandableFields': expandable,
  ...extra,
});

const searchPage: Schema = { ...page(ref('tax_id'), 'search_result') };
searchPage.properties = { ...searchPage.properties, total_count: { type: 'integer' }, next_page: { type: 'string', nullable: true } };

const DOC: Document = {
  openapi: '3.0.0',
  info: { title: 't', version: '1' },
  paths: {},
  components: {
    schemas: {
      customer: object(
        'customer',
        {
          address: { anyOf: [ref('address')], nullable: true },
          cash_balance: { anyOf: [ref('cash_balance')], nullable: true },
          default_source: id('card'),
          invoice_settings: ref('invoice_settings'),
          tax: ref('customer_tax'),
          tax_ids: page(ref('tax_id')),
          invoice_credit_balance: { type: 'object', additionalProperties: { type: 'integer' } },
        },
        ['address', 'cash_balance', 'default_source', 'invoice_settings', 'tax', 'tax_ids'],
        { 'x-resourceId': 'customer' },
      ),
      address: object('address', { city: { type: 'string' } }, []),
      cash_balance: object('cash_balance', { settings: ref('settings') }, ['settings'], { 'x-resourceId': 'cash_balance' }),
      settings: { type: 'object', properties: { mode: { type: 'string' } }, 'x-expandableFields': [] },
      card: object('card', { customer: id('customer'), owner: ref('owner') }, ['customer', 'owner'], { 'x-resourceId': 'card' }),
      owner: { type: 'object', properties: { account: id('account') }, 'x-expandableFields': ['account'] },
      account: object('account', {}, [], { 'x-resourceId': 'account' }),
      invoice_settings: { type: 'object', properties: { default_payment_method: id('payment_method') }, 'x-expandableFields': ['default_payment_method'] },
      payment_method: object('payment_method', { customer: id('customer') }, ['customer'], { 'x-resourceId': 'payment_method' }),
      customer_tax: { type: 'object', properties: { location: ref('address') }, 'x-expandableFields': ['location'] },
      tax_id: object('tax_id', { customer: id('customer') }, ['customer'], { 'x-resourceId': 'tax_id' }),
    },
  },
};

describe('expandTree', () => {
  it('a customer, two fields deep', () => {
    expect(EXPAND_DEPTH).toBe(2);
    expect(expandTree(DOC, ref('customer'))).toEqual({
      cash_balance: 0,
      default_source: { customer: 1, owner: [1] },
      invoice_credit_balance: 0,
      invoice_settings: [{ default_payment_method: 1 }],
      tax: 0,
      tax_ids: { data: [{ customer: 1 }] },
    });
  });

  it('lists every path, and where deeper paths are left to Stripe', () => {
    expect(expandPaths(expandTree(DOC, ref('customer')))).toEqual([
      'cash_balance',
      'default_source',
      'default_source.customer',
      'default_source.customer.*',
      'default_source.owner.*',
      'invoice_credit_balance',
      'invoice_settings.default_payment_method',
      'invoice_settings.default_payment_method.*',
      'tax',
      'tax_ids',
      'tax_ids.data.customer',
      'tax_ids.data.customer.*',
    ]);
  });

  it.each<[string, Schema, number, unknown]>([
    ['a page expands through data without counting a level', page(ref('tax_id')), 1, { data: [{ customer: 1 }] }],
    ['search results add total_count, which Stripe includes only on request', searchPage, 1, { data: [{ customer: 1 }], total_count: 0 }],
    ['one level: fields that expand further end in 1', ref('card'), 1, { customer: 1, owner: [1] }],
    ['a union merges what each member allows', { anyOf: [ref('tax_id'), ref('payment_method')] }, 1, { customer: 1 }],
    ['nothing expands on an account', ref('account'), 2, {}],
    ['no response', undefined as unknown as Schema, 2, {}],
  ])('%s', (_, schema, levels, tree) => {
    expect(expandTree(DOC, schema, levels)).toEqual(tree);
  });

  it('merging keeps every path either tree allows', () => {
    expect(mergeTrees({ a: 0, b: [{ c: 0 }], d: { e: 0 } }, { a: { x: 1 }, b: { c: 1 }, d: 1, f: 0 })).toEqual({
      a: { x: 1 },
      b: { c: 1 },
      d: 1,
      f: 0,
    });
  });
});

describe('writing the trees', () => {
  it('as an object literal, shared trees by name', () => {
    expect(expandTreeCode({ a: 0, 'b-c': [{ d: 1 }] })).toBe('{ a: 0, "b-c": [{ d: 1 }] }');
    expect(expandTreeCode({ data: [{ x: 0 }] }, new Map([['{"x":0}', 'X']]))).toBe('{ data: [X] }');
    expect(expandTreeCode({})).toBe('{}');
  });

  it('one const per distinct tree, named by its first operation, smaller ones first', () => {
    const item = { customer: 1 as const };
    const { consts, byOperation } = expandTreeConsts([
      { id: 'GetTaxIds', tree: { data: [item] } },
      { id: 'PostTaxIds', tree: item },
      { id: 'GetTaxId', tree: item },
    ]);
    expect(Object.fromEntries(byOperation)).toEqual({ GetTaxIds: 'GetTaxIdsExpandable', PostTaxIds: 'PostTaxIdsExpandable', GetTaxId: 'PostTaxIdsExpandable' });
    expect(consts).toEqual([
      '/**\n * The paths `expand` may name in PostTaxIds, GetTaxId.\n */\nconst PostTaxIdsExpandable = { customer: 1 } as const;',
      '/**\n * The paths `expand` may name in GetTaxIds.\n */\nconst GetTaxIdsExpandable = { data: [PostTaxIdsExpandable] } as const;',
    ]);
  });
});

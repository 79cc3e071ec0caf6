// The run-time expand check on its own (src/validation/expand-paths.ts), on a small tree, and on
// the generated table: every operation has its tree, and the trees allow what the wire test sends.
import { describe, expect, it } from 'vitest';
import { operations } from '../../src/index.js';
import { expandIssues, expandPathProblem, type ExpandTree } from '../../src/validation/expand-paths.js';

const TREE: ExpandTree = {
  default_source: { customer: 1, account: 0 },
  invoice_settings: [{ default_payment_method: 1 }],
  tax: 0,
  sources: { data: [{ customer: 1 }] },
};

describe('expandPathProblem', () => {
  it.each<[string, string | undefined]>([
    ['default_source', undefined],
    ['default_source.customer', undefined],
    ['default_source.customer.test_clock.anything', undefined],
    ['invoice_settings.default_payment_method', undefined],
    ['sources', undefined],
    ['sources.data.customer', undefined],
    ['tax', undefined],
    ['default_sauce', '"default_sauce" is not expandable here; expandable: default_source, invoice_settings.default_payment_method, tax, sources'],
    ['default_source.custmer', '"default_source.custmer" is not expandable here; expandable under default_source: customer, account'],
    ['default_source.account.owner', '"default_source.account.owner" is not expandable here; nothing under default_source.account expands'],
    ['invoice_settings', '"invoice_settings" is not expandable itself; expandable under it: default_payment_method'],
    ['sources.data', '"sources.data" is not expandable itself; expandable under it: customer'],
    ['tax.location', '"tax.location" is not expandable here; nothing under tax expands'],
    ['', '"" is not expandable here; expandable: default_source, invoice_settings.default_payment_method, tax, sources'],
    ['__proto__', '"__proto__" is not expandable here; expandable: default_source, invoice_settings.default_payment_method, tax, sources'],
  ])('%s', (path, problem) => {
    expect(expandPathProblem(TREE, path)).toBe(problem);
  });

  it('an empty tree allows nothing', () => {
    expect(expandPathProblem({}, 'settings')).toBe('"settings" is not expandable here; nothing expands');
  });
});

describe('expandIssues', () => {
  it('one issue per refused entry, at its index', () => {
    const issues = expandIssues(TREE, { expand: ['tax', 'nope', 'default_source.customer', 'tax.x'] });
    expect(issues.map((i) => [i.field, i.code])).toEqual([
      ['expand[1]', 'custom'],
      ['expand[3]', 'custom'],
    ]);
  });

  it.each<[string, unknown]>([
    ['no params', undefined],
    ['no expand', { email: 'a@b.c' }],
    ['expand that is not a list', { expand: 'default_sauce' }],
    ['entries that are not strings', { expand: [1, null] }],
  ])('leaves %s to the params schema', (_, params) => {
    expect(expandIssues(TREE, params)).toEqual([]);
  });

  it('checks nothing when the operation has no tree', () => {
    expect(expandIssues(undefined, { expand: ['anything'] })).toEqual([]);
  });
});

describe('the generated trees', () => {
  it('every operation has one', () => {
    for (const op of Object.values(operations)) expect(op.expandable, op.id).toBeTypeOf('object');
  });

  it.each<[keyof typeof operations, string[], string[]]>([
    ['GetCustomersCustomer', ['default_source', 'invoice_settings.default_payment_method', 'tax_ids', 'discount.promotion_code'], ['address', 'email']],
    ['GetCustomers', ['data.default_source', 'data.sources.data.customer'], ['data', 'default_source']],
    ['GetCustomersSearch', ['total_count', 'data.test_clock'], ['next_page']],
    ['GetCustomersCustomerTaxIdsId', ['customer', 'owner.customer'], ['owner', 'verification']],
    ['DeleteCustomersCustomer', [], ['deleted', 'id']],
  ])('%s', (id, allowed, refused) => {
    const tree = operations[id].expandable as ExpandTree;
    for (const path of allowed) expect(expandPathProblem(tree, path), path).toBeUndefined();
    for (const path of refused) expect(expandPathProblem(tree, path), path).toBeTypeOf('string');
  });
});

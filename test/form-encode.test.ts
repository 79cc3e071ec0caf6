import { describe, expect, it } from 'vitest';
import { StripeError, StripeValidationError } from '../src/errors/errors.js';
import { encodeForm } from '../src/wire/form-encode.js';

// Examples follow Stripe's wire format: docs/stripe-wire.md#form-encoding.

/** An object whose own `__proto__` key is data, as JSON.parse would build it. */
const protoKey = JSON.parse('{"__proto__":{"polluted":"1"},"name":"x"}') as object;

const cases: [string, { given: object; want: string }][] = [
  ['writes flat strings as key=value pairs joined with &', { given: { name: 'Jenny', email: 'j@example.com' }, want: 'name=Jenny&email=j%40example.com' }],
  ['writes an empty params object as the empty string', { given: {}, want: '' }],
  ['nests objects with brackets', { given: { address: { city: 'Paris', line1: '1 Rue' } }, want: 'address[city]=Paris&address[line1]=1%20Rue' }],
  [
    'nests objects three deep',
    {
      given: { invoice_settings: { rendering_options: { amount_tax_display: 'exclude_tax' } } },
      want: 'invoice_settings[rendering_options][amount_tax_display]=exclude_tax',
    },
  ],
  ['indexes arrays of strings from 0', { given: { preferred_locales: ['en', 'fr'] }, want: 'preferred_locales[0]=en&preferred_locales[1]=fr' }],
  [
    'indexes arrays of objects and nests their keys',
    {
      given: { tax_id_data: [{ type: 'eu_vat', value: 'DE123' }, { type: 'us_ein', value: '12-3' }] },
      want: 'tax_id_data[0][type]=eu_vat&tax_id_data[0][value]=DE123&tax_id_data[1][type]=us_ein&tax_id_data[1][value]=12-3',
    },
  ],
  ['encodes expand like any other array', { given: { expand: ['default_source', 'tax_ids'] }, want: 'expand[0]=default_source&expand[1]=tax_ids' }],
  ['writes metadata as a string map', { given: { metadata: { order_id: '6735', '0': 'zero' } }, want: 'metadata[0]=zero&metadata[order_id]=6735' }],
  ['sends metadata= to clear all metadata', { given: { metadata: '' }, want: 'metadata=' }],
  ['sends address= to unset the address', { given: { address: '' }, want: 'address=' }],
  ['sends metadata[k]= to delete one metadata key', { given: { metadata: { k: '' } }, want: 'metadata[k]=' }],
  ['sends an empty string inside an array', { given: { expand: [''] }, want: 'expand[0]=' }],
  ['omits undefined and null values', { given: { a: undefined, b: null, c: 'x', d: { e: null } }, want: 'c=x' }],
  ['writes booleans as true and false', { given: { validate: true, other: false }, want: 'validate=true&other=false' }],
  ['writes integers in decimal', { given: { balance: 1500, zero: 0 }, want: 'balance=1500&zero=0' }],
  ['writes negative and decimal numbers', { given: { balance: -250, rate: 0.075, big: 1e21 }, want: 'balance=-250&rate=0.075&big=1e%2B21' }],
  ['writes -0 as 0', { given: { n: -0 }, want: 'n=0' }],
  ['writes bigints in decimal', { given: { n: 9007199254740993n }, want: 'n=9007199254740993' }],
  ['percent-encodes unicode as UTF-8', { given: { name: 'Zoé 漢字 😀' }, want: 'name=Zo%C3%A9%20%E6%BC%A2%E5%AD%97%20%F0%9F%98%80' }],
  ['percent-encodes reserved characters in values', { given: { v: '&=[]%+#?/' }, want: 'v=%26%3D%5B%5D%25%2B%23%3F%2F' }],
  ['writes a space as %20, never +', { given: { name: 'a b' }, want: 'name=a%20b' }],
  ['percent-encodes keys, keeping structural brackets raw', { given: { metadata: { 'order id&x': '1' } }, want: 'metadata[order%20id%26x]=1' }],
  ['omits empty arrays', { given: { expand: [], name: 'x' }, want: 'name=x' }],
  ['omits empty objects', { given: { metadata: {}, address: { line1: undefined } }, want: '' }],
  [
    'skips array elements that send nothing and renumbers the rest',
    { given: { items: [null, {}, 'a', undefined, 'b'] }, want: 'items[0]=a&items[1]=b' },
  ],
  ['sends an own __proto__ key as data', { given: protoKey, want: '__proto__[polluted]=1&name=x' }],
  ['sends constructor and toString keys as data', { given: { metadata: { constructor: 'c', toString: 't' } }, want: 'metadata[constructor]=c&metadata[toString]=t' }],
  ['keeps key insertion order', { given: { zeta: '1', alpha: '2', mid: { b: '3', a: '4' } }, want: 'zeta=1&alpha=2&mid[b]=3&mid[a]=4' }],
  ['accepts objects with a null prototype', { given: Object.assign(Object.create(null) as object, { a: 'b' }), want: 'a=b' }],
  ['encodes the same object twice when it is shared, not circular', { given: sharedTwice(), want: 'a[k]=v&b[k]=v' }],
];

function sharedTwice(): object {
  const shared = { k: 'v' };
  return { a: shared, b: shared };
}

describe('encodeForm', () => {
  it.each(cases)('%s', (_name, { given, want }) => {
    expect(encodeForm(given)).toBe(want);
  });
});

class Money {
  constructor(readonly amount: number) {}
}

function circular(): object {
  const node: Record<string, unknown> = { name: 'x' };
  node['self'] = node;
  return { root: node };
}

function circularArray(): object {
  const list: unknown[] = ['a'];
  list.push(list);
  return { list };
}

const refusals: [string, { given: object; want: { field: string; message: string }[] }][] = [
  ['refuses NaN', { given: { balance: Number.NaN }, want: [{ field: 'balance', message: 'must be a finite number' }] }],
  ['refuses Infinity', { given: { a: { b: -Infinity } }, want: [{ field: 'a.b', message: 'must be a finite number' }] }],
  ['refuses a key containing [', { given: { metadata: { 'a[b': 'x' } }, want: [{ field: 'metadata["a[b"]', message: 'key cannot contain "[" or "]"' }] }],
  ['refuses a key containing ]', { given: { 'a]': 'x' }, want: [{ field: '["a]"]', message: 'key cannot contain "[" or "]"' }] }],
  ['refuses an empty key', { given: { metadata: { '': 'x' } }, want: [{ field: 'metadata[""]', message: 'key cannot be empty' }] }],
  ['refuses a Date', { given: { created: new Date(0) }, want: [{ field: 'created', message: 'unsupported value of type Date' }] }],
  ['refuses a Map', { given: { metadata: new Map() }, want: [{ field: 'metadata', message: 'unsupported value of type Map' }] }],
  ['refuses a function', { given: { f: () => 1 }, want: [{ field: 'f', message: 'unsupported value of type function' }] }],
  ['refuses a symbol', { given: { s: Symbol('s') }, want: [{ field: 's', message: 'unsupported value of type symbol' }] }],
  ['refuses a class instance', { given: { price: new Money(5) }, want: [{ field: 'price', message: 'unsupported value of type Money' }] }],
  ['refuses a top-level array', { given: ['a'], want: [{ field: '(params)', message: 'unsupported value of type Array' }] }],
  ['refuses an object that contains itself', { given: circular(), want: [{ field: 'root.self', message: 'circular reference' }] }],
  ['refuses an array that contains itself', { given: circularArray(), want: [{ field: 'list[1]', message: 'circular reference' }] }],
  ['refuses a string with a lone surrogate', { given: { name: 'a\uD800' }, want: [{ field: 'name', message: 'must be well-formed Unicode (no lone surrogates)' }] }],
  [
    'reports every problem at once, with array indexes in the path',
    {
      given: { balance: Infinity, items: [{ at: new Date(0) }, { ok: 'x' }, { n: Number.NaN }], metadata: { '': 'x', 'b]': 'y' } },
      want: [
        { field: 'balance', message: 'must be a finite number' },
        { field: 'items[0].at', message: 'unsupported value of type Date' },
        { field: 'items[2].n', message: 'must be a finite number' },
        { field: 'metadata[""]', message: 'key cannot be empty' },
        { field: 'metadata["b]"]', message: 'key cannot contain "[" or "]"' },
      ],
    },
  ],
];

describe('encodeForm refusals', () => {
  it.each(refusals)('%s', (_name, { given, want }) => {
    let thrown: unknown;
    try {
      encodeForm(given);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(StripeValidationError);
    expect(thrown).toBeInstanceOf(StripeError);
    const issues = (thrown as StripeValidationError).issues;
    expect(issues.map(({ field, message }) => ({ field, message }))).toEqual(want);
  });

  it('gives each issue its path as segments, numbers for array indexes', () => {
    expect(() => encodeForm({ items: [{ n: Number.NaN }] })).toThrowError(
      expect.objectContaining({ issues: [{ code: 'custom', path: ['items', 0, 'n'], field: 'items[0].n', message: 'must be a finite number' }] }),
    );
  });

  it('names the field and the rule in the message', () => {
    expect(() => encodeForm({ balance: Number.NaN })).toThrowError(/balance: must be a finite number/);
  });
});

// The small pure transforms behind the reference pages (scripts/lib/docs/): Type and Notes cells per
// schema kind, the seed-000 table shape, prose clean-up, the readonly rule and the example values.
import { describe, expect, it } from 'vitest';
import { exampleId, exampleValue, resultName, tsLiteral } from '../../scripts/lib/docs/examples.js';
import { cell, table } from '../../scripts/lib/docs/markdown.js';
import { displayName, notesFor, typeText, type LinkContext, type PropertyFacts } from '../../scripts/lib/docs/schema-cells.js';
import { absoluteLinks, firstSentence, plainText } from '../../scripts/lib/docs/text.js';
import { responseOnly } from '../../scripts/lib/emit-docs.js';
import type { Document, Schema } from '../../scripts/lib/openapi.js';
import { selectOperations } from '../../scripts/lib/select.js';

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });

describe('Type and Notes cells', () => {
  const ctx: LinkContext = { models: new Map([['customer', 'customer.md'], ['card', 'card.md']]), modelsDir: '' };
  const optional: PropertyFacts = { required: false, expandable: false, readonly: false };
  type Case = [string, { given: Schema; facts?: PropertyFacts; want: { type: string; notes: string } }];
  const cases: Case[] = [
    ['string, required', { given: { type: 'string' }, facts: { ...optional, required: true }, want: { type: '**string**', notes: '' } }],
    ['integer, optional', { given: { type: 'integer' }, want: { type: '**integer**', notes: '[optional]' } }],
    ['response-only: readonly', { given: { type: 'integer' }, facts: { ...optional, readonly: true }, want: { type: '**integer**', notes: '[optional], [readonly]' } }],
    ['readOnly in the schema', { given: { type: 'integer', readOnly: true } as Schema, want: { type: '**integer**', notes: '[optional], [readonly]' } }],
    ['unix-time is a type, not a note', { given: { type: 'integer', format: 'unix-time' }, want: { type: '**unix time**', notes: '[optional]' } }],
    ['other formats are notes', { given: { type: 'string', format: 'decimal' }, want: { type: '**string**', notes: '[optional], format decimal' } }],
    ['number or boolean', { given: { type: ['number', 'boolean'] }, want: { type: '**number** or **boolean**', notes: '[optional]' } }],
    ['nullable string with maxLength', { given: { type: 'string', nullable: true, maxLength: 5000 }, want: { type: '**string**', notes: '[optional], nullable, max length 5000' } }],
    ['3.1 null in the type list', { given: { type: ['string', 'null'] }, want: { type: '**string**', notes: '[optional], nullable' } }],
    ['range', { given: { type: 'integer', minimum: 1, maximum: 100 }, want: { type: '**integer**', notes: '[optional], minimum 1, maximum 100' } }],
    ['$ref with a page links to it', { given: ref('customer'), want: { type: '[**Customer**](customer.md)', notes: '[optional]' } }],
    ['$ref without a page is a bold name', { given: ref('charge'), want: { type: '**Charge**', notes: '[optional]' } }],
    ['single-member anyOf is the member', { given: { anyOf: [ref('customer')], nullable: true }, want: { type: '[**Customer**](customer.md)', notes: '[optional], nullable' } }],
    [
      'expandable field: id or object',
      {
        given: { anyOf: [{ type: 'string', maxLength: 5000 }, ref('customer')], nullable: true },
        facts: { required: false, expandable: true, readonly: true },
        want: { type: '**string** or [**Customer**](customer.md)', notes: '[optional], [readonly], nullable, expandable' },
      },
    ],
    ['oneOf', { given: { oneOf: [ref('card'), ref('customer')] }, want: { type: '[**Card**](card.md) or [**Customer**](customer.md)', notes: '[optional]' } }],
    ['null member of a union means nullable', { given: { anyOf: [{ type: 'string' }, { type: 'null' }] }, want: { type: '**string**', notes: '[optional], nullable' } }],
    ['enum', { given: { type: 'string', enum: ['exempt', 'none', 'reverse'] }, want: { type: '**string** (`exempt`, `none`, `reverse`)', notes: '[optional]' } }],
    ['enum with the empty string', { given: { type: 'string', enum: [''] }, want: { type: '**string** (`""`)', notes: '[optional]' } }],
    ['enum with null', { given: { type: 'string', enum: ['a', null] }, want: { type: '**string** (`a`)', notes: '[optional], nullable' } }],
    ['list of a model links the model', { given: { type: 'array', items: ref('card') }, want: { type: '[**list[Card]**](card.md)', notes: '[optional]' } }],
    ['list of a scalar', { given: { type: 'array', items: { type: 'string' } }, want: { type: '**list[string]**', notes: '[optional]' } }],
    ['list of a union is grouped', { given: { type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'integer' }] } }, want: { type: '**list** of (**string** or **integer**)', notes: '[optional]' } }],
    ['list without items', { given: { type: 'array', maxItems: 3 }, want: { type: '**list**', notes: '[optional], max items 3' } }],
    ['map of a scalar', { given: { type: 'object', additionalProperties: { type: 'string', maxLength: 500 } }, want: { type: '**dict(string, string)**', notes: '[optional]' } }],
    ['map of a model', { given: { type: 'object', additionalProperties: ref('card') }, want: { type: '[**dict(string, Card)**](card.md)', notes: '[optional]' } }],
    [
      'Stripe list object: what it pages',
      { given: { type: 'object', properties: { object: { type: 'string', enum: ['list'] }, data: { type: 'array', items: ref('card') } } }, want: { type: '**list** of [**Card**](card.md)', notes: '[optional], keys: `object` `data`' } },
    ],
    [
      'inline object lists its keys',
      { given: { type: 'object', properties: { city: { type: 'string' }, country: { type: 'string' } } }, want: { type: '**object**', notes: '[optional], keys: `city` `country`' } },
    ],
    [
      'Stripe emptyable object: object or ""',
      {
        given: { anyOf: [{ type: 'object', properties: { line1: { type: 'string' } } }, { type: 'string', enum: [''] }] },
        want: { type: '**object** or **string** (`""`)', notes: '[optional], keys: `line1`' },
      },
    ],
    ['allOf', { given: { allOf: [ref('card'), ref('customer')] }, want: { type: '[**Card**](card.md) and [**Customer**](customer.md)', notes: '[optional]' } }],
    ['no type at all', { given: { description: 'anything' }, want: { type: '**any**', notes: '[optional]' } }],
  ];

  it.each(cases)('%s', (_, { given, facts = optional, want }) => {
    expect({ type: typeText(given, ctx), notes: notesFor(given, facts) }).toEqual(want);
  });

  it('links from another folder through modelsDir', () => {
    expect(typeText(ref('card'), { ...ctx, modelsDir: '../models/' })).toBe('[**Card**](../models/card.md)');
  });

  it.each([
    ['customer', 'Customer'],
    ['payment_method_card', 'PaymentMethodCard'],
    ['test_helpers.test_clock', 'TestHelpers.TestClock'],
    ['3d_secure', '3dSecure'],
  ])('names %s as %s', (name, want) => expect(displayName(name)).toBe(want));
});

describe('Markdown', () => {
  it.each([
    ['a pipe', 'a | b', 'a \\| b'],
    ['a pipe in a code span', '`a|b`', '`a\\|b`'],
    ['newlines', 'one\ntwo\r\nthree', 'one<br>two<br>three'],
  ])('a cell escapes %s', (_, given, want) => expect(cell(given)).toBe(want));

  it("draws tables as openapi-generator's docs do, with no trailing whitespace", () => {
    expect(table(['Name', 'Type', 'Description', 'Notes'], [['**id**', '**string**', '', '']])).toBe(
      ['Name | Type | Description | Notes', '------------ | ------------- | ------------- | -------------', '**id** | **string** |  |'].join('\n'),
    );
  });

  it.each([
    ['Stripe API path', 'see [metadata](/api/metadata).', 'see [metadata](https://stripe.com/docs/api/metadata).'],
    ['docs path kept once', '[guide](/docs/currencies#min)', '[guide](https://stripe.com/docs/currencies#min)'],
    ['HTML link', '<a href="/docs/search">x</a>', '<a href="https://stripe.com/docs/search">x</a>'],
    ['absolute and anchors untouched', '[a](https://x.test/p) [b](#here) [c](//cdn.test/x)', '[a](https://x.test/p) [b](#here) [c](//cdn.test/x)'],
  ])('absoluteLinks: %s', (_, given, want) => expect(absoluteLinks(given)).toBe(want));

  it.each([
    ['paragraphs', '<p>One.</p><p>Two.</p>', 'One. Two.'],
    ['inline tags leave no gap', 'Use <a href="/x">Search</a>.', 'Use Search.'],
    ['entities', 'a &amp; b &lt;c&gt;', 'a & b <c>'],
  ])('plainText: %s', (_, given, want) => expect(plainText(given)).toBe(want));

  it.each([
    ['two sentences', 'Returns a list. Sorted by date.', 'Returns a list.'],
    ['one without a stop', 'Retrieves a customer', 'Retrieves a customer'],
    ['a dot inside a word', 'Set tax_id.value first. Then go.', 'Set tax_id.value first.'],
  ])('firstSentence: %s', (_, given, want) => expect(firstSentence(given)).toBe(want));
});

describe('the readonly rule: components no request reaches', () => {
  const doc: Document = {
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths: {
      '/v1/things': {
        post: {
          operationId: 'PostThings',
          requestBody: { content: { 'application/x-www-form-urlencoded': { schema: { type: 'object', properties: { address: ref('address') } } } } },
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: ref('thing') } } } },
        },
      },
    },
    components: {
      schemas: {
        address: { type: 'object', properties: { city: { type: 'string' } } },
        thing: { type: 'object', properties: { address: ref('address'), owner: ref('owner') } },
        owner: { type: 'object', properties: { id: { type: 'string' } } },
      },
    },
  };

  it('marks what only responses reach, not what a body reaches', () => {
    const ops = selectOperations(doc, []);
    expect([...responseOnly(doc, ops, ['address', 'owner', 'thing'])].sort()).toEqual(['owner', 'thing']);
  });
});

describe('examples', () => {
  it.each([
    ['/v1/customers/{customer}', 'customer', 'cus_NffrFeUfNV2Hib'],
    ['/v1/customers/{customer}/tax_ids/{id}', 'id', 'txi_1MrFLtLkdIwHu7ixzVWvqdC5'],
    ['/v1/customers/{customer}/cards/{id}', 'id', 'card_1MrFLtLkdIwHu7ixzVWvqdC5'],
    ['/v1/customers/{customer}/bank_accounts/{id}', 'id', 'ba_1MrFLtLkdIwHu7ixzVWvqdC5'],
    ['/v1/customers/{customer}/sources/{id}/verify', 'id', 'src_1MrFLtLkdIwHu7ixzVWvqdC5'],
    ['/v1/customers/{customer}/balance_transactions/{transaction}', 'transaction', 'cbtxn_1MrFLtLkdIwHu7ixzVWvqdC5'],
    ['/v1/customers/{customer}/cash_balance_transactions/{transaction}', 'transaction', 'ccsbtxn_1MrFLtLkdIwHu7ixzVWvqdC5'],
    ['/v1/customers/{customer}/payment_methods/{payment_method}', 'payment_method', 'pm_1MrFLtLkdIwHu7ixzVWvqdC5'],
    ['/v1/customers/{customer}/subscriptions/{subscription_exposed_id}', 'subscription_exposed_id', 'sub_1MrFLtLkdIwHu7ixzVWvqdC5'],
    ['/v1/widgets/{widget}', 'widget', 'widget_1MrFLtLkdIwHu7ixzVWvqdC5'],
  ])('%s: {%s} is %s', (path, param, want) => expect(exampleId(path, param)).toBe(want));

  const doc: Document = { openapi: '3.0.0', info: { title: 't', version: '1' }, paths: {}, components: { schemas: { loc: { type: 'string', enum: ['x', 'y'] } } } };
  it.each<[string, Schema, string, unknown]>([
    ['enum: first value', { type: 'string', enum: ['ad_nrt', 'ae_trn'] }, 'type', 'ad_nrt'],
    ['string by name', { type: 'string' }, 'currency', 'usd'],
    ['any other string', { type: 'string' }, 'value', 'example'],
    ['integer by name', { type: 'integer' }, 'amount', 1000],
    ['integer minimum', { type: 'integer', minimum: 5 }, 'count', 5],
    ['the spec example wins', { type: 'string', example: 'from spec' } as Schema, 'email', 'from spec'],
    ['the spec default', { type: 'integer', default: 7 } as Schema, 'n', 7],
    ['emptyable: not the ""', { anyOf: [{ type: 'string', enum: [''] }, { type: 'integer' }] }, 'n', 1],
    ['through a $ref', ref('loc'), 'loc', 'x'],
    [
      'object: required keys only, recursively',
      { type: 'object', required: ['bank_transfer'], properties: { bank_transfer: { type: 'object', required: ['type'], properties: { type: { type: 'string', enum: ['eu'] }, note: { type: 'string' } } }, other: { type: 'string' } } },
      'body',
      { bank_transfer: { type: 'eu' } },
    ],
    ['array: one item', { type: 'array', items: { type: 'boolean' } }, 'flags', [true]],
  ])('exampleValue: %s', (_, schema, name, want) => expect(exampleValue(doc, schema, name)).toEqual(want));

  it('writes values as TypeScript source', () => {
    expect(tsLiteral({ type: 'eu_vat', 'odd-key': [1, true], query: "a:'b'" })).toBe(`{ type: 'eu_vat', 'odd-key': [1, true], query: "a:'b'" }`);
    expect(tsLiteral({})).toBe('{}');
  });

  it.each<[string, 'list' | 'search' | null, string]>([
    ['retrieve', null, 'customer'],
    ['createTaxId', null, 'taxId'],
    ['listTaxIds', 'list', 'taxId'],
    ['search', 'search', 'customer'],
    ['del', null, 'deleted'],
    ['deleteDiscount', null, 'deleted'],
    ['createFundingInstructions', null, 'fundingInstructions'],
  ])('names the result of %s', (name, paging, want) => expect(resultName({ name, paging }, 'Customer')).toBe(want));
});

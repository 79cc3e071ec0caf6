import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { z as mini } from 'zod/mini';
import { StripeValidationError } from '../src/errors/errors.js';
import { decodeForm, parseForm } from '../src/wire/form-decode.js';
import { shapeBySchema } from '../src/wire/form-shape.js';

/** An object literal with an own `__proto__` key, which `{ __proto__: x }` syntax cannot write. */
const withProto = (value: unknown, rest: object = {}): object =>
  Object.defineProperty({ ...rest }, '__proto__', { value, enumerable: true, writable: true, configurable: true });

const parses: [string, { given: string; want: unknown }][] = [
  ['reads flat pairs', { given: 'name=Jenny&email=j%40example.com', want: { name: 'Jenny', email: 'j@example.com' } }],
  ['reads the empty body as no params', { given: '', want: {} }],
  ['skips empty pieces between &', { given: '&a=1&&b=2&', want: { a: '1', b: '2' } }],
  ['reads a key without = as the empty string', { given: 'metadata&a=', want: { metadata: '', a: '' } }],
  ['splits at the first = only', { given: 'a=b=c', want: { a: 'b=c' } }],
  ['reads + as a space', { given: 'name=Jenny+Rosen', want: { name: 'Jenny Rosen' } }],
  ['reads %2B as a plus sign', { given: 'phone=%2B33', want: { phone: '+33' } }],
  ['reads %20 as a space', { given: 'a%20b=c%20d', want: { 'a b': 'c d' } }],
  ['decodes UTF-8 escapes', { given: 'name=Zo%C3%A9%20%E6%BC%A2%20%F0%9F%98%80', want: { name: 'Zoé 漢 😀' } }],
  ['nests raw brackets', { given: 'address[city]=Paris&address[line1]=1', want: { address: { city: 'Paris', line1: '1' } } }],
  ['nests %5B/%5D-encoded brackets the same way', { given: 'address%5Bcity%5D=Paris', want: { address: { city: 'Paris' } } }],
  ['nests three deep', { given: 'a[b][c]=v', want: { a: { b: { c: 'v' } } } }],
  ['keeps index segments as object keys', { given: 'expand[0]=x&expand[1]=y', want: { expand: { '0': 'x', '1': 'y' } } }],
  ['keeps numeric metadata keys as object keys', { given: 'metadata[0]=x', want: { metadata: { '0': 'x' } } }],
  ['pushes terminal [] values onto an array', { given: 'expand[]=a&expand[]=b', want: { expand: ['a', 'b'] } }],
  [
    'groups non-terminal [] keys into objects the way Rack does',
    { given: 'a[][x]=1&a[][y]=2&a[][x]=3', want: { a: [{ x: '1', y: '2' }, { x: '3' }] } },
  ],
  ['starts a new element when the last one has that nested key path', { given: 'a[][b][c]=1&a[][b][d]=2&a[][b][c]=3', want: { a: [{ b: { c: '1', d: '2' } }, { b: { c: '3' } }] } }],
  ['lets the later value win for a repeated key', { given: 'name=a&name=b', want: { name: 'b' } }],
  ['lets the later value win for a repeated nested key', { given: 'm[k]=a&m[j]=c&m[k]=b', want: { m: { k: 'b', j: 'c' } } }],
  ['reads __proto__ as an own data key', { given: '__proto__[polluted]=1', want: withProto({ polluted: '1' }) }],
  ['reads __proto__ as a nested own data key', { given: 'metadata[__proto__]=x&metadata[a]=y', want: { metadata: withProto('x', { a: 'y' }) } }],
  ['reads constructor and prototype as ordinary keys', { given: 'constructor[prototype][x]=1&toString=2', want: { constructor: { prototype: { x: '1' } }, toString: '2' } }],
  ['reads a ] outside brackets as part of the name', { given: 'a]=1', want: { 'a]': '1' } }],
];

describe('parseForm', () => {
  it.each(parses)('%s', (_name, { given, want }) => {
    expect(parseForm(given)).toEqual(want);
  });

  it('never writes to Object.prototype', () => {
    parseForm('__proto__[polluted]=1&a[__proto__][polluted]=1&constructor[prototype][polluted]=1&b[][__proto__][polluted]=1');
    expect(({} as Record<string, unknown>)['polluted']).toBe(undefined);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('gives a __proto__ key no power over the result prototype', () => {
    const result = parseForm('__proto__[polluted]=1');
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.keys(result)).toEqual(['__proto__']);
  });
});

const refusals: [string, { given: string; want: { field: string; message: string }[] }][] = [
  ['refuses a truncated escape in a value', { given: 'a[b]=%E6%BC', want: [{ field: 'a.b', message: 'malformed percent-encoding' }] }],
  ['refuses a bad escape in a key', { given: 'a%ZZ=1', want: [{ field: '["a%ZZ"]', message: 'malformed percent-encoding' }] }],
  ['refuses a lone %', { given: 'a=100%', want: [{ field: 'a', message: 'malformed percent-encoding' }] }],
  ['refuses a string then an object for one key', { given: 'a=1&a[b]=2', want: [{ field: 'a', message: 'expected an object, got a string' }] }],
  ['refuses an object then a string for one key', { given: 'a[b]=2&a=1', want: [{ field: 'a', message: 'expected a string, got an object' }] }],
  ['refuses an array then an object for one key', { given: 'a[]=1&a[b]=2', want: [{ field: 'a', message: 'expected an object, got an array' }] }],
  ['refuses a string then an array for one key', { given: 'a[b]=1&a[b][]=2', want: [{ field: 'a.b', message: 'expected an array, got a string' }] }],
  ['refuses a conflict inside a pushed element', { given: 'a[][x]=1&a[][x][y]=2', want: [{ field: 'a[0].x', message: 'expected an object, got a string' }] }],
  ['refuses an empty key', { given: '=1', want: [{ field: '(params)', message: 'key cannot be empty' }] }],
  ['refuses an unclosed bracket', { given: 'a[b=1', want: [{ field: '["a[b"]', message: 'malformed brackets in key' }] }],
  ['refuses text after a bracket', { given: 'a[b]c=1', want: [{ field: '["a[b]c"]', message: 'malformed brackets in key' }] }],
  ['refuses a key starting with a bracket', { given: '[a]=1', want: [{ field: '["[a]"]', message: 'malformed brackets in key' }] }],
  [
    'reports every problem at once',
    {
      given: 'a=%&b=1&b[c]=2&ok=1&=x',
      want: [
        { field: 'a', message: 'malformed percent-encoding' },
        { field: 'b', message: 'expected an object, got a string' },
        { field: '(params)', message: 'key cannot be empty' },
      ],
    },
  ],
];

describe('parseForm refusals', () => {
  it.each(refusals)('%s', (_name, { given, want }) => {
    let thrown: unknown;
    try {
      parseForm(given);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(StripeValidationError);
    expect((thrown as StripeValidationError).issues.map(({ field, message }) => ({ field, message }))).toEqual(want);
  });
});

const address = z.strictObject({ city: z.string().optional(), line1: z.string().optional() });
const range = z.strictObject({ gt: z.int().optional(), gte: z.int().optional(), lt: z.int().optional(), lte: z.int().optional() });
const schema = z.strictObject({
  address: z.union([address, z.literal('')]).optional(),
  balance: z.int().optional(),
  rate: z.number().optional(),
  big: z.bigint().optional(),
  validate: z.boolean().optional(),
  name: z.string().optional(),
  expand: z.array(z.string()).optional(),
  metadata: z.union([z.record(z.string(), z.string()), z.literal('')]).optional(),
  created: z.union([z.int(), range]).optional(),
  tax_id_data: z.array(z.strictObject({ type: z.string(), value: z.string() })).optional(),
  tags: z.lazy(() => z.array(z.string()).readonly()).optional(),
  nested: z.strictObject({ deeper: z.strictObject({ flags: z.array(z.boolean()).default([]) }) }).optional(),
});

const shapes: [string, { given: string; want: unknown }][] = [
  ['turns index keys into an array', { given: 'expand[0]=a&expand[1]=b', want: { expand: ['a', 'b'] } }],
  ['keeps a pushed array an array', { given: 'expand[]=a&expand[]=b', want: { expand: ['a', 'b'] } }],
  ['turns index keys into an array of objects', { given: 'tax_id_data[0][type]=eu_vat&tax_id_data[0][value]=DE1', want: { tax_id_data: [{ type: 'eu_vat', value: 'DE1' }] } }],
  ['keeps index keys with a gap as an object for validation to report', { given: 'expand[0]=a&expand[2]=b', want: { expand: { '0': 'a', '2': 'b' } } }],
  ['reads an integer where a number is expected', { given: 'balance=-250', want: { balance: -250 } }],
  ['reads a decimal where a number is expected', { given: 'rate=0.075', want: { rate: 0.075 } }],
  ['reads a plain decimal with trailing zeros', { given: 'rate=1.50', want: { rate: 1.5 } }],
  ['reads exponent notation as String(n) writes it', { given: 'rate=1e%2B21', want: { rate: 1e21 } }],
  ['keeps a non-numeric string where a number is expected', { given: 'balance=12abc', want: { balance: '12abc' } }],
  ['keeps a hex string where a number is expected', { given: 'balance=0x10', want: { balance: '0x10' } }],
  ['reads a bigint', { given: 'big=9007199254740993', want: { big: 9007199254740993n } }],
  ['reads true and false as booleans', { given: 'validate=true', want: { validate: true } }],
  ['keeps other words where a boolean is expected', { given: 'validate=yes', want: { validate: 'yes' } }],
  ['keeps numbers and booleans as strings where a string is expected', { given: 'name=12&metadata[a]=true', want: { name: '12', metadata: { a: 'true' } } }],
  ['keeps the empty string for a number', { given: 'balance=', want: { balance: '' } }],
  ['keeps the empty string for an array', { given: 'expand=', want: { expand: '' } }],
  ['picks the literal option of anyOf [object, \'\'] for the empty string', { given: 'address=', want: { address: '' } }],
  ['picks the object option of anyOf [object, \'\']', { given: 'address[city]=Paris', want: { address: { city: 'Paris' } } }],
  ['picks the integer option of anyOf [integer, range]', { given: 'created=1700000000', want: { created: 1700000000 } }],
  ['picks the range option of anyOf [integer, range]', { given: 'created[gt]=1&created[lte]=5', want: { created: { gt: 1, lte: 5 } } }],
  ['returns a union value unchanged when no option accepts it', { given: 'created[gt]=1&created[x]=2', want: { created: { gt: '1', x: '2' } } }],
  ['keeps numeric metadata keys as an object', { given: 'metadata[0]=a&metadata[1]=b', want: { metadata: { '0': 'a', '1': 'b' } } }],
  ['clears metadata with the empty string', { given: 'metadata=', want: { metadata: '' } }],
  ['leaves unknown keys for strict validation to report', { given: 'bogus[0]=1&balance=2', want: { bogus: { '0': '1' }, balance: 2 } }],
  ['sees through lazy, readonly, optional and default', { given: 'tags[0]=a&nested[deeper][flags][0]=false', want: { tags: ['a'], nested: { deeper: { flags: [false] } } } }],
];

describe('decodeForm with a schema', () => {
  it.each(shapes)('%s', (_name, { given, want }) => {
    expect(decodeForm(given, schema)).toEqual(want);
  });

  it('returns the parsed tree unchanged without a schema', () => {
    expect(decodeForm('expand[0]=a&balance=1')).toEqual({ expand: { '0': 'a' }, balance: '1' });
  });

  it('produces params the schema accepts', () => {
    const decoded = decodeForm('address[city]=Paris&balance=5&created[gte]=3&expand[0]=x&validate=false', schema);
    expect(schema.safeParse(decoded).success).toBe(true);
  });
});

describe('shapeBySchema', () => {
  it('works on zod/mini schemas', () => {
    const miniSchema = mini.strictObject({ n: mini.optional(mini.number()), list: mini.array(mini.boolean()) });
    expect(shapeBySchema({ n: '3', list: { '0': 'true', '1': 'false' } }, miniSchema)).toEqual({ n: 3, list: [true, false] });
  });

  it('shapes catchall values of a loose object', () => {
    expect(shapeBySchema({ a: '1', b: '2' }, z.object({ a: z.string() }).catchall(z.number()))).toEqual({ a: '1', b: 2 });
  });

  it('shapes through a pipe by its input schema', () => {
    expect(shapeBySchema('4', z.number().pipe(z.transform((n: number) => n * 2)))).toBe(4);
  });

  it('keeps a record key named __proto__ as an own key', () => {
    const shaped = shapeBySchema(parseForm('m[__proto__]=1'), z.object({ m: z.record(z.string(), z.number()) }));
    expect(shaped).toEqual({ m: withProto(1) });
    expect(Object.getPrototypeOf((shaped as { m: object }).m)).toBe(Object.prototype);
  });
});

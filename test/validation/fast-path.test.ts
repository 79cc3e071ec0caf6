// The fast accept path (src/validation/fast-path.ts) against zod's own verdict. The client trusts
// a `true` without asking zod, so a `true` where zod fails would let a bad value through; a `false`
// where zod succeeds would only be slow, yet it is held to the same verdict so the fast path is
// really taken. zod's `safeParse` as the fast path imports it is counted: on the generated schemas
// every node is modelled, so it must never be asked.
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as zc from 'zod';
import * as z from 'zod/mini';
import { $ZodCheckMaxLength, type $ZodType } from 'zod/v4/core';
import { operations } from '../../generated/operations.js';
import { AddressSchema } from '../../generated/schemas.js';
import { fastAccepts } from '../../src/validation/fast-path.js';
import { arbitraryFromSchema } from '../support/arbitrary-from-schema.js';
import { customerJson } from '../support/fixtures.js';
import { JUNK, knownKeys, mutate, mutationArbitrary, parts, UNSAFE_NUMBERS } from '../support/zod-values.js';

const asked = vi.hoisted(() => ({ count: 0 }));
vi.mock('zod/v4/core', async (importOriginal) => {
  const actual = await importOriginal<typeof import('zod/v4/core')>();
  const safeParse: typeof actual.safeParse = (schema, value, ctx) => {
    asked.count++;
    return actual.safeParse(schema, value, ctx);
  };
  return { ...actual, safeParse };
});

beforeEach(() => {
  asked.count = 0;
});

/** zod's verdict, through zod/mini's own import (not the counted one). */
const zodAccepts = (schema: $ZodType, value: unknown) => z.safeParse(schema, value).success;

/** Both verdicts, so a failure shows which side moved. */
const verdicts = (schema: $ZodType, value: unknown) => ({
  fast: fastAccepts(schema)(value),
  zod: zodAccepts(schema, value),
});
const agree = (schema: $ZodType, value: unknown, zod: boolean) =>
  expect(verdicts(schema, value)).toEqual({ fast: zod, zod });

describe('valid values', () => {
  it.each(parts.map((p) => [p.name, p] as const))('%s: the fast path says yes, and so does zod', (_, { schema }) => {
    fc.assert(
      fc.property(arbitraryFromSchema(schema), (value) => {
        expect(verdicts(schema, value)).toEqual({ fast: true, zod: true });
      }),
      { numRuns: 60 },
    );
    expect(asked.count).toBe(0);
  });
});

describe('values broken in one to three places', () => {
  it.each(parts.map((p) => [p.name, p] as const))('%s: the fast path gives zod’s verdict', (_, { schema }) => {
    const keys = [...knownKeys(schema), 'zzz_unknown', '__proto__', 'constructor', 'toString'];
    const broken = fc
      .tuple(
        arbitraryFromSchema(schema),
        fc.array(mutationArbitrary(keys, [...JUNK, ...UNSAFE_NUMBERS]), { minLength: 1, maxLength: 3 }),
      )
      .map(([valid, mutations]) => mutate(valid, mutations));
    fc.assert(
      fc.property(broken, (value) => {
        const { fast, zod } = verdicts(schema, value);
        expect(fast).toBe(zod);
      }),
      { numRuns: 150 },
    );
    expect(asked.count).toBe(0);
  });
});

describe('named cases', () => {
  const retrieve = operations.GetCustomersCustomer.responseSchema;
  const create = operations.PostCustomers.bodySchema;
  const parse = (json: string) => JSON.parse(json) as unknown;

  it('an inherited value counts as present: zod reads `input[key]` and tests `key in input`', () => {
    const { object, ...rest } = customerJson();
    agree(retrieve, Object.assign(Object.create({ object }) as object, rest), true);
    agree(retrieve, Object.assign(Object.create({ object: 'card' }) as object, rest), false);
    agree(create, Object.create({ email: 'a@example.com' }), true);
    agree(z.object({ a: z.unknown() }), Object.create({ a: undefined }), true);
    // A field named like a member of Object.prototype sees that member when the key is absent.
    agree(z.object({ constructor: z.optional(z.string()) }), {}, false);
    agree(z.object({ constructor: z.optional(z.string()) }), Object.create(null), true);
  });

  it('a strict object finds unknown keys with for…in, inherited enumerable ones too', () => {
    agree(create, { email: 'a@example.com' }, true);
    agree(create, Object.create({ zzz: 1 }), false);
    agree(create, { email: 'a@example.com', zzz: undefined }, false);
    agree(retrieve, customerJson({ zzz: 1 }), true);
    agree(z.object({ a: z.string() }), { a: 'x', zzz: 1 }, true);
  });

  it('`__proto__` as an own key (JSON.parse makes one): unknown to a strict object, skipped by a record', () => {
    agree(create, parse('{"email": "a@example.com", "__proto__": {"x": 1}}'), false);
    agree(retrieve, customerJson({ metadata: parse('{"a": "b", "__proto__": 5}') }), true);
    agree(retrieve, { ...customerJson(), ...(parse('{"__proto__": 5}') as object) }, true);
    // A declared `__proto__` is known, so not unknown, and never validated either.
    agree(z.strictObject({ ['__proto__']: z.string() }), parse('{"__proto__": 5}'), true);
  });

  it('missing vs present undefined: a required z.unknown() wants the key, an optional field does not', () => {
    const loose = z.object({ a: z.unknown(), b: z.optional(z.string()) });
    agree(loose, { a: undefined }, true);
    agree(loose, {}, false);
    agree(loose, { a: 1, b: undefined }, true);
    agree(z.object({ b: z.exactOptional(z.string()) }), { b: undefined }, false);
    agree(z.object({ b: z.exactOptional(z.string()) }), {}, true);
    // A prefault runs its default through its schema; z.optional drops the issues when that fails.
    const badDefault = z.prefault(z.string(), 5 as never);
    agree(badDefault, undefined, false);
    agree(z.optional(badDefault), undefined, true);
    agree(z.object({ b: z.optional(badDefault) }), {}, true);
    agree(z.object({ b: badDefault }), {}, false);
  });

  it('an object is any non-null, non-array object; a record wants a plain one, judged by `constructor`', () => {
    class Thing {
      city = 'Paris';
    }
    for (const value of [new Date(0), new Thing(), new Map(), Object.create(null), []] as unknown[])
      agree(AddressSchema, value, !Array.isArray(value));
    const record = z.record(z.string(), z.string());
    agree(record, Object.assign(Object.create(null) as object, { a: 'b' }), true);
    agree(record, new Thing(), false);
    agree(record, new Date(0), false);
    agree(record, [], false);
    agree(record, { constructor: 'x' }, true);
    agree(record, { constructor: 1 }, false);
    agree(record, Object.create({ a: 1 }), true);
    agree(record, { a: 1 }, false);
    agree(record, { a: undefined }, false);
    agree(record, { [Symbol('s')]: 'x' }, false);
    agree(record, Object.defineProperty({}, Symbol('s'), { value: 1, enumerable: false }), true);
    agree(record, Object.defineProperty({}, 'a', { value: 1, enumerable: false }), true);
    agree(retrieve, customerJson({ preferred_locales: {} }), false);
    agree(retrieve, customerJson({ metadata: ['a'] }), false);
    agree(retrieve, [customerJson()], false);
  });

  it('arrays: holes read as undefined, lengths are checked', () => {
    const holes: unknown[] = [];
    holes[1] = 'a';
    agree(z.array(z.string()), holes, false);
    agree(z.array(z.optional(z.string())), holes, true);
    agree(z.array(z.string()).check(z.maxLength(1)), ['a', 'b'], false);
    agree(z.array(z.string()).check(z.minLength(2)), ['a', 'b'], true);
  });

  it('numbers: finite only; integers safe only; -0 is an integer', () => {
    const ints = [0, -0, 1.5, 2 ** 53, 2 ** 53 - 1, Number.NaN, Infinity, -Infinity, '1', 1n];
    for (const n of ints) agree(retrieve, customerJson({ balance: n }), Number.isSafeInteger(n));
    for (const n of [-0, 1e308, Number.NaN, Infinity, -Infinity]) agree(z.number(), n, Number.isFinite(n));
    const limit = z.int().check(z.minimum(1), z.maximum(100));
    for (const n of [0, 1, 100, 101, 50.5]) agree(limit, n, Number.isInteger(n) && n >= 1 && n <= 100);
    agree(z.number().check(z.gt(0), z.lt(1)), 0, false);
    agree(z.int32(), 2 ** 31, false);
    agree(z.int32(), 1.5, false);
  });

  it('string limits count code points once the UTF-16 length is past them', () => {
    const max = z.string().check(z.maxLength(3));
    agree(max, '😀😀😀', true);
    agree(max, 'a😀😀b', false);
    agree(max, '\ud800\ud800\ud800\ud800', false);
    agree(z.string().check(z.minLength(2)), '😀', false);
    agree(z.string().check(z.length(2)), '😀😀', true);
  });

  it('unions: any option that succeeds is enough, even when several do', () => {
    const open = z.union([z.enum(['a', 'b']), z.string()]);
    agree(open, 'zzz', true);
    agree(open, 1, false);
    agree(z.union([z.literal('a'), z.enum(['b'])]), 'c', false);
    agree(z.union([z.string(), z.string().check(z.maxLength(1))]), 'ab', true);
    agree(z.union([z.object({ a: z.string() }), z.object({ b: z.int() })]), { b: 1 }, true);
    agree(z.union([]), 'a', false);
    agree(z.literal([Number.NaN]), Number.NaN, true);
  });

  it('a cycle (customer → discount → customer) compiles once and is followed both ways', () => {
    const inner = customerJson({ id: 'cus_inner' });
    const coupon = {
      id: 'co_1',
      object: 'coupon',
      created: 1,
      duration: 'once',
      livemode: false,
      times_redeemed: 0,
      valid: true,
    };
    const discount = { id: 'di_1', object: 'discount', coupon, customer: inner, start: 1, end: null };
    agree(retrieve, customerJson({ discount }), true);
    agree(retrieve, customerJson({ discount: { ...discount, customer: { ...inner, created: 'yesterday' } } }), false);
    const Tree: z.ZodMiniType = z.object({
      name: z.string(),
      get children() {
        return z.optional(z.array(Tree));
      },
    });
    const deep = { name: 'a', children: [{ name: 'b', children: [{ name: 'c' }] }] };
    agree(Tree, deep, true);
    agree(Tree, { name: 'a', children: [{ name: 'b', children: [{ name: 3 }] }] }, false);
    const Lazy: z.ZodMiniType = z.lazy(() => z.union([z.string(), z.array(Lazy)]));
    agree(Lazy, ['a', ['b', ['c']]], true);
    agree(Lazy, ['a', [1]], false);
    expect(asked.count).toBe(0);
  });

  it('classic zod objects, parsed by a generated function there, are judged the same', () => {
    const loose = zc.looseObject({ a: zc.string(), b: zc.optional(zc.int()), c: zc.nullable(zc.literal('x')) });
    const strict = zc.strictObject({ a: zc.string() });
    const values = [
      { a: 'x', c: null },
      { a: 'x', b: 1.5, c: 'x' },
      {},
      Object.create({ a: 'x', c: 'x' }),
      { a: 'x', zzz: 1 },
    ];
    for (const value of values) for (const schema of [loose, strict]) agree(schema, value, zodAccepts(schema, value));
    expect(asked.count).toBe(0);
  });

  it('what is not modelled (formats, xor, pipes, defaults, refinements, enum keys, `when`) is asked of zod', () => {
    const cases: [$ZodType, unknown][] = [
      [z.object({ email: z.email() }), { email: 'nope' }],
      [z.object({ email: z.email() }), { email: 'a@example.com' }],
      [z.xor([z.string(), z.string()]), 'a'],
      [z.pipe(z.string(), z.string().check(z.maxLength(1))), 'ab'],
      [z.object({ a: z._default(z.string(), 'x') }), {}],
      [z.string().check(z.refine((s) => s.startsWith('a'))), 'b'],
      [z.record(z.enum(['a']), z.string()), { a: 'x' }],
      [z.number().check(z.multipleOf(2)), 3],
      // A length check that zod may skip.
      [z.string().check(new $ZodCheckMaxLength({ check: 'max_length', maximum: 1, when: () => false })), 'abc'],
    ];
    for (const [schema, value] of cases) agree(schema, value, zodAccepts(schema, value));
    expect(asked.count).toBe(cases.length);
  });
});

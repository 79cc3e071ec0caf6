// The compiled yes-or-no checks (src/check-fits.ts) against the interpreter that explains
// (`explainValue` in src/check.ts): `checkValue` trusts a yes from `fits`, so a yes where the
// interpreter finds a problem would let a bad value through. The reverse (a no for a good value)
// would only be slow, yet it is held to the same verdict so the fast path is really taken.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clientOperations, type Check } from '../../generated/checks.js';
import { fits } from '../../src/validation/check-fits.js';
import { checkValue, explainValue } from '../../src/validation/check.js';
import { arbitraryFromSchema } from '../support/arbitrary-from-schema.js';
import { JUNK, knownKeys, mutate, mutationArbitrary, parts, UNSAFE_NUMBERS } from '../support/check-values.js';
import { customerJson } from '../support/fixtures.js';

describe('valid values', () => {
  it.each(parts.map((p) => [p.name, p] as const))('%s: fits says yes', (_, { check, schema }) => {
    fc.assert(
      fc.property(arbitraryFromSchema(schema), (value) => {
        expect(fits(check, value)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe('values broken in one to three places', () => {
  it.each(parts.map((p) => [p.name, p] as const))('%s: fits agrees with the interpreter', (_, { check, schema }) => {
    const keys = [...knownKeys(check), 'zzz_unknown', '__proto__', 'constructor'];
    const broken = fc
      .tuple(
        arbitraryFromSchema(schema),
        fc.array(mutationArbitrary(keys, [...JUNK, ...UNSAFE_NUMBERS]), {
          minLength: 1,
          maxLength: 3,
        }),
      )
      .map(([valid, mutations]) => mutate(valid, mutations));
    fc.assert(
      fc.property(broken, (value) => {
        expect(fits(check, value)).toBe(explainValue(check, value).length === 0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('named cases', () => {
  const retrieve = clientOperations.GetCustomersCustomer.checks.response!;
  const create = clientOperations.PostCustomers.checks.body!;

  it('an inherited property is not a value: a required field found only on the prototype is missing', () => {
    const { object: _, ...rest } = customerJson();
    const value = Object.assign(Object.create({ object: 'customer' }) as object, rest);
    expect(fits(retrieve, value)).toBe(false);
    expect(checkValue(retrieve, value).map((i) => `${i.field}: ${i.rule}`)).toContain('object: required');
  });

  it("Object.prototype's own names (`constructor`, `toString`) are not read as params", () => {
    expect(fits(create, { email: 'a@example.com' })).toBe(true);
    const withOwn = JSON.parse('{"email": "a@example.com", "constructor": 1}') as unknown;
    expect(fits(create, withOwn)).toBe(false);
    expect(checkValue(create, withOwn)).toEqual([
      {
        path: ['constructor'],
        field: 'constructor',
        rule: 'unknown parameter',
      },
    ]);
  });

  it('a cycle (customer → discount → customer) compiles once and is followed both ways', () => {
    const inner = customerJson({ id: 'cus_inner' });
    const discount = {
      id: 'di_1',
      object: 'discount',
      coupon: {
        id: 'co_1',
        object: 'coupon',
        created: 1,
        duration: 'once',
        livemode: false,
        times_redeemed: 0,
        valid: true,
      },
      customer: inner,
      start: 1,
      end: null,
    };
    const outer = customerJson({ discount });
    expect(explainValue(retrieve, outer)).toEqual([]);
    expect(fits(retrieve, outer)).toBe(true);
    const bad = customerJson({
      discount: { ...discount, customer: { ...inner, created: 'yesterday' } },
    });
    expect(fits(retrieve, bad)).toBe(false);
    expect(checkValue(retrieve, bad).map((i) => i.field)).toContain('discount.customer.created');
  });

  it('a string map wants a plain object, even one without a prototype', () => {
    const map = { props: {}, extra: 'string' } as const satisfies Check;
    expect(fits(map, { a: 'b' })).toBe(true);
    expect(fits(map, Object.assign(Object.create(null) as object, { a: 'b' }))).toBe(true);
    expect(fits(map, new Date(0))).toBe(false);
    expect(fits(map, { a: 1 })).toBe(false);
  });

  it('limits, safe integers and open enums follow the interpreter', () => {
    const cases: [Check, unknown][] = [
      [{ type: 'string', max: 3 }, 'abcd'],
      [{ type: 'integer', min: 1, max: 100 }, 0],
      [{ type: 'integer', min: 1, max: 100 }, 2 ** 53],
      ['integer', 1.5],
      ['number', Number.POSITIVE_INFINITY],
      [{ type: 'array', items: 'string', max: 1 }, ['a', 'b']],
      [{ enum: ['a', 'b'] }, 'c'],
      [{ enum: ['a', 'b'], open: true }, 'c'],
      [{ enum: ['a', 'b'], open: true }, 1],
      [{ nullable: 'string' }, null],
      [{ anyOf: [{ enum: [''] }, { props: { city: 'string' } }] }, ''],
      ['never', undefined],
      ['unknown', undefined],
    ];
    for (const [check, value] of cases) {
      expect(fits(check, value), JSON.stringify({ check, value })).toBe(explainValue(check, value).length === 0);
    }
  });
});

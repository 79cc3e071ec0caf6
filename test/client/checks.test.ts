// Differential tests: the client's checks (generated/checks.ts, read by src/check.ts) against the zod
// schemas they replaced (generated/schemas.ts, whose issues src/issues.ts puts into words). For every
// operation in `clientOperations` and every part (path, query and body going out, the response
// coming back), both must accept the same values and report the same issues for the rest.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeParse, type $ZodType } from 'zod/v4/core';
import { clientOperations } from '../../generated/checks.js';
import { operations } from '../../generated/operations.js';
import { checkValue } from '../../src/validation/check.js';
import type { ValidationIssue } from '../../src/errors/errors.js';
import { toValidationIssues } from '../../src/validation/issues.js';
import { arbitraryFromSchema } from '../support/arbitrary-from-schema.js';
import {
  ids,
  JUNK,
  knownKeys,
  mutate,
  mutationArbitrary,
  PARTS,
  parts,
  UNSAFE_NUMBERS,
  valueAt,
  zodSchema,
  type OperationId,
  type PartName,
} from '../support/check-values.js';

/** What zod reports for a value, in the client's words; `[]` when zod accepts it. */
function zodIssues(schema: $ZodType, value: unknown): ValidationIssue[] {
  const result = safeParse(schema, value);
  return result.success ? [] : toValidationIssues(result.error.issues, value);
}

describe('the two tables', () => {
  it('list the same operations', () => {
    expect(ids).toEqual(Object.keys(operations));
  });

  it('give each operation a check for exactly the parts zod has a schema for', () => {
    for (const id of ids) {
      for (const part of PARTS) {
        expect(clientOperations[id].checks[part] === null, `${id} ${part}`).toBe(zodSchema(id, part) === null);
      }
    }
  });
});

// -------------------------------------------------------------------------------------------------
// a. Whatever zod accepts, the checks accept.

describe('values zod accepts', () => {
  it.each(parts.map((p) => [p.name, p] as const))('%s: the checks accept them too', (_, { check, schema }) => {
    fc.assert(
      fc.property(arbitraryFromSchema(schema), (value) => {
        expect(checkValue(check, value)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});

// -------------------------------------------------------------------------------------------------
// b. A valid value, broken in one to three places, gets the same issues from both.


/**
 * The two issue lists made comparable. Each step is a difference seen by these properties; the list
 * order is compared as is (both report in the same order).
 *
 * Deliberate differences (the checks' words are the intended ones):
 * (i) a required single-value enum key that is missing: the checks say `required`, zod says
 *     `expected "customer"` (`object`) or `expected true` (`deleted`).
 * (ii) an open enum (responses) given a non-string: the checks say `expected string, got integer`,
 *     zod lists every value, `expected "a" or "b" or string, got integer`.
 *
 * (A) a string map (`metadata`) given a non-object: the checks say `expected object, got string`,
 *     zod `expected record, got string` (also inside a union: `expected object or ""`).
 * (B) ±Infinity where an integer is wanted: the checks say `expected integer, got number`, zod
 *     `expected number, got number`. E.g. GetCustomers query `{ limit: Infinity }`.
 * (C) an unsafe integer outside a request's range: both say `must be a safe integer`; zod also says
 *     `at most 100`, which adds nothing. E.g. GetCustomers query `{ limit: 2 ** 53 }`.
 * (D) a `__proto__` key in a map (`metadata`, `available`): zod skips it (and drops it from its
 *     output); the checks check it as the data it is, since the encoder sends it. E.g. PostCustomers
 *     body `JSON.parse('{"metadata": {"__proto__": 5}}')`: checks `metadata.__proto__: expected
 *     string, got integer`, zod nothing. (In a closed object both say `unknown parameter`.)
 * Which union branch speaks is the same on both sides: `fewest` in src/check.ts, which
 * src/issues.ts uses too (a card with one bad field is reported as a card).
 */
function comparable(value: unknown, checks: ValidationIssue[], zod: ValidationIssue[]): [ValidationIssue[], ValidationIssue[]] {
  const zodWords = zod
    .map((issue) => {
      let rule = issue.rule;
      if (valueAt(value, issue.path) === undefined && /^expected ("[^"]*"|true|false)$/.test(rule)) rule = 'required'; // (i)
      rule = rule.replace(/^expected ("[^"]*" or )+string, got (\w+)$/, 'expected string, got $2'); // (ii)
      rule = rule.replace(/^expected record\b/, 'expected object'); // (A)
      return { ...issue, rule };
    })
    .filter((issue, _, all) => !(/^at (most|least) -?\d+$/.test(issue.rule) && all.some((other) => other.field === issue.field && other.rule === 'must be a safe integer'))); // (C)
  const checkWords = checks
    .map((issue) => {
      const found = valueAt(value, issue.path);
      if (found !== Number.POSITIVE_INFINITY && found !== Number.NEGATIVE_INFINITY) return issue;
      return { ...issue, rule: issue.rule.replace(/\binteger\b(?=[^,]*, got number$)/, 'number') }; // (B)
    })
    .filter((issue) => issue.rule === 'unknown parameter' || !issue.path.includes('__proto__')); // (D)
  return [checkWords, zodWords];
}

describe('values broken in one to three places', () => {
  it.each(parts.map((p) => [p.name, p] as const))('%s: the checks report what zod reports', (_, { part, check, schema }) => {
    const keys = [...knownKeys(check), 'zzz_unknown', '__proto__'];
    const junk = [...JUNK, ...UNSAFE_NUMBERS];
    const broken = fc
      .tuple(arbitraryFromSchema(schema), fc.array(mutationArbitrary(keys, junk), { minLength: 1, maxLength: 3 }))
      .map(([valid, mutations]) => mutate(valid, mutations));
    fc.assert(
      fc.property(broken, (value) => {
        const [checks, zod] = comparable(value, checkValue(check, value), zodIssues(schema, value));
        expect(checks).toEqual(zod);
      }),
      { numRuns: 300 },
    );
  });

  it('mutations do break values, so the property compares issues and not just two empty lists', () => {
    const { check, schema } = parts.find((p) => p.name === 'PostCustomers body')!;
    const samples = fc.sample(
      fc.tuple(arbitraryFromSchema(schema), fc.array(mutationArbitrary(['email', 'zzz_unknown'], [...JUNK, ...UNSAFE_NUMBERS]), { minLength: 1, maxLength: 3 })),
      { numRuns: 300, seed: 1 },
    );
    const refused = samples.filter(([valid, mutations]) => checkValue(check, mutate(valid, mutations)).length > 0);
    expect(refused.length).toBeGreaterThan(150);
  });
});

// -------------------------------------------------------------------------------------------------
// c. Cases worth naming.

const customerOp = clientOperations.PostCustomersCustomer;
const zodFor = (id: OperationId, part: PartName): $ZodType => zodSchema(id, part)!;

/** A check's issues as `field: rule` lines, the way an error message lists them. */
const lines = (issues: ValidationIssue[]): string[] => issues.map((i) => `${i.field}: ${i.rule}`);

describe('named cases', () => {
  describe('__proto__ as a metadata key', () => {
    const body = clientOperations.PostCustomers.checks.body!;

    it('is accepted, and stays a plain key of the caller’s data', () => {
      const params = JSON.parse('{"metadata": {"__proto__": "x", "order": "1"}}') as { metadata: Record<string, string> };
      expect(checkValue(body, params)).toEqual([]);
      expect(Object.keys(params.metadata)).toEqual(['__proto__', 'order']);
      expect(Object.getPrototypeOf(params.metadata)).toBe(Object.prototype);
      expect(({} as Record<string, unknown>).x).toBeUndefined();
      expect(zodIssues(zodFor('PostCustomers', 'body'), params)).toEqual([]);
    });

    // zod skips the key altogether (deliberate difference D), so only the checks are asserted here.
    it('is checked like any other key', () => {
      const params = JSON.parse('{"metadata": {"__proto__": 5}}') as unknown;
      expect(lines(checkValue(body, params))).toEqual(['metadata.__proto__: expected string, got integer']);
    });

    it('is an unknown parameter of a closed object, for both', () => {
      const params = JSON.parse('{"address": {"__proto__": {"city": "x"}}}') as unknown;
      expect(lines(checkValue(body, params))).toEqual(['address.__proto__: unknown parameter']);
      expect(zodIssues(zodFor('PostCustomers', 'body'), params)).toEqual(checkValue(body, params));
    });

    it('in a response map is kept as data too', () => {
      const response = JSON.parse('{"id": "cus_1", "object": "customer", "created": 1, "livemode": false, "metadata": {"__proto__": "x"}}') as unknown;
      expect(checkValue(customerOp.checks.response!, response)).toEqual([]);
    });
  });

  describe('a cyclic component reference (customer → discount → customer) is followed', () => {
    const coupon = { id: 'co_1', object: 'coupon', created: 1, duration: 'once', livemode: false, times_redeemed: 0, valid: true };
    const customer = (extra: object = {}) => ({ id: 'cus_1', object: 'customer', created: 1, livemode: false, ...extra });
    const discount = (of: unknown) => ({ id: 'di_1', object: 'discount', coupon, start: 1, customer: of });
    const response = customerOp.checks.response!;
    const schema = zodFor('PostCustomersCustomer', 'response');

    it('accepts a customer nested in its own discount, twice over', () => {
      const value = customer({ discount: discount(customer({ discount: discount(customer()) })) });
      expect(checkValue(response, value)).toEqual([]);
      expect(zodIssues(schema, value)).toEqual([]);
    });

    it('reports a problem at the bottom with its full path', () => {
      const value = customer({ discount: discount(customer({ discount: discount(customer({ balance: 'x' })) })) });
      expect(lines(checkValue(response, value))).toEqual(['discount.customer.discount.customer.balance: expected number, got string']);
      expect(zodIssues(schema, value)).toEqual(checkValue(response, value));
    });
  });

  describe('expand', () => {
    const query = clientOperations.GetCustomersCustomer.checks.query!;
    const schema = zodFor('GetCustomersCustomer', 'query');
    const cases: [string, unknown, string[]][] = [
      ['a list of paths', { expand: ['sources', 'discount.customer', 'invoice_settings.default_payment_method'] }, []],
      ['an empty list', { expand: [] }, []],
      ['a single string is not a list', { expand: 'sources' }, ['expand: expected array, got string']],
      ['each path is a string', { expand: ['sources', 1] }, ['expand[1]: expected string, got integer']],
      ['each path has at most 5000 characters', { expand: ['a'.repeat(5001)] }, ['expand[0]: at most 5000 characters']],
      ['other query keys are unknown', { expand: [], limit: 3 }, ['limit: unknown parameter']],
    ];
    it.each(cases)('%s', (_, value, want) => {
      expect(lines(checkValue(query, value))).toEqual(want);
      expect(zodIssues(schema, value)).toEqual(checkValue(query, value));
    });
  });

  describe("the '' unset branch", () => {
    const body = customerOp.checks.body!;
    const schema = zodFor('PostCustomersCustomer', 'body');
    const cases: [string, unknown, string[]][] = [
      ["address: '' unsets the address", { address: '' }, []],
      ["shipping: '' and invoice_settings.custom_fields: ''", { shipping: '', invoice_settings: { custom_fields: '', rendering_options: '' } }, []],
      ["tax.ip_address: ''", { tax: { ip_address: '' } }, []],
      ['an address object is checked as one', { address: { city: 'a'.repeat(5001) } }, ['address.city: at most 5000 characters']],
      ['an unknown address key', { address: { town: 'x' } }, ['address.town: unknown parameter']],
      ["any other string is neither", { address: 'x' }, ['address: expected object or "", got string']],
      ['null is neither', { address: null }, ['address: expected object or "", got null']],
    ];
    it.each(cases)('%s', (_, value, want) => {
      expect(lines(checkValue(body, value))).toEqual(want);
      expect(zodIssues(schema, value)).toEqual(checkValue(body, value));
    });
  });

  describe("metadata: ''", () => {
    const body = customerOp.checks.body!;
    const schema = zodFor('PostCustomersCustomer', 'body');
    const cases: [string, unknown, string[]][] = [
      ["'' unsets all metadata", { metadata: '' }, []],
      ['a map of strings', { metadata: { order_id: '6735', '': 'empty key' } }, []],
      ['an empty map', { metadata: {} }, []],
      ["'' as one value unsets that key", { metadata: { order_id: '' } }, []],
      ['a value that is not a string', { metadata: { order_id: 6735 } }, ['metadata.order_id: expected string, got integer']],
    ];
    it.each(cases)('%s', (_, value, want) => {
      expect(lines(checkValue(body, value))).toEqual(want);
      expect(zodIssues(schema, value)).toEqual(checkValue(body, value));
    });

    // zod words this one `expected record or ""` (deliberate difference A), so only the checks are asserted.
    it('a number is neither a map nor ""', () => {
      expect(lines(checkValue(body, { metadata: 5 }))).toEqual(['metadata: expected object or "", got integer']);
    });
  });
});

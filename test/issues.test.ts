import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { formatPath } from '../src/validation/format-path.js';
import { toValidationIssues } from '../src/validation/issues.js';

function rules(schema: z.ZodMiniType, value: unknown): string[] {
  const result = z.safeParse(schema, value);
  if (result.success) return [];
  return toValidationIssues(result.error.issues, value).map((i) => `${i.field}: ${i.rule}`);
}

const address = z.strictObject({ city: z.optional(z.string().check(z.maxLength(5))) });
const unsettable = z.union([address, z.literal('')]);

const cases: [string, { schema: z.ZodMiniType; given: unknown; want: string[] }][] = [
  ['string too long', { schema: z.string().check(z.maxLength(3)), given: 'abcd', want: ['(params): at most 3 characters'] }],
  ['number range', { schema: z.int().check(z.minimum(1), z.maximum(100)), given: 0, want: ['(params): at least 1'] }],
  ['not an integer', { schema: z.int(), given: 1.5, want: ['(params): expected integer, got number'] }],
  ['unsafe integer', { schema: z.int(), given: 2 ** 60, want: ['(params): must be a safe integer'] }],
  ['missing required key', { schema: z.strictObject({ name: z.string() }), given: {}, want: ['name: required'] }],
  ['unknown keys, one issue each', { schema: z.strictObject({}), given: { a: 1, b: 2 }, want: ['a: unknown parameter', 'b: unknown parameter'] }],
  ['enum', { schema: z.enum(['a', 'b']), given: 'c', want: ['(params): expected one of "a", "b"'] }],
  ['literal', { schema: z.literal(''), given: 'x', want: ['(params): expected ""'] }],
  ['array item', { schema: z.array(z.string().check(z.maxLength(2))), given: ['ok', 'long'], want: ['[1]: at most 2 characters'] }],
  ['array size', { schema: z.array(z.string()).check(z.maxLength(1)), given: ['a', 'b'], want: ['(params): at most 1 items'] }],
  ['union reports the object branch the value was meant for', { schema: unsettable, given: { city: 'Amsterdam' }, want: ['city: at most 5 characters'] }],
  ['union of kinds names both', { schema: unsettable, given: 7, want: ['(params): expected object or "", got integer'] }],
  ['record value', { schema: z.record(z.string(), z.string()), given: { 'order id': 1 }, want: ['["order id"]: expected string, got integer'] }],
  ['nested path', { schema: z.strictObject({ a: z.array(z.strictObject({ b: z.string() })) }), given: { a: [{ b: null }] }, want: ['a[0].b: expected string, got null'] }],
];

describe('toValidationIssues', () => {
  it.each(cases)('%s', (_, { schema, given, want }) => {
    expect(rules(schema, given)).toEqual(want);
  });
});

describe('formatPath', () => {
  it.each([
    [[], '(params)'],
    [['invoice_settings', 'custom_fields', 0, 'name'], 'invoice_settings.custom_fields[0].name'],
    [['metadata', 'order id'], 'metadata["order id"]'],
    [['metadata', '__proto__'], 'metadata.__proto__'],
    [[0, 'x'], '[0].x'],
  ] as const)('%j → %s', (path, want) => {
    expect(formatPath(path)).toBe(want);
  });
});

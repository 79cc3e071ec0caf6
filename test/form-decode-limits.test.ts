import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { StripeValidationError } from '../src/errors/errors.js';
import { decodeForm, MAX_FORM_DEPTH, MAX_FORM_PARAMS, parseForm } from '../src/wire/form-decode.js';

// The decoder's limits: what a hostile form could make it spend (stack, time) is bounded before
// any tree is built, and the refusal is the decoder's ordinary StripeValidationError.

/** The issues `parseForm` (or `run`) throws, as `{ path, rule }`. */
function refusal(run: () => unknown): { path: readonly (string | number)[]; message: string }[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(StripeValidationError);
    return (error as StripeValidationError).issues.map(({ path, message }) => ({ path: path as (string | number)[], message }));
  }
  throw new Error('expected a StripeValidationError');
}

/** `a[a][a]...` with `levels` bracket pairs. */
const nested = (levels: number, segment = 'a') => `a${`[${segment}]`.repeat(levels)}`;

/** `{ a: { a: ... '1' } }`, `levels` objects below the top key. */
function tree(levels: number): unknown {
  let node: unknown = '1';
  for (let i = 0; i < levels; i++) node = { a: node };
  return { a: node };
}

describe('the bracket depth limit', () => {
  it('decodes a key of exactly 32 levels (Rack 3\'s default) and refuses 33, naming the key and the rule', () => {
    expect(MAX_FORM_DEPTH).toBe(32);
    expect(parseForm(`${nested(MAX_FORM_DEPTH)}=1`)).toEqual(tree(MAX_FORM_DEPTH));
    let pushed: unknown = ['1'];
    for (let i = 0; i < MAX_FORM_DEPTH - 1; i++) pushed = { a: pushed };
    expect(parseForm(`${nested(MAX_FORM_DEPTH - 1)}[]=1`)).toEqual({ a: pushed });
    expect(refusal(() => parseForm(`ok=1&${nested(MAX_FORM_DEPTH + 1)}=1`))).toEqual([
      { path: [nested(MAX_FORM_DEPTH + 1)], message: 'at most 32 levels of brackets' },
    ]);
  });

  it('counts [] as a level, and %5B%5D brackets like raw ones', () => {
    expect(refusal(() => parseForm(`${nested(MAX_FORM_DEPTH - 1)}[][x]=1`))[0]?.message).toBe('at most 32 levels of brackets');
    const encoded = `a${'%5Ba%5D'.repeat(MAX_FORM_DEPTH + 1)}=1`;
    expect(refusal(() => parseForm(encoded))[0]?.message).toBe('at most 32 levels of brackets');
  });

  it('refuses 10,000 levels with an error, not a stack overflow, quoting the first 100 characters of the key', () => {
    const key = nested(10_000);
    const [issue, ...rest] = refusal(() => parseForm(`${key}=1`));
    expect(rest).toEqual([]);
    expect(issue?.path).toEqual([`${key.slice(0, 100)}…`]);
    expect(String(issue?.path[0])).toHaveLength(101);
  });

  it('keeps a schema that recurses (z.lazy) from following a hostile key down', () => {
    type Node = { a?: Node; v?: number };
    const node: z.ZodType<Node> = z.lazy(() => z.strictObject({ a: node.optional(), v: z.number().optional() }));
    expect(refusal(() => decodeForm(`${nested(10_000)}[v]=1`, node))[0]?.message).toBe('at most 32 levels of brackets');
    let expected: Node = { v: 1 };
    for (let i = 0; i < MAX_FORM_DEPTH - 1; i++) expected = { a: expected };
    expect(decodeForm(`${nested(MAX_FORM_DEPTH - 1)}[v]=1`, node)).toEqual({ a: expected });
  });

  it('quotes only the first 100 characters of any key it refuses', () => {
    const long = `[${'x'.repeat(5000)}`;
    expect(refusal(() => parseForm(`${long}=1`))).toEqual([{ path: [`${long.slice(0, 100)}…`], message: 'malformed brackets in key' }]);
    expect(refusal(() => parseForm(`${'y'.repeat(5000)}%ZZ=1`))[0]?.path[0]).toHaveLength(101);
  });
});

describe('the parameter count limit', () => {
  const pairs = (count: number) => Array.from({ length: count }, (_, i) => `p${i}=${i}`).join('&');

  it(`decodes ${MAX_FORM_PARAMS} pairs, not counting empty pieces between &s, and refuses pair ${MAX_FORM_PARAMS + 1}, naming its key`, () => {
    expect(MAX_FORM_PARAMS).toBe(1000);
    expect(Object.keys(parseForm(`${'&'.repeat(5000)}${pairs(MAX_FORM_PARAMS)}&&`))).toHaveLength(MAX_FORM_PARAMS);
    expect(refusal(() => parseForm(pairs(MAX_FORM_PARAMS + 1)))).toEqual([{ path: [`p${MAX_FORM_PARAMS}`], message: 'at most 1000 parameters' }]);
    expect(refusal(() => decodeForm(`${pairs(MAX_FORM_PARAMS)}&metadata%5Bx%5D=1`, z.object({})))).toEqual([
      { path: ['metadata[x]'], message: 'at most 1000 parameters' },
    ]);
  });

  it('refuses a flood of repeated keys, which would otherwise build no more than one entry', () => {
    expect(refusal(() => parseForm('a=1&'.repeat(100_000)))[0]?.message).toBe('at most 1000 parameters');
  });
});

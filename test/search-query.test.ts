import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerSearch as q, quoteSearchValue, SearchQuery, StripeValidationError } from '../src/index.js';

const jenny = q.email.is('jenny@example.com');
const rosen = q.name.contains('Rosen');

const cases: [string, { given: SearchQuery; want: string }][] = [
  ['exact email', { given: jenny, want: "email:'jenny@example.com'" }],
  ['substring name', { given: rosen, want: "name~'Rosen'" }],
  ['exact phone', { given: q.phone.is('+15551234567'), want: "phone:'+15551234567'" }],
  ['metadata key', { given: q.metadata('app_user_id').is('u_42'), want: "metadata['app_user_id']:'u_42'" }],
  [
    'AND of two clauses',
    { given: q.and(jenny, q.metadata('app_user_id').is('u_42')), want: "email:'jenny@example.com' AND metadata['app_user_id']:'u_42'" },
  ],
  ['OR of two clauses', { given: q.or(rosen, q.phone.is('+15551234567')), want: "name~'Rosen' OR phone:'+15551234567'" }],
  ['negation', { given: q.not(q.email.is('a@b.c')), want: "-email:'a@b.c'" }],
  ['double negation cancels', { given: q.not(q.not(jenny)), want: "email:'jenny@example.com'" }],
  ['negated clause inside AND', { given: q.and(jenny, q.not(rosen)), want: "email:'jenny@example.com' AND -name~'Rosen'" }],
  ['created >', { given: q.created.gt(1680000000), want: 'created>1680000000' }],
  ['created >=', { given: q.created.gte(1680000000), want: 'created>=1680000000' }],
  ['created <', { given: q.created.lt(1690000000), want: 'created<1690000000' }],
  ['created <=', { given: q.created.lte(1690000000), want: 'created<=1690000000' }],
  ['created exact', { given: q.created.is(1680893993), want: 'created:1680893993' }],
  ['created range', { given: q.and(q.created.gte(1), q.created.lt(2)), want: 'created>=1 AND created<2' }],
  ['nested AND flattens', { given: q.and(q.and(jenny, rosen), q.created.gt(5)), want: "email:'jenny@example.com' AND name~'Rosen' AND created>5" }],
  ['nested OR flattens', { given: q.or(jenny, q.or(rosen, q.created.lt(5))), want: "email:'jenny@example.com' OR name~'Rosen' OR created<5" }],
  ['a one-clause AND is the clause, so it fits in an OR', { given: q.or(q.and(jenny), rosen), want: "email:'jenny@example.com' OR name~'Rosen'" }],
  // Hostile values: each must stay one quoted value.
  ["a quote: O'Brien", { given: q.name.is("O'Brien"), want: "name:'O\\'Brien'" }],
  ['a lone backslash', { given: q.name.is('\\'), want: "name:'\\\\'" }],
  ['a quote that tries to close the value', { given: q.email.is("' OR email:'x"), want: "email:'\\' OR email:\\'x'" }],
  ['an escaped quote that tries to close the value', { given: q.email.is("\\' OR 1"), want: "email:'\\\\\\' OR 1'" }],
  ['a trailing backslash cannot escape the closing quote', { given: q.name.is('abc\\'), want: "name:'abc\\\\'" }],
  ['a substring with quotes', { given: q.name.contains("O'B"), want: "name~'O\\'B'" }],
  ['unicode', { given: q.name.is('Zoë 漢字 😀'), want: "name:'Zoë 漢字 😀'" }],
  ['three astral characters are three characters', { given: q.name.contains('😀😀😀'), want: "name~'😀😀😀'" }],
  ['exact match on the empty string', { given: q.email.is(''), want: "email:''" }],
  ['a newline stays inside the value', { given: q.name.is('a\nb AND c'), want: "name:'a\nb AND c'" }],
  ['a hostile metadata key', { given: q.metadata("k'] OR email:'x").is('v'), want: "metadata['k\\'] OR email:\\'x']:'v'" }],
  ['a hostile metadata value', { given: q.metadata('k').is("v' OR name:'x"), want: "metadata['k']:'v\\' OR name:\\'x'" }],
];

describe('customerSearch builds query strings', () => {
  it.each(cases)('%s', (_name, { given, want }) => {
    expect(given.toString()).toBe(want);
    expect(`${given}`).toBe(want);
  });
});

/** Runs `build` and returns the StripeValidationError it throws as `field: rule`. */
function refusal(build: () => unknown): string {
  try {
    build();
  } catch (error) {
    expect(error).toBeInstanceOf(StripeValidationError);
    const issues = (error as StripeValidationError).issues;
    expect(issues).toHaveLength(1);
    return `${issues[0]?.field}: ${issues[0]?.message}`;
  }
  throw new Error('expected a StripeValidationError');
}

const MIXING = "query: cannot mix AND and OR in one query (Stripe's search language does not allow it)";

const refusals: [string, { given: () => unknown; want: string }][] = [
  // @ts-expect-error an OR query inside AND is a compile error too
  ['OR inside AND', { given: () => q.and(q.or(jenny, rosen), q.created.gt(1)), want: MIXING }],
  // @ts-expect-error an AND query inside OR is a compile error too
  ['AND inside OR', { given: () => q.or(jenny, q.and(rosen, q.created.gt(1))), want: MIXING }],
  ['a two-character substring', { given: () => q.name.contains('Ro'), want: 'name: a substring match (~) needs at least 3 characters' }],
  ['a substring of the empty string', { given: () => q.email.contains(''), want: 'email: a substring match (~) needs at least 3 characters' }],
  ['two astral characters', { given: () => q.phone.contains('😀😀'), want: 'phone: a substring match (~) needs at least 3 characters' }],
  ['a fractional created', { given: () => q.created.gt(1680000000.5), want: 'created: must be an integer (unix seconds)' }],
  ['NaN created', { given: () => q.created.lt(Number.NaN), want: 'created: must be an integer (unix seconds)' }],
  ['Infinity created', { given: () => q.created.lte(Infinity), want: 'created: must be an integer (unix seconds)' }],
  ['created given as a string', { given: () => q.created.is('1680000000' as never), want: 'created: must be an integer (unix seconds)' }],
  ['a non-string value', { given: () => q.email.is(42 as never), want: 'email: the value must be a string' }],
  ['an empty metadata key', { given: () => q.metadata(''), want: 'metadata: the metadata key must not be empty' }],
  ['an empty AND', { given: () => q.and(), want: 'query: AND needs at least one clause' }],
  // @ts-expect-error Stripe negates single clauses only
  ['negating an AND', { given: () => q.not(q.and(jenny, rosen)), want: 'query: NOT applies to one clause (Stripe has no parentheses)' }],
  ['a plain string inside OR', { given: () => q.or(jenny, "name:'x'" as never), want: 'query: OR takes queries built with customerSearch' }],
];

describe('customerSearch refuses what Stripe would reject', () => {
  it.each(refusals)('%s', (_name, { given, want }) => {
    expect(refusal(given)).toBe(want);
  });

  it('says what is wrong in the message', () => {
    expect(() => q.and(q.or(jenny, rosen) as never, rosen)).toThrow(/Invalid search query:\n {2}query: cannot mix AND and OR/);
  });
});

/**
 * A test-only reader for `field:'value'` clauses joined by ` AND `, following Stripe's quoting: a
 * backslash takes the next character literally (only `'` and `\` are ever escaped), `'` ends a value.
 */
function readClauses(query: string): [field: string, value: string][] {
  const clauses: [string, string][] = [];
  let i = 0;
  for (;;) {
    const head = /^([a-z]+):'/.exec(query.slice(i));
    if (!head) throw new Error(`expected field:' at ${i} in ${JSON.stringify(query)}`);
    i += head[0].length;
    let value = '';
    for (;;) {
      const char = query[i++];
      if (char === undefined) throw new Error('unterminated value');
      if (char === "'") break;
      if (char === '\\') {
        const escaped = query[i++];
        if (escaped !== "'" && escaped !== '\\') throw new Error(`unexpected escape \\${escaped}`);
        value += escaped;
      } else {
        value += char;
      }
    }
    clauses.push([head[1] ?? '', value]);
    if (i === query.length) return clauses;
    if (!query.startsWith(' AND ', i)) throw new Error(`expected AND at ${i} in ${JSON.stringify(query)}`);
    i += ' AND '.length;
  }
}

// Characters that matter to the query language, mixed into arbitrary unicode.
const hostile = fc.string({
  unit: fc.oneof(fc.constantFrom("'", '\\', "\\'", ' AND ', ' OR ', ':', '~', '-', '\n'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })),
});

describe('escaping is reversible', () => {
  it("reads email:'<escaped v>' back as exactly v, for any v", () => {
    fc.assert(
      fc.property(hostile, (v) => {
        expect(readClauses(q.email.is(v).toString())).toEqual([['email', v]]);
        expect(quoteSearchValue(v)).toBe(q.email.is(v).toString().slice('email:'.length));
      }),
    );
  });

  it('no value can forge the end of its clause: two values stay two clauses', () => {
    fc.assert(
      fc.property(hostile, hostile, (v, w) => {
        expect(readClauses(q.and(q.email.is(v), q.name.is(w)).toString())).toEqual([['email', v], ['name', w]]);
      }),
    );
  });

  it('the reader itself rejects an unescaped quote', () => {
    expect(() => readClauses("email:'a' OR email:'x'")).toThrow(/expected AND/);
  });
});

describe('SearchQuery', () => {
  it('is what the builder returns, with its kind', () => {
    expect(jenny).toBeInstanceOf(SearchQuery);
    expect([jenny.kind, q.and(jenny, rosen).kind, q.or(jenny, rosen).kind]).toEqual(['clause', 'and', 'or']);
  });
});

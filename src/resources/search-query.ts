import { customIssue, StripeValidationError } from '../errors/errors.js';

// Stripe's search query language (https://docs.stripe.com/search#search-query-language): clauses are
// `field:'value'` (exact), `field~'value'` (substring, at least 3 characters), `field>n` and friends
// (numeric fields only), `-clause` negates one clause, and clauses join with AND or OR, never both in
// one query, and without parentheses. Values are quoted with `'`; a `'` or `\` inside is escaped with
// a backslash, so nothing a user types can end the quoted value early and add clauses of its own.

/** How a query's clauses are joined: a single clause can go inside either. */
export type SearchQueryKind = 'clause' | 'and' | 'or';

/**
 * A built search query: pass it as `query` to `customers.search`, or call `toString()` for the text.
 * The type says how it is joined, so `and(or(...), ...)` is a compile error as well as a run-time one.
 * @example
 * const query = customerSearch.email.is('jenny@example.com');
 * String(query); // "email:'jenny@example.com'"
 */
export class SearchQuery<Kind extends SearchQueryKind = SearchQueryKind> {
  /** `'clause'` for one clause (negated or not), else how the clauses are joined. */
  readonly kind: Kind;
  readonly #text: string;

  /** @internal Queries are made by {@link customerSearch}, which checks and quotes every part. */
  constructor(kind: Kind, text: string) {
    this.kind = kind;
    this.#text = text;
  }

  /** The query in Stripe's search language, ready to send. */
  toString(): string {
    return this.#text;
  }
}

/** Exact and substring matches on a text field (`email`, `name`, `phone`). */
export interface TextField {
  /** `field:'value'`: exact match. `''` is allowed. */
  is(value: string): SearchQuery<'clause'>;
  /** `field~'value'`: substring match; the value must have at least 3 characters. */
  contains(value: string): SearchQuery<'clause'>;
}

/** A metadata value: Stripe matches metadata exactly only (it is a token field). */
export interface MetadataField {
  /** `metadata['key']:'value'`. */
  is(value: string): SearchQuery<'clause'>;
}

/** Comparisons on `created` (unix seconds, integers only). */
export interface CreatedField {
  /** `created:n`. */
  is(seconds: number): SearchQuery<'clause'>;
  /** `created>n`. */
  gt(seconds: number): SearchQuery<'clause'>;
  /** `created>=n`. */
  gte(seconds: number): SearchQuery<'clause'>;
  /** `created<n`. */
  lt(seconds: number): SearchQuery<'clause'>;
  /** `created<=n`. */
  lte(seconds: number): SearchQuery<'clause'>;
}

/** Stripe's minimum length for a `~` substring match. */
const MIN_SUBSTRING = 3;

function refuse(field: string, rule: string): never {
  throw new StripeValidationError([customIssue([field], rule)], 'Invalid search query');
}

/**
 * `value` in single quotes, with `\` and `'` escaped by a backslash: the only characters that could
 * end the quoted value early. Anything else (spaces, `AND`, newlines, unicode) stays literal text.
 * @example quoteSearchValue("O'Brien") // "'O\\'Brien'"
 */
export function quoteSearchValue(value: string): string {
  return `'${value.replace(/[\\']/g, (char) => `\\${char}`)}'`;
}

function text(field: string, value: unknown): string {
  if (typeof value !== 'string') refuse(field, 'the value must be a string');
  return value;
}

function clause(field: string, operator: string, value: string): SearchQuery<'clause'> {
  return new SearchQuery('clause', `${field}${operator}${value}`);
}

function textField(field: string): TextField {
  return {
    is: (value) => clause(field, ':', quoteSearchValue(text(field, value))),
    contains: (value) => {
      // Stripe counts characters, so count code points rather than UTF-16 units.
      if ([...text(field, value)].length < MIN_SUBSTRING) {
        refuse(field, `a substring match (~) needs at least ${MIN_SUBSTRING} characters`);
      }
      return clause(field, '~', quoteSearchValue(value));
    },
  };
}

function createdField(): CreatedField {
  const compare = (operator: string) => (seconds: number) => {
    if (typeof seconds !== 'number' || !Number.isSafeInteger(seconds)) {
      refuse('created', 'must be an integer (unix seconds)');
    }
    return clause('created', operator, String(seconds));
  };
  return { is: compare(':'), gt: compare('>'), gte: compare('>='), lt: compare('<'), lte: compare('<=') };
}

function join<Kind extends 'and' | 'or'>(kind: Kind, parts: readonly SearchQuery[]): SearchQuery<SearchQueryKind> {
  const keyword = kind.toUpperCase();
  if (parts.length === 0) refuse('query', `${keyword} needs at least one clause`);
  for (const part of parts) {
    if (!(part instanceof SearchQuery)) refuse('query', `${keyword} takes queries built with customerSearch`);
    if (part.kind !== 'clause' && part.kind !== kind) {
      refuse('query', `cannot mix AND and OR in one query (Stripe's search language does not allow it)`);
    }
  }
  const [only] = parts;
  if (parts.length === 1 && only) return only;
  return new SearchQuery(kind, parts.map(String).join(` ${keyword} `));
}

/** Joins clauses with AND: every clause must match. Refuses an OR query among them. */
export interface AndBuilder {
  <Kind extends 'clause' | 'and'>(only: SearchQuery<Kind>): SearchQuery<Kind>;
  (...parts: SearchQuery<'clause' | 'and'>[]): SearchQuery<'and'>;
}

/** Joins clauses with OR: any clause may match. Refuses an AND query among them. */
export interface OrBuilder {
  <Kind extends 'clause' | 'or'>(only: SearchQuery<Kind>): SearchQuery<Kind>;
  (...parts: SearchQuery<'clause' | 'or'>[]): SearchQuery<'or'>;
}

/** The builder for customer search queries; see {@link customerSearch}. */
export interface CustomerSearchBuilder {
  readonly email: TextField;
  readonly name: TextField;
  readonly phone: TextField;
  readonly created: CreatedField;
  /** A metadata key: `metadata['key']`, the key quoted and escaped like a value. */
  metadata(key: string): MetadataField;
  readonly and: AndBuilder;
  readonly or: OrBuilder;
  /** `-clause`: the clause must not match. Stripe negates single clauses only; `not(not(x))` is `x`. */
  not(query: SearchQuery<'clause'>): SearchQuery<'clause'>;
}

function negate(query: SearchQuery<'clause'>): SearchQuery<'clause'> {
  if (!(query instanceof SearchQuery) || query.kind !== 'clause') {
    refuse('query', 'NOT applies to one clause (Stripe has no parentheses)');
  }
  const source = query.toString();
  return new SearchQuery('clause', source.startsWith('-') ? source.slice(1) : `-${source}`);
}

/**
 * Builds search queries for customers over the fields Stripe lets you search: `email`, `name`,
 * `phone`, `created` and `metadata['key']`. Every value is quoted and escaped, so user input can
 * never change the structure of the query; rules Stripe would reject (mixing AND with OR, a
 * substring under 3 characters, a non-integer `created`) throw a `StripeValidationError` at once.
 * @example
 * import { customerSearch as q } from 'stripe-customers';
 * q.and(q.email.is('jenny@example.com'), q.metadata('app_user_id').is('u_42'));
 * // email:'jenny@example.com' AND metadata['app_user_id']:'u_42'
 * q.or(q.name.contains('Rosen'), q.phone.is('+15551234567')); // name~'Rosen' OR phone:'+15551234567'
 * q.not(q.email.is('a@b.c'));                                  // -email:'a@b.c'
 * await stripe.customers.search({ query: q.created.gt(1680000000) });
 */
// Marked pure, calls and all, so an app that never builds a query bundles none of this.
export const customerSearch: CustomerSearchBuilder = /* @__PURE__ */ Object.freeze({
  email: /* @__PURE__ */ textField('email'),
  name: /* @__PURE__ */ textField('name'),
  phone: /* @__PURE__ */ textField('phone'),
  created: /* @__PURE__ */ createdField(),
  metadata: (key: string): MetadataField => {
    if (text('metadata', key) === '') refuse('metadata', 'the metadata key must not be empty');
    const field = `metadata[${quoteSearchValue(key)}]`;
    return { is: (value) => clause(field, ':', quoteSearchValue(text(field, value))) };
  },
  and: ((...parts: SearchQuery[]) => join('and', parts)) as AndBuilder,
  or: ((...parts: SearchQuery[]) => join('or', parts)) as OrBuilder,
  not: negate,
});

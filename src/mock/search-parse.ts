import { invalidParam, type MockError } from './envelope.js';

// The subset of Stripe's search query language the mock understands (docs/stripe-wire.md#search-syntax):
// clauses `field:value`, `field~value`, `field>value` (and `<`, `>=`, `<=`),
// `-` negation, joined by spaces or AND, or else by OR (never both); values quoted with ' or "
// and backslash escapes; numbers and `null` may go unquoted; at most 10 clauses.

/** A field the customers search index has. */
export type SearchField = 'created' | 'email' | 'metadata' | 'name' | 'phone';
/** A clause operator. */
export type SearchOperator = ':' | '~' | '>' | '<' | '>=' | '<=';

/** One `field op value` clause. */
export interface SearchClause {
  negate: boolean;
  field: SearchField;
  /** For `metadata['key']`: the key. */
  key?: string;
  op: SearchOperator;
  /** A string, an integer (for `created`) or null (`field:null`: the field is not set). */
  value: string | number | null;
}

/** A parsed query: its clauses and how they combine. */
export interface SearchQuery {
  clauses: SearchClause[];
  joiner: 'AND' | 'OR';
}

const MAX_CLAUSES = 10;
const STRING_FIELDS = new Set(['email', 'name', 'phone']);
const OPERATORS: readonly SearchOperator[] = ['>=', '<=', ':', '~', '>', '<'];

function fail(message: string): MockError {
  return invalidParam('query', message);
}

/**
 * Parses a customers search query; a query the mock cannot read is Stripe's 400 on `query`.
 * @example parseSearchQuery("metadata['app_user_id']:'u_42' AND created>1700000000")
 */
export function parseSearchQuery(text: string): SearchQuery {
  let at = 0;
  const skipSpace = () => {
    const start = at;
    while (at < text.length && /\s/.test(text[at]!)) at++;
    return at > start;
  };
  const syntax = (what: string) => fail(`Invalid search query at position ${at}: ${what}. Query: ${text}`);

  const quoted = (): string => {
    const quote = text[at];
    if (quote !== "'" && quote !== '"') throw syntax('expected a quoted value');
    let out = '';
    for (at++; at < text.length; at++) {
      const char = text[at]!;
      if (char === quote) {
        at++;
        return out;
      }
      if (char === '\\') at++;
      out += text[at] ?? '';
    }
    throw syntax('unterminated quoted value');
  };

  const clause = (): SearchClause => {
    const negate = text[at] === '-';
    if (negate) at++;
    const name = /^[A-Za-z_]+/.exec(text.slice(at))?.[0] ?? '';
    if (name === '') throw syntax('expected a field name');
    at += name.length;
    if (!['created', 'email', 'metadata', 'name', 'phone'].includes(name)) {
      throw fail(`Field '${name}' is not searchable on customers. Searchable fields: created, email, metadata, name, phone.`);
    }
    const field = name as SearchField;
    let key: string | undefined;
    if (field === 'metadata') {
      if (text[at] !== '[') throw syntax("metadata needs a key, as in metadata['key']");
      at++;
      key = quoted();
      if (text[at] !== ']') throw syntax("expected ']' after the metadata key");
      at++;
    }
    const op = OPERATORS.find((candidate) => text.startsWith(candidate, at));
    if (!op) throw syntax(`expected an operator (:, ~, >, <, >=, <=) after ${name}`);
    at += op.length;
    let value: string | number | null;
    if (text[at] === "'" || text[at] === '"') value = quoted();
    else {
      const bare = /^[^\s]+/.exec(text.slice(at))?.[0] ?? '';
      at += bare.length;
      if (bare === 'null') value = null;
      else if (/^-?\d+$/.test(bare)) value = Number(bare);
      else throw syntax(`string values must be quoted ('${bare}')`);
    }
    return checkClause({ negate, field, ...(key === undefined ? {} : { key }), op, value });
  };

  skipSpace();
  if (at >= text.length) throw fail('The search query cannot be empty.');
  const clauses: SearchClause[] = [];
  const joiners = new Set<'AND' | 'OR'>();
  for (;;) {
    clauses.push(clause());
    const spaced = skipSpace();
    if (at >= text.length) break;
    if (!spaced) throw syntax('expected a space between clauses');
    const word = /^(and|or)(?=\s|$)/i.exec(text.slice(at))?.[0];
    joiners.add(word?.toUpperCase() === 'OR' ? 'OR' : 'AND');
    if (word) {
      at += word.length;
      skipSpace();
    }
    if (at >= text.length) throw syntax('the query ends after a joiner');
  }
  if (joiners.size > 1) throw fail('AND and OR cannot be combined in one search query; use one or the other.');
  if (clauses.length > MAX_CLAUSES) throw fail(`A search query can have at most ${MAX_CLAUSES} clauses.`);
  return { clauses, joiner: joiners.has('OR') ? 'OR' : 'AND' };
}

/** What each field allows: `~` on strings (3+ characters), comparisons on `created`, `null` with `:`. */
function checkClause(clause: SearchClause): SearchClause {
  const { field, op, value } = clause;
  const label = clause.key === undefined ? field : `metadata['${clause.key}']`;
  if (value === null && op !== ':') throw fail(`null can only be matched with ':' (${label}).`);
  if (field === 'created') {
    if (op === '~') throw fail('created does not support substring matching (~).');
    const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
    if (number !== null && typeof number !== 'number') throw fail(`created must be compared with an integer, got '${String(value)}'.`);
    return { ...clause, value: number };
  }
  if (op !== ':' && op !== '~') throw fail(`${label} does not support numeric comparison (${op}).`);
  if (op === '~' && !STRING_FIELDS.has(field)) throw fail(`${label} does not support substring matching (~).`);
  if (op === '~' && String(value).length < 3) throw fail(`Substring matching (~) needs at least 3 characters (${label}).`);
  return { ...clause, value: value === null ? null : String(value) };
}

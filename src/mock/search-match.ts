import type { Customer } from '../resources/types.js';
import type { SearchClause, SearchQuery } from './search-parse.js';

// Matching choices (Stripe documents the operators, not every comparison rule): email, name and
// phone compare case-insensitively, for `:` and `~` alike, as Stripe's search index does for
// these fields; metadata values are the caller's own ids and compare exactly. A field that is
// not set never matches a value, and matches `null`.

function text(value: string): string {
  return value.toLocaleLowerCase('en-US');
}

function clauseHolds(customer: Customer, clause: SearchClause): boolean {
  const { field, op, value } = clause;
  if (field === 'created') {
    const created = customer.created;
    if (typeof value !== 'number') return false;
    if (op === '>') return created > value;
    if (op === '<') return created < value;
    if (op === '>=') return created >= value;
    if (op === '<=') return created <= value;
    return created === value;
  }
  if (field === 'metadata') {
    const metadata = customer.metadata ?? {};
    const actual = clause.key !== undefined && Object.hasOwn(metadata, clause.key) ? metadata[clause.key] : undefined;
    return value === null ? actual === undefined : actual === value;
  }
  const actual = customer[field];
  if (value === null) return actual === null || actual === undefined;
  if (typeof actual !== 'string') return false;
  return op === '~' ? text(actual).includes(text(String(value))) : text(actual) === text(String(value));
}

/**
 * Whether a customer matches a parsed query: every clause (AND) or any clause (OR), each clause
 * negated by a leading `-`.
 * @example matchesQuery(customer, parseSearchQuery("email:'jenny@example.com'"))
 */
export function matchesQuery(customer: Customer, query: SearchQuery): boolean {
  const holds = (clause: SearchClause) => clauseHolds(customer, clause) !== clause.negate;
  return query.joiner === 'AND' ? query.clauses.every(holds) : query.clauses.some(holds);
}

import { customIssue, StripeValidationError } from '../errors/errors.js';
import { request, type Operation, type RequestContext } from '../http/request.js';
import type { RequestOptions } from '../client/options.js';
import { expandIssues, type ExpandTree } from '../validation/expand-paths.js';
import { listPages, searchPages, type CursorParams, type ListPage, type SearchPage } from './pagination.js';
import { SearchQuery } from './search-query.js';

// A resource (`client.customers`) is built from its generated method table (generated/methods.ts):
// no method is written by hand. Each table row says which operation runs, which leading arguments
// are path ids, where the params argument goes and how the result pages; this file turns a row into
// a function with the arguments path ids, then params, then options.

/** One row of a generated method table. */
export interface MethodSpec {
  /** The operation, with the tree of paths its `expand` may name. */
  readonly operation: Operation & { readonly expandable?: ExpandTree };
  /** Path params in path order: the method's first arguments. */
  readonly ids: readonly string[];
  /** Where the params argument goes; null when the operation takes none (then there is no such argument). */
  readonly params: 'query' | 'body' | null;
  readonly paging: 'list' | 'search' | null;
  /** Other names for the same method. */
  readonly aliases?: readonly string[];
}

type Method = (...args: unknown[]) => unknown;

/** A search query built with `customerSearch` becomes its text; anything else is left for validation. */
function withQueryText(params: unknown): object | undefined {
  const query = (params as { query?: unknown } | undefined)?.query;
  return query instanceof SearchQuery ? { ...(params as object), query: query.toString() } : (params as object | undefined);
}

function tooManyArguments(name: string, spec: MethodSpec, given: number): Promise<never> {
  const expected = [...spec.ids, ...(spec.params ? ['params'] : []), 'options'];
  const message = `takes at most ${expected.length} arguments (${expected.join(', ')}), not ${given}`;
  return Promise.reject(new StripeValidationError([customIssue([], message)], `Invalid call of ${name}`));
}

function method(context: RequestContext, name: string, spec: MethodSpec): Method {
  const { operation, ids, params: where, paging } = spec;
  const arity = ids.length + (where ? 1 : 0) + 1;
  return (...args) => {
    // An extra argument would be silently dropped, options and all: `del(id, {}, options)` from a
    // stripe-node habit must not lose its options.
    if (args.length > arity) return tooManyArguments(name, spec, args.length);
    const path: Record<string, string> = {};
    ids.forEach((id, i) => (path[id] = args[i] as string));
    const params = where ? args[ids.length] : undefined;
    const options = args[arity - 1] as RequestOptions | undefined;
    // An `expand` path the spec does not name is refused here, before anything is sent: Stripe
    // would refuse it too, after a round trip, and a typo should not cost one. A call without
    // `expand` skips the check, so the common path runs no more code than it did.
    const send = (value: object | undefined) => {
      const expand = (value as { expand?: unknown } | undefined)?.expand;
      const refused = Array.isArray(expand) && expand.length > 0 ? expandIssues(operation.expandable, value) : [];
      if (refused.length) return Promise.reject(new StripeValidationError(refused));
      return request(context, operation, { path, [where ?? 'body']: value }, options);
    };
    // The table, not this code, knows each operation's types: the generated interface states them.
    if (paging === 'list') return listPages(params as CursorParams | undefined, send as (p?: CursorParams) => Promise<ListPage<{ id: string }>>);
    if (paging === 'search') return searchPages(withQueryText(params) as { page?: string }, send as (p: object) => Promise<SearchPage<unknown>>);
    return send(params as object | undefined);
  };
}

/**
 * The resource for a client: one function per row of `table`, under its name and its aliases. The
 * generated interface types each one; the functions themselves are generic.
 */
export function buildResource(context: RequestContext, table: Readonly<Record<string, MethodSpec>>): Record<string, Method> {
  const resource: Record<string, Method> = {};
  for (const [name, spec] of Object.entries(table)) {
    const fn = method(context, name, spec);
    for (const key of [name, ...(spec.aliases ?? [])]) resource[key] = fn;
  }
  return resource;
}

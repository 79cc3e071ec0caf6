import { operations, type OperationId } from '../../generated/operations.js';
import type { $ZodType } from 'zod/v4/core';
import type { Operation } from '../http/request.js';
import { MockError } from './envelope.js';

/** An operation of the generated table as the mock runs it: the client's view plus its error schema. */
export interface OperationSpec extends Operation {
  readonly errorSchema: $ZodType | null;
}

/** A request matched to a generated operation, with its path params decoded. */
export interface Route {
  readonly op: OperationSpec & { readonly id: OperationId };
  readonly path: Record<string, string>;
}

interface CompiledRoute {
  op: Route['op'];
  pattern: RegExp;
  names: readonly string[];
}

// Built from the generated table, so a route exists exactly when the spec has the operation.
// Templates with fewer params come first: GET /v1/customers/search is the search operation, not
// a retrieve of a customer called "search".
const ROUTES: readonly CompiledRoute[] = Object.values(operations)
  .map((op) => ({
    op: op as Route['op'],
    names: op.pathParams,
    pattern: new RegExp(`^${op.path.replace(/[.*+?^$()|\\]/g, '\\$&').replace(/\{[^}]+\}/g, '([^/]+)')}$`),
  }))
  .sort((a, b) => a.names.length - b.names.length);

/**
 * The operation for a method and path, or a 404 `MockError` worded like Stripe's
 * "Unrecognized request URL".
 * @example matchRoute('get', '/v1/customers/cus_123') // { op: operations.GetCustomersCustomer, path: { customer: 'cus_123' } }
 */
export function matchRoute(method: string, pathname: string): Route {
  const wanted = method.toLowerCase();
  for (const route of ROUTES) {
    if (route.op.method !== wanted) continue;
    const match = route.pattern.exec(pathname);
    if (!match) continue;
    const path: Record<string, string> = {};
    const ok = route.names.every((name, i) => {
      const value = decodeSegment(match[i + 1] ?? '');
      if (value !== undefined) path[name] = value;
      return value !== undefined;
    });
    if (ok) return { op: route.op, path };
  }
  throw new MockError(404, {
    type: 'invalid_request_error',
    message:
      `Unrecognized request URL (${method.toUpperCase()}: ${pathname}). ` +
      "This mock serves the customer endpoints of Stripe's API, under /v1/customers.",
  });
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

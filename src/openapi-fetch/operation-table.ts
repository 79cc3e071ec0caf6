import type { $ZodType } from 'zod/v4/core';
import { customIssue, StripeValidationError, type ValidationIssue } from '../errors/errors.js';

// openapi-fetch tells a middleware which operation a request is only by its method and `schemaPath`,
// the path template as written in `paths` (`/v1/customers/{customer}`). The generated operation
// table has both on every row, so a lookup by the pair finds the row and with it the schemas.

/**
 * One row of a generated operation table (`generated/operations.ts`), as the middleware reads it:
 * the method, the path template, the path param names, and the zod schemas of each part.
 * @example
 * const row: TableOperation = operations.GetCustomersCustomer;
 */
export interface TableOperation {
  readonly id: string;
  /** Lower-case: `get`, `post`, `delete`. */
  readonly method: string;
  /** The path template, exactly as the `paths` type spells it: `/v1/customers/{customer}`. */
  readonly path: string;
  readonly pathParams: readonly string[];
  /** Ids a path param must not take, because another route has that fixed segment in its place. */
  readonly reservedIds?: { readonly [param: string]: readonly string[] } | undefined;
  readonly pathSchema: $ZodType | null;
  readonly querySchema: $ZodType | null;
  readonly bodySchema: $ZodType | null;
  /** The 2xx body; `null` when the operation documents none (nothing is checked then). */
  readonly responseSchema: $ZodType | null;
  /** The error body the operation documents (`default` or 4xx/5xx), if any. */
  readonly errorSchema?: $ZodType | null | undefined;
}

/**
 * A generated operation table: rows by operationId.
 * @example
 * import { operations } from 'stripe-customers';
 * const table: OperationTable = operations;
 */
export type OperationTable = { readonly [operationId: string]: TableOperation };

/**
 * Finds the row of a request: undefined when the table has no such method and template.
 * @example const op = find('GET', '/v1/customers/{customer}'); // operations.GetCustomersCustomer
 */
export type FindOperation = (method: string, schemaPath: string) => TableOperation | undefined;

const key = (method: string, path: string) => `${method.toLowerCase()} ${path}`;

/**
 * Indexes `table` by method and path template, once.
 * @example const find = indexOperations(operations);
 * @throws {StripeValidationError} when `table` is not an object of rows with a string `method` and
 *   `path`, or two rows share both (a request could not be told apart).
 */
export function indexOperations(table: unknown): FindOperation {
  if (table === null || typeof table !== 'object' || Array.isArray(table)) {
    throw new StripeValidationError([customIssue([], 'must be a generated operation table: an object of operations by id')], 'Invalid operation table');
  }
  const byKey = new Map<string, TableOperation>();
  const issues: ValidationIssue[] = [];
  for (const [id, row] of Object.entries(table as Record<string, unknown>)) {
    const op = row as Partial<TableOperation> | null;
    if (op === null || typeof op !== 'object' || typeof op.method !== 'string' || typeof op.path !== 'string') {
      issues.push(customIssue([id], 'must be an operation with a string method and path'));
      continue;
    }
    const k = key(op.method, op.path);
    const other = byKey.get(k);
    if (other) issues.push(customIssue([id], `has the same method and path as ${other.id}`));
    else byKey.set(k, op as TableOperation);
  }
  if (issues.length) throw new StripeValidationError(issues, 'Invalid operation table');
  return (method, schemaPath) => byKey.get(key(method, schemaPath));
}

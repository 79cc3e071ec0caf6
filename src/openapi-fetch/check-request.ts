import type { $ZodType } from 'zod/v4/core';
import { customIssue, StripeValidationError, type ValidationIssue } from '../errors/errors.js';
import { fastAccepts } from '../validation/fast-path.js';
import { formatPath } from '../validation/issue-text.js';
import { zodIssues } from '../validation/validate.js';
import { decodeForm } from '../wire/form-decode.js';
import type { TableOperation } from './operation-table.js';

// What a request carries is checked before it leaves, as the client checks its params: the compiler
// sees `paths`, but plain JavaScript, `as any` and values from outside (a limit of 500, a 41-character
// metadata key) get past it. The body is only on the wire by now, so it is read back from there.

/**
 * The params openapi-fetch hands a middleware (its `params`), as far as the checks read them.
 * @example const params: RequestParams = { path: { customer: 'cus_1' }, query: { expand: ['tax_ids'] } };
 */
export interface RequestParams {
  readonly path?: Readonly<Record<string, unknown>> | undefined;
  readonly query?: Readonly<Record<string, unknown>> | undefined;
}

// `.` and `..` survive percent-encoding and are then resolved by URL parsing: the request would
// reach another route (`/v1/customers/..` is `/v1/`).
const DOT_SEGMENT = /^\.{1,2}$/;

/** Ids that cannot go into their place in the path: missing, empty, `.`, `..`, or another route's segment. */
function idIssues(op: TableOperation, ids: RequestParams['path']): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const name of op.pathParams) {
    const id = ids?.[name];
    // openapi-fetch leaves `{customer}` in the URL when the id is missing.
    if (id === undefined || id === null) issues.push(customIssue(['path', name], 'is required'));
    else if (typeof id !== 'string') continue;
    else if (id === '' || DOT_SEGMENT.test(id)) issues.push(customIssue(['path', name], 'must be an id, not empty, "." or ".."'));
    else if (op.reservedIds?.[name]?.includes(id)) {
      issues.push(customIssue(['path', name], `must be an id, not "${id}": ${op.path.replace(`{${name}}`, id)} is another endpoint`));
    }
  }
  return issues;
}

/** zod's issues for one part, under `root`; the fast path first, so a good value costs one walk. */
function partIssues(schema: $ZodType | null, value: unknown, root: string, what: string): ValidationIssue[] {
  if (schema) {
    const given = value ?? {};
    if (fastAccepts(schema)(given)) return [];
    return zodIssues(schema, given).map((issue) => {
      const path = [root, ...issue.path];
      return { ...issue, path, field: formatPath(path) } as ValidationIssue;
    });
  }
  const empty = value === undefined || value === null || (typeof value === 'object' && Object.keys(value).length === 0);
  return empty ? [] : [customIssue([root], `this operation takes no ${what}`)];
}

const FORM = 'application/x-www-form-urlencoded';

/**
 * The body as the operation's schema sees it: a form body decoded the way Stripe reads it, a JSON
 * body parsed. Undefined (nothing to check) for other content types.
 */
async function sentBody(request: Request, schema: $ZodType): Promise<{ value: unknown } | { issues: ValidationIssue[] } | undefined> {
  const type = (request.headers.get('content-type') ?? '').split(';', 1)[0]!.trim().toLowerCase();
  if (type !== FORM && !/^application\/(.+\+)?json$/.test(type)) return undefined;
  const text = request.body === null ? '' : await request.clone().text();
  if (type !== FORM) {
    try {
      return { value: text === '' ? {} : JSON.parse(text) };
    } catch {
      return { issues: [customIssue(['body'], 'is labelled JSON but is not JSON')] };
    }
  }
  try {
    return { value: decodeForm(text, schema) };
  } catch (error) {
    if (!(error instanceof StripeValidationError)) throw error;
    return { issues: error.issues.map((issue) => customIssue(['body', ...(issue.path as (string | number)[])], issue.message)) };
  }
}

/**
 * Checks a request against its operation before it is sent: the path ids (present, not `.` or `..`,
 * not another route's segment), `params.path` and `params.query` against their schemas, and the body
 * as it will travel, decoded back by its content type, against the body schema.
 * @throws {StripeValidationError} naming every problem (fields read `path.customer`, `query.limit`,
 *   `body.metadata.order_id`); nothing has been sent.
 * @example
 * await checkRequest(operations.GetCustomers, { query: { limit: 500 } }, request); // throws: query.limit
 */
export async function checkRequest(op: TableOperation, params: RequestParams, request: Request): Promise<void> {
  const issues = [
    ...idIssues(op, params.path),
    ...partIssues(op.pathSchema, params.path, 'path', 'path params'),
    ...partIssues(op.querySchema, params.query, 'query', 'query params'),
  ];
  if (op.bodySchema) {
    const body = await sentBody(request, op.bodySchema);
    if (body && 'issues' in body) issues.push(...body.issues);
    else if (body) issues.push(...partIssues(op.bodySchema, body.value, 'body', 'body'));
  }
  if (issues.length) throw new StripeValidationError(issues, `Invalid params for ${request.method} ${op.path}`);
}

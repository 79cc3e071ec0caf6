import type { $ZodType } from 'zod/v4/core';
import { safeParse } from 'zod/v4/core';
import { StripeValidationError, type ValidationIssue } from './errors.js';
import { formatPath } from './format-path.js';
import { toValidationIssues } from './issues.js';
import type { CallParams, OperationSpec } from './operation.js';

// `.` and `..` survive percent-encoding and are then resolved by URL parsing, which would send the
// request to another route: `retrieve('..')` must not become GET /v1/.
const DOT_SEGMENT = /^\.{1,2}$/;

function check(schema: $ZodType | null, value: object | undefined, issues: ValidationIssue[], what: string): void {
  if (!schema) {
    if (value !== undefined && Object.keys(value).length > 0) {
      issues.push({ path: [], field: formatPath([]), rule: `this operation takes no ${what}` });
    }
    return;
  }
  const input = value ?? {};
  const result = safeParse(schema, input);
  if (!result.success) issues.push(...toValidationIssues(result.error.issues, input));
}

/**
 * Checks a call's params against the operation's generated schemas before anything is sent.
 * Every problem (path ids, query, body) is collected, then one {@link StripeValidationError} lists them.
 */
export function validateParams(op: OperationSpec, params: CallParams): void {
  const issues: ValidationIssue[] = [];
  for (const name of op.pathParams) {
    const id = params.path?.[name];
    if (typeof id === 'string' && (id === '' || DOT_SEGMENT.test(id))) {
      issues.push({ path: [name], field: name, rule: 'must be an id, not empty, "." or ".."' });
    }
  }
  check(op.pathSchema, params.path, issues, 'path params');
  check(op.querySchema, params.query, issues, 'query params');
  check(op.bodySchema, params.body, issues, 'params');
  if (issues.length) throw new StripeValidationError(issues);
}

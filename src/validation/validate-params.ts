import type { Check } from '../../generated/checks.js';
import { checkValue } from './check.js';
import { StripeValidationError, type ValidationIssue } from '../errors/errors.js';
import { formatPath } from './format-path.js';
import type { CallParams, ClientOperation } from '../http/operation.js';

// `.` and `..` survive percent-encoding and are then resolved by URL parsing, which would send the
// request to another route: `retrieve('..')` must not become GET /v1/.
const DOT_SEGMENT = /^\.{1,2}$/;

function check(rules: Check | null, value: object | undefined, issues: ValidationIssue[], what: string): void {
  if (!rules) {
    if (value !== undefined && Object.keys(value).length > 0) {
      issues.push({ path: [], field: formatPath([]), rule: `this operation takes no ${what}` });
    }
    return;
  }
  issues.push(...checkValue(rules, value ?? {}));
}

/**
 * Checks a call's params against the operation's generated checks before anything is sent.
 * Every problem (path ids, query, body) is collected, then one {@link StripeValidationError} lists them.
 */
export function validateParams(op: ClientOperation, params: CallParams): void {
  const issues: ValidationIssue[] = [];
  for (const name of op.pathParams) {
    const id = params.path?.[name];
    if (typeof id !== 'string') continue;
    if (id === '' || DOT_SEGMENT.test(id)) {
      issues.push({ path: [name], field: name, rule: 'must be an id, not empty, "." or ".."' });
    } else if (op.reservedIds?.[name]?.includes(id)) {
      const route = op.path.replace(`{${name}}`, id);
      issues.push({ path: [name], field: name, rule: `must be an id, not "${id}": ${route} is another endpoint` });
    }
  }
  check(op.checks.path, params.path, issues, 'path params');
  check(op.checks.query, params.query, issues, 'query params');
  check(op.checks.body, params.body, issues, 'params');
  if (issues.length) throw new StripeValidationError(issues);
}

import { safeParse, type $ZodIssue, type $ZodType } from 'zod/v4/core';
import * as english from 'zod/v4/locales/en.js';
import { shortened, type Sent } from '../errors/error-from-response.js';
import { customIssue, StripeResponseValidationError, StripeValidationError, type ValidationIssue } from '../errors/errors.js';
import type { HttpResponse } from '../http/transport.js';
import { formatPath, issueLines } from './issue-text.js';

// The slow half of validation, run only when the fast path (fast-path.ts) says no: zod itself
// decides and words the problems. zod/mini loads no messages of its own, so each parse is given
// zod's English ones; a parse-level setting, so an app's own zod configuration is left alone.
// The English locale file alone: zod's locales index would load every language at start-up. Its
// CommonJS build exports the function itself, which bundlers' interop may or may not put on
// `default`, so both shapes are read.
const localeOf = (module: unknown) => ((module as { default?: unknown }).default ?? module) as () => { localeError: unknown };
const ENGLISH = { error: localeOf(english)().localeError };

/** What a schema needs to know about an operation to name it in errors. */
interface Named {
  readonly id: string;
  readonly method: string;
  readonly path: string;
  readonly pathSchema: $ZodType | null;
  readonly querySchema: $ZodType | null;
  readonly bodySchema: $ZodType | null;
  readonly responseSchema: $ZodType | null;
}

/** zod's issues for `value`, each with its `field` (`root` names the value itself); empty when zod accepts it. */
export function zodIssues(schema: $ZodType, value: unknown, root?: string): ValidationIssue[] {
  const result = safeParse(schema, value, ENGLISH as never);
  if (result.success) return [];
  return result.error.issues.map((issue: $ZodIssue) => ({ ...issue, field: formatPath(issue.path, root) }) as ValidationIssue);
}

function partIssues(schema: $ZodType | null, value: object | undefined, what: string): ValidationIssue[] {
  if (schema) return zodIssues(schema, value ?? {});
  if (value === undefined || (typeof value === 'object' && value !== null && Object.keys(value).length === 0)) return [];
  return [customIssue([], `this operation takes no ${what}`)];
}

/**
 * Every problem with a call's params (path ids, query, body), or undefined when zod accepts them
 * all and `extra` is empty. `extra` holds what zod does not check (an id that would reach another
 * route).
 */
export function invalidParams(
  op: Named,
  params: { path?: object | undefined; query?: object | undefined; body?: object | undefined },
  extra: readonly ValidationIssue[] = [],
): StripeValidationError | undefined {
  const issues = [
    ...extra,
    ...partIssues(op.pathSchema, params.path, 'path params'),
    ...partIssues(op.querySchema, params.query, 'query params'),
    ...partIssues(op.bodySchema, params.body, 'params'),
  ];
  return issues.length ? new StripeValidationError(issues) : undefined;
}

/**
 * Why a 2xx body is not what the operation returns, or undefined when zod accepts it after all.
 * `data` is the parsed body, or undefined when the body was not JSON.
 */
export function invalidResponse(
  op: Named,
  response: HttpResponse,
  data: unknown,
  sent: Sent,
): StripeResponseValidationError | undefined {
  const notJson = data === undefined;
  const issues = notJson || !op.responseSchema ? [] : zodIssues(op.responseSchema, data, '(body)');
  if (!notJson && !issues.length) return undefined;
  const requestId = response.headers['request-id'];
  const where = `${sent.what} (HTTP ${response.status}${requestId ? `, request ${requestId}` : ''})`;
  const what = notJson
    ? `is not JSON: ${JSON.stringify(response.body.length > 200 ? `${response.body.slice(0, 200)}…` : response.body)}`
    : `does not match ${op.id}'s schema:\n${issueLines(issues, '(body)')}`;
  return new StripeResponseValidationError({
    statusCode: response.status,
    requestId,
    headers: response.headers,
    rawBody: notJson ? shortened(response.body) : response.body,
    idempotencyKey: sent.idempotencyKey,
    secrets: sent.secrets,
    issues,
    message: `Stripe's response to ${where} ${what}`,
  });
}

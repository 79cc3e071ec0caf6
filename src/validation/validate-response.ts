import { checkValue } from './check.js';
import { StripeResponseValidationError, type ValidationIssue } from '../errors/errors.js';
import type { ClientOperation } from '../http/operation.js';
import { MAX_RAW_TEXT, type RawResponse } from '../http/send.js';

/**
 * Parses a success response and checks it against the operation's response checks. Additions pass
 * (unknown fields are kept, unknown enum values accepted); contradictions (a string where an integer
 * is declared, a required field missing, a body that is not JSON) throw a
 * {@link StripeResponseValidationError} carrying the status, request id and the raw body.
 */
export function validateResponse(
  op: ClientOperation,
  response: RawResponse,
  idempotencyKey?: string,
  secrets?: readonly string[],
): unknown {
  let json: unknown;
  try {
    json = JSON.parse(response.body);
  } catch {
    const shown = response.body.length > 200 ? `${response.body.slice(0, 200)}…` : response.body;
    throw failure(op, response, { idempotencyKey, secrets }, [], `is not JSON: ${JSON.stringify(shown)}`);
  }
  if (!op.checks.response) return json;
  // The checks only read: the parsed JSON itself is returned, a metadata key such as `__proto__`
  // kept as the plain data JSON.parse made it.
  const issues = checkValue(op.checks.response, json);
  if (!issues.length) return json;
  const listed = issues.map((i) => `  ${i.field}: ${i.rule}`).join('\n');
  throw failure(op, response, { idempotencyKey, secrets }, issues, `does not match ${op.id}'s schema:\n${listed}`);
}

/** The error for a response that is not what the operation returns; built only when one is. */
function failure(
  op: ClientOperation,
  response: RawResponse,
  sent: { idempotencyKey: string | undefined; secrets: readonly string[] | undefined },
  issues: ValidationIssue[],
  what: string,
): StripeResponseValidationError {
  const requestId = response.headers['request-id'];
  const where = `${op.method.toUpperCase()} ${op.path} (HTTP ${response.status}${requestId ? `, request ${requestId}` : ''})`;
  return new StripeResponseValidationError({
    statusCode: response.status,
    requestId,
    headers: response.headers,
    rawBody: issues.length === 0 && response.body.length > MAX_RAW_TEXT ? `${response.body.slice(0, MAX_RAW_TEXT)}…` : response.body,
    idempotencyKey: sent.idempotencyKey,
    secrets: sent.secrets,
    issues,
    message: `Stripe's response to ${where} ${what}`,
  });
}

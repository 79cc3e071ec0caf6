import { checkValue } from './check.js';
import { StripeResponseValidationError } from './errors.js';
import type { ClientOperation } from './operation.js';
import type { RawResponse } from './transport.js';

/**
 * Parses a success response and checks it against the operation's response checks. Additions pass
 * (unknown fields are kept, unknown enum values accepted); contradictions (a string where an integer
 * is declared, a required field missing, a body that is not JSON) throw a
 * {@link StripeResponseValidationError} carrying the status, request id and the raw body.
 */
export function validateResponse(op: ClientOperation, response: RawResponse, idempotencyKey?: string): unknown {
  const requestId = response.headers['request-id'];
  const context = {
    statusCode: response.status,
    requestId,
    headers: response.headers,
    rawBody: response.body,
    idempotencyKey,
  };
  const where = `${op.method.toUpperCase()} ${op.path} (HTTP ${response.status}${requestId ? `, request ${requestId}` : ''})`;
  let json: unknown;
  try {
    json = JSON.parse(response.body);
  } catch {
    const shown = response.body.length > 200 ? `${response.body.slice(0, 200)}…` : response.body;
    throw new StripeResponseValidationError({
      ...context,
      issues: [],
      message: `Stripe's response to ${where} is not JSON: ${JSON.stringify(shown)}`,
    });
  }
  if (!op.checks.response) return json;
  // The checks only read: the parsed JSON itself is returned, a metadata key such as `__proto__`
  // kept as the plain data JSON.parse made it.
  const issues = checkValue(op.checks.response, json);
  if (!issues.length) return json;
  throw new StripeResponseValidationError({
    ...context,
    issues,
    message: `Stripe's response to ${where} does not match ${op.id}'s schema:\n${issues
      .map((i) => `  ${i.field}: ${i.rule}`)
      .join('\n')}`,
  });
}

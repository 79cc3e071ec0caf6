import { safeParse } from 'zod/v4/core';
import { StripeResponseValidationError } from './errors.js';
import { toValidationIssues } from './issues.js';
import type { OperationSpec } from './operation.js';
import type { RawResponse } from './transport.js';

/**
 * Parses a success response and checks it against the operation's response schema. Additions pass
 * (unknown fields are kept, unknown enum values accepted); contradictions (a string where an integer
 * is declared, a required field missing, a body that is not JSON) throw a
 * {@link StripeResponseValidationError} carrying the status, request id and the raw body.
 */
export function validateResponse(op: OperationSpec, response: RawResponse, idempotencyKey?: string): unknown {
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
  if (!op.responseSchema) return json;
  const result = safeParse(op.responseSchema, json);
  // The parsed JSON itself is returned, not zod's copy: the schemas transform nothing, and JSON.parse
  // keeps a metadata key such as `__proto__` as plain data where a copy would drop it.
  if (result.success) return json;
  const issues = toValidationIssues(result.error.issues, json);
  throw new StripeResponseValidationError({
    ...context,
    issues,
    message: `Stripe's response to ${where} does not match ${op.id}'s schema:\n${issues
      .map((i) => `  ${i.field}: ${i.rule}`)
      .join('\n')}`,
  });
}

import type { $ZodType } from 'zod/v4/core';
import { errorFromResponse, shortened, type Sent } from '../errors/error-from-response.js';
import { StripeResponseValidationError, type StripeError } from '../errors/errors.js';
import type { HttpResponse } from '../http/transport.js';
import { NOT_JSON, parseJson } from '../http/request.js';
import { fastAccepts } from '../validation/fast-path.js';
import { issueLines } from '../validation/issue-text.js';
import { zodIssues } from '../validation/validate.js';
import { ApiResponseError } from './api-response-error.js';
import type { TableOperation } from './operation-table.js';

// After the response: a 2xx body must be what the operation returns, and anything else becomes a
// typed error. Both read the body from a clone, so openapi-fetch can still read it afterwards.

/**
 * Turns a non-2xx response into the error thrown in its place. `validatingMiddleware` takes one as
 * `errorFor`; the default is {@link defaultErrorFor}.
 * @example
 * const errorFor: ErrorFor = (response, { sent }) => errorFromResponse(response, sent);
 */
export type ErrorFor = (response: HttpResponse, context: { operation: TableOperation | undefined; sent: Sent; apiName: string }) => Error;

/**
 * A fetch `Response` as the error factories read it: status, lower-case headers, body text.
 * @example const http = await readResponse(response); // { status: 404, headers: { 'request-id': 'req_1' }, body: '{…}' }
 */
export async function readResponse(response: Response): Promise<HttpResponse> {
  return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.clone().text() };
}

function accepts(schema: $ZodType, value: unknown): boolean {
  return fastAccepts(schema)(value) || zodIssues(schema, value).length === 0;
}

/** The request id an API puts in its headers: Stripe's `Request-Id`, or the common `X-Request-Id`. */
function requestIdOf(response: HttpResponse): string | undefined {
  return response.headers['request-id'] ?? response.headers['x-request-id'];
}

/**
 * Why a 2xx body is not what `op` returns (not JSON, or zod's issues with it), or undefined when it
 * is, or when the operation documents no body.
 * @example
 * const error = contradiction(operations.PostCustomers, http, sent, 'Stripe'); // issues: (body).id: expected string
 */
export function contradiction(op: TableOperation, response: HttpResponse, sent: Sent, apiName: string): StripeResponseValidationError | undefined {
  if (!op.responseSchema) return undefined;
  const data = parseJson(response.body);
  if (data !== NOT_JSON && fastAccepts(op.responseSchema)(data)) return undefined;
  const issues = data === NOT_JSON ? [] : zodIssues(op.responseSchema, data, '(body)');
  if (data !== NOT_JSON && !issues.length) return undefined;
  const requestId = requestIdOf(response);
  const where = `${sent.what} (HTTP ${response.status}${requestId ? `, request ${requestId}` : ''})`;
  const body = response.body;
  const what =
    data === NOT_JSON
      ? `is not JSON: ${JSON.stringify(body.length > 200 ? `${body.slice(0, 200)}…` : body)}`
      : `does not match ${op.id}'s schema:\n${issueLines(issues, '(body)')}`;
  return new StripeResponseValidationError({
    message: `${apiName}'s response to ${where} ${what}`,
    statusCode: response.status,
    requestId,
    headers: response.headers,
    rawBody: data === NOT_JSON ? shortened(body) : body,
    idempotencyKey: sent.idempotencyKey,
    secrets: sent.secrets,
    issues,
  });
}

/** `{ error: { type: '…' } }`: the envelope `errorFromResponse` reads. */
function stripeShaped(body: unknown): boolean {
  const error = body !== null && typeof body === 'object' ? (body as { error?: unknown }).error : undefined;
  return error !== null && typeof error === 'object' && typeof (error as { type?: unknown }).type === 'string';
}

/** A line for the message: the body's own `message` (top level or under `error`), or the start of the body. */
function summary(body: unknown, text: string): string {
  const record = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const inner = record.error !== null && typeof record.error === 'object' ? (record.error as Record<string, unknown>) : {};
  const message = [record.message, inner.message, record.error].find((value) => typeof value === 'string');
  if (typeof message === 'string') return message;
  return text === '' ? 'no body' : JSON.stringify(text.length > 200 ? `${text.slice(0, 200)}…` : text);
}

/**
 * The default `errorFor`: a body that matches the operation's error schema and is Stripe's envelope
 * (`{ error: { type } }`) becomes Stripe's class for it (`StripeNotFoundError`, …, by
 * `errorFromResponse`); any other body an {@link ApiResponseError} carrying it.
 * @example
 * throw defaultErrorFor(await readResponse(response), { operation, sent, apiName: 'Lago' });
 */
export const defaultErrorFor: ErrorFor = (response, { operation, sent, apiName }): StripeError => {
  const parsed = parseJson(response.body);
  const body = parsed === NOT_JSON ? undefined : parsed;
  const documented = body !== undefined && !!operation?.errorSchema && accepts(operation.errorSchema, body);
  if (documented && stripeShaped(body)) return errorFromResponse(response, sent);
  const requestId = requestIdOf(response);
  return new ApiResponseError({
    message: `${apiName} answered ${sent.what} with HTTP ${response.status}${requestId ? ` (request ${requestId})` : ''}: ${summary(body, response.body)}`,
    statusCode: response.status,
    requestId,
    headers: response.headers,
    raw: body ?? shortened(response.body),
    idempotencyKey: sent.idempotencyKey,
    secrets: sent.secrets,
    documented,
  });
};

import type { Middleware } from 'openapi-fetch';
import { optionIssues, ofType, typeName, type OptionRule } from '../client/options.js';
import type { Sent } from '../errors/error-from-response.js';
import {
  customIssue,
  StripeAbortError,
  StripeConnectionError,
  StripeError,
  StripeTimeoutError,
  StripeValidationError,
} from '../errors/errors.js';
import { checkRequest } from './check-request.js';
import { contradiction, defaultErrorFor, readResponse, type ErrorFor } from './check-response.js';
import { indexOperations, type OperationTable } from './operation-table.js';

// The API-neutral half of `stripeMiddleware`: it knows a generated operation table and nothing of
// Stripe's headers, so a JSON API generated the same way reuses it with its own table and auth.

/**
 * Settings for {@link validatingMiddleware}; every one optional.
 * @example const options: ValidatingMiddlewareOptions = { apiName: 'Lago', secrets: [process.env.LAGO_API_KEY!] };
 */
export interface ValidatingMiddlewareOptions {
  /** How errors name the API: `Lago answered GET /api/v1/customers with HTTP 500`. Default `The API`. */
  apiName?: string;
  /** Values masked wherever an error would quote them: the API key, in every form it is sent. */
  secrets?: readonly string[];
  /** Turns a non-2xx response into the error to throw (default: `defaultErrorFor`). */
  errorFor?: ErrorFor;
}

const secretList: OptionRule = (value) =>
  Array.isArray(value) && value.every((item) => typeof item === 'string') ? undefined : `must be an array of strings, not ${typeName(value)}`;

const RULES: Readonly<Record<keyof ValidatingMiddlewareOptions, OptionRule>> = {
  apiName: (value) => (typeof value === 'string' && value !== '' ? undefined : 'must be a non-empty string'),
  secrets: secretList,
  errorFor: ofType('function'),
};

/** What a request sent, as its errors report it: the method and the template, the key, the secrets. */
function sentOf(request: Request, schemaPath: string, secrets: readonly string[]): Sent {
  return { what: `${request.method} ${schemaPath}`, idempotencyKey: request.headers.get('idempotency-key') ?? undefined, secrets };
}

/** A failure with no response, as the client names it: aborted, timed out, or no connection. */
function noResponse(error: unknown, sent: Sent, apiName: string): StripeError {
  if (error instanceof StripeError) return error;
  const name = error instanceof Error || error instanceof DOMException ? error.name : undefined;
  const text = error instanceof Error ? error.message : String(error);
  const fields = { cause: error, secrets: sent.secrets, idempotencyKey: sent.idempotencyKey };
  if (name === 'AbortError') return new StripeAbortError({ ...fields, message: `${sent.what} was aborted: ${text}` });
  if (name === 'TimeoutError') return new StripeTimeoutError({ ...fields, message: `${sent.what} timed out: ${text}` });
  return new StripeConnectionError({ ...fields, message: `${sent.what} got no response from ${apiName}: ${text}` });
}

/**
 * An openapi-fetch middleware that holds every call to a generated operation table (the
 * `operations` of `generated/operations.ts`, or another API's from the same generator), matching
 * each request by its method and `schemaPath`:
 *
 * - before sending: path ids (present, not `.`/`..`, not another route's segment), `params.path`,
 *   `params.query` and the body as it will travel (a form decoded back, JSON parsed) against the
 *   operation's schemas; a request the table does not have is refused, since its answer could not
 *   be checked. A problem is a `StripeValidationError` and nothing is sent.
 * - after: a 2xx body against the operation's response schema (the fast path, then zod); a body
 *   that contradicts it, or is not JSON, is a `StripeResponseValidationError` with zod's issues.
 *   A non-2xx becomes the error `errorFor` makes: by default Stripe's typed class for a documented
 *   Stripe-shaped body, an `ApiResponseError` for any other.
 * - no response: a `StripeConnectionError` (`StripeAbortError`, `StripeTimeoutError`).
 *
 * Errors are thrown from the middleware, so openapi-fetch rejects the call instead of resolving
 * `{ error }`; `secrets` are masked in all of them. It adds no headers: put auth in `createClient`'s
 * `headers` or in a middleware of your own, registered before this one.
 * @throws {StripeValidationError} for a table or options it cannot use (unknown option names included).
 * @example
 * import createClient from 'openapi-fetch';
 * import { validatingMiddleware } from 'stripe-customers/openapi-fetch';
 * import { operations, type paths } from './generated/lago/index.js';
 * const lago = createClient<paths>({ baseUrl: 'https://api.getlago.com', headers: { Authorization: `Bearer ${key}` } });
 * lago.use(validatingMiddleware(operations, { apiName: 'Lago', secrets: [key] }));
 */
export function validatingMiddleware(operations: OperationTable, options: ValidatingMiddlewareOptions = {}): Middleware {
  const issues = optionIssues(options, RULES);
  if (issues.length) throw new StripeValidationError(issues, 'Invalid validatingMiddleware options');
  const find = indexOperations(operations);
  const apiName = options.apiName ?? 'The API';
  const secrets = options.secrets ?? [];
  const errorFor = options.errorFor ?? defaultErrorFor;
  return {
    async onRequest({ request, schemaPath, params }) {
      const operation = find(request.method, schemaPath);
      if (!operation) {
        const rule = `${request.method} ${schemaPath} is not an operation of this table, so its answer could not be checked`;
        throw new StripeValidationError([customIssue([], rule)], 'Unknown operation; nothing was sent');
      }
      await checkRequest(operation, params, request);
      return undefined;
    },
    async onResponse({ request, response, schemaPath }) {
      const operation = find(request.method, schemaPath);
      const sent = sentOf(request, schemaPath, secrets);
      const http = await readResponse(response);
      if (!response.ok) throw errorFor(http, { operation, sent, apiName });
      const error = operation && contradiction(operation, http, sent, apiName);
      if (error) throw error;
      return undefined;
    },
    onError({ request, error, schemaPath }) {
      return noResponse(error, sentOf(request, schemaPath, secrets), apiName);
    },
  };
}

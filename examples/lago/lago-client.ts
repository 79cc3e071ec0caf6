import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { safeParse } from 'zod/v4/core';
import { customIssue, StripeValidationError, type StripeErrorFields } from 'stripe-customers';
import { ApiResponseError, validatingMiddleware, type ErrorFor } from 'stripe-customers/openapi-fetch';
import { operations } from './generated/operations.js';
import type { paths } from './generated/types.js';

// Lago speaks JSON, so openapi-fetch's own serializers are right; what this file adds is the key,
// the checks of every request and answer against the generated table, and Lago's error envelope
// (`{ status, error, code, error_details }`) read into a typed error.

/** Lago's US cloud; the EU cloud is `https://api.eu.getlago.com`, a self-hosted Lago its own URL. */
export const LAGO_US = 'https://api.getlago.com';

/**
 * An openapi-fetch client for Lago's customer API, typed by the generated `paths`.
 * @example const lago: LagoClient = createLagoClient({ apiKey: process.env.LAGO_API_KEY! });
 */
export type LagoClient = Client<paths>;

/**
 * Settings for {@link createLagoClient}.
 * @example const options: LagoClientOptions = { apiKey: 'lago_key', baseUrl: 'https://api.eu.getlago.com' };
 */
export interface LagoClientOptions {
  /** The organization's API key, sent as `Authorization: Bearer <apiKey>` and masked in every error. */
  apiKey: string;
  /** Where Lago is: default {@link LAGO_US}. */
  baseUrl?: string;
}

/**
 * Lago answered with an error (any non-2xx): an {@link ApiResponseError} that also reads Lago's
 * envelope. `code` is Lago's (`customer_not_found`, `validation_errors`; none on a 401),
 * `errorDetails` the problems by field of a 422 (`{ external_id: ['value_is_mandatory'] }`), and
 * `documented` says whether the body is the error the operation documents. `statusCode`,
 * `requestId` (Lago's `X-Request-Id`) and `raw` are as on every `ApiResponseError`.
 * @example
 * const error = await lago.GET('/api/v1/customers/{external_customer_id}', { params: { path: { external_customer_id: 'x' } } }).catch((e) => e);
 * if (error instanceof LagoApiError && error.code === 'customer_not_found') console.log('not in Lago yet');
 */
export class LagoApiError extends ApiResponseError {
  override readonly name: string = 'LagoApiError';
  /** A 422's problems, by field name: each a list of Lago's codes. Undefined for other errors. */
  readonly errorDetails: Readonly<Record<string, readonly string[]>> | undefined;

  constructor(fields: StripeErrorFields & { documented: boolean }) {
    super(fields);
    // Read from `raw` as the base class stored it, so the details carry its masking.
    const details = envelopeOf(this.raw)?.error_details;
    this.errorDetails = isDetails(details) ? details : undefined;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), errorDetails: this.errorDetails };
  }
}

interface Envelope {
  status?: unknown;
  error?: unknown;
  code?: unknown;
  error_details?: unknown;
}

function envelopeOf(body: unknown): Envelope | undefined {
  return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Envelope) : undefined;
}

function isDetails(value: unknown): value is Record<string, string[]> {
  const record = envelopeOf(value) as Record<string, unknown> | undefined;
  return !!record && Object.values(record).every((codes) => Array.isArray(codes) && codes.every((code) => typeof code === 'string'));
}

function parseJson(text: string): unknown {
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `external_id: value_is_mandatory; email: invalid_format`, or nothing when there are no details. */
function detailText(details: unknown): string {
  if (!isDetails(details)) return '';
  const parts = Object.entries(details).map(([field, codes]) => `${field}: ${codes.join(', ')}`);
  return parts.length ? `: ${parts.join('; ')}` : '';
}

/**
 * The `errorFor` this client gives `validatingMiddleware`: every non-2xx becomes a
 * {@link LagoApiError}, whose message names the call and reads Lago's envelope
 * (`Lago answered GET /api/v1/customers/{external_customer_id} with HTTP 404 (request r-1): Not Found (customer_not_found)`).
 * The default `errorFor` would make the same `ApiResponseError` without Lago's `code` and details.
 * @example lago.use(validatingMiddleware(operations, { apiName: 'Lago', secrets: [key], errorFor: lagoErrorFor }));
 */
export const lagoErrorFor: ErrorFor = (response, { operation, sent, apiName }) => {
  const body = parseJson(response.body);
  const envelope = envelopeOf(body);
  const documented = body !== undefined && !!operation?.errorSchema && safeParse(operation.errorSchema, body).success;
  const code = typeof envelope?.code === 'string' ? envelope.code : undefined;
  const requestId = response.headers['x-request-id'] ?? response.headers['request-id'];
  const what =
    typeof envelope?.error === 'string'
      ? `${envelope.error}${code ? ` (${code})` : ''}${detailText(envelope.error_details)}`
      : response.body === ''
        ? 'no body'
        : JSON.stringify(response.body.slice(0, 200));
  return new LagoApiError({
    message: `${apiName} answered ${sent.what} with HTTP ${response.status}${requestId ? ` (request ${requestId})` : ''}: ${what}`,
    statusCode: response.status,
    code,
    requestId,
    headers: response.headers,
    raw: body ?? response.body.slice(0, 4096),
    idempotencyKey: sent.idempotencyKey,
    secrets: sent.secrets,
    documented,
  });
};

// Printable ASCII without spaces: a key with a space, CR or LF could not travel in one header.
const KEY = /^[\x21-\x7e]+$/;

/** The Bearer header on every request; registered before the validating middleware, so it is checked with it. */
function bearer(apiKey: string): Middleware {
  return {
    onRequest({ request }) {
      request.headers.set('Authorization', `Bearer ${apiKey}`);
      return request;
    },
  };
}

/**
 * An openapi-fetch client for Lago (`createClient<paths>` with the generated types) that sends the
 * key as a Bearer token, checks every request against the generated operation table before it
 * leaves (path ids, `page`/`per_page`, the JSON body: a typo'd or missing field sends nothing),
 * validates every 2xx body with the generated zod schemas, and throws instead of resolving
 * `{ error }`: a {@link LagoApiError} for Lago's error answers, a `StripeResponseValidationError` for
 * an answer that contradicts the spec, a `StripeValidationError` for a request refused before
 * sending. The key is masked in all of them.
 * @throws {StripeValidationError} for a missing or unusable `apiKey` or `baseUrl`.
 * @example
 * const lago = createLagoClient({ apiKey: process.env.LAGO_API_KEY! });
 * const { data } = await lago.GET('/api/v1/customers/{external_customer_id}', { params: { path: { external_customer_id: 'acme-1' } } });
 * console.log(data!.customer.billing_configuration.provider_customer_id);
 */
export function createLagoClient(options: LagoClientOptions): LagoClient {
  const { apiKey, baseUrl = LAGO_US } = options;
  if (typeof apiKey !== 'string' || !KEY.test(apiKey)) {
    throw new StripeValidationError([customIssue(['apiKey'], 'must be a Lago API key: printable characters, no spaces')], 'Invalid Lago client options');
  }
  if (typeof baseUrl !== 'string' || !URL.canParse(baseUrl)) {
    throw new StripeValidationError([customIssue(['baseUrl'], 'must be an absolute URL')], 'Invalid Lago client options');
  }
  const client = createClient<paths>({
    baseUrl: baseUrl.replace(/\/+$/, ''),
    // Looked up per call, not once here, so a fetch installed later (MSW in tests, a tracer) is used.
    fetch: (request) => globalThis.fetch(request),
  });
  client.use(bearer(apiKey));
  client.use(validatingMiddleware(operations, { apiName: 'Lago', secrets: [apiKey], errorFor: lagoErrorFor }));
  return client;
}

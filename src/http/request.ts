import type { $ZodType } from 'zod/v4/core';
import { checkRequestOptions, resolvePolicy, type Clock, type RequestOptions, type RetryPolicy } from '../client/options.js';
import { errorFromResponse, type Sent } from '../errors/error-from-response.js';
import {
  customIssue,
  StripeAbortError,
  StripeConnectionError,
  StripeResponseTooLargeError,
  StripeTimeoutError,
  type ValidationIssue,
} from '../errors/errors.js';
import { fastAccepts } from '../validation/fast-path.js';
import { invalidParams, invalidResponse } from '../validation/validate.js';
import { encodeForm } from '../wire/form-encode.js';
import { watchCall, type CallWatch, type ClientHooks, type HookedContext } from './hooks.js';
import { decideRetry, type AttemptOutcome } from './retry.js';
import type { HttpRequest, HttpResponse, Transport } from './transport.js';

// One call, start to end: check the options and params, build the HTTP request once, run the
// attempt loop over the transport, classify the status once, then validate and return the data or
// throw the error. The steps that only run when something is wrong live elsewhere (validation/,
// errors/, retry.ts), and so do the hook events (hooks.ts, reached only when the client has hooks),
// so a successful call reads top to bottom here.

/** One operation of the generated table, as a call runs it. */
export interface Operation {
  readonly id: string;
  readonly method: string;
  /** The path template: `/v1/customers/{customer}`. */
  readonly path: string;
  readonly pathParams: readonly string[];
  /** Ids a path param must not take: another route has that fixed segment in its place. */
  readonly reservedIds?: { readonly [param: string]: readonly string[] };
  readonly pathSchema: $ZodType | null;
  readonly querySchema: $ZodType | null;
  readonly bodySchema: $ZodType | null;
  readonly responseSchema: $ZodType | null;
}

/** The params of one call, split the way the operation takes them. */
export interface CallParams {
  /** Path ids by param name: `{ customer: 'cus_123' }`. */
  path?: Readonly<Record<string, string>> | undefined;
  query?: object | undefined;
  body?: object | undefined;
}

/** What a client hands every call. */
export interface RequestContext {
  /** Without a trailing slash. */
  baseUrl: string;
  transport: Transport;
  apiKey: string;
  apiVersion: string;
  stripeAccount: string | undefined;
  policy: RetryPolicy;
  clock: Clock;
  random: () => number;
  /** Makes an Idempotency-Key for a POST that was not given one. */
  newIdempotencyKey: () => string;
  /** Masked by value in every error and hook event (the API key, and the key as Basic credentials). */
  secrets: readonly string[];
  /** The largest response body read, in bytes (the transport stops there). */
  maxResponseBytes: number;
  /** The app's hooks; `undefined` when it gave none, and then no hook code runs. */
  hooks: ClientHooks | undefined;
}

/**
 * Runs one call. Nothing is sent when the options or params are wrong; a POST gets one
 * Idempotency-Key for all its attempts; a 2xx body is validated and returned, anything else thrown.
 * With hooks, each attempt is reported before it is sent and once it has succeeded or failed.
 */
export async function request(context: RequestContext, op: Operation, params: CallParams, given?: RequestOptions): Promise<unknown> {
  const options = checkRequestOptions(given);
  const badIds = idIssues(op, params.path);
  const fits = accepts(op.pathSchema, params.path) && accepts(op.querySchema, params.query) && accepts(op.bodySchema, params.body);
  if (badIds.length || !fits) {
    // zod has the last word: the fast path may say no to a value zod accepts.
    const error = invalidParams(op, params, badIds);
    if (error) throw error;
  }
  const path = fillPath(op.path, params.path);
  const query = encodeForm(params.query ?? {});
  const idempotencyKey = op.method === 'post' ? (options.idempotencyKey ?? context.newIdempotencyKey()) : undefined;
  const http: Omit<HttpRequest, 'signal'> = {
    method: op.method.toUpperCase(),
    url: `${context.baseUrl}${path}${query ? `?${query}` : ''}`,
    headers: headersFor(context, op.method, options, idempotencyKey),
    body: op.method === 'post' ? encodeForm(params.body ?? {}) : undefined,
    maxResponseBytes: context.maxResponseBytes,
  };
  const sent: Sent = { what: `${http.method} ${op.path}`, idempotencyKey, secrets: context.secrets };
  const watch = context.hooks && watchCall(context as HookedContext, op, http, path, query, idempotencyKey);
  try {
    const response = await attempts(context, http, resolvePolicy(context.policy, options), options.signal, sent, watch);
    if (response.tooLarge) throw tooLarge(response, sent, context.maxResponseBytes);
    const data = parseJson(response.body);
    if (data === NOT_JSON || (op.responseSchema && !fastAccepts(op.responseSchema)(data))) {
      const error = invalidResponse(op, response, data === NOT_JSON ? undefined : data, sent);
      if (error) throw error;
    }
    remember(data, response, idempotencyKey);
    watch?.response(response);
    return data;
  } catch (error) {
    watch?.error(error);
    throw error;
  }
}

function accepts(schema: $ZodType | null, value: unknown): boolean {
  if (schema) return fastAccepts(schema)(value ?? {});
  return value === undefined || (typeof value === 'object' && value !== null && Object.keys(value).length === 0);
}

// `.` and `..` survive percent-encoding and are then resolved by URL parsing, which would send the
// request to another route: `retrieve('..')` must not become GET /v1/.
const DOT_SEGMENT = /^\.{1,2}$/;

/**
 * Ids that cannot go into their place in the path: an id must not be empty, `.` or `..`, nor equal
 * a fixed segment of another route (`retrieve('search')` would reach GET /v1/customers/search).
 */
function idIssues(op: Operation, ids: Readonly<Record<string, string>> | undefined): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const name of op.pathParams) {
    const id = ids?.[name];
    if (typeof id !== 'string') continue;
    if (id === '' || DOT_SEGMENT.test(id)) issues.push(customIssue([name], 'must be an id, not empty, "." or ".."'));
    else if (op.reservedIds?.[name]?.includes(id)) {
      issues.push(customIssue([name], `must be an id, not "${id}": ${op.path.replace(`{${name}}`, id)} is another endpoint`));
    }
  }
  return issues;
}

const PATH_PARAM = /\{([^}]+)\}/g;

/** `/v1/customers/{customer}` with each id percent-encoded into its place. */
export function fillPath(template: string, ids: Readonly<Record<string, string>> | undefined): string {
  return template.replace(PATH_PARAM, (_, name: string) => encodeURIComponent(ids?.[name] ?? ''));
}

function headersFor(context: RequestContext, method: string, options: RequestOptions, idempotencyKey: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {
    Authorization: `Bearer ${context.apiKey}`,
    Accept: 'application/json',
    'Stripe-Version': options.apiVersion ?? context.apiVersion,
  };
  const account = options.stripeAccount ?? context.stripeAccount;
  if (account !== undefined) headers['Stripe-Account'] = account;
  if (method === 'post') headers['Content-Type'] = 'application/x-www-form-urlencoded';
  if (idempotencyKey !== undefined) headers['Idempotency-Key'] = idempotencyKey;
  for (const [name, value] of Object.entries(options.headers ?? {})) headers[name] = value;
  return headers;
}

/**
 * Sends the request until it gets a 2xx, which it returns, or until {@link decideRetry} says stop,
 * when it throws the last attempt's error. Every attempt sends the same headers, so a POST's
 * Idempotency-Key is the same on each.
 */
async function attempts(
  context: RequestContext,
  http: Omit<HttpRequest, 'signal'>,
  policy: RetryPolicy,
  signal: AbortSignal | undefined,
  sent: Sent,
  watch: CallWatch | undefined,
): Promise<HttpResponse> {
  const { clock } = context;
  const started = clock.now();
  const aborted = (cause: unknown) => new StripeAbortError({ message: `${sent.what} was aborted by the caller`, cause, ...sent });
  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw aborted(signal.reason);
    // Before the timer is armed: a slow hook does not eat into the attempt's time.
    watch?.request(attempt);
    const limitMs = Math.min(policy.timeoutMs, policy.deadlineMs - (clock.now() - started));
    const timeout = clock.timeout(limitMs);
    let outcome: AttemptOutcome;
    let failure: () => Error;
    try {
      const response = await send(context.transport, { ...http, signal: signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal });
      if (response.status >= 200 && response.status < 300) return response;
      outcome = { kind: 'response', status: response.status, headers: response.headers };
      failure = () => errorFromResponse(response, sent);
    } catch (cause) {
      if (signal?.aborted) throw aborted(signal.reason);
      const timedOut = timeout.signal.aborted;
      outcome = { kind: timedOut ? 'timeout' : 'connection' };
      failure = timedOut
        ? () => new StripeTimeoutError({ message: `${sent.what} got no response within ${limitMs} ms`, cause, ...sent })
        : () => new StripeConnectionError({ message: `Could not reach Stripe for ${sent.what}: ${(cause as Error | undefined)?.message ?? cause}`, cause, ...sent });
    } finally {
      timeout.clear();
    }
    const remainingMs = policy.deadlineMs - (clock.now() - started);
    const decision = decideRetry({ attempt, maxRetries: policy.maxRetries, outcome, now: clock.now(), random: context.random(), remainingMs });
    if (!decision.retry) throw failure();
    watch?.error(failure(), decision.delayMs);
    try {
      await clock.sleep(decision.delayMs, signal);
    } catch (cause) {
      throw aborted(cause);
    }
  }
}

/** One attempt: the transport's answer, held to its contract and to the size limit. */
async function send(transport: Transport, http: HttpRequest): Promise<HttpResponse> {
  const response = await transport(http);
  // A custom transport that breaks its contract fails the attempt with words, not later with a
  // TypeError from deep inside the response checks.
  if (!Number.isInteger(response?.status) || typeof response.body !== 'string' || typeof response.headers !== 'object') {
    throw new TypeError('the transport must resolve to { status: integer, headers: object, body: string }');
  }
  // A transport that does not stop at the limit still has the body dropped here (every character is
  // at least one byte, so a longer string has more bytes than the limit).
  if (response.body.length > http.maxResponseBytes) return { ...response, body: '', tooLarge: true };
  return response;
}

function tooLarge(response: HttpResponse, sent: Sent, maxResponseBytes: number): StripeResponseTooLargeError {
  const requestId = response.headers['request-id'];
  return new StripeResponseTooLargeError({
    message:
      `Stripe's response to ${sent.what} (HTTP ${response.status}${requestId ? `, request ${requestId}` : ''}) is larger than ` +
      `maxResponseBytes (${maxResponseBytes} bytes), so it was not read; the call itself did happen`,
    statusCode: response.status,
    requestId,
    headers: response.headers,
    maxResponseBytes,
    ...sent,
  });
}

/** What {@link parseJson} returns for text that is not JSON (no JSON value can be a symbol). */
export const NOT_JSON = Symbol('not JSON');

/** The JSON value of `text`, or {@link NOT_JSON}. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
}

/** What a call's result carries besides its data. */
export interface ResponseMeta {
  /**
   * The fetch `Response` (its body already read and parsed into the result). With a transport that
   * has none (`nodeTransport`), one is rebuilt from the status, headers and body when first read.
   */
  readonly response: Response;
  statusCode: number;
  requestId: string | undefined;
  headers: Readonly<Record<string, string>>;
  /** The `Idempotency-Key` sent (POST only). */
  idempotencyKey: string | undefined;
}

const metas = new WeakMap<object, ResponseMeta>();

// Statuses whose Response must have a null body (the Fetch standard's "null body status").
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/** Remembers a result's response details, without adding a property to the result. */
function remember(result: unknown, http: HttpResponse, idempotencyKey: string | undefined): void {
  if (result === null || typeof result !== 'object') return;
  let response = http.response;
  metas.set(result, {
    get response() {
      const body = NULL_BODY.has(http.status) ? null : http.body;
      return (response ??= new Response(body, { status: http.status, headers: http.headers }));
    },
    statusCode: http.status,
    requestId: http.headers['request-id'],
    headers: http.headers,
    idempotencyKey,
  });
}

/** The response details {@link request} remembered for a result, if it made it. */
export function metaOf(result: object): ResponseMeta | undefined {
  return metas.get(result);
}


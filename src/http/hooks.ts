import type { StripeError } from '../errors/errors.js';
import { redactKeys } from '../errors/redact.js';
import type { Operation, RequestContext } from './request.js';
import type { HttpRequest, HttpResponse } from './transport.js';

// What a client tells an app about each attempt. request.ts calls in here only when the client has
// hooks, so a client without them runs none of this. Every string that could carry caller input
// (ids in the path, the idempotency key, the request id, bodies) is key-masked before a hook sees
// it, and a hook can never break the call it watches.

/** What every hook event says: which call, which attempt, and when. Never the key, nor a header. */
export interface HookEvent {
  /** Numbers the calls of this process (1, 2, ...): the same on every event of one call, to tie them together. */
  readonly callId: number;
  /** Stripe's name for the operation: `PostCustomers`, `GetCustomersCustomer`. */
  readonly operationId: string;
  /** `GET`, `POST` or `DELETE`. */
  readonly method: string;
  /** The path template, the same for every call of the operation: `/v1/customers/{customer}`. */
  readonly route: string;
  /** The URL path as sent, ids percent-encoded, without the query: `/v1/customers/cus_123`. */
  readonly path: string;
  /** 1 for the first attempt, 2 for the first retry, and so on. */
  readonly attempt: number;
  /** The `Idempotency-Key` of a POST, the same on every attempt; `undefined` for GET and DELETE. */
  readonly idempotencyKey: string | undefined;
  /** Milliseconds since the call began sending (its params already checked), by the client's clock. */
  readonly elapsedMs: number;
}

/** {@link ClientHooks.onRequest}: an attempt is about to be sent. */
export interface RequestHookEvent extends HookEvent {
  /** With `includeBodies` only: the form-encoded query (`''` when there is none). */
  readonly query?: string;
  /** With `includeBodies` only: the form-encoded body of a POST (`undefined` for GET and DELETE). */
  readonly body?: string | undefined;
}

/** {@link ClientHooks.onResponse}: the attempt got a 2xx whose body passed validation; the call returns it. */
export interface ResponseHookEvent extends HookEvent {
  readonly status: number;
  /** Stripe's `Request-Id` header, for its dashboard logs and support. */
  readonly requestId: string | undefined;
  /** With `includeBodies` only: the response body as received. */
  readonly body?: string;
}

/** {@link ClientHooks.onError}: the attempt failed. */
export interface ErrorHookEvent extends HookEvent {
  /**
   * The error, the same one the call throws if this is its last attempt, the key masked in it. When
   * a response came (an error status, or a 2xx whose body was refused) it has the `statusCode` and
   * `requestId`.
   */
  readonly error: StripeError;
  /** Whether the client tries again; when false, the call throws `error`. */
  readonly willRetry: boolean;
  /** How long the client waits before the next attempt, in ms, when it retries. */
  readonly retryDelayMs: number | undefined;
}

/**
 * Functions a client calls around each attempt (`createClient({ hooks })`), to log, count or trace
 * calls. Each attempt gets an `onRequest` before it is sent and then one `onResponse` or `onError`;
 * a call's last event is `onResponse`, or `onError` with `willRetry: false` (a call aborted while it
 * waits to retry reports the abort as one more `onError` for the same attempt). A call refused
 * before sending (bad params or options) has no events.
 *
 * Events never hold the API key or any header but the `Request-Id` value, and hold no body unless
 * `includeBodies` is on. In every string of an event (path, idempotency key, request id, bodies)
 * the client's key is masked, as sent and as Basic credentials, plain or percent-encoded, and so is
 * anything else shaped like a Stripe key. An `onError` event's `error` is masked the same way.
 *
 * Hooks run synchronously, in the call's path and in the calling code's async context (an
 * `AsyncLocalStorage` store, such as OpenTelemetry's active context, is the caller's), so keep them
 * cheap. A hook may be async: the promise it returns is not awaited. A hook that throws, or whose
 * promise rejects, does not affect the call: the first such failure of a hooks object is reported
 * with `console.warn`, later ones are not. `withOptions` clients share their parent's hooks.
 * @example
 * // One log line per attempt.
 * const stripe = createClient({
 *   apiKey: process.env.STRIPE_SECRET_KEY!,
 *   hooks: {
 *     onResponse: (e) => console.info(`${e.method} ${e.path} ${e.status} ${e.requestId} ${e.elapsedMs}ms`),
 *     onError: (e) =>
 *       console.warn(`${e.method} ${e.path} attempt ${e.attempt} failed: ${e.error.message}`,
 *         e.willRetry ? `retrying in ${e.retryDelayMs}ms` : 'giving up'),
 *   },
 * });
 * @example
 * // OpenTelemetry-style: one span per call, with an event per retry. `tracer` and `Span` are
 * // @opentelemetry/api's (`trace.getTracer('stripe')`), or anything with this shape.
 * const spans = new Map<number, Span>();
 * const stripe = createClient({
 *   apiKey: process.env.STRIPE_SECRET_KEY!,
 *   hooks: {
 *     onRequest: (e) => {
 *       if (e.attempt === 1) {
 *         spans.set(e.callId, tracer.startSpan(`stripe ${e.method} ${e.route}`, {
 *           attributes: { 'http.request.method': e.method, 'http.route': e.route, 'url.path': e.path, 'stripe.operation': e.operationId },
 *         }));
 *       }
 *     },
 *     onResponse: (e) => {
 *       const span = spans.get(e.callId);
 *       span?.setAttributes({ 'http.response.status_code': e.status, 'stripe.request_id': e.requestId ?? '', 'stripe.attempts': e.attempt });
 *       span?.end();
 *       spans.delete(e.callId);
 *     },
 *     onError: (e) => {
 *       const span = spans.get(e.callId);
 *       if (e.willRetry) return void span?.addEvent('retry', { attempt: e.attempt, delay_ms: e.retryDelayMs ?? 0 });
 *       span?.setAttributes({ 'http.response.status_code': e.error.statusCode ?? 0, 'stripe.request_id': e.error.requestId ?? '' });
 *       span?.recordException(e.error);
 *       span?.setStatus({ code: 2, message: e.error.message }); // 2: ERROR
 *       span?.end();
 *       spans.delete(e.callId);
 *     },
 *   },
 * });
 */
export interface ClientHooks {
  /** Before each attempt is sent. */
  onRequest?: (event: RequestHookEvent) => void;
  /** After the attempt whose 2xx the call returns (its body already validated). */
  onResponse?: (event: ResponseHookEvent) => void;
  /** After each attempt that failed: an error status, no response, a timeout, an abort, a refused body. */
  onError?: (event: ErrorHookEvent) => void;
  /**
   * Add the request's query and form body to `onRequest` events and the response body to
   * `onResponse` events (default false). They can hold personal data (emails, addresses, metadata);
   * anything shaped like a Stripe key is masked in them.
   */
  includeBodies?: boolean;
}

/** The context of a client that has hooks. */
export type HookedContext = Pick<RequestContext, 'clock' | 'secrets'> & { hooks: ClientHooks };

/** One call's hook calls, as request.ts makes them. */
export interface CallWatch {
  /** Attempt `attempt` is about to be sent. */
  request(attempt: number): void;
  /** The call succeeded with `response`. */
  response(response: HttpResponse): void;
  /** The current attempt failed; `retryDelayMs` is set when another attempt follows. */
  error(error: unknown, retryDelayMs?: number): void;
}

// Hook objects whose failure has been reported: once each, so a broken logger cannot flood the
// console with a warning per call.
const reported = new WeakSet<ClientHooks>();
let calls = 0;

/**
 * Starts watching one call of a client that has hooks: the returned functions turn its steps into
 * hook events. `http` is the request as built, `path` its URL path and `query` its form-encoded query.
 */
export function watchCall(
  { hooks, clock, secrets }: HookedContext,
  op: Operation,
  http: Pick<HttpRequest, 'method' | 'body'>,
  path: string,
  query: string,
  idempotencyKey: string | undefined,
): CallWatch {
  const started = clock.now();
  const mask = <T extends string | undefined>(text: T): T => (text && redactKeys(text, secrets)) as T;
  const call = {
    callId: ++calls,
    operationId: op.id,
    method: http.method,
    route: op.path,
    path: mask(path),
    attempt: 0,
    idempotencyKey: mask(idempotencyKey),
  };
  const warn = (failure: unknown) => {
    if (reported.has(hooks)) return;
    reported.add(hooks);
    console.warn('stripe-customers: a hook failed (ignored):', failure);
  };
  const fire = (hook: ((event: never) => unknown) | undefined, extra: object | false | undefined) => {
    if (!hook) return;
    try {
      // Not awaited; a rejection is caught, so it never surfaces as an unhandled rejection.
      (hook({ ...call, elapsedMs: clock.now() - started, ...extra } as never) as Partial<PromiseLike<unknown>> | undefined)?.then?.(undefined, warn);
    } catch (failure) {
      warn(failure);
    }
  };
  return {
    request(attempt) {
      call.attempt = attempt;
      fire(hooks.onRequest, hooks.includeBodies && { query: mask(query), body: mask(http.body) });
    },
    response({ status, headers, body }) {
      fire(hooks.onResponse, { status, requestId: mask(headers['request-id']), ...(hooks.includeBodies && { body: mask(body) }) });
    },
    error(error, retryDelayMs) {
      // Nothing was sent yet (the signal had fired before the first attempt): no attempt to report on.
      if (!call.attempt) return;
      fire(hooks.onError, { error, willRetry: retryDelayMs !== undefined, retryDelayMs });
    },
  };
}

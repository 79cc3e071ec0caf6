import { specInfo } from '../../generated/operations.js';
import { checkApiKey } from './auth.js';
import { decodeInput, type DecodedInput } from './decode.js';
import { jsonResponse, MockError, type MockResult } from './envelope.js';
import { faultResult, type FaultQueue } from './faults.js';
import { IdempotencyCache } from './idempotency.js';
import type { MockIds } from './ids.js';
import { checkDeclaredLength, checkMethod, readBody } from './limits.js';
import type { Operation, OperationContext } from './operation.js';
import { OPERATIONS } from './operation-table.js';
import { matchRoute } from './routes.js';
import type { CustomerStore } from './store.js';

/** Time as the mock sees it. `sleep` (optional) serves `delayMs` faults; a fake clock makes them instant. */
export interface MockClock {
  /** Now, in ms since the epoch. */
  now(): number;
  sleep?(ms: number): Promise<void>;
}

/**
 * What the handler reads of a request: a fetch `Request` has all of it, and the HTTP server passes
 * a plain object, since a `Request` cannot carry every method a client may send (TRACE, say).
 */
export interface MockRequest {
  readonly method: string;
  /** Absolute. */
  readonly url: string;
  readonly headers: Headers;
  readonly body: ReadableStream<Uint8Array> | null;
}

/** Everything one mock instance holds. */
export interface MockState {
  store: CustomerStore;
  ids: MockIds;
  clock: MockClock;
  faults: FaultQueue;
  idempotency: IdempotencyCache;
  requireApiKey: boolean;
  /** The largest request body read; more is a 413. */
  maxBodyBytes: number;
}

/** Runs an operation; an error it throws is still its result (and is saved for idempotent replay). */
function run(operation: Operation, context: OperationContext, input: DecodedInput): MockResult {
  try {
    return operation(context, input);
  } catch (error) {
    if (error instanceof MockError) return error.toResult();
    throw error;
  }
}

function sleeper(clock: MockClock): (ms: number) => Promise<void> {
  return (ms) => (clock.sleep ? clock.sleep(ms) : new Promise((resolve) => setTimeout(resolve, ms)));
}

/**
 * The fetch-style handler shared by the MSW handlers and the HTTP server. In order: an injected
 * fault, the method (405 unless GET, POST or DELETE), a declared `Content-Length` over the body
 * limit (413), the API key (when required), the route, the body (413 once it passes the limit),
 * Idempotency-Key replay, decoding and validation, the operation. Every answer is JSON with a
 * `Request-Id`; a network fault is `Response.error()`, which MSW turns into a failed fetch and the
 * server into a dropped connection.
 * @example const response = await createHandler(state)(new Request('https://api.stripe.com/v1/customers'));
 */
export function createHandler(state: MockState): (request: MockRequest) => Promise<Response> {
  const { clock } = state;
  const sleep = sleeper(clock);
  const context: OperationContext = { store: state.store, ids: state.ids, nowSeconds: () => Math.floor(clock.now() / 1000) };
  return async (request) => {
    const requestId = state.ids.request();
    const headers: Record<string, string> = { 'Stripe-Version': request.headers.get('stripe-version') ?? specInfo.version };
    try {
      const fault = state.faults.take();
      if (fault && 'network' in fault) return Response.error();
      if (fault && 'delayMs' in fault) await sleep(fault.delayMs);
      if (fault && 'status' in fault) return jsonResponse(faultResult(fault), requestId, headers);
      checkMethod(request.method);
      checkDeclaredLength(request.headers, state.maxBodyBytes);
      if (state.requireApiKey) checkApiKey(request.headers.get('authorization'));
      const url = new URL(request.url);
      const route = matchRoute(request.method, url.pathname);
      const post = route.op.method === 'post';
      // GET and DELETE carry their params in the query string, encoded like a POST body.
      const raw = post ? await readBody(request.body, state.maxBodyBytes) : url.search.slice(1);
      const key = post ? request.headers.get('idempotency-key') : null;
      const endpoint = `${request.method.toUpperCase()} ${url.pathname}`;
      if (key !== null) {
        IdempotencyCache.checkKey(key);
        headers['Idempotency-Key'] = key;
        const replay = state.idempotency.lookup(key, endpoint, raw, clock.now());
        if (replay) {
          const replayHeaders = { ...headers, 'Idempotent-Replayed': 'true', 'Original-Request': replay.originalRequestId };
          return jsonResponse(replay.result, requestId, replayHeaders);
        }
      }
      const result = run(OPERATIONS[route.op.id], context, decodeInput(route, raw));
      // A 400 is a param the operation refused (a bad email, an unknown coupon): that is
      // validation, which Stripe does not save, so the corrected request may reuse the key.
      if (key !== null && result.status !== 400) state.idempotency.save(key, endpoint, raw, result, requestId, clock.now());
      return jsonResponse(result, requestId, headers);
    } catch (error) {
      if (error instanceof MockError) return jsonResponse(error.toResult(), requestId, headers);
      // A bug in the mock must still look like Stripe's 500, not crash the test or the server.
      const message = `The mock failed to handle this request: ${error instanceof Error ? error.message : String(error)}`;
      return jsonResponse({ status: 500, body: { error: { type: 'api_error', message } } }, requestId, headers);
    }
  };
}

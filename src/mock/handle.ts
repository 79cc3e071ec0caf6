import { specInfo } from '../../generated/operations.js';
import { requestAccount } from './account.js';
import { checkApiKey, checkNotLiveKey } from './auth.js';
import { decodeInput, type DecodedInput } from './decode.js';
import { jsonResponse, MockError, type MockResult } from './envelope.js';
import { faultResult, type FaultQueue } from './faults.js';
import { checkFormBody } from './form-body.js';
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
  /** Every account's customers; each request sees its own account's through `forAccount`. */
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
 * limit (413), the API key (a live key is always a 401; a missing or invalid one only when
 * required), `Stripe-Account` (400 unless absent or `acct_...`), the route, the body (413 once it
 * passes the limit; a JSON body is a 400 naming the form encoding), Idempotency-Key replay (per
 * account), decoding and validation, the operation against that account's customers. Every answer
 * is JSON with a `Request-Id`; a network fault is `Response.error()`, which MSW turns into a
 * failed fetch and the server into a dropped connection.
 * @example const response = await createHandler(state)(new Request('https://api.stripe.com/v1/customers'));
 */
export function createHandler(state: MockState): (request: MockRequest) => Promise<Response> {
  const { clock } = state;
  const sleep = sleeper(clock);
  const nowSeconds = () => Math.floor(clock.now() / 1000);
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
      checkNotLiveKey(request.headers.get('authorization'));
      if (state.requireApiKey) checkApiKey(request.headers.get('authorization'));
      const account = requestAccount(request.headers);
      // Stripe names the account in the answer too; stripe-node reads it as `lastResponse.stripeAccount`.
      if (account !== null) headers['Stripe-Account'] = account;
      const url = new URL(request.url);
      const route = matchRoute(request.method, url.pathname);
      const post = route.op.method === 'post';
      // GET and DELETE carry their params in the query string, encoded like a POST body.
      const raw = post ? await readBody(request.body, state.maxBodyBytes) : url.search.slice(1);
      if (post) checkFormBody(request.headers.get('content-type'), raw);
      const key = post ? request.headers.get('idempotency-key') : null;
      const endpoint = `${request.method.toUpperCase()} ${url.pathname}`;
      if (key !== null) {
        IdempotencyCache.checkKey(key);
        headers['Idempotency-Key'] = key;
        const replay = state.idempotency.lookup(key, endpoint, raw, clock.now(), account);
        if (replay) {
          const replayHeaders = { ...headers, 'Idempotent-Replayed': 'true', 'Original-Request': replay.originalRequestId };
          return jsonResponse(replay.result, requestId, replayHeaders);
        }
      }
      const context: OperationContext = { store: state.store.forAccount(account), ids: state.ids, nowSeconds };
      const result = run(OPERATIONS[route.op.id], context, decodeInput(route, raw));
      // A 400 is a param the operation refused (a bad email, an unknown coupon): that is
      // validation, which Stripe does not save, so the corrected request may reuse the key.
      if (key !== null && result.status !== 400) state.idempotency.save(key, endpoint, raw, result, requestId, clock.now(), account);
      return jsonResponse(result, requestId, headers);
    } catch (error) {
      if (error instanceof MockError) return jsonResponse(error.toResult(), requestId, headers);
      // A bug in the mock must still look like Stripe's 500, not crash the test or the server.
      const message = `The mock failed to handle this request: ${error instanceof Error ? error.message : String(error)}`;
      return jsonResponse({ status: 500, body: { error: { type: 'api_error', message } } }, requestId, headers);
    }
  };
}

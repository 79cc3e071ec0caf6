import type { HttpResponse } from './transport.js';

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

/** Remembers a result's response details (without adding a property to the result). */
export function rememberResponse(result: unknown, http: HttpResponse, idempotencyKey: string | undefined): void {
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

/**
 * The response details of a result this client returned: status, `Request-Id`, headers and the
 * `Idempotency-Key` it sent.
 * @example
 * const customer = await stripe.customers.create({ email });
 * console.log(responseMeta(customer)?.idempotencyKey);
 */
export function responseMeta(result: object): ResponseMeta | undefined {
  return metas.get(result);
}

/** A result with its response details, as {@link withResponse} gives it. */
export type WithResponse<T> = ResponseMeta & { data: T };

/**
 * Awaits any call of this client and gives its data together with the response details: the fetch
 * `Response`, `requestId`, `statusCode`, `headers` and the `idempotencyKey` sent.
 * @example
 * const { data: customer, requestId } = await withResponse(stripe.customers.create({ email }));
 */
export async function withResponse<T extends object>(call: PromiseLike<T>): Promise<WithResponse<T>> {
  const data = await call;
  const meta = metas.get(data);
  if (!meta) throw new TypeError('withResponse needs the result of a stripe-customers call');
  return { ...meta, data };
}

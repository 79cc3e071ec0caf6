import { metaOf, type ResponseMeta } from './request.js';

export type { ResponseMeta } from './request.js';

/**
 * The response details of a result this client returned: status, `Request-Id`, headers and the
 * `Idempotency-Key` it sent.
 * @example
 * const customer = await stripe.customers.create({ email });
 * console.log(responseMeta(customer)?.idempotencyKey);
 */
export function responseMeta(result: object): ResponseMeta | undefined {
  return metaOf(result);
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
  const meta = metaOf(data);
  if (!meta) throw new TypeError('withResponse needs the result of a stripe-customers call');
  return { ...meta, data };
}

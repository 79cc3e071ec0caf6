/** What a call's result carries besides its data. */
export interface ResponseMeta {
  /** The fetch `Response` (its body already read and parsed into the result). */
  response: Response;
  statusCode: number;
  requestId: string | undefined;
  headers: Readonly<Record<string, string>>;
  /** The `Idempotency-Key` sent (POST only). */
  idempotencyKey: string | undefined;
}

const metas = new WeakMap<object, ResponseMeta>();

/** Remembers a result's response details (without adding a property to the result). */
export function rememberResponse(result: unknown, meta: ResponseMeta): void {
  if (result !== null && typeof result === 'object') metas.set(result, meta);
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

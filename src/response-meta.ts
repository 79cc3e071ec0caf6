/** What a call's result carries besides its data. */
export interface ResponseMeta {
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

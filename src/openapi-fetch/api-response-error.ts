import { StripeError, type StripeErrorFields } from '../errors/errors.js';

/**
 * An error answer (non-2xx) from an API that is not Stripe-shaped, thrown by `validatingMiddleware`:
 * a JSON API generated the same way, with its own error body. It extends {@link StripeError}, so
 * `instanceof StripeError` still catches everything this package throws; `statusCode`, `requestId`
 * (`Request-Id` or `X-Request-Id`), `headers` and `raw` (the parsed body, or its text) are set, with
 * every secret the middleware was given masked.
 * @example
 * try {
 *   await client.GET('/api/v1/customers/{external_id}', { params: { path: { external_id: 'x' } } });
 * } catch (error) {
 *   if (error instanceof ApiResponseError && error.statusCode === 404) console.log(error.raw);
 * }
 */
export class ApiResponseError extends StripeError {
  override readonly name: string = 'ApiResponseError';
  /** True when the body matched the error schema the operation documents, so `raw` has that shape. */
  readonly documented: boolean;

  constructor(fields: StripeErrorFields & { documented: boolean }) {
    super(fields);
    this.documented = fields.documented;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), documented: this.documented };
  }
}

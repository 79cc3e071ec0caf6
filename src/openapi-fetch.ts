/**
 * `stripe-customers/openapi-fetch`: Stripe's wire for openapi-fetch. Keep `createClient<paths>()`
 * and its typed calls; get Stripe's form encoding (`stripeBodySerializer`, `stripeQuerySerializer`)
 * and, from `stripeMiddleware`, the headers, one Idempotency-Key per POST, the params checked before
 * sending, responses checked against the generated zod schemas, and typed errors thrown.
 * `validatingMiddleware` is the API-neutral half, for any table from the same generator.
 * openapi-fetch is an optional peer dependency: install it to use this entry.
 * @packageDocumentation
 */
export type { paths, components } from '../generated/types.js';
export { stripeBodySerializer, stripeQuerySerializer } from './openapi-fetch/serializers.js';
export { stripeMiddleware, type StripeMiddlewareOptions } from './openapi-fetch/stripe-middleware.js';
export { validatingMiddleware, type ValidatingMiddlewareOptions } from './openapi-fetch/validating-middleware.js';
export { defaultErrorFor, type ErrorFor } from './openapi-fetch/check-response.js';
export { ApiResponseError } from './openapi-fetch/api-response-error.js';
export type { OperationTable, TableOperation } from './openapi-fetch/operation-table.js';

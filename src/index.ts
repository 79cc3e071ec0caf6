/**
 * stripe-customers: a typed, validated client for Stripe's Customers API.
 * @packageDocumentation
 */
export { createClient, type ClientOptions, type StripeCustomersClient } from './client/create-client.js';
export type { CustomersResource } from './resources/customers.js';
export * from './errors/errors.js';
export { encodeForm } from './wire/form-encode.js';
export { decodeForm, parseForm, type FormTree } from './wire/form-decode.js';
export { shapeBySchema } from './wire/form-shape.js';
export type { RequestOptions } from './client/options.js';
export { PagePromise, type PageWalk, type ToArrayOptions } from './resources/pagination.js';
export {
  customerSearch,
  quoteSearchValue,
  SearchQuery,
  type AndBuilder,
  type CreatedField,
  type CustomerSearchBuilder,
  type MetadataField,
  type OrBuilder,
  type SearchQueryKind,
  type TextField,
} from './resources/search-query.js';
export { responseMeta, withResponse, type ResponseMeta, type WithResponse } from './http/response-meta.js';
export type { Expanded, ExpandPaths, ItemPaths, WithExpand } from './resources/expand.js';
export type { ExpandTree } from './validation/expand-paths.js';
export type { BodyOf, ItemOf, QueryOf, SearchParamsOf, SuccessOf } from './resources/method-types.js';
export type { MethodSpec } from './resources/build-resource.js';
export { decideRetry, backoffDelay, parseRetryAfter, type RetryDecision, type RetryInput } from './http/retry.js';
export type { Clock, Timeout } from './client/options.js';
export { testClock, type TestClock } from './client/test-clock.js';
export { fetchTransport, type HttpRequest, type HttpResponse, type Transport } from './http/transport.js';
export type { ClientHooks, ErrorHookEvent, HookEvent, RequestHookEvent, ResponseHookEvent } from './http/hooks.js';
export type * from './resources/types.js';
export { operations, specInfo } from '../generated/operations.js';
export {
  webhooks,
  constructEvent,
  generateTestHeader,
  isEventType,
  StripeSignatureVerificationError,
  type SignatureVerificationReason,
  type ConstructEventOptions,
  type CustomerEvent,
  type CustomerCreatedEvent,
  type CustomerUpdatedEvent,
  type CustomerDeletedEvent,
  type OtherEvent,
  type EventEnvelope,
} from './webhooks/webhooks.js';

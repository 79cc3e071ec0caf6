/**
 * stripe-customers: a typed, validated client for Stripe's Customers API.
 * @packageDocumentation
 */
export { createClient, type ClientOptions, type StripeCustomersClient } from './client.js';
export type { CustomersResource } from './customers.js';
export type { CustomerSubResources } from './customer-sub-resources.js';
export * from './errors.js';
export { encodeForm } from './form-encode.js';
export { decodeForm, parseForm, type FormTree } from './form-decode.js';
export { shapeBySchema } from './form-shape.js';
export type { RequestOptions } from './options.js';
export { PagePromise, type PageWalk, type ToArrayOptions } from './pagination.js';
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
} from './search-query.js';
export { responseMeta, withResponse, type ResponseMeta, type WithResponse } from './response-meta.js';
export type { Expanded, WithExpand } from './expand.js';
export { decideRetry, backoffDelay, parseRetryAfter, type RetryDecision, type RetryInput } from './retry.js';
export type { Clock, Timeout } from './clock.js';
export { fetchTransport, type HttpRequest, type HttpResponse, type Transport } from './transport.js';
export type * from './types.js';
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
} from './webhooks.js';

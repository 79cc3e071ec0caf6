import { describe, expect, it } from 'vitest';
import { errorClassFor } from '../../src/errors/error-from-response.js';
import {
  StripeAPIError,
  StripeAuthenticationError,
  StripeCardError,
  StripeConflictError,
  StripeIdempotencyError,
  StripeInvalidRequestError,
  StripeNotFoundError,
  StripePermissionError,
  StripeRateLimitError,
  StripeRedirectError,
} from '../../src/errors/errors.js';

const cases: [string, { status: number; type: string | undefined; want: Function }][] = [
  ['400 invalid_request_error', { status: 400, type: 'invalid_request_error', want: StripeInvalidRequestError }],
  ['400 idempotency_error', { status: 400, type: 'idempotency_error', want: StripeIdempotencyError }],
  ['401 whatever the type', { status: 401, type: 'invalid_request_error', want: StripeAuthenticationError }],
  ['402 card_error', { status: 402, type: 'card_error', want: StripeCardError }],
  ['403', { status: 403, type: 'invalid_request_error', want: StripePermissionError }],
  ['404', { status: 404, type: 'invalid_request_error', want: StripeNotFoundError }],
  ['409 lock timeout', { status: 409, type: 'invalid_request_error', want: StripeConflictError }],
  ['409 idempotency conflict', { status: 409, type: 'idempotency_error', want: StripeIdempotencyError }],
  ['424 api_error', { status: 424, type: 'api_error', want: StripeAPIError }],
  ['429', { status: 429, type: undefined, want: StripeRateLimitError }],
  ['500 no body', { status: 500, type: undefined, want: StripeAPIError }],
  ['503 invalid_request_error still a server error', { status: 503, type: 'invalid_request_error', want: StripeAPIError }],
  ['418 unknown type', { status: 418, type: 'teapot_error', want: StripeInvalidRequestError }],
  ['302 a redirect', { status: 302, type: undefined, want: StripeRedirectError }],
  ['307 claiming to be a card error is still a redirect', { status: 307, type: 'card_error', want: StripeRedirectError }],
  ['0 (an opaque redirect in a browser)', { status: 0, type: undefined, want: StripeRedirectError }],
];

describe('errorClassFor', () => {
  it.each(cases)('%s', (_, { status, type, want }) => {
    expect(errorClassFor(status, type)).toBe(want);
  });
});

import type { Middleware } from 'openapi-fetch';
import { operations, specInfo } from '../../generated/operations.js';
import { clientOptionIssues } from '../client/client-options.js';
import { checkRequestOptions, ofType, optionIssues, SHARED_RULES, type OptionRule } from '../client/options.js';
import { errorFromResponse } from '../errors/error-from-response.js';
import { customIssue, StripeValidationError, type ValidationIssue } from '../errors/errors.js';
import { encodeForm } from '../wire/form-encode.js';
import { validatingMiddleware } from './validating-middleware.js';

// Stripe's side of an openapi-fetch call: the headers every request carries, the form content type,
// one Idempotency-Key per POST, no redirects, and the wire checked for openapi-fetch's own encodings
// (JSON bodies, `expand=a` queries), which Stripe would misread. Everything else is
// `validatingMiddleware` over the generated Stripe table. docs/stripe-wire.md has the rules.

/**
 * Settings for {@link stripeMiddleware}: only `apiKey` is required; unknown names are refused.
 * @example const options: StripeMiddlewareOptions = { apiKey: process.env.STRIPE_SECRET_KEY!, stripeAccount: 'acct_1032D82eZvKYlo2C' };
 */
export interface StripeMiddlewareOptions {
  /** A secret (`sk_test_...`, `sk_live_...`) or restricted (`rk_...`) key. Masked in every error. */
  apiKey: string;
  /** The `Stripe-Version` of every call; default the version the generated types describe. */
  apiVersion?: string;
  /** `Stripe-Account: acct_...` on every call, to act as a connected account. */
  stripeAccount?: string;
  /** Makes the `Idempotency-Key` of a POST that has none (default `crypto.randomUUID()`). */
  idempotencyKey?: () => string;
  /** Allow running where a DOM `document` exists, as `createClient`'s option of the same name. */
  dangerouslyAllowBrowser?: boolean;
}

const RULES: Readonly<Record<keyof StripeMiddlewareOptions, OptionRule>> = {
  // The key's own rule (shape, and a publishable key refused) is createClient's, run below.
  apiKey: () => undefined,
  apiVersion: SHARED_RULES.apiVersion,
  stripeAccount: SHARED_RULES.stripeAccount,
  idempotencyKey: ofType('function'),
  dangerouslyAllowBrowser: ofType('boolean'),
};

function checkOptions(options: StripeMiddlewareOptions): void {
  const issues = optionIssues(options, RULES);
  const given: Partial<StripeMiddlewareOptions> | undefined = options !== null && typeof options === 'object' ? options : undefined;
  // Without options the key is what is missing; options that are not an object were named above.
  if (given || options === undefined) {
    issues.push(...clientOptionIssues({ apiKey: given?.apiKey, dangerouslyAllowBrowser: given?.dangerouslyAllowBrowser === true }));
  }
  if (issues.length) throw new StripeValidationError(issues, 'Invalid stripeMiddleware options');
}

const FORM = 'application/x-www-form-urlencoded';

/** The query as a list of decoded pairs: two encodings of the same params compare equal. */
const pairs = (query: string) => JSON.stringify([...new URLSearchParams(query)]);

/** What openapi-fetch's own serializers would have put on the wire, which Stripe reads otherwise. */
function wireIssues(request: Request, query: Record<string, unknown> | undefined, body: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (pairs(new URL(request.url).search) !== pairs(encodeForm(query ?? {}))) {
    issues.push(customIssue(['query'], "is not in Stripe's bracket encoding: give createClient querySerializer: stripeQuerySerializer"));
  }
  if (/^\s*[[{]/.test(body)) {
    issues.push(customIssue(['body'], 'is JSON, which Stripe does not read: give createClient bodySerializer: stripeBodySerializer'));
  }
  return issues;
}

/**
 * The openapi-fetch middleware for Stripe's Customers API. On each request it sets
 * `Authorization: Bearer <apiKey>`, `Stripe-Version` and `Stripe-Account` (a call's own
 * `Stripe-Version` or `Stripe-Account` header wins), and on a POST the form content type and an
 * `Idempotency-Key` (a fresh UUID unless the call gave one); redirects are not followed, since they
 * would carry the key elsewhere. Then, as `validatingMiddleware` over the generated table, it checks
 * the params and the body on the wire before sending, and the answer after: a 2xx body that
 * contradicts the operation's schema is a `StripeResponseValidationError`, and any non-2xx Stripe's
 * typed error (`StripeNotFoundError`, `StripeInvalidRequestError`, … as the client throws them).
 *
 * Errors are thrown, so the call rejects rather than resolving `{ error }` as openapi-fetch does by
 * itself: a Stripe call that failed is an exception in every SDK, and `{ data }` then always holds
 * validated data. The key is masked in every error. Use it with `stripeBodySerializer` and
 * `stripeQuerySerializer`; a call that goes out in openapi-fetch's own encodings is refused.
 * @throws {StripeValidationError} for bad options: a key that is not `sk_`/`rk_` (a publishable key
 *   is refused), unknown option names, a header value that cannot be sent.
 * @example
 * import createClient from 'openapi-fetch';
 * import { stripeBodySerializer, stripeMiddleware, stripeQuerySerializer, type paths } from 'stripe-customers/openapi-fetch';
 * const stripe = createClient<paths>({ baseUrl: 'https://api.stripe.com', bodySerializer: stripeBodySerializer, querySerializer: stripeQuerySerializer });
 * stripe.use(stripeMiddleware({ apiKey: process.env.STRIPE_SECRET_KEY! }));
 * const { data } = await stripe.POST('/v1/customers', { body: { email: 'ada@example.com' } });
 */
export function stripeMiddleware(options: StripeMiddlewareOptions): Middleware {
  checkOptions(options);
  const { apiKey, apiVersion = specInfo.version, stripeAccount } = options;
  const newKey = options.idempotencyKey ?? (() => globalThis.crypto.randomUUID());
  // The key as sent in Bearer and in HTTP Basic form: masked wherever an error would quote it.
  const secrets = [apiKey, btoa(`${apiKey}:`)];
  const inner = validatingMiddleware(operations, { apiName: 'Stripe', secrets, errorFor: (response, { sent }) => errorFromResponse(response, sent) });
  return {
    async onRequest(callback) {
      const { request: given, params } = callback;
      const headers = new Headers(given.headers);
      headers.set('Authorization', `Bearer ${apiKey}`);
      headers.set('Accept', 'application/json');
      if (!headers.has('Stripe-Version')) headers.set('Stripe-Version', apiVersion);
      if (stripeAccount !== undefined && !headers.has('Stripe-Account')) headers.set('Stripe-Account', stripeAccount);
      if (given.method === 'POST') {
        headers.set('Content-Type', FORM);
        if (!headers.has('Idempotency-Key')) headers.set('Idempotency-Key', newKey());
      }
      // A call's own headers (and a generated key) follow the rules per-request options follow.
      checkRequestOptions({
        apiVersion: headers.get('Stripe-Version') ?? undefined,
        stripeAccount: headers.get('Stripe-Account') ?? undefined,
        idempotencyKey: headers.get('Idempotency-Key') ?? undefined,
      });
      const request = new Request(given, { headers, redirect: 'manual' });
      const body = request.body === null ? '' : await request.clone().text();
      const issues = wireIssues(request, params.query, body);
      if (issues.length) throw new StripeValidationError(issues, `Not sent: ${request.method} ${callback.schemaPath} would reach Stripe misencoded`);
      await inner.onRequest!({ ...callback, request });
      return request;
    },
    onResponse: inner.onResponse!,
    onError: inner.onError!,
  };
}

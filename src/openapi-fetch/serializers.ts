import { encodeForm } from '../wire/form-encode.js';

// openapi-fetch writes bodies as JSON and arrays in queries as `expand=a&expand=b`; Stripe reads
// both as Rack does, with brackets (docs/stripe-wire.md#form-encoding). These hand openapi-fetch
// the same encoder the client uses, in the shapes its `bodySerializer` and `querySerializer` take.

/**
 * openapi-fetch's `bodySerializer` for Stripe: the body as an `application/x-www-form-urlencoded`
 * string in Stripe's bracket form. `metadata` becomes `metadata[key]=value`, arrays
 * `tax_id_data[0][type]=eu_vat`, `''` stays `field=` (Stripe's "unset"), `null` and `undefined` are
 * left out. openapi-fetch still labels the body `application/json`; `stripeMiddleware` sets the
 * form content type on every POST.
 * @throws {StripeValidationError} for a value a form cannot carry (a Date, a function, NaN, a cycle),
 *   before anything is sent.
 * @example
 * const client = createClient<paths>({ baseUrl: 'https://api.stripe.com', bodySerializer: stripeBodySerializer });
 * stripeBodySerializer({ email: 'ada@example.com', metadata: { app_user_id: 'u_42' } });
 * // 'email=ada%40example.com&metadata[app_user_id]=u_42'
 */
export function stripeBodySerializer(body: unknown): string {
  return encodeForm(asParams(body));
}

/**
 * openapi-fetch's `querySerializer` for Stripe: GET and DELETE params in the query string, encoded
 * as bodies are (`expand[0]=tax_ids`, `created[gt]=1700000000`), without the leading `?`.
 * @throws {StripeValidationError} for a value a form cannot carry, before anything is sent.
 * @example
 * const client = createClient<paths>({ baseUrl: 'https://api.stripe.com', querySerializer: stripeQuerySerializer });
 * stripeQuerySerializer({ limit: 3, expand: ['data.tax_ids'] }); // 'limit=3&expand[0]=data.tax_ids'
 */
export function stripeQuerySerializer(query: Record<string, unknown>): string {
  return encodeForm(asParams(query));
}

/**
 * `null` sends nothing, like an absent body. Anything else goes to the encoder as it is: a string or
 * a number at the top level has no field names, and the encoder refuses it naming its type.
 */
function asParams(value: unknown): object {
  return (value ?? {}) as object;
}

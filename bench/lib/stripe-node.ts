import Stripe from 'stripe';

// How the benchmarks reach stripe-node's internals.
//
// stripe-node 23 stringifies every v1 request body with `queryStringifyRequestData` in
// `esm/utils.js` (called from `RequestSender._request`). The package's `exports` map does not list
// that file, so `import 'stripe/esm/utils.js'` fails with ERR_PACKAGE_PATH_NOT_EXPORTED; the file
// is imported by its resolved location instead, next to the entry point `import.meta.resolve`
// finds. `capturedStripeBody` drives the real client to show that the function imported this way
// produces exactly the body stripe-node sends.

/** stripe-node's own form encoder, imported from the file the client uses. */
export type StripeEncoder = (data: object) => string;

export async function loadStripeEncoder(): Promise<StripeEncoder> {
  const entry = import.meta.resolve('stripe'); // …/stripe/esm/stripe.esm.node.js
  const utils = (await import(new URL('./utils.js', entry).href)) as { queryStringifyRequestData?: unknown };
  if (typeof utils.queryStringifyRequestData !== 'function') {
    throw new Error(`stripe-node at ${entry} no longer exports queryStringifyRequestData from utils.js`);
  }
  return utils.queryStringifyRequestData as StripeEncoder;
}

/** A canned JSON response for stripe-node's fetch client, with the headers Stripe sends. */
export function jsonResponse(body: string): Response {
  return new Response(body, {
    status: 200,
    headers: { 'content-type': 'application/json', 'request-id': 'req_bench' },
  });
}

/**
 * The body stripe-node sends for `customers.create(params)`, captured from its fetch http client
 * (no network: the injected fetch records the body and answers with `responseBody`).
 */
export async function capturedStripeBody(params: Stripe.CustomerCreateParams, responseBody: string): Promise<string> {
  let captured: string | undefined;
  const capture = async (_url: unknown, init?: RequestInit): Promise<Response> => {
    captured = typeof init?.body === 'string' ? init.body : String(init?.body);
    return jsonResponse(responseBody);
  };
  const stripe = new Stripe('sk_test_bench', {
    httpClient: Stripe.createFetchHttpClient(capture as typeof fetch),
    maxNetworkRetries: 0,
  });
  await stripe.customers.create(params);
  if (captured === undefined) throw new Error('stripe-node sent no body');
  return captured;
}

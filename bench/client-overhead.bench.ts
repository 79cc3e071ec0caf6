import { do_not_optimize } from 'mitata';
import { clientOperations } from '../generated/checks.js';
import createFetchClient from 'openapi-fetch';
import Stripe from 'stripe';
import { specInfo } from '../generated/operations.js';
import type { paths } from '../generated/types.js';
import { createClient } from '../src/client.js';
import { encodeForm } from '../src/form-encode.js';
import { buildHeaders } from '../src/headers.js';
import { validateParams } from '../src/validate-params.js';
import { validateResponse } from '../src/validate-response.js';
import { customerObject } from './lib/fixtures.js';
import { compare, heading, ratio, ratioLine, resultsTable } from './lib/measure.js';
import { jsonResponse } from './lib/stripe-node.js';

// Per-call overhead of each client with an injected fetch that answers a canned customer at once,
// so only the client's own work is timed: ours (validation both ways, retries and timeouts armed)
// against stripe-node (its fetch http client) and raw openapi-fetch with the generated `paths`.
// Then the steps of one of our calls, each timed alone, to show where the time goes.
//
//   npx tsx bench/client-overhead.bench.ts

const apiKey = 'sk_test_bench';
const id = 'cus_Bench00000001';
const body = JSON.stringify(customerObject(1));

/** Every client gets this fetch: a fresh Response each call (a body can be read only once). */
const cannedFetch = async (_input: unknown, _init?: unknown): Promise<Response> => jsonResponse(body);

const ours = createClient({ apiKey, fetch: cannedFetch as typeof fetch });
const stripe = new Stripe(apiKey, { httpClient: Stripe.createFetchHttpClient(cannedFetch as typeof fetch) });
const raw = createFetchClient<paths>({ baseUrl: 'https://api.stripe.com', fetch: cannedFetch as typeof fetch });
const rawHeaders = { Authorization: `Bearer ${apiKey}`, 'Stripe-Version': specInfo.version };

const calls = {
  'canned fetch + json() (floor)': async () => (await cannedFetch(id)).json() as Promise<{ id: string }>,
  'ours (customers.retrieve)': () => ours.customers.retrieve(id),
  'stripe-node (fetch http client)': () => stripe.customers.retrieve(id),
  'openapi-fetch (GET, typed paths)': async () => {
    const { data } = await raw.GET('/v1/customers/{customer}', {
      params: { path: { customer: id } },
      headers: rawHeaders,
    });
    return data!;
  },
};

// Each must really return the customer, so none is timed on a failure path.
for (const [name, call] of Object.entries(calls)) {
  const result = await call();
  if (result.id !== id) throw new Error(`${name} returned ${JSON.stringify(result).slice(0, 200)}`);
}

heading('Client overhead per call: retrieve with an injected fetch answering a canned customer');
const results = await compare(
  Object.entries(calls).map(([name, fn]) => ({ name, fn })),
  { budgetMs: 300 },
);
console.log(resultsTable(results));
const floor = results.get('canned fetch + json() (floor)')!.ns;
console.log('\nclient work above the floor (median/call minus floor):');
for (const r of results.values())
  if (r.ns !== floor) console.log(`  ${r.name}: ${((r.ns - floor) / 1e3).toFixed(2)} µs`);
console.log('\nratios (median of per-round ratios):');
console.log(
  ratioLine('ours / stripe-node', ratio(results, 'ours (customers.retrieve)', 'stripe-node (fetch http client)')),
);
console.log(
  ratioLine('ours / openapi-fetch', ratio(results, 'ours (customers.retrieve)', 'openapi-fetch (GET, typed paths)')),
);
console.log(
  ratioLine(
    'stripe-node / openapi-fetch',
    ratio(results, 'stripe-node (fetch http client)', 'openapi-fetch (GET, typed paths)'),
  ),
);

// The steps of one `retrieve`, each alone (request.ts runs them in this order).
const op = clientOperations.GetCustomersCustomer;
const defaults = { apiKey, apiVersion: specInfo.version };
const requestHeaders = buildHeaders(defaults, 'get', {});
const target = `https://api.stripe.com/v1/customers/${id}`;
const newRequest = () =>
  new Request(target, { method: 'GET', headers: requestHeaders, signal: AbortSignal.timeout(80_000) });
const answered = jsonResponse(body);
const rawAnswer = { status: 200, headers: { 'request-id': 'req_bench' }, body, response: answered };
heading('Where one of our calls spends its time: each step alone');
const parts = await compare(
  [
    {
      name: 'validateParams (path id, empty query)',
      fn: () => validateParams(op, { path: { customer: id }, query: undefined }),
    },
    { name: 'buildHeaders', fn: () => do_not_optimize(buildHeaders(defaults, 'get', {})) },
    { name: 'encodeForm({}) for the query', fn: () => do_not_optimize(encodeForm({})) },
    { name: 'AbortSignal.timeout (per attempt)', fn: () => do_not_optimize(AbortSignal.timeout(80_000)) },
    // openapi-fetch builds a Request per call; fetch then builds its own from it (fresh ones each
    // time: re-wrapping one Request over and over would pile listeners on its signal).
    { name: 'new Request (openapi-fetch builds it)', fn: () => do_not_optimize(newRequest()) },
    { name: 'new Request(new Request) (+ fetch re-wraps)', fn: () => do_not_optimize(new Request(newRequest())) },
    { name: 'Object.fromEntries(response.headers)', fn: () => do_not_optimize(Object.fromEntries(answered.headers)) },
    { name: 'validateResponse (JSON.parse + schema)', fn: () => do_not_optimize(validateResponse(op, rawAnswer)) },
    { name: 'new Response + text() (canned answer)', fn: async () => do_not_optimize(await jsonResponse(body).text()) },
  ],
  { rounds: 3, budgetMs: 100 },
);
console.log(resultsTable(parts));

import { spawnSync } from 'node:child_process';
import { do_not_optimize } from 'mitata';
import createFetchClient from 'openapi-fetch';
import Stripe from 'stripe';
import { operations, specInfo } from '../generated/operations.js';
import type { paths } from '../generated/types.js';
import { checkRequestOptions, DEFAULT_POLICY, resolvePolicy, systemClock } from '../src/client/options.js';
import { createClient } from '../src/client/create-client.js';
import { fillPath } from '../src/http/request.js';
import type { Transport } from '../src/http/transport.js';
import { fastAccepts } from '../src/validation/fast-path.js';
import { encodeForm } from '../src/wire/form-encode.js';
import { customerObject, richCreateParams } from './lib/fixtures.js';
import { compare, heading, ratio, ratioLine, resultsTable, type Comparison } from './lib/measure.js';
import { jsonResponse } from './lib/stripe-node.js';

// Per-call overhead of each client with an injected fetch that answers a canned customer at once,
// so only the client's own work is timed: ours (the real `createClient`: options checked, params
// and response run through the fast path derived from the zod schemas, retries and the per-attempt
// timeout armed, fetch called as fetch(url, init)) against stripe-node (its fetch http client) and
// openapi-fetch with the generated `paths` (a typed fetch wrapper that validates nothing: the least
// a typed client can do). One more row hands our client the same answer through
// `createClient({ transport })`, as nodeTransport hands one over: what the fetch objects (Response,
// Headers) cost the client. First `retrieve`, then `create` with the rich body of the form-encoding
// benchmark. Last, the steps of one of our calls, each timed alone in the order src/http/request.ts
// and src/http/transport.ts run them, to show where the time goes.
//
//   npx tsx bench/client-overhead.bench.ts

// tsx turns source maps on, which makes every `new Error().stack` (stripe-node takes one per call)
// several times dearer; a production process usually runs without them.
process.setSourceMapsEnabled(false);

const apiKey = 'sk_test_bench';
const id = 'cus_Bench00000001';
const body = JSON.stringify(customerObject(1));

/** Every client gets this fetch: a fresh Response each call (a body can be read only once). */
const cannedFetch = async (_input: unknown, _init?: unknown): Promise<Response> => jsonResponse(body);

const ours = createClient({ apiKey, fetch: cannedFetch as typeof fetch });
/** The same answer handed over the way `nodeTransport` hands one over: no Response, no Headers. */
const cannedTransport: Transport = async () => ({
  status: 200,
  headers: { 'content-type': 'application/json', 'request-id': 'req_bench' },
  body,
});
const oursOverTransport = createClient({ apiKey, transport: cannedTransport });
const stripe = new Stripe(apiKey, { httpClient: Stripe.createFetchHttpClient(cannedFetch as typeof fetch) });
const raw = createFetchClient<paths>({ baseUrl: 'https://api.stripe.com', fetch: cannedFetch as typeof fetch });
const rawHeaders = { Authorization: `Bearer ${apiKey}`, 'Stripe-Version': specInfo.version };

const FLOOR = 'floor: canned fetch + json()';
const OURS = 'ours (createClient)';
const OURS_TRANSPORT = 'ours, canned transport (no fetch objects)';
const STRIPE = 'stripe-node (fetch http client)';
const OPENAPI = 'openapi-fetch (typed paths)';

type Call = () => Promise<{ id: string }>;

const retrieve: Record<string, Call> = {
  [FLOOR]: async () => (await cannedFetch(id)).json() as Promise<{ id: string }>,
  [OURS]: () => ours.customers.retrieve(id),
  [OURS_TRANSPORT]: () => oursOverTransport.customers.retrieve(id),
  [STRIPE]: () => stripe.customers.retrieve(id),
  [OPENAPI]: async () => {
    const { data } = await raw.GET('/v1/customers/{customer}', {
      params: { path: { customer: id } },
      headers: rawHeaders,
    });
    return data!;
  },
};

const create: Record<string, Call> = {
  [FLOOR]: retrieve[FLOOR]!,
  [OURS]: () => ours.customers.create(richCreateParams),
  [OURS_TRANSPORT]: () => oursOverTransport.customers.create(richCreateParams),
  [STRIPE]: () => stripe.customers.create(richCreateParams as Stripe.CustomerCreateParams),
  // openapi-fetch sends JSON unless told otherwise; Stripe takes a form, so it gets our encoder.
  [OPENAPI]: async () => {
    const { data } = await raw.POST('/v1/customers', {
      body: richCreateParams,
      bodySerializer: (value) => encodeForm(value ?? {}),
      headers: { ...rawHeaders, 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    return data!;
  },
};

async function run(title: string, calls: Record<string, Call>): Promise<Comparison> {
  // Each must really return the customer, so none is timed on a failure path.
  for (const [name, call] of Object.entries(calls)) {
    const result = await call();
    if (result.id !== id) throw new Error(`${name} returned ${JSON.stringify(result).slice(0, 200)}`);
  }
  heading(`Client overhead per call: ${title}, with an injected fetch answering a canned customer`);
  const results = await compare(
    Object.entries(calls).map(([name, fn]) => ({ name, fn })),
    { budgetMs: 300 },
  );
  console.log(resultsTable(results));
  const floor = results.get(FLOOR)!.ns;
  console.log('\nclient work above the floor (median/call minus floor):');
  for (const r of results.values())
    if (r.name !== FLOOR) console.log(`  ${r.name}: ${((r.ns - floor) / 1e3).toFixed(2)} µs`);
  console.log('\nratios (median of per-round ratios):');
  console.log(ratioLine('ours / stripe-node', ratio(results, OURS, STRIPE)));
  console.log(ratioLine('ours, canned transport / stripe-node', ratio(results, OURS_TRANSPORT, STRIPE)));
  console.log(ratioLine('ours / openapi-fetch', ratio(results, OURS, OPENAPI)));
  console.log(ratioLine('stripe-node / openapi-fetch', ratio(results, STRIPE, OPENAPI)));
  return results;
}

await run('retrieve', retrieve);
await run('create (rich PostCustomers body)', create);

// The steps of one call, each alone, in the order request.ts and transport.ts run them. Each is the
// exported function the client calls, called the way request.ts calls it; what request.ts keeps
// private (the id checks, the headers object, remembering the response details) is left in the gap
// between the whole call and the sum of these rows.
const retrieveOp = operations.GetCustomersCustomer;
const createOp = operations.PostCustomers;
const retrievePath = { customer: id };
const answered = jsonResponse(body);
/** What request.ts runs on params, as its `accepts`: a schema's fast path, on `{}` when a part is absent. */
function accepts(schema: Parameters<typeof fastAccepts>[0] | null, value: unknown): boolean {
  if (schema) return fastAccepts(schema)(value ?? {});
  return value === undefined || (typeof value === 'object' && value !== null && Object.keys(value).length === 0);
}
for (const [label, ok] of [
  ['retrieve params', accepts(retrieveOp.pathSchema, retrievePath) && accepts(retrieveOp.querySchema, undefined)],
  ['create body', accepts(createOp.bodySchema, richCreateParams)],
  ['customer response', accepts(retrieveOp.responseSchema, JSON.parse(body))],
] as const) {
  // A step timed on the fast path's "no" would also pay for zod; the whole call never does here.
  if (!ok) throw new Error(`the fast path rejects the ${label}`);
}
heading('Where one of our calls spends its time: each step alone');
const parts = await compare(
  [
    {
      name: 'checkRequestOptions(undefined) + resolvePolicy',
      fn: () => do_not_optimize(resolvePolicy(DEFAULT_POLICY, checkRequestOptions(undefined))),
    },
    {
      name: 'retrieve: fastAccepts on path + query',
      fn: () =>
        do_not_optimize(accepts(retrieveOp.pathSchema, retrievePath) && accepts(retrieveOp.querySchema, undefined)),
    },
    {
      name: 'URL: base + fillPath',
      fn: () => do_not_optimize(`https://api.stripe.com${fillPath(retrieveOp.path, retrievePath)}`),
    },
    { name: 'encodeForm({}) for the query', fn: () => do_not_optimize(encodeForm({})) },
    {
      name: 'systemClock.timeout + clear (per attempt: AbortController + cleared setTimeout)',
      fn: () => systemClock.timeout(80_000).clear(),
    },
    {
      name: 'alternative: AbortSignal.timeout (its timer cannot be cleared)',
      fn: () => do_not_optimize(AbortSignal.timeout(80_000)),
    },
    // With a real fetch, Node's fetch builds its own Request, Headers and Response here (see end-to-end).
    {
      name: 'new Response + text() (the canned answer)',
      fn: async () => do_not_optimize(await jsonResponse(body).text()),
    },
    {
      name: 'Object.fromEntries(response.headers) (fetchTransport)',
      fn: () => do_not_optimize(Object.fromEntries(answered.headers)),
    },
    {
      name: 'response: JSON.parse + fastAccepts (customer)',
      fn: () => do_not_optimize(fastAccepts(retrieveOp.responseSchema)(JSON.parse(body))),
    },
    {
      name: 'create: fastAccepts on the rich body',
      fn: () => do_not_optimize(accepts(createOp.bodySchema, richCreateParams)),
    },
    { name: 'create: encodeForm (rich body)', fn: () => do_not_optimize(encodeForm(richCreateParams)) },
    { name: 'create: crypto.randomUUID (Idempotency-Key)', fn: () => do_not_optimize(crypto.randomUUID()) },
  ],
  { rounds: 3, budgetMs: 100 },
);
console.log(resultsTable(parts));

// What the per-attempt timeout keeps alive, which is why systemClock.timeout is a cleared timer and
// not AbortSignal.timeout: that one's timer stays armed for the whole limit (80 s by default) after
// the answer is in, and the signal with it, so at a steady request rate rate × 80 s of them are
// alive at once. Measured in a fresh process each (this one holds the timers of everything above):
// the heap still in use after a full GC once 100,000 have been made, as 1,250 requests per second
// would hold them, against a timer cleared at once.
heading('What 100,000 per-attempt timeouts keep alive (fresh process, heap in use after a full GC)');
const RETAINED = `
const make = process.argv[1] === 'armed'
  ? () => AbortSignal.timeout(80000)
  : () => { const c = new AbortController(); clearTimeout(setTimeout(() => c.abort(), 80000)); };
gc();
const before = process.memoryUsage().heapUsed;
const start = performance.now();
for (let i = 0; i < 100000; i++) make();
const usEach = (performance.now() - start) / 100; // ms for 100,000, as µs each
await new Promise((resolve) => setTimeout(resolve, 50));
gc();
console.log(JSON.stringify({ mb: (process.memoryUsage().heapUsed - before) / 1e6, usEach }));
process.exit(0);
`;
for (const [mode, label] of [
  ['armed', 'AbortSignal.timeout(80 s), never cleared'],
  ['cleared', 'AbortController + setTimeout, cleared at once, as systemClock.timeout is'],
] as const) {
  const run = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', RETAINED, mode], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`timer retention probe failed: ${run.stderr}`);
  const { mb, usEach } = JSON.parse(run.stdout) as { mb: number; usEach: number };
  console.log(`  ${label}: ${mb.toFixed(1)} MB retained, ${usEach.toFixed(2)} µs each`);
}

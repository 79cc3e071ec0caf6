import { deepStrictEqual } from 'node:assert/strict';
import { do_not_optimize } from 'mitata';
import type Stripe from 'stripe';
import { encodeForm } from '../src/wire/form-encode.js';
import { customerObject, richCreateParams } from './lib/fixtures.js';
import { compare, heading, ratio, ratioLine, resultsTable } from './lib/measure.js';
import { capturedStripeBody, loadStripeEncoder } from './lib/stripe-node.js';

// Form encoding of a rich PostCustomers body: ours (`encodeForm`) against stripe-node's own encoder
// and a minimal recursive URLSearchParams encoder (the floor). Goal (issue 6): at least 3× faster
// than stripe-node, within 1.2× of the floor.
//
//   npx tsx bench/form-encode.bench.ts

/** The floor: walk the value, append `a[b][0]=v` pairs to a URLSearchParams, serialise it. No checks. */
function urlSearchParamsEncode(params: object): string {
  const out = new URLSearchParams();
  const walk = (key: string, value: unknown): void => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) walk(`${key}[${i}]`, value[i]);
    } else if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(key === '' ? k : `${key}[${k}]`, v);
    } else {
      out.append(key, String(value));
    }
  };
  walk('', params);
  return out.toString();
}

/**
 * Not part of the goal, shown for scale: the same walk building the string with
 * `encodeURIComponent` and `join`, which is what `encodeForm` does minus its checks.
 */
function joinEncode(params: object): string {
  const out: string[] = [];
  const walk = (key: string, value: unknown): void => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) walk(`${key}[${i}]`, value[i]);
    } else if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(key === '' ? k : `${key}[${encodeURIComponent(k)}]`, v);
    } else {
      out.push(`${key}=${encodeURIComponent(String(value))}`);
    }
  };
  walk('', params);
  return out.join('&');
}

/** The body as decoded key/value pairs, so `[` and `%5B`, `+` and `%20` compare equal. */
function pairs(body: string): [string, string][] {
  return [...new URLSearchParams(body)];
}

const stripeEncode = await loadStripeEncoder();
const payload = richCreateParams;

// Fairness first: all encoders must send the same pairs, in the same order, and the stripe-node
// function imported here must produce exactly the body the stripe-node client sends.
const bodies = {
  ours: encodeForm(payload),
  'stripe-node': stripeEncode(payload),
  'URLSearchParams floor': urlSearchParamsEncode(payload),
  'encodeURIComponent join': joinEncode(payload),
};
const sentByClient = await capturedStripeBody(
  payload as Stripe.CustomerCreateParams,
  JSON.stringify(customerObject(1)),
);
deepStrictEqual(sentByClient, bodies['stripe-node'], 'stripe-node client body differs from queryStringifyRequestData');
for (const [name, body] of Object.entries(bodies))
  deepStrictEqual(pairs(body), pairs(bodies.ours), `${name} encodes differently`);

heading('Form encoding: rich PostCustomers body');
console.log(
  `${pairs(bodies.ours).length} pairs; bodies decode to the same pairs (checked). Body bytes: ` +
    Object.entries(bodies)
      .map(([name, body]) => `${name} ${body.length}`)
      .join(', '),
);
console.log('stripe-node encoder: queryStringifyRequestData from stripe/esm/utils.js, imported by file path;');
console.log('  checked equal to the body stripe-node sends through Stripe.createFetchHttpClient.\n');

const results = await compare([
  { name: 'ours (encodeForm)', fn: () => do_not_optimize(encodeForm(payload)) },
  { name: 'stripe-node', fn: () => do_not_optimize(stripeEncode(payload)) },
  { name: 'URLSearchParams floor', fn: () => do_not_optimize(urlSearchParamsEncode(payload)) },
  { name: 'encodeURIComponent join (no checks)', fn: () => do_not_optimize(joinEncode(payload)) },
]);
console.log(resultsTable(results));
console.log('\nratios (median of per-round ratios):');
console.log(ratioLine('stripe-node / ours', ratio(results, 'stripe-node', 'ours (encodeForm)'), { min: 3 }));
console.log(
  ratioLine('ours / URLSearchParams floor', ratio(results, 'ours (encodeForm)', 'URLSearchParams floor'), { max: 1.2 }),
);
console.log(
  ratioLine(
    'ours / encodeURIComponent join',
    ratio(results, 'ours (encodeForm)', 'encodeURIComponent join (no checks)'),
  ),
);

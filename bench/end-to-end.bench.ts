import { Agent as HttpAgent } from 'node:http';
import Stripe from 'stripe';
import { specInfo } from '../generated/operations.js';
import { createClient } from '../src/client.js';
import { CANNED_ID, startCannedServer, type ServerStats } from './lib/canned-server.js';
import { leanFetchRetrieve, leanNodeHttpRetrieve, leanUndiciRetrieve } from './lib/lean-call.js';
import { heading, median, table } from './lib/measure.js';
import {
  fetchWithDispatcher,
  newUndiciAgent,
  nodeHttpFetch,
  nodeHttpGetJson,
  undiciGetJson,
} from './lib/transports.js';

// End to end over real sockets: retrieve one customer from a canned node:http server on 127.0.0.1
// (a child process, see lib/canned-server.ts), sequentially and with 16 requests in flight.
// Ours against stripe-node (node:http) and plain fetch. Goal (issue 6): our throughput at least
// stripe-node's. Then, to find what it takes to match: our client with another `fetch` (same client
// code), and a prototype of our call's steps without openapi-fetch (lib/lean-call.ts). Every loop is
// a fixed number of requests.
//
//   npx tsx bench/end-to-end.bench.ts

const ROUNDS = 5;
const SEQUENTIAL = 300; // requests per round, one at a time
const CONCURRENT = 800; // requests per round, 16 in flight
const WIDTH = 16;
const WARMUP = 200;

const apiKey = 'sk_test_bench';
const server = await startCannedServer();
const port = Number(new URL(server.url).port);
const url = new URL(`/v1/customers/${CANNED_ID}`, server.url);
const headers = { Authorization: `Bearer ${apiKey}`, 'Stripe-Version': specInfo.version };
const httpAgent = new HttpAgent({ keepAlive: true });
const undiciAgent = await newUndiciAgent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 60_000, connections: WIDTH });

type Call = () => Promise<unknown>;
const ours = createClient({ apiKey, baseUrl: server.url });
const oursUndici = createClient({ apiKey, baseUrl: server.url, fetch: fetchWithDispatcher(undiciAgent) });
const oursNodeHttp = createClient({
  apiKey,
  baseUrl: server.url,
  fetch: nodeHttpFetch(new HttpAgent({ keepAlive: true })),
});
const stripe = new Stripe(apiKey, { host: '127.0.0.1', port, protocol: 'http' });
const leanFetch = leanFetchRetrieve(server.url, apiKey);
const leanNodeHttp = leanNodeHttpRetrieve(server.url, apiKey);
const rawUndiciAgent = await newUndiciAgent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 60_000 });
const leanUndici = leanUndiciRetrieve(server.url, apiKey, rawUndiciAgent);

const clients: Record<string, Call> = {
  'ours (global fetch)': () => ours.customers.retrieve(CANNED_ID),
  'stripe-node (node:http)': () => stripe.customers.retrieve(CANNED_ID),
  'plain fetch(url, init)': async () => (await fetch(url, { headers })).json(),
  'node:http keep-alive (floor)': () => nodeHttpGetJson(httpAgent, url, headers),
  'undici Agent.request (floor)': () => undiciGetJson(rawUndiciAgent, url, headers),
  'variant: ours + undici Agent': () => oursUndici.customers.retrieve(CANNED_ID),
  'variant: ours + node:http fetch': () => oursNodeHttp.customers.retrieve(CANNED_ID),
  'prototype: our steps, fetch(url, init)': () => leanFetch(CANNED_ID),
  'prototype: our steps, node:http': () => leanNodeHttp(CANNED_ID),
  'prototype: our steps, undici request': () => leanUndici(CANNED_ID),
};

interface Run {
  /** Requests per second, wall clock. */
  rps: number;
  /** This process's CPU time (user + system) per request, µs: the client's cost. */
  cpuUs: number;
}

async function timed(n: number, body: () => Promise<void>): Promise<Run> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await body();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { rps: (n * 1000) / ms, cpuUs: (used.user + used.system) / n };
}

function sequential(call: Call, n: number): Promise<Run> {
  return timed(n, async () => {
    for (let i = 0; i < n; i++) await call();
  });
}

function concurrent(call: Call, n: number): Promise<Run> {
  let started = 0;
  const worker = async () => {
    while (started < n) {
      started++;
      await call();
    }
  };
  return timed(n, async () => {
    await Promise.all(Array.from({ length: WIDTH }, worker));
  });
}

// Each client must really get the customer.
for (const [name, call] of Object.entries(clients)) {
  const result = (await call()) as { id?: unknown };
  if (result.id !== CANNED_ID) throw new Error(`${name} returned ${JSON.stringify(result).slice(0, 200)}`);
}

heading(`End to end: GET /v1/customers/:id from a canned node:http server on 127.0.0.1 (child process)`);
console.log(
  `${ROUNDS} rounds × (${SEQUENTIAL} sequential + ${CONCURRENT} at ${WIDTH} in flight) per client, after ${WARMUP}+${WARMUP} warm-up;`,
);
console.log('medians over rounds. CPU = this process (client side) CPU time per request.\n');

const names = Object.keys(clients);
const seq = new Map<string, Run[]>(names.map((n) => [n, []]));
const conc = new Map<string, Run[]>(names.map((n) => [n, []]));
const newConnections = new Map<string, number>(names.map((n) => [n, 0]));
for (const name of names) {
  await sequential(clients[name]!, WARMUP);
  await concurrent(clients[name]!, WARMUP);
}
for (let round = 0; round < ROUNDS; round++) {
  for (let k = 0; k < names.length; k++) {
    const name = names[(k + round) % names.length]!;
    const before: ServerStats = await server.stats();
    seq.get(name)!.push(await sequential(clients[name]!, SEQUENTIAL));
    conc.get(name)!.push(await concurrent(clients[name]!, CONCURRENT));
    const after = await server.stats();
    newConnections.set(name, newConnections.get(name)! + after.connections - before.connections);
  }
}
server.close();
await undiciAgent.close();
await rawUndiciAgent.close();
httpAgent.destroy();

const med = (runs: Run[], key: keyof Run) => median(runs.map((r) => r[key]));
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
console.log(
  table(
    ['client', 'seq req/s', 'seq CPU µs/req', `${WIDTH}-conc req/s`, 'conc CPU µs/req', 'new conns'],
    names.map((name) => [
      name,
      fmt(med(seq.get(name)!, 'rps')),
      fmt(med(seq.get(name)!, 'cpuUs')),
      fmt(med(conc.get(name)!, 'rps')),
      fmt(med(conc.get(name)!, 'cpuUs')),
      String(newConnections.get(name)),
    ]),
  ),
);
console.log(`\n'new conns': TCP connections the server saw open during the measured rounds (after warm-up).`);

/** Throughput ratio a / b, median of per-round ratios. */
function rpsRatio(runs: Map<string, Run[]>, a: string, b: string): number {
  const rb = runs.get(b)!;
  return median(runs.get(a)!.map((r, i) => r.rps / rb[i]!.rps));
}

console.log('\nthroughput ratios (median of per-round ratios; goal: ours / stripe-node ≥ 1):');
const pairs: [string, string][] = [
  ['ours (global fetch)', 'stripe-node (node:http)'],
  ['variant: ours + undici Agent', 'stripe-node (node:http)'],
  ['variant: ours + node:http fetch', 'stripe-node (node:http)'],
  ['prototype: our steps, fetch(url, init)', 'stripe-node (node:http)'],
  ['prototype: our steps, node:http', 'stripe-node (node:http)'],
  ['prototype: our steps, undici request', 'stripe-node (node:http)'],
  ['ours (global fetch)', 'plain fetch(url, init)'],
  ['plain fetch(url, init)', 'node:http keep-alive (floor)'],
  ['undici Agent.request (floor)', 'plain fetch(url, init)'],
  ['stripe-node (node:http)', 'node:http keep-alive (floor)'],
];
for (const [a, b] of pairs) {
  const s = rpsRatio(seq, a, b);
  const c = rpsRatio(conc, a, b);
  const goal =
    a === 'ours (global fetch)' && b === 'stripe-node (node:http)'
      ? `  (goal ≥ 1: ${s >= 1 && c >= 1 ? 'met' : 'NOT met'})`
      : '';
  console.log(`  ${a} / ${b}: sequential ${s.toFixed(2)}×, ${WIDTH} in flight ${c.toFixed(2)}×${goal}`);
}

import { Agent as HttpAgent } from 'node:http';
import { PerformanceObserver } from 'node:perf_hooks';
import Stripe from 'stripe';
import { operations, specInfo } from '../generated/operations.js';
import { createClient, DEFAULT_MAX_RESPONSE_BYTES } from '../src/client/create-client.js';
import { createClient as createClientOnNode } from '../src/client/node-entry.js';
import { systemClock } from '../src/client/options.js';
import { nodeTransport } from '../src/http/node-transport.js';
import { fillPath } from '../src/http/request.js';
import { fetchTransport, type HttpRequest } from '../src/http/transport.js';
import { CANNED_ID, startCannedServer, type ServerStats } from './lib/canned-server.js';
import { heading, median, table } from './lib/measure.js';
import { undiciTransport } from './lib/undici-transport.js';
import {
  fetchWithDispatcher,
  newUndiciAgent,
  nodeHttpFetch,
  nodeHttpGetJson,
  undiciGetJson,
} from './lib/transports.js';

// End to end over real sockets: retrieve one customer from a canned node:http server on 127.0.0.1
// (a child process, see lib/canned-server.ts), sequentially and with 16 requests in flight.
// Ours (the real createClient) with no transport option as Node.js loads it (src/client/node-entry.ts,
// behind package.json's `node` condition: node:http over keep-alive agents shared by every such
// client), over Node's global fetch (the main entry's default, what browsers and edge runtimes run),
// and over `nodeTransport()` (stripe-customers/node, agents of its own), against stripe-node
// (node:http) and plain fetch. Goal (issue 6): our throughput at least stripe-node's, by default.
// Every loop is a fixed number of requests.
//
// The other rows take our call apart, to show what it costs and what it would take to go faster:
//   - breakdown: our fetch transport alone (`fetchTransport()` from src/http/transport.ts:
//     fetch(url, init), body read as text, headers copied), handed the request src/http/request.ts
//     builds for `retrieve`, then JSON.parse, and none of request.ts's checks: with the per-attempt
//     timeout the client arms (systemClock.timeout, a timer cleared when the answer is in), with
//     AbortSignal.timeout (whose timer cannot be cleared) instead, and with a signal that never
//     fires (no timer);
//   - variant: the real client with a clock whose per-attempt timeout arms no timer;
//   - variant: the real client with a dedicated keep-alive undici Agent as its dispatcher;
//   - variant: the real client given a fetch built on node:http (Response and Headers remain);
//   - experiment: the real client with a transport over undici's Dispatcher.request, the engine
//     under fetch without the fetch layer (lib/undici-transport.ts; would need undici as a dependency);
//   - floors: node:http and undici's Dispatcher.request, GET + JSON.parse and nothing else.
//
//   npx tsx bench/end-to-end.bench.ts

// tsx turns source maps on, which makes every `new Error().stack` (stripe-node takes one per call)
// several times dearer; a production process usually runs without them.
process.setSourceMapsEnabled(false);

const ROUNDS = 7;
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
const keepAlive = { keepAliveTimeout: 30_000, keepAliveMaxTimeout: 60_000 };
const undiciAgent = await newUndiciAgent({ ...keepAlive, connections: WIDTH });
const floorUndiciAgent = await newUndiciAgent(keepAlive);
const sendUndiciAgent = await newUndiciAgent(keepAlive);

// Our transport alone, handed the request request.ts builds for `retrieve` (no query, no body, no
// per-request options): the same method, URL, headers and size limit; only the signal varies.
const transport = fetchTransport();
const retrieveRequest: Omit<HttpRequest, 'signal'> = {
  method: 'GET',
  url: `${server.url}${fillPath(operations.GetCustomersCustomer.path, { customer: CANNED_ID })}`,
  headers: { Authorization: `Bearer ${apiKey}`, Accept: 'application/json', 'Stripe-Version': specInfo.version },
  body: undefined,
  maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES,
};
const transportAlone = async (signal: AbortSignal) =>
  JSON.parse((await transport({ ...retrieveRequest, signal })).body) as unknown;
const neverAborts = new AbortController().signal;
/** The same with the per-attempt timeout the client arms: systemClock.timeout, cleared when the answer is in. */
const transportClearedTimer = async () => {
  const timeout = systemClock.timeout(80_000);
  try {
    return await transportAlone(timeout.signal);
  } finally {
    timeout.clear();
  }
};

const OURS_DEFAULT = 'ours: createClient, default transport (Node.js: node:http)';
const OURS = 'ours: createClient, global fetch (default off Node.js)';
const STRIPE = 'stripe-node (node:http)';
const PLAIN = 'plain fetch(url, init) + json()';
const NODE_FLOOR = 'floor: node:http keep-alive';
const UNDICI_FLOOR = 'floor: undici Agent.request';
const OURS_NODE = 'ours: createClient + nodeTransport()';
const UNDICI = 'experiment: ours + undici Dispatcher transport';
const BREAKDOWN_CLEARED = 'breakdown: fetchTransport + JSON.parse, cleared timer (as the client)';
const BREAKDOWN_TIMEOUT_SIGNAL = 'breakdown: fetchTransport + JSON.parse, AbortSignal.timeout';
const BREAKDOWN_NO_TIMER = 'breakdown: fetchTransport + JSON.parse, no timer';

type Call = () => Promise<unknown>;
const oursDefault = createClientOnNode({ apiKey, baseUrl: server.url });
const ours = createClient({ apiKey, baseUrl: server.url });
const oursNoTimer = createClient({
  apiKey,
  baseUrl: server.url,
  clock: { ...systemClock, timeout: () => ({ signal: new AbortController().signal, clear: () => {} }) },
});
const oursUndici = createClient({ apiKey, baseUrl: server.url, fetch: fetchWithDispatcher(undiciAgent) });
const oursNodeHttp = createClient({
  apiKey,
  baseUrl: server.url,
  fetch: nodeHttpFetch(new HttpAgent({ keepAlive: true })),
});
const oursNode = createClient({ apiKey, baseUrl: server.url, transport: nodeTransport() });
const oursOverUndici = createClient({ apiKey, baseUrl: server.url, transport: undiciTransport(sendUndiciAgent) });
const stripe = new Stripe(apiKey, { host: '127.0.0.1', port, protocol: 'http' });

const clients: Record<string, Call> = {
  [OURS_DEFAULT]: () => oursDefault.customers.retrieve(CANNED_ID),
  [OURS]: () => ours.customers.retrieve(CANNED_ID),
  [OURS_NODE]: () => oursNode.customers.retrieve(CANNED_ID),
  [STRIPE]: () => stripe.customers.retrieve(CANNED_ID),
  [PLAIN]: async () => (await fetch(url, { headers })).json(),
  [BREAKDOWN_CLEARED]: transportClearedTimer,
  [BREAKDOWN_TIMEOUT_SIGNAL]: () => transportAlone(AbortSignal.timeout(80_000)),
  [BREAKDOWN_NO_TIMER]: () => transportAlone(neverAborts),
  'variant: ours, clock arming no timer': () => oursNoTimer.customers.retrieve(CANNED_ID),
  'variant: ours + dedicated undici Agent': () => oursUndici.customers.retrieve(CANNED_ID),
  'variant: ours + fetch built on node:http': () => oursNodeHttp.customers.retrieve(CANNED_ID),
  [UNDICI]: () => oursOverUndici.customers.retrieve(CANNED_ID),
  [NODE_FLOOR]: () => nodeHttpGetJson(httpAgent, url, headers),
  [UNDICI_FLOOR]: () => undiciGetJson(floorUndiciAgent, url, headers),
};

interface Run {
  /** Requests per second, wall clock. */
  rps: number;
  /** This process's CPU time (user + system) per request, µs: the client's cost. */
  cpuUs: number;
  /** Garbage-collection pauses per request, µs (V8's `gc` performance entries): what allocation costs. */
  gcUs: number;
}

// GC pauses, summed as V8 reports them. An entry reaches the observer two event-loop turns after the
// pause (one setImmediate is not enough), so a run waits 5 ms before and after reading the sum.
let gcMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMs += entry.duration;
}).observe({ entryTypes: ['gc'] });
const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

async function timed(n: number, body: () => Promise<void>): Promise<Run> {
  await settle();
  const gcBefore = gcMs;
  const cpu = process.cpuUsage();
  const start = performance.now();
  await body();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  await settle();
  return { rps: (n * 1000) / ms, cpuUs: (used.user + used.system) / n, gcUs: ((gcMs - gcBefore) * 1000) / n };
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
console.log('medians over rounds. CPU = this process (client side) CPU time per request; GC = its GC pauses.');
console.log('source maps off (process.setSourceMapsEnabled(false)), as in a production process.\n');

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
await floorUndiciAgent.close();
await sendUndiciAgent.close();
httpAgent.destroy();

const med = (runs: Run[], key: keyof Run) => median(runs.map((r) => r[key]));
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
console.log(
  table(
    ['client', 'seq req/s', 'CPU µs/req', 'GC µs/req', `${WIDTH}-conc req/s`, 'CPU µs/req', 'GC µs/req', 'new conns'],
    names.map((name) => [
      name,
      fmt(med(seq.get(name)!, 'rps')),
      fmt(med(seq.get(name)!, 'cpuUs')),
      fmt(med(seq.get(name)!, 'gcUs')),
      fmt(med(conc.get(name)!, 'rps')),
      fmt(med(conc.get(name)!, 'cpuUs')),
      fmt(med(conc.get(name)!, 'gcUs')),
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
  [OURS_DEFAULT, STRIPE],
  [OURS, STRIPE],
  [OURS_NODE, STRIPE],
  ['variant: ours, clock arming no timer', STRIPE],
  ['variant: ours + dedicated undici Agent', STRIPE],
  ['variant: ours + fetch built on node:http', STRIPE],
  [UNDICI, STRIPE],
  [OURS_NODE, OURS],
  [OURS_DEFAULT, OURS_NODE],
  [PLAIN, STRIPE],
  [OURS, PLAIN],
  [OURS, BREAKDOWN_CLEARED],
  [BREAKDOWN_CLEARED, BREAKDOWN_NO_TIMER],
  [BREAKDOWN_TIMEOUT_SIGNAL, BREAKDOWN_NO_TIMER],
  [BREAKDOWN_NO_TIMER, PLAIN],
  [PLAIN, NODE_FLOOR],
  [UNDICI_FLOOR, PLAIN],
  [STRIPE, NODE_FLOOR],
  [OURS_NODE, NODE_FLOOR],
];
for (const [a, b] of pairs) {
  const s = rpsRatio(seq, a, b);
  const c = rpsRatio(conc, a, b);
  const goal = (a === OURS_DEFAULT || a === OURS || a === OURS_NODE) && b === STRIPE ? `  (goal ≥ 1: ${s >= 1 && c >= 1 ? 'met' : 'NOT met'})` : '';
  console.log(`  ${a} / ${b}: sequential ${s.toFixed(2)}×, ${WIDTH} in flight ${c.toFixed(2)}×${goal}`);
}

/**
 * stripe-customers as Node.js loads it: the main entry with one difference, `createClient` sends
 * with node:http by default. package.json's `node` export condition points `stripe-customers` here
 * (dist/index.node.js and .cjs); browsers, Deno, Bun and edge runtimes get the main entry itself,
 * which imports no Node built-in. The types are the main entry's, so both read the same.
 * @packageDocumentation
 */
import { nodeTransport } from '../http/node-transport.js';
import type { Transport } from '../http/transport.js';
import { createClient as createFetchClient, type ClientOptions, type StripeCustomersClient } from './create-client.js';

export * from '../index.js';

// One transport, so one pair of keep-alive agents, for every client that takes the default: clients
// made per request or per connected account reuse the same warm connections, as stripe-node's do.
let shared: Transport | undefined;

/**
 * Creates a client; on Node.js one given neither `fetch` nor `transport` sends with node:http over
 * keep-alive agents (the same as `transport: nodeTransport()`, shared by all such clients), which
 * is faster than Node's fetch. The key stays inside the client's closures.
 * @example
 * const stripe = createClient({ apiKey: process.env.STRIPE_SECRET_KEY! });
 * const customer = await stripe.customers.create({ email: 'ada@example.com', name: 'Ada Lovelace' });
 */
export function createClient(options: ClientOptions): StripeCustomersClient {
  // Anything but an options object goes through as given, so it is refused in the same words.
  const given = options as Partial<ClientOptions> | null | undefined;
  const takesDefault = typeof given === 'object' && given !== null && !Array.isArray(given) && given.fetch === undefined && given.transport === undefined;
  return createFetchClient(takesDefault ? { ...options, transport: (shared ??= nodeTransport()) } : options);
}

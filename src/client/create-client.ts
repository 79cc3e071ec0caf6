import { specInfo } from '../../generated/operations.js';
import { StripeValidationError } from '../errors/errors.js';
import type { ClientHooks } from '../http/hooks.js';
import type { RequestContext } from '../http/request.js';
import { fetchTransport, type Transport } from '../http/transport.js';
import { customersResource, type CustomersResource } from '../resources/customers.js';
import { clientOptionIssues, defaultsIssues } from './client-options.js';
import { DEFAULT_POLICY, resolvePolicy, systemClock, type Clock } from './options.js';

/** Settings for {@link createClient}. */
export interface ClientOptions {
  /** A secret (`sk_test_...`, `sk_live_...`) or restricted (`rk_...`) key. Never logged or serialised. */
  apiKey: string;
  /** Defaults to `https://api.stripe.com`. Plain `http` only for loopback hosts, or with `allowHttp`. */
  baseUrl?: string;
  /** Allow a non-loopback `http:` baseUrl (a proxy you trust); the key would travel unencrypted. */
  allowHttp?: boolean;
  /**
   * Allow the key in a web page. Off by default: `createClient` refuses to run where a DOM `document`
   * exists, because anyone who loads the page can read a key in its JavaScript and act on your Stripe
   * account. Turn it on only for a page no outsider can load, or a test under jsdom or happy-dom.
   */
  dangerouslyAllowBrowser?: boolean;
  /**
   * The `Stripe-Version` sent with every call. Defaults to the version the generated code describes,
   * so responses have the shapes the types promise.
   */
  apiVersion?: string;
  /** Act on behalf of a connected account (`acct_...`) on every call. */
  stripeAccount?: string;
  /** Retries after the first attempt (default 2); a request can override it. */
  maxRetries?: number;
  /** Per-attempt time limit in ms (default 80 000); a request can override it. */
  timeout?: number;
  /** Overall limit in ms per call, retries included (default none); a request can override it. */
  deadline?: number;
  /**
   * Send with this fetch instead of the default transport. Without `fetch` or `transport`, a client
   * on Node.js sends with node:http over keep-alive agents shared by every such client (what
   * `nodeTransport()` from `stripe-customers/node` does), and anywhere else (browsers, Deno, Bun,
   * edge runtimes) with `globalThis.fetch`, looked up on each call so MSW or a test can install it
   * later. Which one is chosen when the package is resolved: package.json's `node` export condition.
   */
  fetch?: typeof fetch;
  /**
   * How requests go out, instead of the default (see `fetch`): `nodeTransport()` from
   * `stripe-customers/node` with agents of your own, `fetchTransport()` for fetch on Node, or any
   * {@link Transport}. Give `fetch` or `transport`, not both.
   */
  transport?: Transport;
  /** Time source for timeouts and retry waits (tests inject one so nothing really sleeps). */
  clock?: Clock;
  /** Random source in [0, 1) for retry jitter (default `Math.random`). */
  random?: () => number;
  /**
   * The largest response body the client reads, in bytes (default 20 MB). A bigger success body is
   * a `StripeResponseTooLargeError`; a bigger error body is dropped from the error. Either way it is
   * never held in memory whole.
   */
  maxResponseBytes?: number;
  /**
   * Functions called around each attempt, to log, count or trace calls (see {@link ClientHooks}):
   * `onRequest`, `onResponse`, `onError`, and `includeBodies`. Without hooks no hook code runs.
   */
  hooks?: ClientHooks;
}

/** The defaults {@link StripeCustomersClient.withOptions} can change. */
export type ClientDefaults = Pick<ClientOptions, 'apiVersion' | 'stripeAccount' | 'maxRetries' | 'timeout' | 'deadline'>;

/** A client: one property per resource. */
export interface StripeCustomersClient {
  readonly customers: CustomersResource;
  /**
   * A client with other defaults (for a connected account, say), sharing this one's key, transport
   * and hooks.
   * @example
   * const connected = stripe.withOptions({ stripeAccount: 'acct_123', maxRetries: 5 });
   */
  withOptions(defaults: ClientDefaults): StripeCustomersClient;
}

const DEFAULT_BASE_URL = 'https://api.stripe.com';
/** The default `maxResponseBytes`: far above any Stripe response, far below trouble. */
export const DEFAULT_MAX_RESPONSE_BYTES = 20 * 1024 * 1024;

/**
 * Creates a client. Without `fetch` or `transport` it sends with node:http on Node.js (keep-alive
 * agents shared by every such client) and with `globalThis.fetch` everywhere else. The key stays
 * inside the client's closures: it is never a property, so it does not show up in
 * `console.log(client)` or `JSON.stringify`.
 * @example
 * const stripe = createClient({ apiKey: process.env.STRIPE_SECRET_KEY! });
 * const customer = await stripe.customers.create({ email: 'ada@example.com', name: 'Ada Lovelace' });
 */
export function createClient(options: ClientOptions): StripeCustomersClient {
  // The build for everywhere but Node.js, so fetch; Node.js resolves `stripe-customers` to the build
  // of node-entry.ts, whose createClient hands this one a node:http transport when given none.
  const issues = clientOptionIssues(options);
  if (issues.length) throw new StripeValidationError(issues, 'Invalid client options');
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const basic = btoa(`${options.apiKey}:`);
  return clientOn({
    baseUrl: (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, ''),
    transport: options.transport ?? fetchTransport(options.fetch),
    apiKey: options.apiKey,
    apiVersion: options.apiVersion ?? specInfo.version,
    stripeAccount: options.stripeAccount,
    policy: resolvePolicy(DEFAULT_POLICY, options),
    clock: options.clock ?? systemClock,
    random: options.random ?? Math.random,
    // A random UUID per POST, straight from the platform (Web Crypto on every runtime we support).
    newIdempotencyKey: globalThis.crypto.randomUUID.bind(globalThis.crypto),
    // The key as sent in Bearer and in HTTP Basic form, the latter also percent-encoded as a path,
    // query or form body would hold it (a key's own characters need no encoding): masked wherever
    // an error or a hook event would quote it.
    secrets: [options.apiKey, basic, encodeURIComponent(basic)],
    maxResponseBytes,
    hooks: options.hooks,
  });
}

function clientOn(context: RequestContext): StripeCustomersClient {
  return Object.freeze({
    customers: customersResource(context),
    withOptions: (defaults: ClientDefaults) => {
      const issues = defaultsIssues(defaults);
      if (issues.length) throw new StripeValidationError(issues, 'Invalid client options');
      return clientOn({
        ...context,
        apiVersion: defaults.apiVersion ?? context.apiVersion,
        stripeAccount: defaults.stripeAccount ?? context.stripeAccount,
        policy: resolvePolicy(context.policy, defaults),
      });
    },
  });
}

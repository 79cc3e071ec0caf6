import { specInfo } from '../generated/operations.js';
import { systemClock, type Clock } from './clock.js';
import { customersResource, type CustomersResource } from './customers.js';
import { StripeValidationError, type ValidationIssue } from './errors.js';
import { headerValueIssue } from './headers.js';
import { DEFAULT_POLICY, resolvePolicy } from './options.js';
import { request, type RequestContext } from './request.js';
import { createSend } from './send.js';
import { fetchTransport, type Transport } from './transport.js';

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
  /** A fetch to use instead of `globalThis.fetch` (which is looked up on each call). */
  fetch?: typeof fetch;
  /**
   * How requests go out, instead of fetch: `nodeTransport()` from `stripe-customers/node` sends with
   * node:http and a keep-alive agent, faster than Node's fetch (bench/RESULTS.md). Give `fetch` or
   * `transport`, not both.
   */
  transport?: Transport;
  /** Time source for timeouts and retry waits (tests inject one so nothing really sleeps). */
  clock?: Clock;
  /** Random source in [0, 1) for retry jitter (default `Math.random`). */
  random?: () => number;
}

/** The defaults {@link StripeCustomersClient.withOptions} can change. */
export type ClientDefaults = Pick<ClientOptions, 'apiVersion' | 'stripeAccount' | 'maxRetries' | 'timeout' | 'deadline'>;

/** A client: one property per resource. */
export interface StripeCustomersClient {
  readonly customers: CustomersResource;
  /**
   * A client with other defaults (for a connected account, say), sharing this one's key and transport.
   * @example
   * const connected = stripe.withOptions({ stripeAccount: 'acct_123', maxRetries: 5 });
   */
  withOptions(defaults: ClientDefaults): StripeCustomersClient;
}

const DEFAULT_BASE_URL = 'https://api.stripe.com';
const KEY_SHAPE = /^[sr]k_(test|live)_[A-Za-z0-9_-]+$/;
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

function keyIssue(apiKey: unknown): ValidationIssue | undefined {
  if (typeof apiKey === 'string' && KEY_SHAPE.test(apiKey)) return undefined;
  const rule =
    typeof apiKey === 'string' && /^pk_/.test(apiKey)
      ? 'a publishable key (pk_...) cannot call this API; use a secret or restricted key'
      : 'must be a secret or restricted key: sk_test_..., sk_live_..., rk_test_... or rk_live_... (no spaces)';
  return { path: ['apiKey'], field: 'apiKey', rule };
}

// The key travels in every request's Authorization header: only https, or http to this machine.
function baseUrlIssue(baseUrl: string | undefined, allowHttp: boolean): ValidationIssue | undefined {
  if (baseUrl === undefined) return undefined;
  const url = URL.canParse(baseUrl) ? new URL(baseUrl) : undefined;
  const field = 'baseUrl';
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    return { path: [field], field, rule: 'must be an absolute http(s) URL' };
  }
  if (url.protocol === 'http:' && !allowHttp && !LOOPBACK.test(url.hostname)) {
    return { path: [field], field, rule: 'must use https (http is allowed for loopback hosts, or with allowHttp: true)' };
  }
  return undefined;
}

// A page's scripts are public. Browser workers are not detected: they cannot be told apart from
// Cloudflare Workers and other edge runtimes, where a secret key is safe.
function browserIssue(allowed: boolean): ValidationIssue | undefined {
  if (allowed || typeof (globalThis as { document?: unknown }).document === 'undefined') return undefined;
  const rule =
    'must not be used in a browser, where anyone who loads the page can read it: call Stripe from your server ' +
    '(dangerouslyAllowBrowser: true allows it, for a page no outsider can load)';
  return { path: ['apiKey'], field: 'apiKey', rule };
}

function transportIssue(options: ClientOptions): ValidationIssue | undefined {
  for (const field of ['fetch', 'transport'] as const) {
    const value: unknown = options?.[field];
    if (value !== undefined && typeof value !== 'function') return { path: [field], field, rule: 'must be a function' };
  }
  if (options?.fetch === undefined || options.transport === undefined) return undefined;
  return { path: ['transport'], field: 'transport', rule: 'give fetch or transport, not both' };
}

function optionIssues(options: ClientOptions): ValidationIssue[] {
  const issues = [
    keyIssue(options?.apiKey),
    baseUrlIssue(options?.baseUrl, options?.allowHttp === true),
    transportIssue(options),
  ];
  for (const field of ['apiVersion', 'stripeAccount'] as const) {
    const value = options?.[field];
    if (value !== undefined) issues.push(headerValueIssue([field], value));
  }
  return issues.filter((i): i is ValidationIssue => i !== undefined);
}

function randomUUID(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * Creates a client. The key stays inside the client's closures: it is never a property, so it does
 * not show up in `console.log(client)` or `JSON.stringify`.
 * @example
 * const stripe = createClient({ apiKey: process.env.STRIPE_SECRET_KEY! });
 * const customer = await stripe.customers.create({ email: 'ada@example.com', name: 'Ada Lovelace' });
 */
export function createClient(options: ClientOptions): StripeCustomersClient {
  const issues = optionIssues(options);
  const browser = browserIssue(options?.dangerouslyAllowBrowser === true);
  if (browser) issues.push(browser);
  if (issues.length) throw new StripeValidationError(issues, 'Invalid client options');
  return clientOn({
    defaults: {
      apiKey: options.apiKey,
      apiVersion: options.apiVersion ?? specInfo.version,
      stripeAccount: options.stripeAccount,
    },
    policy: resolvePolicy(DEFAULT_POLICY, options, 'Invalid client options'),
    send: createSend(options.baseUrl ?? DEFAULT_BASE_URL, options.transport ?? fetchTransport(options.fetch)),
    clock: options.clock ?? systemClock,
    random: options.random ?? Math.random,
    newIdempotencyKey: randomUUID,
  });
}

function clientOn(context: RequestContext): StripeCustomersClient {
  return Object.freeze({
    customers: customersResource((op, params, requestOptions) => request(context, op, params, requestOptions)),
    withOptions: (defaults: ClientDefaults) => {
      const issues = optionIssues({ ...defaults, apiKey: context.defaults.apiKey });
      if (issues.length) throw new StripeValidationError(issues, 'Invalid client options');
      return clientOn({
        ...context,
        defaults: {
          ...context.defaults,
          ...(defaults.apiVersion !== undefined && { apiVersion: defaults.apiVersion }),
          ...(defaults.stripeAccount !== undefined && { stripeAccount: defaults.stripeAccount }),
        },
        policy: resolvePolicy(context.policy, defaults, 'Invalid client options'),
      });
    },
  });
}

import { specInfo } from '../generated/operations.js';
import { StripeValidationError, type ValidationIssue } from './errors.js';
import { customersResource, type CustomersResource } from './customers.js';
import { headerValueIssue } from './headers.js';
import { request, type RequestContext } from './request.js';
import { createTransport } from './transport.js';

/** Settings for {@link createClient}. */
export interface ClientOptions {
  /** A secret (`sk_test_...`, `sk_live_...`) or restricted (`rk_...`) key. Never logged or serialised. */
  apiKey: string;
  /** Defaults to `https://api.stripe.com`; point it at a mock or proxy. */
  baseUrl?: string;
  /**
   * The `Stripe-Version` sent with every call. Defaults to the version the generated code describes,
   * so responses have the shapes the types promise.
   */
  apiVersion?: string;
  /** Act on behalf of a connected account (`acct_...`) on every call. */
  stripeAccount?: string;
  /** A fetch to use instead of `globalThis.fetch` (which is looked up on each call). */
  fetch?: typeof fetch;
}

/** A client: one property per resource. */
export interface StripeCustomersClient {
  readonly customers: CustomersResource;
}

const DEFAULT_BASE_URL = 'https://api.stripe.com';
const KEY_SHAPE = /^[sr]k_(test|live)_[A-Za-z0-9]+$/;

function optionIssues(options: ClientOptions): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const apiKey: unknown = options?.apiKey;
  if (typeof apiKey !== 'string' || !KEY_SHAPE.test(apiKey)) {
    const rule =
      typeof apiKey === 'string' && /^pk_/.test(apiKey)
        ? 'a publishable key (pk_...) cannot call this API; use a secret or restricted key'
        : 'must be a secret or restricted key: sk_test_..., sk_live_..., rk_test_... or rk_live_... (no spaces)';
    issues.push({ path: ['apiKey'], field: 'apiKey', rule });
  }
  for (const field of ['apiVersion', 'stripeAccount'] as const) {
    const value = options?.[field];
    const problem = value === undefined ? undefined : headerValueIssue(field, value);
    if (problem) issues.push(problem);
  }
  if (options?.baseUrl !== undefined && !URL.canParse(options.baseUrl)) {
    issues.push({ path: ['baseUrl'], field: 'baseUrl', rule: 'must be an absolute URL' });
  }
  return issues;
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
  if (issues.length) throw new StripeValidationError(issues, 'Invalid client options');
  const context: RequestContext = {
    defaults: {
      apiKey: options.apiKey,
      apiVersion: options.apiVersion ?? specInfo.version,
      stripeAccount: options.stripeAccount,
    },
    send: createTransport((options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, ''), options.fetch),
  };
  return Object.freeze({
    customers: customersResource((op, params, requestOptions) => request(context, op, params, requestOptions)),
  });
}

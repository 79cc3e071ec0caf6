/**
 * `stripe-customers/msw`: a stateful Stripe Customers API for MSW, decoded and validated with the
 * same generated schemas and form decoder as the client.
 * @packageDocumentation
 */
import { http, type HttpHandler } from 'msw';
import { createMockCore, type CustomersMockCore, type MockOptions } from './mock/core.js';

// The fixture factory, the id sources to inject, and the types of the options and knobs.
export { customerFixture } from './mock/fixture.js';
export { randomIds, sequentialIds, type MockIds } from './mock/ids.js';
export type { Fault, Faults } from './mock/faults.js';
export type { MockClock, MockRequest } from './mock/handle.js';
export type { MockOptions, MockStoreView } from './mock/core.js';
export type { MockAccountOption } from './mock/account.js';

/** Settings for {@link createCustomersMock}. */
export interface CustomersMockOptions extends MockOptions {
  /** Where the handlers listen. Default `https://api.stripe.com`, the client's default. */
  baseUrl?: string;
}

/** What {@link createCustomersMock} returns. */
export interface CustomersMock extends Omit<CustomersMockCore, 'handle'> {
  /** The MSW handlers: pass them to `setupServer(...)` or `server.use(...)`. */
  handlers: HttpHandler[];
  /** The fetch-style handler behind them, for use without MSW. */
  handle: CustomersMockCore['handle'];
}

/**
 * Creates a stateful mock of all of Stripe's customers endpoints for MSW: customers (create,
 * retrieve, update, delete, list, search) and what they own (tax ids, balance transactions, cash
 * balance, discount, sources with their legacy cards and bank_accounts paths) against an in-memory
 * store; payment methods and cash balance transactions from `seedPaymentMethods` and
 * `seedCashBalanceTransactions`; subscriptions and funding instructions synthesized from the spec,
 * echoing what was sent. Stripe's error envelope for bad requests (a JSON body is a 400 naming the
 * form encoding Stripe takes), Idempotency-Key replay, and fault knobs. `Stripe-Account: acct_...`
 * scopes customers, what they own and idempotency keys to that account, as on Stripe, and comes
 * back on the response; `mock.store` and the seed calls take `{ account }` for its view. Test
 * mode only: a live key is a 401. Bodies over `maxBodyBytes` (default 1 MiB) are a 413 and objects
 * beyond `maxObjects` (default 10,000, all accounts together) a 400, as {@link MockOptions} describes.
 * @example
 * const mock = createCustomersMock();
 * const server = setupServer(...mock.handlers);
 * server.listen({ onUnhandledRequest: 'error' });
 * const stripe = createClient({ apiKey: 'sk_test_123' });
 * await stripe.customers.create({ email: 'jenny@example.com' });
 * mock.store.list(); // [{ id: 'cus_...', email: 'jenny@example.com', ... }]
 */
export function createCustomersMock(options: CustomersMockOptions = {}): CustomersMock {
  const { baseUrl = 'https://api.stripe.com', ...rest } = options;
  const core = createMockCore(rest);
  // One catch-all for the customers paths: the core routes by the generated operation table, so
  // an unknown customers path gets Stripe's 404 instead of MSW's "unhandled request".
  const handler = http.all(`${baseUrl.replace(/\/+$/, '')}/v1/customers*`, ({ request }) => core.handle(request));
  return { ...core, handlers: [handler] };
}

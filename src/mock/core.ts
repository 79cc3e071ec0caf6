import type { Customer, CustomerCashBalanceTransaction, DeletedCustomer, PaymentMethod } from '../resources/types.js';
import { optionAccount, type MockAccountOption } from './account.js';
import { blankCustomer } from './customer-object.js';
import { deletedStub } from './operation.js';
import { createFaults, type Faults } from './faults.js';
import { checkedCustomer } from './fixture.js';
import { createHandler, type MockClock, type MockRequest } from './handle.js';
import { IdempotencyCache } from './idempotency.js';
import { randomIds, type MockIds } from './ids.js';
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_OBJECTS, limitOption } from './limits.js';
import { seedCashBalanceTransactions, seedPaymentMethods } from './seed-owned.js';
import { CustomerStore } from './store.js';

/** Settings for a mock; every one is optional. */
export interface MockOptions {
  /**
   * Answer 401 unless `Authorization` carries a test key (`sk_test_...` / `rk_test_...`). Default
   * false: a request without a key is served. A live key (`sk_live_...` / `rk_live_...`) is a 401
   * either way, since the mock is test mode only.
   */
  requireApiKey?: boolean;
  /** Time source (ms); `created` and idempotency expiry read it. Pass the client's fake clock in tests. */
  clock?: MockClock;
  /** Id sources to replace (see `sequentialIds()` for deterministic ids). */
  ids?: Partial<MockIds>;
  /**
   * The largest request body the mock reads, in bytes. Default 1,048,576 (1 MiB), as API gateways
   * commonly allow; a larger body is a 413 `invalid_request_error`, answered as soon as
   * `Content-Length` or the bytes read so far pass the limit.
   */
  maxBodyBytes?: number;
  /**
   * The most objects the mock holds, all `Stripe-Account`s together: customers plus what they own
   * (tax ids, balance transactions, sources, payment methods, cash balance transactions). Default
   * 10,000. Creating one more is a 400 `invalid_request_error` with code `mock_object_limit`;
   * deleting customers, tax ids or sources, `store.clear()` or `reset()` make room.
   */
  maxObjects?: number;
}

/**
 * A read-only look into the mock's customers, for assertions. Objects returned are copies. It shows
 * the platform's customers (requests without `Stripe-Account`) unless given `{ account: 'acct_...' }`.
 */
export interface MockStoreView {
  /** The account's customers that exist, newest first (as `list` orders them). */
  list(options?: MockAccountOption): Customer[];
  /** The account's customer, the deleted stub for a deleted one, or undefined for an id it never had. */
  get(id: string, options?: MockAccountOption): Customer | DeletedCustomer | undefined;
  /** Removes every customer, in every account. */
  clear(): void;
}

/** One mock: the handler plus the knobs around it. */
export interface CustomersMockCore {
  /** Answers one request: a fetch `Request`, or any object with its method, url, headers and body. */
  handle(request: MockRequest): Promise<Response>;
  store: MockStoreView;
  faults: Faults;
  /**
   * Adds customers as they are (Stripe's defaults fill the gaps; `id` and `created` are made when
   * missing) and returns them, to the platform or to `options.account`. Each must be a valid
   * customer that fits within `maxObjects`, else this throws.
   */
  seed(customers: readonly Partial<Customer>[], options?: MockAccountOption): Customer[];
  /**
   * Attaches payment methods to an existing customer, which no customer endpoint can do (Stripe
   * attaches with /v1/payment_methods/{id}/attach), so `listPaymentMethods` and
   * `retrievePaymentMethod` have something to answer. Defaults: a `pm_` id, `created` now, type
   * `card` with a Visa ending 4242. Returns them; throws for a customer the platform (or
   * `options.account`) does not have, or an invalid payment method.
   */
  seedPaymentMethods(customerId: string, paymentMethods: readonly Partial<PaymentMethod>[], options?: MockAccountOption): PaymentMethod[];
  /**
   * Adds cash balance transactions to an existing customer, which only bank transfers make on
   * Stripe. Defaults: a `ccsbtxn_` id, type `funded`, `ending_balance` the running sum of
   * `net_amount` per currency; the cash balance's `available` follows. Throws like `seedPaymentMethods`.
   */
  seedCashBalanceTransactions(
    customerId: string,
    transactions: readonly Partial<CustomerCashBalanceTransaction>[],
    options?: MockAccountOption,
  ): CustomerCashBalanceTransaction[];
  /** Back to empty: no customers in any account, no saved idempotency keys, no queued faults. */
  reset(): void;
}

/**
 * Creates a mock: an in-memory customers store behind one fetch-style handler.
 * @example
 * const mock = createMockCore({ requireApiKey: true });
 * const response = await mock.handle(new Request('https://api.stripe.com/v1/customers', { headers: { Authorization: 'Bearer sk_test_123' } }));
 */
export function createMockCore(options: MockOptions = {}): CustomersMockCore {
  const ids: MockIds = { ...randomIds(), ...options.ids };
  const clock: MockClock = options.clock ?? { now: () => Date.now() };
  const maxBodyBytes = limitOption('maxBodyBytes', options.maxBodyBytes, DEFAULT_MAX_BODY_BYTES);
  const store = new CustomerStore(limitOption('maxObjects', options.maxObjects, DEFAULT_MAX_OBJECTS));
  const faults = createFaults();
  const idempotency = new IdempotencyCache();
  const nowSeconds = () => Math.floor(clock.now() / 1000);
  const seedContext = (options?: MockAccountOption) => ({ store: store.forAccount(optionAccount(options)), ids, nowSeconds });
  const handle = createHandler({ store, ids, clock, faults, idempotency, requireApiKey: options.requireApiKey === true, maxBodyBytes });
  return {
    handle,
    faults: { failNext: faults.failNext, pending: faults.pending, clear: faults.clear },
    store: {
      list: (options) => store.live(optionAccount(options)).map((record) => structuredClone(record.customer)),
      get: (id, options) => {
        const record = store.get(id, optionAccount(options));
        if (!record) return undefined;
        return record.deleted ? deletedStub(id) : structuredClone(record.customer);
      },
      clear: () => store.clear(),
    },
    seed: (customers, options) => {
      const account = optionAccount(options);
      return customers.map((fields) => {
        const base = blankCustomer(fields.id ?? ids.customer(), fields.created ?? nowSeconds(), ids.invoicePrefix());
        const customer = checkedCustomer({ ...base, ...fields });
        store.insert(customer, {}, account);
        return structuredClone(customer);
      });
    },
    seedPaymentMethods: (customerId, paymentMethods, options) => seedPaymentMethods(seedContext(options), customerId, paymentMethods),
    seedCashBalanceTransactions: (customerId, transactions, options) => seedCashBalanceTransactions(seedContext(options), customerId, transactions),
    reset: () => {
      store.clear();
      idempotency.clear();
      faults.clear();
    },
  };
}

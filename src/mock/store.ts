import type { OpenEnums } from '../../generated/schemas.js';
import type { components } from '../../generated/types.js';
import type { BankAccount, Card, Customer, CustomerCashBalanceTransaction, PaymentMethod } from '../resources/types.js';
import { DEFAULT_MAX_OBJECTS, objectLimit } from './limits.js';

/** A tax id object, as `expand[]=tax_ids` and the tax_ids endpoints show it. */
export type TaxIdObject = OpenEnums<components['schemas']['tax_id']>;
/** An entry of a customer's credit balance history. */
export type BalanceTransactionObject = OpenEnums<components['schemas']['customer_balance_transaction']>;
/** A card or bank account attached to a customer (`/sources`, `/cards`, `/bank_accounts`). */
export type SourceObject = Card | BankAccount;

/** The lists of objects a customer owns, each oldest first; every item counts against `maxObjects`. */
export interface OwnedObjects {
  /** Made from `tax_id_data` at creation or by POST .../tax_ids. */
  taxIds: TaxIdObject[];
  balanceTransactions: BalanceTransactionObject[];
  /** Attached by POST .../sources (or the legacy .../cards and .../bank_accounts). */
  sources: SourceObject[];
  /** Seeded only: attaching is /v1/payment_methods/{id}/attach, outside the customer API. */
  paymentMethods: PaymentMethod[];
  /** Seeded only: the mock receives no bank transfers to fund a cash balance. */
  cashBalanceTransactions: CustomerCashBalanceTransaction[];
}

/** The name of one of a customer's owned lists. */
export type OwnedList = keyof OwnedObjects;

const OWNED_LISTS: readonly OwnedList[] = ['taxIds', 'balanceTransactions', 'sources', 'paymentMethods', 'cashBalanceTransactions'];

/** The account a request acts for: a connected account's `acct_...` id, or null for the platform (no `Stripe-Account`). */
export type AccountId = string | null;

/** What the mock keeps per customer: the object, what it owns, and state the object shows only when expanded. */
export interface CustomerRecord extends OwnedObjects {
  /** The customer as last written (for a deleted one, as it was when deleted). */
  customer: Customer;
  /** The account whose requests see this customer. */
  readonly account: AccountId;
  deleted: boolean;
  /** Insertion order: breaks ties between customers created in the same second. */
  seq: number;
  /** `cash_balance[settings][reconciliation_mode]`, shown by `expand[]=cash_balance`. */
  reconciliationMode: 'automatic' | 'manual' | 'merchant_default';
  /** `tax[ip_address]`, shown by `expand[]=tax`. */
  ipAddress: string | null;
}

/**
 * Newest first, as Stripe lists: by `created`, then by insertion for the same second.
 * @example records.sort(newestFirst)
 */
export function newestFirst(a: CustomerRecord, b: CustomerRecord): number {
  return b.customer.created - a.customer.created || b.seq - a.seq;
}

/**
 * One account's customers, as operations read and write them: `get`, `all` and `live` see only
 * that account's records, while room and tombstones are counted across every account.
 */
export interface AccountStore {
  /** Throws the `mock_object_limit` 400 unless `count` more objects fit (in all accounts together). */
  ensureRoom(count: number): void;
  /** Adds a customer to this account; throws when the account already has the id or it does not fit. */
  insert(customer: Customer, extras?: RecordExtras): CustomerRecord;
  /** Adds objects to one of a live customer's lists, within `maxObjects`. */
  add<L extends OwnedList>(record: CustomerRecord, list: L, ...items: OwnedObjects[L]): void;
  /** Removes one object from one of a customer's lists. */
  remove<L extends OwnedList>(record: CustomerRecord, list: L, item: OwnedObjects[L][number]): void;
  /** Marks a customer deleted and frees its objects. */
  delete(record: CustomerRecord): void;
  /** This account's record for an id, deleted or not. */
  get(id: string): CustomerRecord | undefined;
  /** This account's records, deleted ones included, newest first (cursor positions). */
  all(): CustomerRecord[];
  /** This account's customers that still exist, newest first. */
  live(): CustomerRecord[];
}

/** What a new record may start with besides the customer: its owned objects and expand-only state. */
export type RecordExtras = Partial<Omit<CustomerRecord, 'customer' | 'seq' | 'deleted' | 'account'>>;

/**
 * The in-memory customers of every account (Stripe scopes objects by `Stripe-Account`), holding
 * at most `maxObjects` objects: live customers and the objects they own (tax ids, balance
 * transactions, sources, payment methods, cash balance transactions). Creating one more is
 * Stripe's 400 `mock_object_limit`.
 * A deleted customer frees its objects and stays as a tombstone, so a retrieve can answer with the
 * deleted stub and a list cursor that points at one still has a position. Tombstones do not count
 * against `maxObjects` (deleting must make room), but only the newest `maxObjects` of them are
 * kept: an older one is forgotten, and its id is then unknown (404). Both bounds are global, so
 * one memory limit holds however many accounts a test uses. Its own methods act for the platform,
 * or for the `account` given; `forAccount` binds one account for the operations.
 * @example const store = new CustomerStore(); store.insert(customer); store.live() // [record]
 */
export class CustomerStore implements AccountStore {
  /** Records by account, then by customer id; an account with no records has no entry. */
  readonly #accounts = new Map<AccountId, Map<string, CustomerRecord>>();
  /** Deleted customers of every account, oldest deletion first. */
  readonly #tombstones = new Set<CustomerRecord>();
  #seq = 0;
  #objects = 0;

  /** @param maxObjects the most objects the store holds (see {@link DEFAULT_MAX_OBJECTS}). */
  constructor(readonly maxObjects: number = DEFAULT_MAX_OBJECTS) {}

  /** Throws the `mock_object_limit` 400 unless `count` more objects fit. */
  ensureRoom(count: number): void {
    if (this.#objects + count > this.maxObjects) throw objectLimit(this.maxObjects);
  }

  /**
   * Adds a customer to `account` with the owned objects in `extras`; throws when the account
   * already has the id (a seed fixture reusing an id, say) or when they do not fit.
   */
  insert(customer: Customer, extras: RecordExtras = {}, account: AccountId = null): CustomerRecord {
    const records = this.#accounts.get(account) ?? new Map<string, CustomerRecord>();
    if (records.has(customer.id)) {
      throw new Error(`A customer with id ${customer.id} already exists in the mock${account === null ? '' : ` for ${account}`}`);
    }
    const record: CustomerRecord = {
      customer,
      account,
      deleted: false,
      seq: ++this.#seq,
      taxIds: extras.taxIds ?? [],
      balanceTransactions: extras.balanceTransactions ?? [],
      sources: extras.sources ?? [],
      paymentMethods: extras.paymentMethods ?? [],
      cashBalanceTransactions: extras.cashBalanceTransactions ?? [],
      reconciliationMode: extras.reconciliationMode ?? 'merchant_default',
      ipAddress: extras.ipAddress ?? null,
    };
    const size = objectsOf(record);
    this.ensureRoom(size);
    records.set(customer.id, record);
    this.#accounts.set(account, records);
    this.#objects += size;
    return record;
  }

  /** Adds objects to one of a live customer's lists, within `maxObjects`. */
  add<L extends OwnedList>(record: CustomerRecord, list: L, ...items: OwnedObjects[L]): void {
    this.ensureRoom(items.length);
    (record[list] as unknown[]).push(...items);
    this.#objects += items.length;
  }

  /** Removes one object from one of a customer's lists. */
  remove<L extends OwnedList>(record: CustomerRecord, list: L, item: OwnedObjects[L][number]): void {
    const owned: OwnedObjects = record;
    const before = owned[list].length;
    owned[list] = (owned[list] as unknown[]).filter((candidate) => candidate !== item) as OwnedObjects[L];
    this.#objects -= before - owned[list].length;
  }

  /** Marks a customer deleted, frees its objects, and forgets the oldest tombstone beyond `maxObjects`. */
  delete(record: CustomerRecord): void {
    if (record.deleted) return;
    this.#objects -= objectsOf(record);
    record.deleted = true;
    // Nothing reads them once the customer is deleted: only retrieve answers, with the stub.
    for (const list of OWNED_LISTS) record[list] = [];
    this.#tombstones.add(record);
    for (const oldest of this.#tombstones) {
      if (this.#tombstones.size <= this.maxObjects) break;
      this.#tombstones.delete(oldest);
      const records = this.#accounts.get(oldest.account);
      records?.delete(oldest.customer.id);
      if (records?.size === 0) this.#accounts.delete(oldest.account);
    }
  }

  /** `account`'s record for an id, deleted or not. */
  get(id: string, account: AccountId = null): CustomerRecord | undefined {
    return this.#accounts.get(account)?.get(id);
  }

  /** `account`'s records, deleted ones included, newest first (cursor positions). */
  all(account: AccountId = null): CustomerRecord[] {
    return [...(this.#accounts.get(account)?.values() ?? [])].sort(newestFirst);
  }

  /** `account`'s customers that still exist, newest first. */
  live(account: AccountId = null): CustomerRecord[] {
    return this.all(account).filter((record) => !record.deleted);
  }

  /**
   * The store as one account's requests see it: the platform (`null`) or a connected account.
   * @example const store = customers.forAccount('acct_1'); store.live() // acct_1's customers only
   */
  forAccount(account: AccountId): AccountStore {
    if (account === null) return this;
    return {
      ensureRoom: (count) => this.ensureRoom(count),
      insert: (customer, extras) => this.insert(customer, extras, account),
      add: this.add.bind(this),
      remove: this.remove.bind(this),
      delete: (record) => this.delete(record),
      get: (id) => this.get(id, account),
      all: () => this.all(account),
      live: () => this.live(account),
    };
  }

  /** Forgets everything, in every account. */
  clear(): void {
    this.#accounts.clear();
    this.#tombstones.clear();
    this.#seq = 0;
    this.#objects = 0;
  }
}

/** What a live customer's record counts against the limit: itself and the objects under it. */
function objectsOf(record: CustomerRecord): number {
  return record.deleted ? 0 : OWNED_LISTS.reduce((count, list) => count + record[list].length, 1);
}

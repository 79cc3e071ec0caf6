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

/** What the mock keeps per customer: the object, what it owns, and state the object shows only when expanded. */
export interface CustomerRecord extends OwnedObjects {
  /** The customer as last written (for a deleted one, as it was when deleted). */
  customer: Customer;
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
 * The in-memory customers, holding at most `maxObjects` objects: live customers and the objects
 * they own (tax ids, balance transactions, sources, payment methods, cash balance transactions). Creating one more is Stripe's 400 `mock_object_limit`.
 * A deleted customer frees its objects and stays as a tombstone, so a retrieve can answer with the
 * deleted stub and a list cursor that points at one still has a position. Tombstones do not count
 * against `maxObjects` (deleting must make room), but only the newest `maxObjects` of them are
 * kept: an older one is forgotten, and its id is then unknown (404).
 * @example const store = new CustomerStore(); store.insert(customer); store.live() // [record]
 */
export class CustomerStore {
  readonly #records = new Map<string, CustomerRecord>();
  /** Ids of deleted customers, oldest deletion first. */
  readonly #tombstones = new Set<string>();
  #seq = 0;
  #objects = 0;

  /** @param maxObjects the most objects the store holds (see {@link DEFAULT_MAX_OBJECTS}). */
  constructor(readonly maxObjects: number = DEFAULT_MAX_OBJECTS) {}

  /** Throws the `mock_object_limit` 400 unless `count` more objects fit. */
  ensureRoom(count: number): void {
    if (this.#objects + count > this.maxObjects) throw objectLimit(this.maxObjects);
  }

  /**
   * Adds a customer with the owned objects in `extras`; throws when the id is taken (a seed
   * fixture reusing an id, say) or when they do not fit.
   */
  insert(customer: Customer, extras: Partial<Omit<CustomerRecord, 'customer' | 'seq' | 'deleted'>> = {}): CustomerRecord {
    if (this.#records.has(customer.id)) throw new Error(`A customer with id ${customer.id} already exists in the mock`);
    const record: CustomerRecord = {
      customer,
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
    this.#records.set(customer.id, record);
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
    this.#tombstones.add(record.customer.id);
    for (const id of this.#tombstones) {
      if (this.#tombstones.size <= this.maxObjects) break;
      this.#tombstones.delete(id);
      this.#records.delete(id);
    }
  }

  /** The record for an id, deleted or not. */
  get(id: string): CustomerRecord | undefined {
    return this.#records.get(id);
  }

  /** Every record, deleted ones included, newest first (cursor positions). */
  all(): CustomerRecord[] {
    return [...this.#records.values()].sort(newestFirst);
  }

  /** The customers that still exist, newest first. */
  live(): CustomerRecord[] {
    return this.all().filter((record) => !record.deleted);
  }

  /** Forgets everything. */
  clear(): void {
    this.#records.clear();
    this.#tombstones.clear();
    this.#seq = 0;
    this.#objects = 0;
  }
}

/** What a live customer's record counts against the limit: itself and the objects under it. */
function objectsOf(record: CustomerRecord): number {
  return record.deleted ? 0 : OWNED_LISTS.reduce((count, list) => count + record[list].length, 1);
}

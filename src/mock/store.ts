import type { OpenEnums } from '../../generated/schemas.js';
import type { components } from '../../generated/types.js';
import type { Customer } from '../types.js';

/** A tax id object, as `expand[]=tax_ids` and the tax_ids endpoints show it. */
export type TaxIdObject = OpenEnums<components['schemas']['tax_id']>;
/** An entry of a customer's credit balance history. */
export type BalanceTransactionObject = OpenEnums<components['schemas']['customer_balance_transaction']>;

/** What the mock keeps per customer: the object, plus state the object shows only when expanded. */
export interface CustomerRecord {
  /** The customer as last written (for a deleted one, as it was when deleted). */
  customer: Customer;
  deleted: boolean;
  /** Insertion order: breaks ties between customers created in the same second. */
  seq: number;
  /** Made from `tax_id_data` at creation or by POST .../tax_ids; oldest first. */
  taxIds: TaxIdObject[];
  /** Oldest first. */
  balanceTransactions: BalanceTransactionObject[];
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
 * The in-memory customers. Deleted customers stay as records, so a retrieve can answer with the
 * deleted stub and a list cursor that points at one still has a position.
 * @example const store = new CustomerStore(); store.insert(customer); store.live() // [record]
 */
export class CustomerStore {
  readonly #records = new Map<string, CustomerRecord>();
  #seq = 0;

  /** Adds a customer; throws when the id is taken (a seed fixture reusing an id, say). */
  insert(customer: Customer, extras: Partial<Omit<CustomerRecord, 'customer' | 'seq' | 'deleted'>> = {}): CustomerRecord {
    if (this.#records.has(customer.id)) throw new Error(`A customer with id ${customer.id} already exists in the mock`);
    const record: CustomerRecord = {
      customer,
      deleted: false,
      seq: ++this.#seq,
      taxIds: extras.taxIds ?? [],
      balanceTransactions: extras.balanceTransactions ?? [],
      reconciliationMode: extras.reconciliationMode ?? 'merchant_default',
      ipAddress: extras.ipAddress ?? null,
    };
    this.#records.set(customer.id, record);
    return record;
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
    this.#seq = 0;
  }
}

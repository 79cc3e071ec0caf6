import type { DecodedInput } from './decode.js';
import { resourceMissing, type MockResult } from './envelope.js';
import type { MockIds } from './ids.js';
import type { AccountStore, CustomerRecord } from './store.js';

/** What every operation can use: the requesting account's view of the store, the id source and the time. */
export interface OperationContext {
  store: AccountStore;
  ids: MockIds;
  /** Now, in Unix seconds (Stripe's `created`). */
  nowSeconds(): number;
}

/** One operation: validated input in, a result out (or a thrown `MockError`). */
export type Operation = (context: OperationContext, input: DecodedInput) => MockResult;

/**
 * The stub Stripe returns for a deleted customer.
 * @example deletedStub('cus_123') // { id: 'cus_123', object: 'customer', deleted: true }
 */
export function deletedStub(id: string): { id: string; object: 'customer'; deleted: true } {
  return { id, object: 'customer', deleted: true };
}

/**
 * The record of a customer that still exists, or Stripe's 404 `resource_missing` (for a deleted
 * one too: only retrieve answers with the stub).
 * @example const record = liveRecord(context, path.customer ?? '');
 */
export function liveRecord(context: OperationContext, id: string): CustomerRecord {
  const record = context.store.get(id);
  if (!record || record.deleted) throw resourceMissing('customer', id);
  return record;
}

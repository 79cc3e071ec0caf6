import { parseForm } from '../index.js';
import { invalidParam, MockError, type MockResult } from './envelope.js';
import type { AccountId } from './store.js';

// Stripe's rules: on POST, the same key with the same params replays the first result for 24
// hours; the same key with other params, or on another endpoint, is a 400 `idempotency_error`.
// Keys are scoped by account, as Stripe scopes them: the same key sent with another
// `Stripe-Account` (or none) is a different key. Only requests that got as far as running are saved: a request rejected by validation,
// authentication or an injected fault is not, so fixing it and retrying works.

const TTL_MS = 24 * 60 * 60 * 1000;
const MAX_KEY_LENGTH = 255;
// Clients that retry (stripe-node among them) send a key with every POST, so a long-running server
// would otherwise keep a result per request for a day. Past this many keys the oldest is
// forgotten: only a retry of a request that many requests ago runs again.
const DEFAULT_MAX_KEYS = 10_000;

interface Entry {
  endpoint: string;
  fingerprint: string;
  result: MockResult;
  requestId: string;
  savedAt: number;
}

/** A replayed result and the `Request-Id` of the request that first produced it. */
export interface Replay {
  result: MockResult;
  originalRequestId: string;
}

/**
 * The params of a form body, independent of key order and of `%5B` versus `[`, so two encoders
 * sending the same params agree. Text that does not parse is compared as is.
 * @example fingerprint('b=2&a=1') === fingerprint('a=1&b=2') // true
 */
export function fingerprint(rawBody: string): string {
  try {
    return JSON.stringify(parseForm(rawBody), (_key, value: unknown) =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : value,
    );
  } catch {
    return `raw:${rawBody}`;
  }
}

/**
 * Results of POSTs by Idempotency-Key.
 * @example const cache = new IdempotencyCache(); cache.lookup('k', 'POST /v1/customers', body, now)
 */
export class IdempotencyCache {
  readonly #entries = new Map<string, Entry>();

  /** @param maxKeys the most keys kept; saving one more forgets the oldest. */
  constructor(readonly maxKeys: number = DEFAULT_MAX_KEYS) {}

  /** Throws Stripe's 400 for a key that is too long. */
  static checkKey(key: string): void {
    if (key.length > MAX_KEY_LENGTH) {
      throw invalidParam('Idempotency-Key', `Idempotency-Key must be at most ${MAX_KEY_LENGTH} characters long, got ${key.length}.`);
    }
  }

  /**
   * The saved result to replay, undefined when the key is new (or expired) for `account`, or a
   * thrown `idempotency_error` when the key was used for another endpoint or other params.
   */
  lookup(key: string, endpoint: string, rawBody: string, now: number, account: AccountId = null): Replay | undefined {
    const slot = slotOf(key, account);
    const entry = this.#entries.get(slot);
    if (!entry) return undefined;
    if (now - entry.savedAt > TTL_MS) {
      this.#entries.delete(slot);
      return undefined;
    }
    const retry = `Try using a key other than '${key}' if you meant to execute a different request.`;
    if (entry.endpoint !== endpoint) {
      throw conflict(`Keys for idempotent requests can only be used for the same endpoint they were first used for (${entry.endpoint}). ${retry}`);
    }
    if (entry.fingerprint !== fingerprint(rawBody)) {
      throw conflict(`Keys for idempotent requests can only be used with the same parameters they were first used with. ${retry}`);
    }
    return { result: entry.result, originalRequestId: entry.requestId };
  }

  /** Saves the result of a request that ran, for `account`. */
  save(key: string, endpoint: string, rawBody: string, result: MockResult, requestId: string, now: number, account: AccountId = null): void {
    const slot = slotOf(key, account);
    // A copy: the replay must be the body first sent, whatever happens to the objects later.
    this.#entries.delete(slot);
    this.#entries.set(slot, { endpoint, fingerprint: fingerprint(rawBody), result: structuredClone(result), requestId, savedAt: now });
    // A Map iterates in insertion order, so the first keys are the oldest.
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.maxKeys) break;
      this.#entries.delete(oldest);
    }
  }

  /** Forgets every key. */
  clear(): void {
    this.#entries.clear();
  }
}

/** Where a key is saved: the account and the key together, in a form no two pairs share. */
function slotOf(key: string, account: AccountId): string {
  return JSON.stringify([account, key]);
}

function conflict(message: string): MockError {
  return new MockError(400, { type: 'idempotency_error', message });
}

import { webcrypto } from 'node:crypto';

/** Where the mock gets its identifiers; inject one for deterministic tests. */
export interface MockIds {
  /** A customer id: Stripe's shape is `cus_` + 14 alphanumerics. */
  customer(): string;
  /** A tax id object id: `txi_` + alphanumerics. */
  taxId(): string;
  /** A customer balance transaction id: `cbtxn_` + alphanumerics. */
  balanceTransaction(): string;
  /** A `Request-Id` header value: `req_` + alphanumerics. */
  request(): string;
  /** A default invoice prefix: 8 uppercase hex digits, as Stripe assigns them. */
  invoicePrefix(): string;
  /**
   * Any other object's id, from its prefix: `object('card')` is `card_` + alphanumerics (cards,
   * bank accounts `ba`, payment methods `pm`, subscriptions `sub`, discounts `di`, ...).
   */
  object(prefix: string): string;
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789ABCDEF';

// webcrypto rather than Math.random: ids of different mocks in one process must not collide.
function randomText(alphabet: string, length: number): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(length));
  let out = '';
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}

/**
 * Random ids shaped like Stripe's.
 * @example randomIds().customer() // 'cus_Qx3vT9bLmN2pRz'
 */
export function randomIds(): MockIds {
  return {
    customer: () => `cus_${randomText(ALPHANUMERIC, 14)}`,
    taxId: () => `txi_${randomText(ALPHANUMERIC, 24)}`,
    balanceTransaction: () => `cbtxn_${randomText(ALPHANUMERIC, 24)}`,
    request: () => `req_${randomText(ALPHANUMERIC, 14)}`,
    invoicePrefix: () => randomText(HEX, 8),
    object: (prefix) => `${prefix}_${randomText(ALPHANUMERIC, 24)}`,
  };
}

/**
 * Counting ids (`cus_00000000000001`, `cus_00000000000002`, ...) so tests can assert on exact values.
 * Each kind (and each `object` prefix) counts on its own.
 * @example createCustomersMock({ ids: sequentialIds() })
 */
export function sequentialIds(): MockIds {
  const counters = { customer: 0, taxId: 0, balanceTransaction: 0, request: 0, invoicePrefix: 0 };
  const next = (kind: keyof typeof counters, width: number) => String(++counters[kind]).padStart(width, '0');
  const byPrefix = new Map<string, number>();
  return {
    customer: () => `cus_${next('customer', 14)}`,
    taxId: () => `txi_${next('taxId', 14)}`,
    balanceTransaction: () => `cbtxn_${next('balanceTransaction', 14)}`,
    request: () => `req_${next('request', 14)}`,
    invoicePrefix: () => `A${next('invoicePrefix', 7)}`,
    object: (prefix) => {
      const count = (byPrefix.get(prefix) ?? 0) + 1;
      byPrefix.set(prefix, count);
      return `${prefix}_${String(count).padStart(14, '0')}`;
    },
  };
}

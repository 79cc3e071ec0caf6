import { MockError } from './envelope.js';
import type { AccountId } from './store.js';

// Stripe scopes a connected account's objects by the `Stripe-Account` header: what one account
// creates, another (or the platform, sending no header) cannot see. The mock keeps no registry of
// accounts, so every well-formed `acct_` id is a connected account of the platform; the only
// refusal is a value that cannot name an account at all. Stripe's code for that is
// `account_invalid`; the mock answers it as a 400, a request that is wrong in itself, rather than
// the 403 Stripe gives a well-formed id the key may not act for, which the mock never has.

const ACCOUNT_ID = /^acct_[A-Za-z0-9]+$/;
const SHOWN_CHARACTERS = 100;

/**
 * The account a request acts for: null without a `Stripe-Account` header (the platform), else the
 * header's `acct_...` id, or a thrown 400 `account_invalid` for anything else (empty included).
 * @example requestAccount(new Headers({ 'Stripe-Account': 'acct_1' })) // 'acct_1'
 */
export function requestAccount(headers: Headers): AccountId {
  const value = headers.get('stripe-account');
  if (value === null) return null;
  if (ACCOUNT_ID.test(value)) return value;
  const shown = value.length > SHOWN_CHARACTERS ? `${value.slice(0, SHOWN_CHARACTERS)}...` : value;
  const message =
    `Invalid Stripe-Account header: '${shown}'. It must be a connected account's id, acct_ followed by ` +
    'letters and digits (e.g. acct_1032D82eZvKYlo2C), or left out to act as the platform.';
  throw new MockError(400, { type: 'invalid_request_error', code: 'account_invalid', message });
}

/** Which account a test's look into the mock (or its seed) is for. */
export interface MockAccountOption {
  /**
   * A connected account's id (`acct_...`), as requests name it in `Stripe-Account`: the call then
   * sees or adds only that account's customers. Left out: the platform's (requests without the header).
   */
  account?: string;
}

/**
 * The account a store view or seed call is for, or a thrown TypeError for an id that is not `acct_...`.
 * @example optionAccount({ account: 'acct_1' }) // 'acct_1'
 */
export function optionAccount(options: MockAccountOption | undefined): AccountId {
  const account = options?.account;
  if (account === undefined) return null;
  if (typeof account === 'string' && ACCOUNT_ID.test(account)) return account;
  throw new TypeError(`account must be a connected account id (acct_ followed by letters and digits), got ${JSON.stringify(account)}`);
}

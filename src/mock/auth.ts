import { MockError } from './envelope.js';

// Stripe takes the key as `Authorization: Bearer <key>` or as the Basic user name with an empty
// password (docs/stripe-wire.md#transport). The mock serves test mode only, so only test keys pass.
const TEST_KEY = /^[sr]k_test_[A-Za-z0-9]+$/;
const MISSING =
  "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').";

/** The key an Authorization header carries, or undefined when there is none. */
function presentedKey(header: string | null): string | undefined {
  if (!header) return undefined;
  const [scheme = '', credentials = ''] = header.trim().split(/\s+/, 2);
  if (/^bearer$/i.test(scheme)) return credentials || undefined;
  if (/^basic$/i.test(scheme)) {
    const decoded = Buffer.from(credentials, 'base64').toString('utf8');
    return decoded.split(':')[0] || undefined;
  }
  return header;
}

/**
 * A key shown the way Stripe shows one in an error: its `sk_test_`-style prefix and last four
 * characters, the rest starred. Short keys show no tail, so a message never carries a whole key.
 * @example maskKey('sk_test_abcdefgh1234') // 'sk_test_********1234'
 */
export function maskKey(key: string): string {
  const prefix = /^[a-z]{2}_(test|live)_/.exec(key)?.[0] ?? '';
  const rest = key.slice(prefix.length);
  const tail = rest.length >= 12 ? rest.slice(-4) : '';
  return `${prefix}${'*'.repeat(Math.max(rest.length - tail.length, 4))}${tail}`;
}

function unauthorized(message: string): MockError {
  return new MockError(401, { type: 'invalid_request_error', message }, { 'WWW-Authenticate': 'Bearer realm="Stripe"' });
}

/**
 * Throws Stripe's 401 when the Authorization header carries a live secret or restricted key. The
 * mock checks this on every request, `requireApiKey` or not: it serves test mode only, and a live
 * key reaching it is a configuration mistake worth stopping before the same setup meets Stripe.
 * @example checkNotLiveKey('Bearer sk_live_123') // throws
 */
export function checkNotLiveKey(header: string | null): void {
  const key = presentedKey(header);
  if (key !== undefined && /^[sr]k_live_/.test(key)) {
    throw unauthorized(`This mock only accepts test mode keys (sk_test_... or rk_test_...); got a live key: ${maskKey(key)}`);
  }
}

/**
 * Throws Stripe's 401 unless the Authorization header carries a test-mode secret or restricted key.
 * @example checkApiKey('Bearer sk_test_123') // passes
 */
export function checkApiKey(header: string | null): void {
  const key = presentedKey(header);
  if (key === undefined) throw unauthorized(MISSING);
  if (TEST_KEY.test(key)) return;
  checkNotLiveKey(header);
  throw unauthorized(`Invalid API Key provided: ${maskKey(key)}`);
}

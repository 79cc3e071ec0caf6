// Keys must never leave the client inside an error: masked by shape (anything that looks like a
// Stripe key) and by value (the client's own key, in every form it was sent).

// Secret and restricted keys look like sk_live_..., rk_test_...; publishable keys are not secret
// but are masked too so a message never carries any key material. No word boundary is required
// before the prefix: a key echoed as `Bearer%20sk_test_...`, `x=sk_test_...` or `_sk_test_...` is
// still a key.
const KEY_PATTERN = /([spr]k_(?:live|test)_)[A-Za-z0-9_*-]+/g;

/**
 * Masks anything shaped like a Stripe API key (`sk_test_abc123` becomes `sk_test_***`), wherever it
 * stands in the text, and every one of `secrets` by value.
 */
export function redactKeys(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(KEY_PATTERN, '$1***');
  for (const secret of secrets) if (secret.length >= 8) out = out.split(secret).join('***');
  return out;
}

// Deeper than any body Stripe sends; a hostile body nested deeper is cut there instead of
// overflowing the stack while an error is being built.
const MAX_DEPTH = 64;

/** {@link redactKeys} applied to every string inside a value (an error body, say), keys included. */
export function redactKeysDeep(value: unknown, secrets: readonly string[] = [], depth = 0): unknown {
  if (typeof value === 'string') return redactKeys(value, secrets);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[nested too deep]';
  if (Array.isArray(value)) return value.map((item) => redactKeysDeep(item, secrets, depth + 1));
  // Own keys written with defineProperty: a key named `__proto__` stays plain data.
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    Object.defineProperty(copy, redactKeys(key, secrets), { value: redactKeysDeep(item, secrets, depth + 1), enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

/**
 * The cause as given when nothing in it needs masking; otherwise a copy of it, with the same name,
 * message, stack, own fields and causes, masked. An error from a transport can quote the request it
 * failed on, Authorization header included, and `util.inspect(error)` prints the whole cause chain.
 */
export function redactCause(cause: unknown, secrets: readonly string[], depth = 0): unknown {
  if (typeof cause === 'string') return redactKeys(cause, secrets);
  if (!(cause instanceof Error) || depth > 8) return cause;
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(cause)) fields[key] = (cause as unknown as Record<string, unknown>)[key];
  const inner = redactCause(cause.cause, secrets, depth + 1);
  const masked = redactKeysDeep(fields, secrets) as Record<string, unknown>;
  const message = redactKeys(cause.message, secrets);
  const stack = cause.stack === undefined ? undefined : redactKeys(cause.stack, secrets);
  const same =
    inner === cause.cause && message === cause.message && stack === cause.stack &&
    JSON.stringify(masked) === JSON.stringify(fields);
  if (same) return cause;
  const copy = new Error(message, inner === undefined ? undefined : { cause: inner });
  Object.assign(copy, masked);
  Object.defineProperty(copy, 'name', { value: cause.name, enumerable: false, writable: true, configurable: true });
  if (stack !== undefined) copy.stack = stack;
  return copy;
}

export function redactHeaders(
  headers: Readonly<Record<string, string>> | undefined,
  secrets: readonly string[],
): Readonly<Record<string, string>> | undefined {
  return headers === undefined ? undefined : (redactKeysDeep(headers, secrets) as Record<string, string>);
}

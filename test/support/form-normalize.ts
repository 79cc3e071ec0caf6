/**
 * A value as it survives Stripe's form encoding and the decoder: `null` and `undefined` are not sent,
 * and an object or list left empty by that disappears. Keys are written with defineProperty, so a
 * `__proto__` key stays data, as the decoder keeps it.
 */
export function formNormalize(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) {
    const items = value.map(formNormalize).filter((item) => item !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const kept = formNormalize(item);
    if (kept !== undefined) Object.defineProperty(out, key, { value: kept, enumerable: true, writable: true, configurable: true });
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

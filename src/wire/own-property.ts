// Form keys are user data: `__proto__`, `constructor` or `toString` must read and write as plain
// keys, never reach Object.prototype.

/** Reads only own properties, so `constructor` or `toString` never come from Object.prototype. */
export function readOwn<T>(object: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** Defines (never assigns) keys Object.prototype has, so `__proto__` is data, not a prototype. */
export function writeOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key in Object.prototype) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}

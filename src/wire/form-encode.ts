import { customIssue, StripeValidationError, type ValidationIssue } from '../errors/errors.js';

// Stripe reads request bodies as `application/x-www-form-urlencoded` with Rack-style brackets
// (the spec's `style: deepObject, explode: true`): docs/stripe-wire.md#form-encoding.

/** Everything one encoding pass carries; kept in one object so the walkers stay allocation-free. */
interface EncodeState {
  /** `key=value` pairs in emission order, joined with `&` at the end. */
  readonly out: string[];
  /** Every problem found; thrown together so the caller fixes them in one go. */
  readonly issues: ValidationIssue[];
  /** The segments leading to the value being written; only read when an issue is recorded. */
  readonly path: (string | number)[];
  /** The objects and arrays currently being walked: meeting one again means a cycle. */
  readonly ancestors: Set<object>;
}

/**
 * Encodes params the way Stripe expects a request body: `address[city]=Paris&expand[0]=tax_ids`.
 *
 * - Keys keep insertion order; nested objects become `a[b][c]=v`, arrays `a[0]=x`, `a[0][k]=v`.
 * - `undefined` and `null` are left out; `''` is sent, because for Stripe it means "unset"
 *   (`metadata=` clears all metadata, `address=` removes the address).
 * - Empty arrays and objects send nothing: the format cannot express them.
 * - Array elements that send nothing (null, `{}`) are skipped and the rest renumbered from 0, so the
 *   receiver still sees a dense list rather than an object with gaps.
 * - Keys and values are percent-encoded with `encodeURIComponent`; structural brackets are raw.
 *
 * @throws {StripeValidationError} listing every value the format cannot carry: non-finite numbers,
 *   keys that are empty or contain brackets, non-plain objects (Date, Map, class instances),
 *   functions, symbols, circular references and strings with lone surrogates.
 * @example encodeForm({ metadata: { order_id: '6735' }, expand: ['tax_ids'] })
 *   // 'metadata[order_id]=6735&expand[0]=tax_ids'
 */
export function encodeForm(params: object): string {
  const state: EncodeState = { out: [], issues: [], path: [], ancestors: new Set() };
  if (Array.isArray(params) || !isPlainObject(params)) {
    // The top level names the fields, so it has to be a record of them.
    addIssue(state, `unsupported value of type ${typeName(params)}`);
  } else {
    writeObject(state, '', params);
  }
  if (state.issues.length > 0) throw new StripeValidationError(state.issues);
  return state.out.join('&');
}

/** Writes one value under `prefix` (already encoded, brackets included). */
function writeValue(state: EncodeState, prefix: string, value: unknown): void {
  switch (typeof value) {
    case 'string':
      state.out.push(`${prefix}=${encodeText(state, value)}`);
      return;
    case 'boolean':
      state.out.push(value ? `${prefix}=true` : `${prefix}=false`);
      return;
    case 'bigint':
      state.out.push(`${prefix}=${value.toString()}`);
      return;
    case 'number':
      // NaN and Infinity would reach Stripe as the words "NaN"/"Infinity": refuse rather than guess.
      if (Number.isFinite(value)) state.out.push(`${prefix}=${numberText(value)}`);
      else addIssue(state, 'must be a finite number');
      return;
    case 'undefined':
      return;
    case 'object':
      if (value === null) return;
      if (Array.isArray(value)) writeArray(state, prefix, value);
      else if (isPlainObject(value)) writeObject(state, prefix, value);
      else addIssue(state, `unsupported value of type ${typeName(value)}`);
      return;
    default:
      addIssue(state, `unsupported value of type ${typeName(value)}`);
  }
}

function writeObject(state: EncodeState, prefix: string, object: Record<string, unknown>): void {
  if (!enter(state, object)) return;
  // Own enumerable string keys only, so `__proto__` or `constructor` set as data are sent as data.
  for (const key of Object.keys(object)) {
    state.path.push(key);
    if (key === '') {
      addIssue(state, 'key cannot be empty');
    } else if (key.includes('[') || key.includes(']')) {
      // A bracket in a key would be read back as nesting: `a[b]` is not the key "a[b]".
      addIssue(state, 'key cannot contain "[" or "]"');
    } else {
      const encoded = encodeText(state, key);
      writeValue(state, prefix === '' ? encoded : `${prefix}[${encoded}]`, object[key]);
    }
    state.path.pop();
  }
  state.ancestors.delete(object);
}

function writeArray(state: EncodeState, prefix: string, array: readonly unknown[]): void {
  if (!enter(state, array)) return;
  let index = 0;
  for (let i = 0; i < array.length; i++) {
    state.path.push(i);
    const before = state.out.length;
    writeValue(state, `${prefix}[${index}]`, array[i]);
    // Only advance when the element produced pairs, so indexes on the wire stay 0..n-1.
    if (state.out.length > before) index++;
    state.path.pop();
  }
  state.ancestors.delete(array);
}

/** Marks `value` as being walked; false (with an issue) when it is already an ancestor. */
function enter(state: EncodeState, value: object): boolean {
  if (state.ancestors.has(value)) {
    addIssue(state, 'circular reference');
    return false;
  }
  state.ancestors.add(value);
  return true;
}

function encodeText(state: EncodeState, text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    // encodeURIComponent throws URIError on a lone surrogate, which has no UTF-8 form.
    addIssue(state, 'must be well-formed Unicode (no lone surrogates)');
    return '';
  }
}

/** `String(n)`, with the `+` of large exponents (`1e+21`) escaped: a raw `+` would decode as a space. */
function numberText(value: number): string {
  const text = String(value);
  return text.includes('+') ? text.replace('+', '%2B') : text;
}

function addIssue(state: EncodeState, rule: string): void {
  const path = state.path.slice();
  state.issues.push(customIssue(path, rule));
}

/** Plain means built by `{}` or `Object.create(null)`: Dates, Maps and class instances are not. */
function isPlainObject(value: object): value is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** `function`, `symbol`, or the constructor name of an object (`Date`, `Map`, `Array`). */
function typeName(value: unknown): string {
  if (typeof value !== 'object' || value === null) return typeof value;
  const proto: unknown = Object.getPrototypeOf(value);
  const ctor: unknown = typeof proto === 'object' && proto !== null ? Reflect.get(proto, 'constructor') : undefined;
  const name: unknown = typeof ctor === 'function' ? ctor.name : undefined;
  return typeof name === 'string' && name !== '' ? name : 'object';
}

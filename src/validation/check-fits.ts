import type { Check } from '../../generated/checks.js';

// The fast half of checking a value: a yes or no, with no paths and no problems collected. Each
// check (the plain data in generated/checks.ts) is turned into a tree of small closures the first
// time it is used, and kept. Walking closures instead of interpreting the data every time is what
// brings parse plus check of a response near the cost of the parse alone (bench/RESULTS.md); no
// `new Function`, so it runs under a strict Content-Security-Policy and on every edge runtime.
//
// The contract is one-sided: `fits` says yes only when `explain` in src/check.ts would find no
// problem. When it says no, `checkValue` runs `explain`, which has the last word, so a value this
// file is unsure of costs time but never a wrong verdict. The rules are those of src/check.ts.

/** A compiled check: `true` when the value breaks no rule. */
type Fits = (value: unknown) => boolean;

const isArray = Array.isArray;
const hasOwn = Object.hasOwn;

const KINDS: Record<string, Fits> = {
  string: (v) => typeof v === 'string',
  boolean: (v) => typeof v === 'boolean',
  integer: (v) => Number.isSafeInteger(v),
  number: (v) => Number.isFinite(v),
  unknown: () => true,
  never: () => false,
};

const compiled = new WeakMap<object, Fits>();

function any(parts: readonly Fits[]): Fits {
  return (v) => {
    for (let i = 0; i < parts.length; i++) if (parts[i]!(v)) return true;
    return false;
  };
}

function every(parts: readonly Fits[]): Fits {
  return (v) => {
    for (let i = 0; i < parts.length; i++) if (!parts[i]!(v)) return false;
    return true;
  };
}

function sized(kind: 'string' | 'integer' | 'number', min: number, max: number): Fits {
  if (kind === 'string') return (v) => typeof v === 'string' && v.length >= min && v.length <= max;
  const fits = KINDS[kind]!;
  return (v) => fits(v) && (v as number) >= min && (v as number) <= max;
}

function list(items: Fits, min: number, max: number): Fits {
  return (v) => {
    if (!isArray(v) || v.length < min || v.length > max) return false;
    for (let i = 0; i < v.length; i++) if (!items(v[i])) return false;
    return true;
  };
}

/** A string map (no `props`) wants a plain object; an object with properties, any non-array object. */
function plain(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * The leaves most properties are (a string, an integer, a boolean, or one of them or null), as a
 * number the object's loop tests inline: a call per leaf through a shared call site costs more
 * than the test itself. 0 is anything else, which gets its compiled closure.
 */
function leafCode(check: Check): number {
  if (check === 'string') return 1;
  if (check === 'integer') return 2;
  if (check === 'boolean') return 3;
  if (typeof check !== 'object') return 0;
  // An open enum of strings takes any string.
  if ('enum' in check) return check.open && check.enum.every((e) => typeof e === 'string') ? 1 : 0;
  if (!('nullable' in check)) return 0;
  const inner = leafCode(check.nullable);
  return inner >= 1 && inner <= 3 ? inner + 3 : 0;
}

function leaf(code: number, x: unknown): boolean {
  switch (code) {
    case 1:
      return typeof x === 'string';
    case 2:
      return Number.isSafeInteger(x);
    case 3:
      return typeof x === 'boolean';
    case 4:
      return x === null || typeof x === 'string';
    case 5:
      return x === null || Number.isSafeInteger(x);
    default:
      return x === null || typeof x === 'boolean';
  }
}

function object(check: Extract<Check, { props: unknown }>): Fits {
  const keys = Object.keys(check.props);
  const props = keys.map((key) => compile(check.props[key]!));
  const leaves = keys.map((key) => leafCode(check.props[key]!));
  const required = keys.map((key) => check.required?.includes(key) ?? false);
  // Which reads must be own: a required key (an inherited one would stand in for a missing one),
  // and names Object.prototype has (`constructor`). Any other inherited value is checked as if it
  // were the object's own: if it fits, it was optional anyway; if not, `explain` has the last word.
  const guarded = keys.map((key, i) => required[i]! || key in Object.prototype);
  const { extra } = check;
  const extraFits = extra === undefined || extra === false ? undefined : compile(extra);
  const known = new Set(keys);
  const isRecord = keys.length === 0;
  return (v) => {
    if (isRecord ? !plain(v) : v === null || typeof v !== 'object' || isArray(v)) return false;
    const o = v as Record<string, unknown>;
    const proto = Object.getPrototypeOf(o);
    const foreign = proto !== Object.prototype && proto !== null;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      let x = o[key];
      if (x !== undefined && (guarded[i] || foreign) && !hasOwn(o, key)) x = undefined;
      if (x === undefined && !required[i]) continue;
      const code = leaves[i]!;
      if (code === 0 ? !props[i]!(x) : !leaf(code, x)) return false;
    }
    if (extra === undefined) return true;
    // for…in also yields inherited enumerable keys, which `explain` (own keys only) skips: checking
    // more keys can only turn a yes into a no, and a no is always explained again.
    for (const key in o) {
      if (known.has(key)) continue;
      if (extraFits === undefined || !extraFits(o[key])) return false;
    }
    return true;
  };
}

function build(check: Exclude<Check, string | (() => Check)>): Fits {
  if ('type' in check) {
    const min = check.min ?? -Infinity;
    const max = check.max ?? Infinity;
    return check.type === 'array' ? list(compile(check.items), min, max) : sized(check.type, min, max);
  }
  if ('props' in check) return object(check);
  if ('enum' in check) {
    const values = new Set<unknown>(check.enum);
    return check.open ? (v) => typeof v === 'string' || values.has(v) : (v) => values.has(v);
  }
  if ('anyOf' in check) return any(check.anyOf.map(compile));
  if ('allOf' in check) return every(check.allOf.map(compile));
  const inner = compile(check.nullable);
  return (v) => v === null || inner(v);
}

function compile(check: Check): Fits {
  if (typeof check === 'string') return KINDS[check]!;
  const known = compiled.get(check);
  if (known) return known;
  if (typeof check === 'function') {
    // A component: stand in for it while it compiles, so a cycle back to it calls the stand-in.
    let target: Fits | undefined;
    compiled.set(check, (v) => target!(v));
    target = compile(check());
    compiled.set(check, target);
    return target;
  }
  const fits = build(check);
  compiled.set(check, fits);
  return fits;
}

/** `true` only when the value breaks none of the check's rules; compiled on first use, then kept. */
export function fits(check: Check, value: unknown): boolean {
  return compile(check)(value);
}

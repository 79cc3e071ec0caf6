import fc from 'fast-check';
import type { $ZodType } from 'zod/v4/core';

// Generates values a zod v4 schema accepts, by reading `schema._zod.def` (so `zod` and `zod/mini`
// schemas both work). It covers what Stripe's request schemas use; anything else throws, so a
// property never silently tests less than it claims.

/** Past this depth, optional keys are left out, lists and maps are empty, unions pick scalar options. */
const MAX_DEPTH = 4;

/** The `_zod.def` fields read here. `z.int()` is itself a check, hence `check`/`format` on a def. */
interface Def {
  type: string;
  shape?: Record<string, $ZodType>;
  keyType?: $ZodType;
  valueType?: $ZodType;
  element?: $ZodType;
  options?: readonly $ZodType[];
  innerType?: $ZodType;
  getter?: () => $ZodType;
  in?: $ZodType;
  entries?: Record<string, string | number>;
  values?: readonly unknown[];
  checks?: readonly { _zod: { def: CheckDef } }[];
  check?: string;
  format?: string;
}

interface CheckDef {
  check?: string;
  format?: string;
  maximum?: number;
  minimum?: number;
  length?: number;
  value?: number | bigint;
  inclusive?: boolean;
}

const SCALAR_TYPES = new Set(['string', 'number', 'int', 'bigint', 'boolean', 'enum', 'literal', 'null', 'undefined']);
const INTEGER_FORMATS: Record<string, [number, number]> = {
  safeint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  int32: [-(2 ** 31), 2 ** 31 - 1],
  uint32: [0, 2 ** 32 - 1],
};

/**
 * An arbitrary of values that `schema` accepts: required keys always present, optional ones
 * sometimes (possibly as explicit `undefined`), strict objects never given unknown keys, records
 * with 0–4 keys (non-empty, bracket-free, so they fit in a form key), arrays with 0–4 items,
 * strings mixing unicode, form-reserved characters (`&=[]%+#`), spaces and `''`, within the
 * schema's length and number bounds. Never produces `-0` or `NaN`.
 * @example fc.assert(fc.property(arbitraryFromSchema(schema), (x) => schema.safeParse(x).success))
 */
export function arbitraryFromSchema(schema: $ZodType, depth = 0): fc.Arbitrary<unknown> {
  const def = schema._zod.def as unknown as Def;
  const checks = checksOf(def);
  const deep = depth > MAX_DEPTH;
  switch (def.type) {
    case 'optional': case 'default': case 'prefault':
      return fc.option(inner(def, depth), { nil: undefined, freq: 3 });
    case 'nullable':
      return fc.option(inner(def, depth), { nil: null, freq: 3 });
    case 'readonly': case 'catch':
      return inner(def, depth);
    case 'nonoptional':
      return inner(def, depth).filter((value) => value !== undefined);
    case 'lazy':
      return arbitraryFromSchema(required(def.getter?.(), def), depth);
    case 'pipe':
      return arbitraryFromSchema(required(def.in, def), depth);
    case 'object': {
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      const requiredKeys: string[] = [];
      for (const [key, field] of Object.entries(def.shape ?? {})) {
        const optional = field._zod.optin === 'optional';
        if (optional && deep) continue;
        model[key] = arbitraryFromSchema(field, depth + 1);
        if (!optional) requiredKeys.push(key);
      }
      return fc.record(model, { requiredKeys });
    }
    case 'record': {
      if (deep) return fc.constant({});
      const keyDef = required(def.keyType, def)._zod.def as unknown as Def;
      if (keyDef.type !== 'string') throw new Error(`arbitraryFromSchema: record keys of type ${keyDef.type}`);
      const [min, max] = lengthBounds(checksOf(keyDef));
      const key = textArbitrary({ minLength: Math.max(1, min), maxLength: max, brackets: false });
      return fc.dictionary(key, arbitraryFromSchema(required(def.valueType, def), depth + 1), { maxKeys: 4 });
    }
    case 'array': {
      const [min, max] = lengthBounds(checks);
      if (deep && min === 0) return fc.constant([]);
      const element = arbitraryFromSchema(required(def.element, def), depth + 1);
      return fc.array(element, { minLength: min, maxLength: Math.max(min, Math.min(max, 4)) });
    }
    case 'union': {
      const all = def.options ?? [];
      const scalars = all.filter(isScalar);
      const options = deep && scalars.length > 0 ? scalars : all;
      return fc.oneof(...options.map((option) => arbitraryFromSchema(option, depth)));
    }
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? {}));
    case 'literal':
      return fc.constantFrom(...(def.values ?? []));
    case 'string': case 'unknown': case 'any': {
      const [minLength, maxLength] = lengthBounds(checks);
      return textArbitrary({ minLength, maxLength, brackets: true });
    }
    case 'number': case 'int':
      return numberArbitrary(checks);
    case 'bigint':
      return bigintArbitrary(checks);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'undefined':
      return fc.constant(undefined);
    default:
      throw new Error(`arbitraryFromSchema: no generator for schema type "${def.type}"`);
  }
}

// Single characters worth having in form values: each is reserved or multi-byte in a form body.
const SPECIALS = ['&', '=', '[', ']', '%', '+', '#', '?', '/', ' ', "'", 'é', '漢', '字', '😀', '0', 'a', 'Z', '-', '_', '.'];

/**
 * Strings of `minLength`..`maxLength` UTF-16 units (zod counts `.length`), built from whole graphemes
 * so truncating never leaves a lone surrogate. `brackets: false` is for form keys.
 */
export function textArbitrary(options: { minLength?: number; maxLength?: number; brackets: boolean }): fc.Arbitrary<string> {
  const { minLength = 0, maxLength = Number.MAX_SAFE_INTEGER, brackets } = options;
  const unit = fc.oneof(fc.constantFrom(...SPECIALS), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }));
  const allowed = brackets ? unit : unit.filter((char) => !char.includes('[') && !char.includes(']'));
  const text = fc.array(allowed, { maxLength: Math.min(maxLength, 12) }).map((units) => {
    while (units.join('').length > maxLength) units.pop();
    let out = units.join('');
    while (out.length < minLength) out += 'a';
    return out;
  });
  return minLength === 0 ? fc.oneof(fc.constant(''), text) : text;
}

function numberArbitrary(checks: readonly CheckDef[]): fc.Arbitrary<number> {
  let min = -Infinity;
  let max = Infinity;
  let minExcluded = false;
  let maxExcluded = false;
  let integer = false;
  for (const check of checks) {
    const value = typeof check.value === 'number' ? check.value : undefined;
    if (check.check === 'greater_than' && value !== undefined && value >= min) [min, minExcluded] = [value, !check.inclusive];
    if (check.check === 'less_than' && value !== undefined && value <= max) [max, maxExcluded] = [value, !check.inclusive];
    const bounds = check.check === 'number_format' ? INTEGER_FORMATS[check.format ?? ''] : undefined;
    if (bounds) {
      integer = true;
      min = Math.max(min, bounds[0]);
      max = Math.min(max, bounds[1]);
    }
  }
  if (integer) {
    const low = minExcluded && Number.isInteger(min) ? min + 1 : Math.ceil(min);
    const high = maxExcluded && Number.isInteger(max) ? max - 1 : Math.floor(max);
    return fc.integer({ min: low, max: high }).map((n) => n + 0); // n + 0 turns -0 into 0
  }
  // Finite by default, as z.number() refuses Infinity; only pass bounds that exist.
  const range: fc.DoubleConstraints = { noNaN: true, noDefaultInfinity: true, minExcluded, maxExcluded };
  if (Number.isFinite(min)) range.min = min;
  if (Number.isFinite(max)) range.max = max;
  return fc.double(range).map((n) => n + 0);
}

function bigintArbitrary(checks: readonly CheckDef[]): fc.Arbitrary<bigint> {
  let min: bigint | undefined;
  let max: bigint | undefined;
  for (const check of checks) {
    if (typeof check.value !== 'bigint') continue;
    if (check.check === 'greater_than') min = check.inclusive ? check.value : check.value + 1n;
    if (check.check === 'less_than') max = check.inclusive ? check.value : check.value - 1n;
  }
  return fc.bigInt({ ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) });
}

/** `[minLength, maxLength]` from `min_length`, `max_length` and `length_equals` checks. */
function lengthBounds(checks: readonly CheckDef[]): [number, number] {
  let min = 0;
  let max = Number.MAX_SAFE_INTEGER;
  for (const check of checks) {
    if (check.check === 'min_length' && check.minimum !== undefined) min = Math.max(min, check.minimum);
    if (check.check === 'max_length' && check.maximum !== undefined) max = Math.min(max, check.maximum);
    if (check.check === 'length_equals' && check.length !== undefined) [min, max] = [check.length, check.length];
  }
  return [min, max];
}

function checksOf(def: Def): CheckDef[] {
  const own = def.check === undefined ? [] : [def as CheckDef];
  return [...own, ...(def.checks ?? []).map((check) => check._zod.def)];
}

/** True for options that cannot recurse, after unwrapping optional/nullable/default wrappers. */
function isScalar(schema: $ZodType): boolean {
  const def = schema._zod.def as unknown as Def;
  return def.innerType ? isScalar(def.innerType) : SCALAR_TYPES.has(def.type);
}

function inner(def: Def, depth: number): fc.Arbitrary<unknown> {
  return arbitraryFromSchema(required(def.innerType, def), depth);
}

function required(schema: $ZodType | undefined, def: Def): $ZodType {
  if (!schema) throw new Error(`arbitraryFromSchema: malformed "${def.type}" schema`);
  return schema;
}

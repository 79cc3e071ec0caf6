import { $ZodCheckMaxLength, safeParse, type $ZodType } from 'zod/v4/core';

// A yes-or-no fast path derived from a zod schema's `_zod.def`, built once per schema as a tree of
// small closures (no `new Function`, so it runs under a strict Content-Security-Policy and on edge
// runtimes). It is one-sided: `true` only where zod's `safeParse` succeeds. On `false` the caller
// asks zod, which has the last word and words the issues, so a node this file does not model
// exactly is handed to zod whole: correct, only slower.
//
// The rules are those of zod v4 core's parsers and checks, which are not JSON Schema's:
// - an object is anything `typeof 'object'` but null or an array (a Date or class instance too);
//   shape keys are read with `input[key]` and tested with `key in input`, so inherited values
//   count; a `__proto__` shape key is never validated; unknown keys are found with for…in, so
//   inherited enumerable ones are unknown keys too;
// - a record wants `isPlainObject` (judged by `constructor`) and validates own enumerable keys,
//   symbols included, but not an own `__proto__`; inherited keys are ignored;
// - string length checks count code points once the UTF-16 length is past the limit;
// - a union takes the first option that succeeds, so it accepts when any option does.
// Values are taken to be plain data: a key that reads as defined is `in` its object (only a Proxy
// whose `has` contradicts its `get` breaks that) and a getter gives the same value on every read.

/** A compiled verdict: `true` only when zod's `safeParse` would succeed on the value. */
export type Accepts = (value: unknown) => boolean;

/** The `_zod.def` fields read here; `check` and `format` are set when the schema is itself a check (`z.int()`). */
interface Def {
  type: string;
  check?: string;
  format?: string;
  coerce?: boolean;
  mode?: string;
  checks?: readonly { _zod: { def: CheckDef } }[];
  options?: readonly $ZodType[];
  shape?: Record<PropertyKey, $ZodType>;
  innerType?: $ZodType;
  element?: $ZodType;
  catchall?: $ZodType;
  keyType?: $ZodType;
  valueType?: $ZodType;
}
type CheckDef = Pick<Def, 'check' | 'format'> & { when?: unknown; value?: unknown; inclusive?: boolean } & {
  [bound in 'maximum' | 'minimum' | 'length']?: number;
};

// The core classes (`$`-traits but `$ZodType`) each def type may be built from. A subclass with the
// same def type parses differently (`z.xor` and discriminated unions are unions, string formats are
// strings), so any other set is not modelled and goes to zod.
const KNOWN: Record<string, readonly string[]> = {
  number: ['$ZodNumber', '$ZodCheck,$ZodCheckNumberFormat,$ZodNumber,$ZodNumberFormat'],
  optional: ['$ZodOptional', '$ZodExactOptional,$ZodOptional'],
  // Classic zod's JIT object parser accepts exactly what the interpreted one does.
  object: ['$ZodObject', '$ZodObject,$ZodObjectJIT'],
};
const ONE_CLASS = 'string boolean literal enum union nullable record array lazy unknown any never null undefined';
for (const type of ONE_CLASS.split(' ')) KNOWN[type] = [`$Zod${type[0]!.toUpperCase()}${type.slice(1)}`];

// The common leaves, as numbers the object, array and record loops test inline: a call per leaf
// through a shared call site costs more than the test itself. 0 means "call the closure".
const [STRING, INT, BOOLEAN, ANYTHING, NUMBER] = [1, 2, 3, 7, 8];
const NULLABLE = 3; // STRING + NULLABLE ... BOOLEAN + NULLABLE: null or that leaf

function leaf(code: number, x: unknown): boolean {
  switch (code) {
    case STRING: return typeof x === 'string';
    case INT: return Number.isSafeInteger(x);
    case BOOLEAN: return typeof x === 'boolean';
    case STRING + NULLABLE: return x === null || typeof x === 'string';
    case INT + NULLABLE: return x === null || Number.isSafeInteger(x);
    case BOOLEAN + NULLABLE: return x === null || typeof x === 'boolean';
    case ANYTHING: return true;
    default: return Number.isFinite(x);
  }
}

// By code, for a leaf that is a whole schema (the index 0 is never built).
const LEAVES: Accepts[] = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((code) => (x) => leaf(code, x));
const isArray = Array.isArray;
const hasOwn = Object.hasOwn;
const isEnumerable = Object.prototype.propertyIsEnumerable;
const compiled = new WeakMap<object, Accepts>();
const codes = new WeakMap<object, number>();

/**
 * The fast accept path of `schema`: `true` only for values zod's `safeParse` accepts, and (for the
 * def types and checks modelled here) `false` exactly where zod fails. Built on first use and kept
 * per schema; object shapes and `z.lazy` are read on their first call, so schemas that refer to
 * themselves through getters compile without recursing.
 */
export function fastAccepts(schema: $ZodType): Accepts {
  const known = compiled.get(schema);
  if (known !== undefined) return known;
  // A stand-in while building, for a def that loops back to itself without a getter in between.
  let target: Accepts | undefined;
  compiled.set(schema, (v) => target!(v));
  const built = build(schema);
  target = typeof built === 'number' ? LEAVES[built]! : built;
  compiled.set(schema, target);
  if (typeof built === 'number') codes.set(schema, built);
  return target;
}

const codeOf = (schema: $ZodType): number => (fastAccepts(schema), codes.get(schema) ?? 0);
const byZod = (schema: $ZodType): Accepts => (v) => safeParse(schema, v).success;
const defOf = (schema: $ZodType) => schema._zod.def as unknown as Def;

/** The core classes a schema was built from, `$ZodType` aside: what decides how zod parses it. */
function signature(schema: $ZodType): string {
  return [...schema._zod.traits].filter((t) => t.startsWith('$') && t !== '$ZodType').sort().join(',');
}

function build(schema: $ZodType): Accepts | number {
  const def = defOf(schema);
  if (!KNOWN[def.type]?.includes(signature(schema)) || def.coerce) return byZod(schema);
  const checks = (def.check === undefined ? [] : [def as CheckDef]).concat((def.checks ?? []).map((c) => c._zod.def));
  if (checks.length > 0 && def.type !== 'string' && def.type !== 'number' && def.type !== 'array') return byZod(schema);
  switch (def.type) {
    case 'string': return withChecks(STRING, 'string', checks) ?? byZod(schema);
    case 'number': return withChecks(NUMBER, 'number', checks) ?? byZod(schema);
    case 'array': return withChecks(array(def.element!), 'array', checks) ?? byZod(schema);
    case 'boolean': return BOOLEAN;
    case 'unknown': case 'any': return ANYTHING;
    case 'never': return () => false;
    case 'null': return (v) => v === null;
    case 'undefined': return (v) => v === undefined;
    case 'literal': case 'enum': return oneOf(schema._zod.values!);
    case 'optional': return optional(schema, def.innerType!);
    case 'union': return union(def.options!);
    case 'object': return object(def);
    case 'record': return record(schema, def);
    case 'nullable': {
      const code = codeOf(def.innerType!);
      if (code >= STRING && code <= BOOLEAN) return code + NULLABLE;
      const inner = fastAccepts(def.innerType!);
      return (v) => v === null || inner(v);
    }
    case 'lazy': {
      // zod resolves the getter once and keeps the result, which `_zod.innerType` returns.
      const lazy = schema._zod as unknown as { innerType: $ZodType };
      let inner: Accepts | undefined;
      return (v) => (inner ??= fastAccepts(lazy.innerType))(v);
    }
    default: return byZod(schema);
  }
}

/** Set membership is SameValueZero (NaN matches NaN, -0 matches 0); `===` agrees for one non-NaN value. */
function oneOf(values: ReadonlySet<unknown>): Accepts {
  const set = new Set(values);
  const [only] = set;
  return set.size === 1 && only === only ? (v) => v === only : (v) => set.has(v);
}

function optional(schema: $ZodType, innerType: $ZodType): Accepts {
  const inner = fastAccepts(innerType);
  // z.exactOptional hands undefined to its inner schema. z.optional accepts it: even when the inner
  // schema substitutes a default and that fails, zod drops the issues.
  if (schema._zod.traits.has('$ZodExactOptional')) return inner;
  return (v) => v === undefined || inner(v);
}

function union(options: readonly $ZodType[]): Accepts | number {
  if (options.length === 1) return codeOf(options[0]!) || fastAccepts(options[0]!);
  // An open enum (`z.union([z.enum([...]), z.string()])`) accepts exactly the strings.
  const strings = options.map((o) => (codeOf(o) === STRING ? 2 : onlyStrings(o) ? 1 : 0));
  if (strings.includes(2) && !strings.includes(0)) return STRING;
  const fits = options.map(fastAccepts);
  const [a, b] = fits;
  if (fits.length === 2) return (v) => a!(v) || b!(v);
  return (v) => {
    for (let i = 0; i < fits.length; i++) if (fits[i]!(v)) return true;
    return false;
  };
}

function onlyStrings(schema: $ZodType): boolean {
  const { type, checks } = defOf(schema);
  const values = schema._zod.values;
  if ((type !== 'enum' && type !== 'literal') || checks?.length || !values) return false;
  return [...values].every((value) => typeof value === 'string');
}

// The `when` zod gives every length check by default, true on any string or array. A check given
// another `when` may be skipped by zod, so it is not modelled.
let defaultWhen: unknown;
const lengthWhen = () => (defaultWhen ??= new $ZodCheckMaxLength({ check: 'max_length', maximum: 0 })._zod.def.when);

/** Code points, as zod counts them: a high surrogate followed by a low one is one. */
function codePoints(s: string): number {
  let count = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    if ((s.charCodeAt(i) & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count--;
      i++;
    }
  }
  return count;
}

type Test = (v: never) => boolean;

/** One check as a test on a value whose type already passed; undefined when it is not modelled. */
function check(kind: 'string' | 'number' | 'array', c: CheckDef): Test | undefined {
  const isLength = c.check === 'max_length' || c.check === 'min_length' || c.check === 'length_equals';
  if (isLength ? kind === 'number' || c.when !== lengthWhen() : kind !== 'number' || c.when !== undefined) return;
  const limit = c.check === 'max_length' ? c.maximum : c.check === 'min_length' ? c.minimum : c.length;
  if (isLength && typeof limit !== 'number') return;
  const n = limit!;
  // zod measures a string in UTF-16 units and counts code points only near the limit.
  if (isLength && kind === 'string') {
    if (c.check === 'max_length') return (s: string) => s.length <= n || codePoints(s) <= n;
    const units = (s: string, from: number, to: number) =>
      s.length >= from && s.length <= to ? codePoints(s) : s.length;
    if (c.check === 'min_length') return (s: string) => units(s, n, 2 * n - 1) >= n;
    return (s: string) => units(s, n, 2 * n) === n;
  }
  if (c.check === 'max_length') return (a: []) => a.length <= n;
  if (c.check === 'min_length') return (a: []) => a.length >= n;
  if (c.check === 'length_equals') return (a: []) => a.length === n;
  const bound = c.value;
  if (typeof bound === 'number' && c.check === 'greater_than') {
    return c.inclusive ? (x: number) => x >= bound : (x: number) => x > bound;
  }
  if (typeof bound === 'number' && c.check === 'less_than') {
    return c.inclusive ? (x: number) => x <= bound : (x: number) => x < bound;
  }
  const range = c.check === 'number_format' ? NUMBER_FORMATS[c.format!] : undefined;
  if (!range) return;
  const [lo = 0, hi = 0] = range;
  // An integer format wants a safe integer before its range; the type has already ruled out NaN and ±Infinity.
  if (c.format!.includes('int')) return (x: number) => Number.isSafeInteger(x) && x >= lo && x <= hi;
  return (x: number) => x >= lo && x <= hi;
}

// zod's number formats and their ranges. Read from zod's `util` namespace, they would pull all of
// that module into every bundle; a format missing here goes to zod.
const NUMBER_FORMATS: Readonly<Record<string, readonly [number, number]>> = {
  safeint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  int32: [-2147483648, 2147483647],
  uint32: [0, 4294967295],
  float32: [-3.4028234663852886e38, 3.4028234663852886e38],
  float64: [-Number.MAX_VALUE, Number.MAX_VALUE],
};

/** The type test (a leaf code or a closure) and then the checks; undefined when a check is not modelled. */
function withChecks(base: Accepts | number, kind: 'string' | 'number' | 'array', defs: CheckDef[]) {
  const tests = defs.map((c) => check(kind, c) as Accepts | undefined);
  if (tests.includes(undefined)) return undefined;
  // z.int() is a number whose own check asks for a safe integer: one test does both.
  if (base === NUMBER && defs[0]?.check === 'number_format' && defs[0].format === 'safeint') {
    base = INT;
    tests.shift();
  }
  if (tests.length === 0) return base;
  const type = typeof base === 'number' ? LEAVES[base]! : base;
  const pass = (v: unknown) => {
    for (let i = 0; i < tests.length; i++) if (!tests[i]!(v)) return false;
    return true;
  };
  // An array's length before its items: cheaper, and the verdict does not depend on the order.
  return kind === 'array' ? (v: unknown) => isArray(v) && pass(v) && type(v) : (v: unknown) => type(v) && pass(v);
}

function array(element: $ZodType): Accepts {
  const code = codeOf(element);
  const item = fastAccepts(element);
  return (v) => {
    if (!isArray(v)) return false;
    // A hole reads as undefined, as it does for zod.
    for (let i = 0; i < v.length; i++) if (code === 0 ? !item(v[i]) : !leaf(code, v[i])) return false;
    return true;
  };
}

/** zod's `isPlainObject`, read for read: the `constructor` (own or inherited) decides. */
function plain(v: unknown): v is Record<PropertyKey, unknown> {
  if (typeof v !== 'object' || v === null || isArray(v)) return false;
  const ctor: unknown = (v as { constructor?: unknown }).constructor;
  if (typeof ctor !== 'function') return true;
  const proto: unknown = (ctor as { prototype?: unknown }).prototype;
  return typeof proto === 'object' && proto !== null && !isArray(proto) && hasOwn(proto, 'isPrototypeOf');
}

function record(schema: $ZodType, def: Def): Accepts {
  // A string key type has no finite key set, and zod's numeric-key retry cannot pass it; other key
  // types, and loose or partial records, take branches of zod's parser not modelled here.
  const keyType = def.keyType!;
  if (defOf(keyType).type !== 'string' || keyType._zod.values || def.mode !== undefined) return byZod(schema);
  const keyFits = fastAccepts(keyType);
  const anyKey = codeOf(keyType) === STRING;
  const code = codeOf(def.valueType!);
  const value = fastAccepts(def.valueType!);
  return (v) => {
    if (!plain(v)) return false;
    // for…in with hasOwn is zod's Reflect.ownKeys cut to own enumerable string keys.
    for (const key in v) {
      if (!hasOwn(v, key) || key === '__proto__') continue;
      if ((!anyKey && !keyFits(key)) || (code === 0 ? !value(v[key]) : !leaf(code, v[key]))) return false;
    }
    // An own enumerable symbol key fails a string key type.
    const symbols = Object.getOwnPropertySymbols(v);
    for (let i = 0; i < symbols.length; i++) if (isEnumerable.call(v, symbols[i]!)) return false;
    return true;
  };
}

// zod's handlePropertyResult, for a field that reads as undefined: an absent key is fine when the
// field is optional in and out (ACCEPT), fatal when it is not optional in (REJECT), and otherwise
// up to the field's verdict on undefined (ASK). A plain z.optional takes undefined whether the key
// is there or not (ANY), which spares the `in` test.
const [ACCEPT, REJECT, ASK, ANY] = [0, 1, 2, 3];

function object(def: Def): Accepts {
  let keys: PropertyKey[] | undefined;
  let known: Set<PropertyKey>;
  let full: Accepts[]; // each field's schema, for a present undefined
  let defined: Accepts[]; // the same for a defined value, a plain z.optional unwrapped
  let leaves: number[];
  let absent: number[];
  let strict = false;
  let rest: Accepts | undefined; // the catchall, unless it takes anything
  const prepare = () => {
    // Read on the first call, not at build: a getter may name a schema still being defined.
    const shape = def.shape!;
    known = new Set(Object.keys(shape));
    const all = [...Object.keys(shape), ...Object.getOwnPropertySymbols(shape)].filter((key) => key !== '__proto__');
    const fields = all.map((key) => shape[key]!);
    const plainOptional = (f: $ZodType) => signature(f) === '$ZodOptional' && !defOf(f).checks?.length;
    const inner = fields.map((f) => (plainOptional(f) ? defOf(f).innerType : undefined));
    full = fields.map(fastAccepts);
    defined = fields.map((f, i) => fastAccepts(inner[i] ?? f));
    leaves = fields.map((f, i) => codeOf(inner[i] ?? f));
    absent = fields.map(({ _zod: z }, i) => {
      if (z.optin === undefined) return REJECT;
      if (z.optout !== 'optional') return ASK;
      return inner[i] ? ANY : ACCEPT;
    });
    const catchall = def.catchall;
    strict = catchall !== undefined && signature(catchall) === '$ZodNever' && !defOf(catchall).checks?.length;
    if (catchall !== undefined && !strict && codeOf(catchall) !== ANYTHING) rest = fastAccepts(catchall);
    keys = all;
  };
  return (v) => {
    if (typeof v !== 'object' || v === null || isArray(v)) return false;
    if (keys === undefined) prepare();
    const o = v as Record<PropertyKey, unknown>;
    for (let i = 0; i < keys!.length; i++) {
      const key = keys![i]!;
      const x = o[key];
      if (x !== undefined) {
        if (leaves[i] === 0 ? !defined[i]!(x) : !leaf(leaves[i]!, x)) return false;
      } else if (absent[i] !== ANY) {
        if (key in o ? !full[i]!(x) : absent[i] === REJECT || (absent[i] === ASK && !full[i]!(x))) return false;
      }
    }
    if (!strict && rest === undefined) return true;
    for (const key in o) {
      if (known.has(key)) continue;
      // A strict object reports `__proto__` like any unknown key; a catchall never sees it.
      if (strict) return false;
      if (key !== '__proto__' && !rest!(o[key])) return false;
    }
    return true;
  };
}

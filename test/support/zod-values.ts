// Values to hold a validator to zod with: every part of every operation (its zod schema from
// generated/operations.ts), junk of every kind, and mutations that break a valid value in chosen
// places, including the object shapes zod judges by its own rules (prototypes, `__proto__` keys).
import fc from 'fast-check';
import type { $ZodType } from 'zod/v4/core';
import { operations } from '../../generated/operations.js';

export type Path = (string | number)[];

export const PARTS = ['path', 'query', 'body', 'response', 'error'] as const;
export type PartName = (typeof PARTS)[number];

/** One part of one operation. */
export interface Part {
  name: string;
  part: PartName;
  schema: $ZodType;
}

/**
 * Every part of every operation that has one, each schema once: the operations share their error
 * schema, and testing it once per operation would only repeat the same runs.
 */
export const parts: Part[] = (() => {
  const out: Part[] = [];
  const seen = new Map<$ZodType, Part>();
  for (const [id, op] of Object.entries(operations)) {
    for (const part of PARTS) {
      const schema = (op as unknown as Record<string, $ZodType | null>)[`${part}Schema`];
      if (!schema) continue;
      const first = seen.get(schema);
      if (first) {
        if (!first.name.endsWith(')')) first.name += ' (shared)';
        continue;
      }
      const entry = { name: `${id} ${part}`, part, schema };
      seen.set(schema, entry);
      out.push(entry);
    }
  }
  return out;
})();

interface Def {
  type: string;
  shape?: Record<string, $ZodType>;
  catchall?: $ZodType;
  innerType?: $ZodType;
  options?: readonly $ZodType[];
  element?: $ZodType;
  keyType?: $ZodType;
  valueType?: $ZodType;
  in?: $ZodType;
  out?: $ZodType;
  getter?: () => $ZodType;
}

/** Every property name a schema knows, following each schema once: the keys worth adding. */
export function knownKeys(schema: $ZodType, seen = new Set<$ZodType>(), out = new Set<string>()): Set<string> {
  if (seen.has(schema)) return out;
  seen.add(schema);
  const def = schema._zod.def as unknown as Def;
  const children: ($ZodType | undefined)[] = [def.innerType, def.element, def.keyType, def.valueType, def.catchall];
  children.push(...(def.options ?? []), def.in, def.out, def.getter?.());
  for (const [key, field] of Object.entries(def.shape ?? {})) {
    out.add(key);
    children.push(field);
  }
  for (const child of children) if (child) knownKeys(child, seen, out);
  return out;
}

export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

class Account {
  id = 'acct_1';
}

const sparse: unknown[] = [];
sparse[2] = 'a';

/**
 * Values of every kind, and the edges of the spec's limits: strings of 20/21 ... 5000/5001 UTF-16
 * units, and of as many emoji (twice the units, as many code points, which is what zod counts).
 */
export const JUNK: readonly unknown[] = [
  ...[null, undefined, true, false, '', ' ', 'zzz', 'customer', 'card', 'list', 'manual', '\ud800', '😀'],
  ...[20, 21, 30, 31, 256, 257, 350, 351, 512, 513, 5000, 5001].flatMap((n) => ['a'.repeat(n), '😀'.repeat(n)]),
  ...[0, -0, 1, -1, 100, 101, 1.5, 0.5, Number.NaN, 1n],
  ...[[], ['zzz'], [1], sparse, [undefined], {}, { zzz: 1 }, { gt: 1.5 }, { city: 5 }, { constructor: 'x' }],
  ...[new Date(0), new Account(), new Map(), Object.assign(Object.create(null) as object, { a: 'b' })],
];

/** Numbers that are not safe integers, or not finite. */
export const UNSAFE_NUMBERS: readonly number[] = [
  2 ** 53,
  -(2 ** 60),
  Number.MAX_VALUE,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
];

/**
 * One change at one place in a value (`at` picks the place, modulo how many there are):
 * - `replace`: that value (or the root) becomes a junk value;
 * - `delete`: that key goes, required or not (an array item is spliced out; `hole` leaves a hole);
 * - `add`: an object gains a key (one the schema knows, an unknown one, `__proto__`) set to junk;
 * - `push`: an array gains a junk item;
 * - `proto`: an object is rebuilt on another prototype: `null`, a class's, or one that carries the
 *   key `key` (moved off the object when it has it, else set to junk), so it is only inherited.
 * On a node that cannot take `add`, `push` or `proto`, the node is replaced instead.
 */
export type Mutation =
  | { at: number; kind: 'replace' | 'push'; junk: unknown }
  | { at: number; kind: 'delete' | 'hole' }
  | { at: number; kind: 'add'; key: string; junk: unknown }
  | { at: number; kind: 'proto'; to: 'null' | 'class' | 'inherit'; key: string; junk: unknown };

export function mutationArbitrary(keys: readonly string[], junkValues: readonly unknown[]): fc.Arbitrary<Mutation> {
  const at = fc.nat();
  const junk = fc.constantFrom(...junkValues);
  const key = fc.constantFrom(...keys);
  return fc.oneof(
    fc.record({ at, kind: fc.constantFrom('replace' as const, 'push' as const), junk }),
    fc.record({ at, kind: fc.constantFrom('delete' as const, 'hole' as const) }),
    fc.record({ at, kind: fc.constant('add' as const), key, junk }),
    fc.record({
      at,
      kind: fc.constant('proto' as const),
      to: fc.constantFrom('null' as const, 'class' as const, 'inherit' as const),
      key,
      junk,
    }),
  );
}

/** Every place in a value: the root, each own key of an object, each item of an array. */
export function places(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((item, i) => places(item, [...path, i], out));
  else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) places((value as Record<string, unknown>)[key], [...path, key], out);
  }
  return out;
}

/** Sets an own data property, so `__proto__` is a key and never a prototype. */
export function setKey(target: object, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A deep copy that keeps prototypes, holes and `__proto__` keys. */
export function clone(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clone);
  if (value instanceof Date) return new Date(value.getTime());
  if (value instanceof Map) return new Map(value);
  if (value === null || typeof value !== 'object') return value;
  const copy = Object.create(Object.getPrototypeOf(value) as object | null) as Record<string, unknown>;
  for (const key of Object.keys(value)) setKey(copy, key, clone((value as Record<string, unknown>)[key]));
  return copy;
}

function reproto(node: Record<string, unknown>, m: Extract<Mutation, { kind: 'proto' }>): object {
  const inherited: Record<string, unknown> = {};
  const proto = m.to === 'null' ? null : m.to === 'class' ? Account.prototype : inherited;
  if (m.to === 'inherit') setKey(inherited, m.key, Object.hasOwn(node, m.key) ? node[m.key] : clone(m.junk));
  const copy = Object.create(proto) as Record<string, unknown>;
  for (const key of Object.keys(node)) if (m.to !== 'inherit' || key !== m.key) setKey(copy, key, node[key]);
  return copy;
}

/** A copy of `value` with the mutations applied in turn. */
export function mutate(value: unknown, mutations: readonly Mutation[]): unknown {
  let root = clone(value);
  for (const m of mutations) {
    const all = places(root);
    const path = all[m.at % all.length]!;
    const node = valueAt(root, path);
    const parent = valueAt(root, path.slice(0, -1)) as Record<string | number, unknown> | unknown[];
    const key = path.at(-1);
    const put = (junk: unknown): void => {
      if (key === undefined) root = junk;
      else setKey(parent, key, junk);
    };
    const junk = 'junk' in m ? clone(m.junk) : undefined;
    const isObject = node !== null && typeof node === 'object' && !Array.isArray(node);
    if (m.kind === 'replace') put(junk);
    else if (m.kind === 'delete' || m.kind === 'hole') {
      if (Array.isArray(parent) && m.kind === 'delete') parent.splice(key as number, 1);
      else if (key !== undefined) delete (parent as Record<string, unknown>)[key];
    } else if (m.kind === 'push' && Array.isArray(node)) node.push(junk);
    else if (m.kind === 'add' && isObject) setKey(node, m.key, junk);
    else if (m.kind === 'proto' && isObject) put(reproto(node as Record<string, unknown>, m));
    else put(junk);
  }
  return root;
}

// Values to check, shared by the checks' property tests: every part of every operation (the
// generated check and its zod schema), and mutations that break a valid value in chosen places.
import fc from 'fast-check';
import type { $ZodType } from 'zod/v4/core';
import { clientOperations, type Check } from '../../generated/checks.js';
import { operations } from '../../generated/operations.js';

export type Path = (string | number)[];
export type OperationId = keyof typeof clientOperations;

export const PARTS = ['path', 'query', 'body', 'response'] as const;
export type PartName = (typeof PARTS)[number];

/** One part of one operation, as the checks and as zod see it. */
export interface Part {
  name: string;
  part: PartName;
  check: Check;
  schema: $ZodType;
}

export const ids = Object.keys(clientOperations) as OperationId[];

/** The zod schema of a part (`bodySchema`, ...), or null when the operation has no such part. */
export function zodSchema(id: OperationId, part: PartName): $ZodType | null {
  return (operations[id] as unknown as Record<string, $ZodType | null>)[`${part}Schema`] ?? null;
}

export const parts: Part[] = ids.flatMap((id) =>
  PARTS.flatMap((part) => {
    const check = clientOperations[id].checks[part];
    const schema = zodSchema(id, part);
    return check && schema ? [{ name: `${id} ${part}`, part, check, schema }] : [];
  }),
);

export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/** Values of every kind, and the edges of the spec's limits (strings of 20/21, 30/31 ... 5000/5001 characters). */
export const JUNK: readonly unknown[] = [
  ...[null, undefined, true, false, '', ' ', 'zzz', 'customer', 'card', 'list', 'manual'],
  ...[20, 21, 30, 31, 256, 257, 350, 351, 512, 513, 5000, 5001].map((n) => 'a'.repeat(n)),
  ...[0, -0, 1, -1, 100, 101, 1.5, 0.5, Number.NaN, 1n],
  ...[
    [],
    ['zzz'],
    [1],
    {},
    { zzz: 1 },
    { gt: 1.5 },
    { city: 5 },
    new Date(0),
    Object.assign(Object.create(null) as object, { a: 'b' }),
  ],
];

/** Numbers that are not safe integers (a `limit` of 2^53, an `exp_month` of Infinity). */
export const UNSAFE_NUMBERS: readonly number[] = [
  2 ** 53,
  -(2 ** 60),
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
];

/**
 * One change at one place in a value (`at` picks the place, modulo how many there are):
 * - `replace`: that value (or the root) becomes a junk value of another kind, length or range;
 * - `delete`: that key goes, required or not (an array item is spliced out);
 * - `add`: an object gains a key (one the schema knows, an unknown one, or in requests `__proto__`)
 *   set to junk;
 * - `push`: an array gains a junk item.
 * On a node that cannot take `add` or `push`, the node is replaced instead.
 */
export type Mutation =
  | { at: number; kind: 'replace' | 'push'; junk: unknown }
  | { at: number; kind: 'delete' }
  | { at: number; kind: 'add'; key: string; junk: unknown };

export function mutationArbitrary(keys: readonly string[], junkValues: readonly unknown[]): fc.Arbitrary<Mutation> {
  const at = fc.nat();
  const junk = fc.constantFrom(...junkValues);
  return fc.oneof(
    fc.record({
      at,
      kind: fc.constantFrom('replace' as const, 'push' as const),
      junk,
    }),
    fc.record({ at, kind: fc.constant('delete' as const) }),
    fc.record({
      at,
      kind: fc.constant('add' as const),
      key: fc.constantFrom(...keys),
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
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** A deep copy that keeps prototypes (fast-check makes some null-prototype objects) and `__proto__` keys. */
export function clone(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clone);
  if (value instanceof Date) return new Date(value.getTime());
  if (value === null || typeof value !== 'object') return value;
  const copy = Object.create(Object.getPrototypeOf(value) as object | null) as Record<string, unknown>;
  for (const key of Object.keys(value)) setKey(copy, key, clone((value as Record<string, unknown>)[key]));
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
    if (m.kind === 'replace') put(junk);
    else if (m.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else if (key !== undefined) delete (parent as Record<string, unknown>)[key];
    } else if (m.kind === 'push' && Array.isArray(node)) node.push(junk);
    else if (m.kind === 'add' && node !== null && typeof node === 'object' && !Array.isArray(node))
      setKey(node, m.key, junk);
    else put(junk);
  }
  return root;
}

/** Every property name a check knows, following components (once each): the keys worth adding. */
export function knownKeys(check: Check, seen = new Set<Check>(), out = new Set<string>()): Set<string> {
  while (typeof check === 'function') check = check();
  if (typeof check === 'string' || seen.has(check)) return out;
  seen.add(check);
  const children: Check[] = [];
  if ('props' in check) {
    for (const [key, prop] of Object.entries(check.props)) {
      out.add(key);
      children.push(prop);
    }
    if (check.extra) children.push(check.extra);
  } else if ('items' in check) children.push(check.items);
  else if ('anyOf' in check) children.push(...check.anyOf);
  else if ('allOf' in check) children.push(...check.allOf);
  else if ('nullable' in check) children.push(check.nullable);
  for (const child of children) knownKeys(child, seen, out);
  return out;
}

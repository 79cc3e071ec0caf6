import type { $ZodType } from 'zod/v4/core';
import { safeParse } from 'zod/v4/core';
import { StripeValidationError, type ValidationIssue } from './errors.js';
import { formatPath } from './format-path.js';

// The reverse of form-encode.ts, read the way Rack reads it (Stripe's servers are Rack-based):
// the facts are listed in the team's STRIPE-FACTS.md, "Form encoding". The mock server decodes request bodies with it.

/** A decoded form value: every leaf is a string; `[]` keys make arrays, other brackets objects. */
export type FormTree = string | FormTree[] | { [key: string]: FormTree };

type FormObject = { [key: string]: FormTree };

/** The segment a `[]` produces: "push onto an array". Named segments are never empty. */
const PUSH = '';

/**
 * Parses a form body into a tree of strings, without knowing the schema.
 *
 * `a[b]=1` gives `{ a: { b: '1' } }`; `a[0]=x` gives `{ a: { '0': 'x' } }` (only the schema can say
 * whether that is a list: see {@link shapeBySchema}); `expand[]=a&expand[]=b` gives an array; a
 * `[]` inside a key follows Rack (`a[][x]=1&a[][y]=2&a[][x]=3` is `[{x,y},{x}]`). Later values win
 * over earlier ones for the same key. `+` is a space; brackets may be raw or `%5B`/`%5D`.
 *
 * @throws {StripeValidationError} for malformed percent-encoding, empty or unbalanced keys, and a
 *   key used both as a string and as a container (`a=1&a[b]=2`). All problems are listed at once.
 */
export function parseForm(text: string): Record<string, FormTree> {
  const root: FormObject = {};
  const issues: ValidationIssue[] = [];
  for (const piece of text.split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    const rawKey = eq === -1 ? piece : piece.slice(0, eq);
    const key = unescapeForm(rawKey);
    const value = eq === -1 ? '' : unescapeForm(piece.slice(eq + 1));
    const segments = key === undefined ? undefined : splitKey(key);
    const problem =
      key === undefined ? issue([rawKey], 'malformed percent-encoding')
      : key === '' ? issue([], 'key cannot be empty')
      : segments === undefined ? issue([key], 'malformed brackets in key')
      : value === undefined ? issue(segments.filter((s) => s !== PUSH), 'malformed percent-encoding')
      : insert(root, segments, value);
    if (problem) issues.push(problem);
  }
  if (issues.length > 0) throw new StripeValidationError(issues, 'Invalid form body');
  return root;
}

/** `+` means space in forms, then `%XX` escapes; undefined when an escape is not valid UTF-8. */
function unescapeForm(text: string): string | undefined {
  try {
    return decodeURIComponent(text.includes('+') ? text.replace(/\+/g, ' ') : text);
  } catch {
    return undefined;
  }
}

function issue(path: (string | number)[], rule: string): ValidationIssue {
  return { path, field: formatPath(path), rule };
}

/** `a[b][]` to `['a', 'b', PUSH]`; undefined when the brackets do not follow the grammar. */
function splitKey(key: string): string[] | undefined {
  const open = key.indexOf('[');
  if (open === -1) return [key];
  if (open === 0) return undefined;
  const segments = [key.slice(0, open)];
  let at = open;
  while (at < key.length) {
    const close = key.indexOf(']', at + 1);
    if (key[at] !== '[' || close === -1) return undefined;
    const segment = key.slice(at + 1, close);
    if (segment.includes('[')) return undefined;
    // `a[][]` has no Rack meaning worth copying: a pushed element must be named into.
    if (segment === PUSH && segments[segments.length - 1] === PUSH) return undefined;
    segments.push(segment);
    at = close + 1;
  }
  return segments;
}

/** Places one value; returns the conflict when the key was already used with another kind. */
function insert(root: FormObject, segments: string[], value: string): ValidationIssue | undefined {
  let node = root;
  let key = segments[0] ?? '';
  const path: (string | number)[] = [key];
  for (let i = 1; i < segments.length; i++) {
    const segment = segments[i];
    let child = readOwn(node, key);
    if (child === undefined) {
      child = segment === PUSH ? [] : {};
      writeOwn(node, key, child);
    } else if (kindOf(child) !== (segment === PUSH ? 'an array' : 'an object')) {
      return issue(path, `expected ${segment === PUSH ? 'an array' : 'an object'}, got ${kindOf(child)}`);
    }
    if (segment !== PUSH) {
      node = child as FormObject;
      key = segment ?? '';
      path.push(key);
      continue;
    }
    const list = child as FormTree[];
    if (i === segments.length - 1) {
      list.push(value);
      return undefined;
    }
    // Rack: `a[][x]` adds to the last element unless that already has the key path, else starts one.
    const rest = segments.slice(i + 1);
    const last = list[list.length - 1];
    if (last !== undefined && kindOf(last) === 'an object' && !hasPath(last as FormObject, rest)) {
      node = last as FormObject;
    } else {
      node = {};
      list.push(node);
    }
    path.push(list.length - 1);
    key = rest[0] ?? '';
    path.push(key);
    i++;
  }
  const existing = readOwn(node, key);
  if (existing !== undefined && typeof existing !== 'string') return issue(path, `expected a string, got ${kindOf(existing)}`);
  writeOwn(node, key, value);
  return undefined;
}

function hasPath(object: FormObject, segments: readonly string[]): boolean {
  if (segments.includes(PUSH)) return false;
  let at: FormTree | undefined = object;
  for (const segment of segments) {
    if (at === undefined || kindOf(at) !== 'an object') return false;
    at = readOwn(at as FormObject, segment);
  }
  return at !== undefined;
}

function kindOf(tree: FormTree): string {
  return typeof tree === 'string' ? 'a string' : Array.isArray(tree) ? 'an array' : 'an object';
}

/** Reads only own properties, so `constructor` or `toString` never come from Object.prototype. */
function readOwn<T>(object: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** Defines (never assigns) keys Object.prototype has, so `__proto__` is data, not a prototype. */
function writeOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key in Object.prototype) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}

/** The `_zod.def` fields this file reads, for every def type it handles. */
interface SchemaDef {
  type: string;
  shape?: Record<string, $ZodType>; // object, with catchall
  catchall?: $ZodType;
  valueType?: $ZodType; // record
  element?: $ZodType; // array
  options?: readonly $ZodType[]; // union
  innerType?: $ZodType; // optional, nullable, default, readonly, nonoptional, prefault, catch
  getter?: () => $ZodType; // lazy
  in?: $ZodType; // pipe
}

/**
 * Gives a parsed tree the types the schema expects, since the wire only carries strings:
 * index-keyed objects (`{0: 'a', 1: 'b'}`) become arrays, `'12'` a number, `'true'` a boolean,
 * `'9007199254740993'` a bigint, each only where the schema asks for that type. `''` is kept
 * everywhere, since it is Stripe's "unset". For a union, the first option that accepts its shaped
 * value wins; when none does, the tree is returned as is, for validation to report. Keys the schema
 * does not know are left alone, so a strict schema can reject them. Never throws on bad input.
 * Works for `zod` and `zod/mini` schemas alike (it reads `schema._zod.def`).
 */
export function shapeBySchema(tree: unknown, schema: $ZodType): unknown {
  const def = schema._zod.def as unknown as SchemaDef;
  switch (def.type) {
    case 'optional': case 'nullable': case 'default': case 'readonly':
    case 'nonoptional': case 'prefault': case 'catch':
      return def.innerType ? shapeBySchema(tree, def.innerType) : tree;
    case 'lazy': return def.getter ? shapeBySchema(tree, def.getter()) : tree;
    case 'pipe': return def.in ? shapeBySchema(tree, def.in) : tree;
    case 'object':
      return shapeEntries(tree, (key) => (def.shape && Object.hasOwn(def.shape, key) ? def.shape[key] : def.catchall));
    case 'record': return shapeEntries(tree, () => def.valueType);
    case 'array': {
      const items = asArray(tree);
      const element = def.element;
      return items && element ? items.map((item) => shapeBySchema(item, element)) : tree;
    }
    case 'union':
      for (const option of def.options ?? []) {
        const shaped = shapeBySchema(tree, option);
        if (accepts(option, shaped)) return shaped;
      }
      return tree;
    case 'number': case 'int':
      // Exactly what String(n) writes, or a plain decimal such as '1.50'; '' and '0x10' stay text.
      return typeof tree === 'string' && (String(Number(tree)) === tree || /^-?\d+(\.\d+)?$/.test(tree)) ? Number(tree) : tree;
    case 'bigint': return typeof tree === 'string' && /^-?\d+$/.test(tree) ? BigInt(tree) : tree;
    case 'boolean': return tree === 'true' ? true : tree === 'false' ? false : tree;
    default: return tree;
  }
}

/** Shapes each own entry of an object with the schema `schemaFor` names; others pass through. */
function shapeEntries(tree: unknown, schemaFor: (key: string) => $ZodType | undefined): unknown {
  if (typeof tree !== 'object' || tree === null || Array.isArray(tree)) return tree;
  const source = tree as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    const schema = schemaFor(key);
    writeOwn(out, key, schema ? shapeBySchema(source[key], schema) : source[key]);
  }
  return out;
}

/** Arrays as they are; objects whose keys are exactly '0'..'n-1' (n >= 1) as arrays; else undefined. */
function asArray(tree: unknown): unknown[] | undefined {
  if (Array.isArray(tree)) return tree;
  if (typeof tree !== 'object' || tree === null) return undefined;
  // Object.keys lists integer-like keys first, ascending, so a dense list reads as '0', '1', ...
  const keys = Object.keys(tree);
  if (keys.length === 0 || keys.some((key, i) => key !== String(i))) return undefined;
  return keys.map((key) => (tree as Record<string, unknown>)[key]);
}

/** Whether a union option takes the value. Async refinements throw in a sync parse: then it cannot. */
function accepts(schema: $ZodType, value: unknown): boolean {
  try {
    return safeParse(schema, value).success;
  } catch {
    return false;
  }
}

/**
 * Decodes a form body: {@link parseForm}, then {@link shapeBySchema} when a schema is given.
 * The result still needs validating against the schema; this only restores types.
 * @example decodeForm('expand[0]=tax_ids&balance=-5', schema) // { expand: ['tax_ids'], balance: -5 }
 */
export function decodeForm(text: string, schema?: $ZodType): unknown {
  const tree = parseForm(text);
  return schema ? shapeBySchema(tree, schema) : tree;
}

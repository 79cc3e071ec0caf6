import type { $ZodType } from 'zod/v4/core';
import { StripeValidationError, type ValidationIssue } from './errors.js';
import { formatPath } from './format-path.js';
import { shapeBySchema } from './form-shape.js';
import { readOwn, writeOwn } from './own-property.js';

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



/**
 * Decodes a form body: {@link parseForm}, then {@link shapeBySchema} when a schema is given.
 * The result still needs validating against the schema; this only restores types.
 * @example decodeForm('expand[0]=tax_ids&balance=-5', schema) // { expand: ['tax_ids'], balance: -5 }
 */
export function decodeForm(text: string, schema?: $ZodType): unknown {
  const tree = parseForm(text);
  return schema ? shapeBySchema(tree, schema) : tree;
}

import type { $ZodType } from 'zod/v4/core';
import { customIssue, StripeValidationError, type ValidationIssue } from '../errors/errors.js';
import { shapeBySchema } from './form-shape.js';
import { readOwn, writeOwn } from './own-property.js';

// The reverse of form-encode.ts, read the way Rack reads it (Stripe's servers are Rack-based).
// The mock server decodes request bodies and query strings with it, so it also refuses the input
// a hostile client would use to exhaust it: keys nested without end and floods of parameters.

/** A decoded form value: every leaf is a string; `[]` keys make arrays, other brackets objects. */
export type FormTree = string | FormTree[] | { [key: string]: FormTree };

type FormObject = { [key: string]: FormTree };

/** The segment a `[]` produces: "push onto an array". Named segments are never empty. */
const PUSH = '';

/**
 * The most bracket pairs one key may carry (`a[b][c]` has 2; `a[][x]` has 2), as Rack 3's default
 * param depth limit. The deepest customer params nest 3 (`invoice_settings[custom_fields][0][name]`),
 * and every walk over the tree (here, in `shapeBySchema`, in the mock) recurses once per level, so
 * this bound also bounds their stacks.
 */
export const MAX_FORM_DEPTH = 32;

/**
 * The most `key=value` pairs one form may carry. Stripe's biggest bodies have a few hundred (50
 * metadata keys, a few lists of objects, expansions); 1000 leaves room for any real request while
 * keeping a flood of tiny pairs from costing more than one pass over the text.
 */
export const MAX_FORM_PARAMS = 1000;

/** How much of an offending key an error quotes: enough to recognise it, not a megabyte of it. */
const QUOTED_KEY_LENGTH = 100;

/**
 * Parses a form body into a tree of strings, without knowing the schema.
 *
 * `a[b]=1` gives `{ a: { b: '1' } }`; `a[0]=x` gives `{ a: { '0': 'x' } }` (only the schema can say
 * whether that is a list: see {@link shapeBySchema}); `expand[]=a&expand[]=b` gives an array; a
 * `[]` inside a key follows Rack (`a[][x]=1&a[][y]=2&a[][x]=3` is `[{x,y},{x}]`). Later values win
 * over earlier ones for the same key. `+` is a space; brackets may be raw or `%5B`/`%5D`.
 *
 * @throws {StripeValidationError} for malformed percent-encoding, empty or unbalanced keys, and a
 *   key used both as a string and as a container (`a=1&a[b]=2`). All problems are listed at once,
 *   except that a form over a limit ({@link MAX_FORM_PARAMS} pairs, a key deeper than
 *   {@link MAX_FORM_DEPTH} brackets) throws at once with that one issue, naming the key (its first
 *   100 characters for a longer one).
 */
export function parseForm(text: string): Record<string, FormTree> {
  const pieces = splitPieces(text);
  const root: FormObject = {};
  const issues: ValidationIssue[] = [];
  for (const piece of pieces) {
    const eq = piece.indexOf('=');
    const rawKey = eq === -1 ? piece : piece.slice(0, eq);
    const key = unescapeForm(rawKey);
    const value = eq === -1 ? '' : unescapeForm(piece.slice(eq + 1));
    const segments = key === undefined ? undefined : splitKey(key);
    // Checked before anything is inserted, so no part of the tree is ever deeper than the limit.
    if (key !== undefined && segments !== undefined && segments.length - 1 > MAX_FORM_DEPTH) {
      throw overLimit(key, `at most ${MAX_FORM_DEPTH} levels of brackets`);
    }
    const problem =
      key === undefined ? issue([quoted(rawKey)], 'malformed percent-encoding')
      : key === '' ? issue([], 'key cannot be empty')
      : segments === undefined ? issue([quoted(key)], 'malformed brackets in key')
      : value === undefined ? issue(segments.filter((s) => s !== PUSH), 'malformed percent-encoding')
      : insert(root, segments, value);
    if (problem) issues.push(problem);
  }
  if (issues.length > 0) throw new StripeValidationError(issues, 'Invalid form body');
  return root;
}

/** The non-empty `&`-separated pieces; throws once there are more than {@link MAX_FORM_PARAMS}. */
function splitPieces(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (start <= text.length) {
    const end = text.indexOf('&', start);
    const stop = end === -1 ? text.length : end;
    if (stop > start) {
      const piece = text.slice(start, stop);
      if (pieces.length === MAX_FORM_PARAMS) {
        const rawKey = piece.split('=', 1)[0] ?? '';
        throw overLimit(unescapeForm(rawKey) ?? rawKey, `at most ${MAX_FORM_PARAMS} parameters`);
      }
      pieces.push(piece);
    }
    start = stop + 1;
  }
  return pieces;
}

/** A key short enough to read in an error message. */
function quoted(key: string): string {
  return key.length > QUOTED_KEY_LENGTH ? `${key.slice(0, QUOTED_KEY_LENGTH)}…` : key;
}

function overLimit(key: string, rule: string): StripeValidationError {
  return new StripeValidationError([issue([quoted(key)], rule)], 'Invalid form body');
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
  return customIssue(path, rule);
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

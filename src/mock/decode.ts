import type { $ZodType } from 'zod/v4/core';
import { customIssue, StripeValidationError, type ValidationIssue } from '../errors/errors.js';
import { flatIssues, type FlatIssue } from '../validation/issue-text.js';
import { zodIssues } from '../validation/validate.js';
import { decodeForm, parseForm, type FormTree } from '../wire/form-decode.js';
import { shapeBySchema } from '../wire/form-shape.js';
import { invalidParam, MockError } from './envelope.js';
import type { Route } from './routes.js';

/** A request's params after decoding and validation: path ids and the query or body params. */
export interface DecodedInput {
  path: Record<string, string>;
  /** The body for POST, the query string for GET and DELETE (Stripe's convention for both). */
  params: Record<string, unknown>;
}

/**
 * A param path in Stripe's bracket form, as Stripe names params in errors:
 * `['invoice_settings', 'custom_fields', 0, 'name']` is `invoice_settings[custom_fields][0][name]`.
 * @example toStripeParam(['metadata', 'order id']) // 'metadata[order id]'
 */
export function toStripeParam(path: readonly (string | number)[]): string {
  const [first, ...rest] = path;
  return `${String(first ?? '')}${rest.map((segment) => `[${String(segment)}]`).join('')}`;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

type Kind = 'unknown' | 'missing' | 'invalid';

/** What Stripe would call a problem: an unknown param, a missing one, or an invalid value. */
function kindOf(issue: FlatIssue, params: unknown): Kind {
  if (issue.code === 'unrecognized_keys') return 'unknown';
  if (issue.code === 'invalid_type' && valueAt(params, issue.path) === undefined) return 'missing';
  return 'invalid';
}

// Stripe names unknown params first, then missing ones, then invalid values.
const PRIORITY: Record<Kind, number> = { unknown: 0, missing: 1, invalid: 2 };

/**
 * Stripe's 400 for the first problem: `parameter_unknown`, `parameter_missing` or
 * `parameter_invalid`, with the param in bracket form and a message in Stripe's words.
 * @example issueError(zodIssues(schema, { foo: 1 }), { foo: 1 }) // Received unknown parameter: foo
 */
export function issueError(issues: readonly ValidationIssue[], params: unknown): MockError {
  const problems = flatIssues(issues).map((issue) => ({ issue, kind: kindOf(issue, params) }));
  const [first] = problems.sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind]);
  if (!first) return invalidParam('', 'Invalid request.');
  const { issue, kind } = first;
  const param = toStripeParam(issue.path as (string | number)[]);
  if (kind === 'unknown') return invalidParam(param, `Received unknown parameter: ${param}`, 'parameter_unknown');
  if (kind === 'missing') return invalidParam(param, `Missing required param: ${param}.`, 'parameter_missing');
  return invalidParam(param, `Invalid ${param || 'request'}: ${issue.message}.`);
}

/** Validates `value` with `schema` (no schema: the operation takes no params, so any key is unknown). */
function validate(schema: $ZodType | null, value: Record<string, unknown>, alternative?: () => unknown): Record<string, unknown> {
  if (!schema) {
    const keys = Object.keys(value);
    if (keys.length > 0) throw issueError([{ ...customIssue([], 'unknown'), code: 'unrecognized_keys', keys } as never], value);
    return {};
  }
  // The decoded value, not zod's copy: the generated schemas never transform, and zod's record
  // copy assigns keys, so a metadata key named `__proto__` would vanish from it.
  const issues = zodIssues(schema, value);
  if (!issues.length) return value;
  // `shapeBySchema` turns `a[0][x]=...` into a list only when the list is valid, so one bad item
  // inside a union (`invoice_settings[custom_fields]`: a list or '') leaves the whole list
  // unshaped and the error names the list. Read as lists, the same params name the exact item.
  const other = alternative?.();
  const precise = other === undefined ? [] : zodIssues(schema, other);
  const depth = (list: readonly ValidationIssue[]) => flatIssues(list)[0]?.path.length ?? 0;
  if (precise.length && depth(precise) > depth(issues)) throw issueError(precise, other);
  throw issueError(issues, value);
}

/**
 * Objects keyed exactly '0'..'n-1' as lists, everywhere in the tree. It recurses once per level,
 * which `parseForm` keeps within `MAX_FORM_DEPTH`.
 */
function denseLists(tree: FormTree): unknown {
  if (typeof tree === 'string') return tree;
  if (Array.isArray(tree)) return tree.map(denseLists);
  const keys = Object.keys(tree);
  const dense = keys.length > 0 && keys.every((key, i) => key === String(i));
  const entries = keys.map((key) => [key, denseLists(tree[key]!)] as const);
  return dense ? entries.map(([, value]) => value) : Object.fromEntries(entries);
}

/**
 * Decodes the raw form text (body or query string) with the operation's schema and validates path
 * ids and params, throwing Stripe's 400 envelope on the first problem. Malformed form text
 * (`decodeForm` throws {@link StripeValidationError}) is the same 400.
 * @example decodeInput(route, 'email=jenny%40example.com&metadata[app_user_id]=u_42')
 */
export function decodeInput(route: Route, rawParams: string): DecodedInput {
  const { op } = route;
  const schema = op.method === 'post' ? op.bodySchema : op.querySchema;
  let decoded: unknown;
  try {
    decoded = decodeForm(rawParams, schema ?? undefined);
  } catch (error) {
    if (error instanceof StripeValidationError) throw issueError(error.issues, undefined);
    throw error;
  }
  const path = validate(op.pathSchema, route.path) as Record<string, string>;
  const params = validate(schema, decoded as Record<string, unknown>, () =>
    schema ? shapeBySchema(denseLists(parseForm(rawParams)), schema) : undefined,
  );
  return { path, params };
}

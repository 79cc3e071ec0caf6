import type { $ZodType } from 'zod/v4/core';
import { safeParse } from 'zod/v4/core';
import { decodeForm, parseForm, shapeBySchema, StripeValidationError, type FormTree, type ValidationIssue } from '../index.js';
import { toValidationIssues } from '../validation/issues.js';
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

// Stripe names unknown params first, then missing ones, then invalid values.
const PRIORITY: Record<string, number> = { 'unknown parameter': 0, required: 1 };

/**
 * Stripe's 400 for the first issue: `parameter_unknown`, `parameter_missing` or `parameter_invalid`,
 * with the param in bracket form and a message in Stripe's words.
 * @example issueError([{ path: ['foo'], field: 'foo', rule: 'unknown parameter' }]) // Received unknown parameter: foo
 */
export function issueError(issues: readonly ValidationIssue[]): MockError {
  const [first] = [...issues].sort((a, b) => (PRIORITY[a.rule] ?? 2) - (PRIORITY[b.rule] ?? 2));
  if (!first) return invalidParam('', 'Invalid request.');
  const param = toStripeParam(first.path);
  if (first.rule === 'unknown parameter') return invalidParam(param, `Received unknown parameter: ${param}`, 'parameter_unknown');
  if (first.rule === 'required') return invalidParam(param, `Missing required param: ${param}.`, 'parameter_missing');
  return invalidParam(param, `Invalid ${param || 'request'}: ${first.rule}.`);
}

/** Validates `value` with `schema` (no schema: the operation takes no params, so any key is unknown). */
function validate(schema: $ZodType | null, value: Record<string, unknown>, alternative?: () => unknown): Record<string, unknown> {
  if (!schema) {
    const keys = Object.keys(value);
    if (keys.length > 0) throw issueError(keys.map((key) => ({ path: [key], field: key, rule: 'unknown parameter' })));
    return {};
  }
  const result = safeParse(schema, value);
  // The decoded value, not zod's copy: the generated schemas never transform, and zod's record
  // copy assigns keys, so a metadata key named `__proto__` would vanish from it.
  if (result.success) return value;
  let issues = toValidationIssues(result.error.issues, value);
  // `shapeBySchema` turns `a[0][x]=...` into a list only when the list is valid, so one bad item
  // inside a union (`invoice_settings[custom_fields]`: a list or '') leaves the whole list
  // unshaped and the error names the list. Read as lists, the same params name the exact item.
  const other = alternative?.();
  const retry = other === undefined ? undefined : safeParse(schema, other);
  if (retry && !retry.success) {
    const precise = toValidationIssues(retry.error.issues, other);
    if ((precise[0]?.path.length ?? 0) > (issues[0]?.path.length ?? 0)) issues = precise;
  }
  throw issueError(issues);
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
    if (error instanceof StripeValidationError) throw issueError(error.issues);
    throw error;
  }
  const path = validate(op.pathSchema, route.path) as Record<string, string>;
  const params = validate(schema, decoded as Record<string, unknown>, () =>
    schema ? shapeBySchema(denseLists(parseForm(rawParams)), schema) : undefined,
  );
  return { path, params };
}

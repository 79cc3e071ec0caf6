import type { $ZodType } from 'zod/v4/core';
import { issueLines } from '../validation/issue-text.js';
import { zodIssues } from '../validation/validate.js';
import { liveRecord, type Operation } from './operation.js';
import type { OperationSpec } from './routes.js';

// Operations whose objects the mock does not keep (customer-scoped subscriptions, their discounts,
// funding instructions) answer with a value built from the response schema: the smallest valid
// one, then the ids and params the request sent wherever the response has the same field. The
// result is validated before it leaves, so a schema this cannot satisfy is the mock's 500 in a
// test, never a silently wrong answer.

/** The `_zod.def` fields read here (zod and zod/mini share them). */
interface Def {
  type: string;
  shape?: Record<string, $ZodType>;
  options?: readonly $ZodType[];
  innerType?: $ZodType;
  getter?: () => $ZodType;
  in?: $ZodType;
  entries?: Record<string, string | number>;
  values?: readonly unknown[];
  defaultValue?: unknown;
}

const defOf = (schema: $ZodType): Def => schema._zod.def as unknown as Def;

// Required fields only, so recursion ends where a schema stops requiring more; this bounds a
// schema that requires itself.
const MAX_DEPTH = 12;

// Stripe's id prefixes for the objects answered here; any other object uses its own name.
const ID_PREFIXES: Readonly<Record<string, string>> = { subscription: 'sub', discount: 'di', subscription_item: 'si' };

/**
 * The smallest value `schema` accepts: required fields only, `null` where allowed, enums and
 * unions their first option, strings `''`, numbers 0, booleans false, lists and maps empty (so a
 * list object is `{object: 'list', data: [], has_more: false, url: ''}`). A schema type it does
 * not know throws, which the handler answers as a 500.
 * @example minimalValue(DiscountSchema) // { coupon: { id: '', object: 'coupon' }, id: '', object: 'discount', start: 0 }
 */
export function minimalValue(schema: $ZodType, depth = 0): unknown {
  if (depth > MAX_DEPTH) throw new Error('the response schema nests required objects too deeply to synthesize');
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(def.shape ?? {})) {
        if (field._zod.optin !== 'optional') value[key] = minimalValue(field, depth + 1);
      }
      return value;
    }
    case 'optional':
      return undefined;
    case 'nullable':
    case 'null':
      return null;
    case 'union':
      return minimalValue(def.options![0]!, depth + 1);
    case 'array':
      return [];
    case 'record':
      return {};
    case 'literal':
      return def.values![0];
    case 'enum':
      return Object.values(def.entries!)[0];
    case 'string':
      return '';
    case 'number':
    case 'int':
      return 0;
    case 'boolean':
      return false;
    case 'lazy':
      return minimalValue(def.getter!(), depth + 1);
    case 'pipe':
      return minimalValue(def.in!, depth + 1);
    case 'default':
      return def.defaultValue;
    default:
      throw new Error(`the mock cannot synthesize a value for a ${def.type} schema`);
  }
}

/** The fields of the object `schema` describes, through optional, nullable, lazy and the first union option. */
export function objectShape(schema: $ZodType): Record<string, $ZodType> | undefined {
  const def = defOf(schema);
  if (def.type === 'object') return def.shape;
  if (def.type === 'optional' || def.type === 'nullable') return objectShape(def.innerType!);
  if (def.type === 'lazy') return objectShape(def.getter!());
  if (def.type === 'union') return objectShape(def.options![0]!);
  return undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const accepts = (schema: $ZodType, value: unknown): boolean => zodIssues(schema, value).length === 0;

/**
 * Copies each sent param onto `target` where the response has a field of that name and the value
 * is valid for it (`''`, Stripe's "unset", becomes null where null is allowed). Objects merge into
 * objects field by field, so `bank_transfer[type]` lands even though the request's
 * `bank_transfer` has other fields than the response's. Anything else is left as it was.
 * @example overlayParams(subscription, SubscriptionShape, { collection_method: 'send_invoice', items: [...] }) // sets collection_method only
 */
export function overlayParams(target: Record<string, unknown>, shape: Record<string, $ZodType>, sent: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(sent)) {
    const field = Object.hasOwn(shape, key) ? shape[key] : undefined;
    if (!field || value === undefined) continue;
    const current = target[key];
    const inner = objectShape(field);
    if (inner && isPlainObject(value) && isPlainObject(current)) {
      overlayParams(current, inner, value);
      continue;
    }
    const candidate = value === '' && accepts(field, null) ? null : value;
    if (accepts(field, candidate)) target[key] = candidate;
  }
}

/**
 * Which response field a path id fills: `{id}` and a param naming the response's own object
 * (`subscription_exposed_id` on a subscription) are its `id`; any other (`customer`,
 * `subscription_exposed_id` on a discount) is the field named after its resource.
 */
function fieldFor(param: string, object: unknown): string {
  const resource = param.replace(/(_exposed)?_id$/, '');
  return param === 'id' || resource === object ? 'id' : resource;
}

/**
 * An operation answered by synthesis: the customer in the path must exist (else Stripe's 404),
 * and the answer is {@link minimalValue} of the response schema, overlaid with the request's
 * params ({@link overlayParams}) and path ids, a new id when the object has one the path did not
 * give, the list's own `url`, and `created` now. Nothing is stored: a later retrieve synthesizes
 * afresh from what it is sent.
 * @example synthesized(operations.PostCustomersCustomerSubscriptions)
 */
export function synthesized(op: OperationSpec): Operation {
  const schema = op.responseSchema as $ZodType;
  const shape = objectShape(schema) ?? {};
  return (context, { path, params }) => {
    if (path.customer !== undefined) liveRecord(context, path.customer);
    const body = minimalValue(schema) as Record<string, unknown>;
    overlayParams(body, shape, params);
    for (const [param, id] of Object.entries(path)) {
      const field = fieldFor(param, body.object);
      if (Object.hasOwn(shape, field)) body[field] = id;
    }
    if (body.id === '') body.id = context.ids.object(ID_PREFIXES[String(body.object)] ?? String(body.object));
    if (body.object === 'list') body.url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(path[name] ?? ''));
    if (body.created === 0) body.created = context.nowSeconds();
    const issues = zodIssues(schema, body);
    if (issues.length) throw new Error(`its synthesized ${op.id} response is invalid:\n${issueLines(issues)}`);
    return { status: 200, body };
  };
}

import type { Schema } from '../openapi.js';
import {
  extraProperties,
  isNullable,
  mergeObjectParts,
  schemaKind,
  splitTypes,
  type SchemaKind,
} from '../schema-kind.js';
import type { Direction } from '../zod/context.js';

/** What the check emitters ask of the run: the direction, and the const holding a `$ref`'s check. */
export interface CheckContext {
  direction: Direction;
  refIdentifier(ref: string, direction: Direction): string;
}

type CheckEmitter = (schema: Schema, ctx: CheckContext) => string;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** An object key as code; `__proto__` is computed so it stays a plain key, never a prototype. */
function keyCode(key: string): string {
  if (key === '__proto__') return `[${JSON.stringify(key)}]`;
  return IDENTIFIER.test(key) ? key : JSON.stringify(key);
}

/** `{ type, min, max }` when a request schema declares limits (responses get none), else the bare type. */
function limited(type: string, ctx: CheckContext, min: number | undefined, max: number | undefined, extra = ''): string {
  const limits = ctx.direction === 'request' ? [['min', min] as const, ['max', max] as const].filter(([, v]) => v !== undefined) : [];
  if (!limits.length && !extra) return JSON.stringify(type);
  return `{ type: ${JSON.stringify(type)}${extra}${limits.map(([k, v]) => `, ${k}: ${v}`).join('')} }`;
}

const list = (items: readonly string[]): string => `[${items.join(', ')}]`;

/**
 * One emitter per kind, each writing the plain data `src/check.ts` interprets (the `Check` type at
 * the top of generated/checks.ts). The rules are the zod schemas' rules: requests closed and
 * limited, responses open and unlimited.
 */
const EMITTERS: Record<SchemaKind, CheckEmitter> = {
  // A component is read through a function, so cycles and any definition order work.
  ref: (schema, ctx) => `() => ${ctx.refIdentifier(String(schema.$ref), ctx.direction)}`,
  union: (schema, ctx) => {
    const branches = (schema.anyOf ?? schema.oneOf ?? []).map((branch) => emitCheck(branch, ctx));
    return branches.length === 1 ? branches[0]! : `{ anyOf: ${list(branches)} }`;
  },
  allOf: (schema, ctx) => {
    const parts = schema.allOf ?? [];
    if (parts.length === 1) return emitCheck(parts[0]!, ctx);
    const merged = mergeObjectParts(parts);
    return merged ? emitCheck(merged, ctx) : `{ allOf: ${list(parts.map((p) => emitCheck(p, ctx)))} }`;
  },
  enum: (schema, ctx) => {
    const values = (schema.enum ?? []).filter((v) => v !== null);
    if (values.length === 0) return `'never'`;
    const open =
      values.length > 1 &&
      values.every((v) => typeof v === 'string') &&
      (ctx.direction === 'response' || schema['x-stripeBypassValidation'] === true);
    return `{ enum: ${JSON.stringify(values)}${open ? ', open: true' : ''} }`;
  },
  object: (schema, ctx) => {
    const entries = Object.entries(schema.properties ?? {});
    const extraSchema = extraProperties(schema);
    const props = entries.map(([key, prop]) => `${keyCode(key)}: ${emitCheck(prop, ctx)}`);
    const required = (schema.required ?? []).filter((key) => entries.some(([name]) => name === key));
    const parts = [`props: {${props.length ? ` ${props.join(', ')} ` : ''}}`];
    if (required.length) parts.push(`required: ${JSON.stringify(required)}`);
    // Extra keys: checked by their schema when the spec gives one; refused in requests; kept in responses.
    if (extraSchema) parts.push(`extra: ${emitCheck(extraSchema, ctx)}`);
    else if (ctx.direction === 'request') parts.push('extra: false');
    return `{ ${parts.join(', ')} }`;
  },
  array: (schema, ctx) => limited('array', ctx, schema.minItems, schema.maxItems, `, items: ${emitCheck(schema.items ?? {}, ctx)}`),
  string: (schema, ctx) => limited('string', ctx, schema.minLength, schema.maxLength),
  number: (schema, ctx) => limited(schema.type === 'integer' ? 'integer' : 'number', ctx, schema.minimum, schema.maximum),
  boolean: () => `'boolean'`,
  unknown: () => `'unknown'`,
};

/** The check for any schema: its kind's emitter, then `nullable`; a 3.1 multi-type is a union. */
export function emitCheck(schema: Schema, ctx: CheckContext): string {
  const split = splitTypes(schema);
  const inner =
    'multi' in split
      ? `{ anyOf: ${list(split.multi.map((s) => emitCheck(s, ctx)))} }`
      : EMITTERS[schemaKind(split.single)](split.single, ctx);
  return isNullable(schema) ? `{ nullable: ${inner} }` : inner;
}

import type { Schema } from '../openapi.js';
import { emitAllOf } from './all-of.js';
import { emitArray } from './array.js';
import { emitBoolean } from './boolean.js';
import { wrap, type EmitSchema, type Emitter } from './context.js';
import { emitEnum } from './enum.js';
import { emitNumber } from './number.js';
import { emitObject } from './object.js';
import { emitRef } from './ref.js';
import { emitString } from './string.js';
import { emitUnion } from './union.js';
import { emitUnknown } from './unknown.js';

/** The kinds of schema, one emitter each. */
export type SchemaKind = 'ref' | 'union' | 'allOf' | 'enum' | 'object' | 'array' | 'string' | 'number' | 'boolean' | 'unknown';

const EMITTERS: Record<SchemaKind, Emitter> = {
  ref: emitRef,
  union: emitUnion,
  allOf: emitAllOf,
  enum: emitEnum,
  object: emitObject,
  array: emitArray,
  string: emitString,
  number: emitNumber,
  boolean: emitBoolean,
  unknown: emitUnknown,
};

/** The declared types without `null` (OpenAPI 3.1 writes nullability as `type: [x, "null"]`). */
function types(schema: Schema): string[] {
  const list = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  return list.filter((t) => t !== 'null');
}

/** Which emitter handles a schema. */
export function schemaKind(schema: Schema): SchemaKind {
  if (schema.$ref) return 'ref';
  if (schema.anyOf || schema.oneOf) return 'union';
  if (schema.allOf) return 'allOf';
  if (schema.enum) return 'enum';
  const [type] = types(schema);
  if (type === 'object' || (!type && (schema.properties || schema.additionalProperties !== undefined))) return 'object';
  if (type === 'array' || (!type && schema.items)) return 'array';
  if (type === 'string') return 'string';
  if (type === 'integer' || type === 'number') return 'number';
  if (type === 'boolean') return 'boolean';
  return 'unknown';
}

function isNullable(schema: Schema): boolean {
  return (
    schema.nullable === true ||
    (Array.isArray(schema.type) && schema.type.includes('null')) ||
    (schema.enum?.includes(null) ?? false)
  );
}

/**
 * Emits zod code for any schema: picks the emitter for its kind, then applies `nullable`.
 * A 3.1 multi-type (`type: [string, integer]`) becomes a union of one schema per type.
 */
export const emitSchema: EmitSchema = (schema, ctx) => {
  const declared = types(schema);
  // Emitters see one plain `type`: `[integer, "null"]` reaches the number emitter as `integer`.
  const single = declared.length === 1 && Array.isArray(schema.type) ? { ...schema, type: declared[0] } : schema;
  const inner =
    declared.length > 1 && !schema.$ref
      ? emitUnion({ anyOf: declared.map((type) => ({ ...schema, type, nullable: false })) }, ctx, emitSchema)
      : EMITTERS[schemaKind(single)](single, ctx, emitSchema);
  return isNullable(schema) ? wrap('nullable', inner) : inner;
};

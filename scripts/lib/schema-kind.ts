import type { Schema } from './openapi.js';

/** The kinds of schema; each target (zod schemas, client checks) has one emitter per kind. */
export type SchemaKind = 'ref' | 'union' | 'allOf' | 'enum' | 'object' | 'array' | 'string' | 'number' | 'boolean' | 'unknown';

/** The declared types without `null` (OpenAPI 3.1 writes nullability as `type: [x, "null"]`). */
export function declaredTypes(schema: Schema): string[] {
  const list = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  return list.filter((t) => t !== 'null');
}

/** Which emitter handles a schema. */
export function schemaKind(schema: Schema): SchemaKind {
  if (schema.$ref) return 'ref';
  if (schema.anyOf || schema.oneOf) return 'union';
  if (schema.allOf) return 'allOf';
  if (schema.enum) return 'enum';
  const [type] = declaredTypes(schema);
  if (type === 'object' || (!type && (schema.properties || schema.additionalProperties !== undefined))) return 'object';
  if (type === 'array' || (!type && schema.items)) return 'array';
  if (type === 'string') return 'string';
  if (type === 'integer' || type === 'number') return 'number';
  if (type === 'boolean') return 'boolean';
  return 'unknown';
}

/** `nullable: true` (3.0), `type: [x, "null"]` (3.1), or `null` among the enum values. */
export function isNullable(schema: Schema): boolean {
  return (
    schema.nullable === true ||
    (Array.isArray(schema.type) && schema.type.includes('null')) ||
    (schema.enum?.includes(null) ?? false)
  );
}

/**
 * How a schema is emitted, whatever the target: a 3.1 multi-type (`type: [string, integer]`) is
 * a union of one schema per type (`multi`); otherwise emitters see one plain `type`, so
 * `[integer, "null"]` reaches the number emitter as `integer` (`single`).
 */
export function splitTypes(schema: Schema): { multi: Schema[] } | { single: Schema } {
  const declared = declaredTypes(schema);
  if (declared.length > 1 && !schema.$ref) {
    return { multi: declared.map((type) => ({ ...schema, type, nullable: false })) };
  }
  return { single: declared.length === 1 && Array.isArray(schema.type) ? { ...schema, type: declared[0] } : schema };
}

/** The schema an extra-keys rule allows (`additionalProperties: true` allows anything), or none. */
export function extraProperties(schema: Schema): Schema | undefined {
  const extra = schema.additionalProperties;
  return typeof extra === 'object' ? extra : extra === true ? {} : undefined;
}

/**
 * `allOf` parts that are all inline objects, merged into one object (so a request's strictness
 * applies to the union of their properties); `undefined` when any part is something else.
 */
export function mergeObjectParts(parts: readonly Schema[]): Schema | undefined {
  if (!parts.every((p) => !p.$ref && (p.type === 'object' || p.properties))) return undefined;
  const merged: Schema = { type: 'object', properties: {}, required: [] };
  for (const part of parts) {
    Object.assign(merged.properties!, part.properties);
    merged.required!.push(...(part.required ?? []));
  }
  return merged;
}

import { isNullable, schemaKind, splitTypes, type SchemaKind } from '../schema-kind.js';
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

/**
 * Emits zod code for any schema: picks the emitter for its kind, then applies `nullable`.
 * A 3.1 multi-type (`type: [string, integer]`) becomes a union of one schema per type.
 */
export const emitSchema: EmitSchema = (schema, ctx) => {
  const split = splitTypes(schema);
  const inner =
    'multi' in split
      ? emitUnion({ anyOf: split.multi }, ctx, emitSchema)
      : EMITTERS[schemaKind(split.single)](split.single, ctx, emitSchema);
  return isNullable(schema) ? wrap('nullable', inner) : inner;
};

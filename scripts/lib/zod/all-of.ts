import { mergeObjectParts } from '../schema-kind.js';
import { combine, type Emitter } from './context.js';

/**
 * `allOf`. One part is that part; inline object parts merge into one object (so strictness applies
 * to the union of their properties); anything else is an intersection.
 */
export const emitAllOf: Emitter = (schema, ctx, emit) => {
  const parts = schema.allOf ?? [];
  if (parts.length === 1) return emit(parts[0]!, ctx);
  const merged = mergeObjectParts(parts);
  if (merged) return emit(merged, ctx);
  const emitted = parts.map((p) => emit(p, ctx));
  const code = emitted.map((e) => e.code).reduce((left, right) => `z.intersection(${left}, ${right})`);
  return combine(code, emitted);
};

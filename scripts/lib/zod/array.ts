import { combine, limitChecks, type Emitter } from './context.js';

/** `type: array`, with size limits on requests; `items` missing means items of any kind. */
export const emitArray: Emitter = (schema, ctx, emit) => {
  const item = emit(schema.items ?? {}, ctx);
  const limits = limitChecks(ctx, [['minLength', schema.minItems], ['maxLength', schema.maxItems]]);
  return combine(`z.array(${item.code})${limits}`, [item]);
};

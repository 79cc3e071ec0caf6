import { checks, combine, type Emitter } from './context.js';

/** `type: array`; `items` missing means items of any kind. */
export const emitArray: Emitter = (schema, ctx, emit) => {
  const item = emit(schema.items ?? {}, ctx);
  return combine(
    `z.array(${item.code})${checks([
      schema.minItems !== undefined && `z.minLength(${schema.minItems})`,
      schema.maxItems !== undefined && `z.maxLength(${schema.maxItems})`,
    ])}`,
    [item],
  );
};

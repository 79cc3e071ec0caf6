import { checks, leaf, type Emitter } from './context.js';

/**
 * `type: integer` (safe integers, as Stripe's amounts and timestamps are) and `type: number`.
 * Ranges are request rules (a `limit` of 1 to 100); responses are checked for type only.
 */
export const emitNumber: Emitter = (schema, ctx) => {
  const integer = schema.type === 'integer';
  const limits =
    ctx.direction === 'request'
      ? checks([
          schema.minimum !== undefined && `z.minimum(${schema.minimum})`,
          schema.maximum !== undefined && `z.maximum(${schema.maximum})`,
        ])
      : '';
  return leaf(`${integer ? 'z.int()' : 'z.number()'}${limits}`);
};

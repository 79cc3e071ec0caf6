import { checks, leaf, type Emitter } from './context.js';

/**
 * `type: string` without an enum. Length limits are checked on requests only: Stripe writes
 * `maxLength: 5000` on nearly every string, and in a response that is a habit of the spec, not a
 * promise worth failing a call over. Formats are documentation only.
 */
export const emitString: Emitter = (schema, ctx) => {
  const limits =
    ctx.direction === 'request'
      ? checks([
          schema.minLength !== undefined && `z.minLength(${schema.minLength})`,
          schema.maxLength !== undefined && `z.maxLength(${schema.maxLength})`,
        ])
      : '';
  return leaf(`z.string()${limits}`);
};

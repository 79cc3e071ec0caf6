import { leaf, limitChecks, type Emitter } from './context.js';

/**
 * `type: integer` (safe integers, as Stripe's amounts and timestamps are) and `type: number`, with
 * ranges on requests (a `limit` of 1 to 100).
 */
export const emitNumber: Emitter = (schema, ctx) =>
  leaf(
    `${schema.type === 'integer' ? 'z.int()' : 'z.number()'}${limitChecks(ctx, [
      ['minimum', schema.minimum],
      ['maximum', schema.maximum],
    ])}`,
  );

import { leaf, type Emitter } from './context.js';

/**
 * `enum`. A single value is a constant (`object: "customer"`, `deleted: true`) and stays exact, so
 * unions discriminate on it. Several string values are closed in requests, and open in responses and
 * wherever the spec says `x-stripeBypassValidation` (Stripe accepts values beyond the list there):
 * `openEnum` accepts any string and types it as the known values plus `string & {}`.
 */
export const emitEnum: Emitter = (schema, ctx) => {
  const values = (schema.enum ?? []).filter((v) => v !== null);
  if (values.length === 0) return leaf('z.never()');
  const list = values.map((v) => JSON.stringify(v)).join(', ');
  if (values.length === 1) return leaf(`z.literal(${list})`);
  if (!values.every((v) => typeof v === 'string')) return leaf(`z.literal([${list}])`);
  const open = ctx.direction === 'response' || schema['x-stripeBypassValidation'] === true;
  return leaf(open ? `openEnum([${list}])` : `z.enum([${list}])`);
};

import { leaf, limitChecks, type Emitter } from './context.js';

/** `type: string` without an enum; length limits on requests. Formats are documentation only. */
export const emitString: Emitter = (schema, ctx) =>
  leaf(`z.string()${limitChecks(ctx, [['minLength', schema.minLength], ['maxLength', schema.maxLength]])}`);

import type { Emitter } from './context.js';

/** `$ref` to a component: the component's const, read eagerly unless an object puts it in a getter. */
export const emitRef: Emitter = (schema, ctx) => {
  const identifier = ctx.refIdentifier(String(schema.$ref), ctx.direction);
  return { code: identifier, eager: new Set([identifier]) };
};

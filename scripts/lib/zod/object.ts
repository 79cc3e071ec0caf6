import type { Schema } from '../openapi.js';
import { combine, docComment, leaf, wrap, type Emitted, type Emitter } from './context.js';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** An object key as code; `__proto__` is computed so it stays a plain key, never a prototype. */
function keyCode(key: string): string {
  if (key === '__proto__') return `[${JSON.stringify(key)}]`;
  return IDENTIFIER.test(key) ? key : JSON.stringify(key);
}

/**
 * One shape entry, as code and as type. A property that reads another component becomes a getter,
 * which defers the read until zod first needs it: that is how cycles (customer → discount →
 * customer) and any definition order work. The getter is annotated with its type so TypeScript
 * never has to infer a type through the cycle.
 */
function property(key: string, value: Emitted, description: string | undefined): { code: string; type: string } {
  const name = keyCode(key);
  const code = value.eager.size
    ? `get ${name}(): ${value.type} { return ${value.code}; }`
    : `${name}: ${value.code}`;
  return { code: `${docComment(description)}${code}`, type: `${name}: ${value.type}` };
}

/**
 * `type: object`. Requests are `z.strictObject` (an unknown param is an error, as Stripe says
 * "Received unknown parameter"); responses are `z.looseObject` (unknown fields are kept). A string
 * map (`additionalProperties` with no `properties`) is a `z.record`.
 */
export const emitObject: Emitter = (schema, ctx, emit) => {
  const entries = Object.entries(schema.properties ?? {});
  const extra = schema.additionalProperties;
  const extraSchema: Schema | undefined = typeof extra === 'object' ? extra : extra === true ? {} : undefined;
  if (entries.length === 0 && extra !== false) {
    const value = emit(extraSchema ?? {}, ctx);
    return combine(
      `z.record(z.string(), ${value.code})`,
      `z.ZodMiniRecord<z.ZodMiniString<string>, ${value.type}>`,
      [value],
    );
  }
  const required = new Set(schema.required ?? []);
  const shape = entries.map(([key, prop]) => {
    const value = emit(prop, ctx);
    return property(key, required.has(key) ? value : wrap('optional', value), prop.description);
  });
  const code = `{\n${shape.map((p) => p.code).join(',\n')}\n}`;
  const type = `{ ${shape.map((p) => p.type).join('; ')} }`;
  if (extraSchema && entries.length) {
    const value = emit(extraSchema, ctx);
    return combine(
      `z.catchall(z.object(${code}), ${value.code})`,
      `z.ZodMiniObject<${type}, z.core.$catchall<${value.type}>>`,
      [value],
    );
  }
  const mode = ctx.direction === 'request' ? 'strict' : 'loose';
  return leaf(`z.${mode}Object(${code})`, `z.ZodMiniObject<${type}, z.core.$${mode}>`);
};

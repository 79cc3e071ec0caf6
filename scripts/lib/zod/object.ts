import { extraProperties } from '../schema-kind.js';
import { combine, docComment, leaf, wrap, type Emitted, type Emitter } from './context.js';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** An object key as code; `__proto__` is computed so it stays a plain key, never a prototype. */
function keyCode(key: string): string {
  if (key === '__proto__') return `[${JSON.stringify(key)}]`;
  return IDENTIFIER.test(key) ? key : JSON.stringify(key);
}

/**
 * One shape entry. A property that reads another component becomes a getter, which defers the read
 * until zod first needs it: that is how cycles (customer → discount → customer) and any definition
 * order work. (TypeScript follows the cycle because every component const is declared with its type.)
 */
function property(key: string, value: Emitted, description: string | undefined): string {
  const code = value.eager.size ? `get ${keyCode(key)}() { return ${value.code}; }` : `${keyCode(key)}: ${value.code}`;
  return `${docComment(description)}${code}`;
}

/**
 * `type: object`. Requests are `z.strictObject` (an unknown param is an error, as Stripe says
 * "Received unknown parameter"); responses are `z.looseObject` (unknown fields are kept). A string
 * map (`additionalProperties` with no `properties`) is a `z.record`.
 */
export const emitObject: Emitter = (schema, ctx, emit) => {
  const entries = Object.entries(schema.properties ?? {});
  const extraSchema = extraProperties(schema);
  if (entries.length === 0 && extraSchema) {
    const value = emit(extraSchema, ctx);
    return combine(`z.record(z.string(), ${value.code})`, [value]);
  }
  // An object with no properties at all (Stripe has many, `card_present: {}` say): in a response it
  // may gain fields later, so anything is kept; in a request only `{}` fits, as openapi-typescript
  // types it (`Record<string, never>`).
  if (entries.length === 0 && ctx.direction === 'response') return leaf('z.record(z.string(), z.unknown())');
  const required = new Set(schema.required ?? []);
  const shape = entries.map(([key, prop]) => {
    const value = emit(prop, ctx);
    return property(key, required.has(key) ? value : wrap('optional', value), prop.description);
  });
  const body = `{\n${shape.join(',\n')}\n}`;
  if (extraSchema && entries.length) {
    const value = emit(extraSchema, ctx);
    return combine(`z.catchall(z.object(${body}), ${value.code})`, [value]);
  }
  return leaf(`${ctx.direction === 'request' ? 'z.strictObject' : 'z.looseObject'}(${body})`);
};

import type { Schema } from '../openapi.js';

/**
 * Which way data flows through a schema. Requests are closed (an unknown param or enum value is a
 * mistake we catch before Stripe does); responses are open (a field or enum value Stripe adds later
 * must not break anyone).
 */
export type Direction = 'request' | 'response';

/** What an emitter returns: zod code, and the component consts that code reads at module load. */
export interface Emitted {
  code: string;
  /** Identifiers referenced outside a getter; the file emitter defines these first. */
  eager: ReadonlySet<string>;
}

/** What every emitter may ask of the run it is part of. */
export interface EmitContext {
  direction: Direction;
  /** The identifier of the zod const for a `$ref`, registering that component for emission. */
  refIdentifier(ref: string, direction: Direction): string;
}

/** Emits any schema; passed to each emitter so emitters stay independent of each other. */
export type EmitSchema = (schema: Schema, ctx: EmitContext) => Emitted;

/** One emitter per schema kind. */
export type Emitter = (schema: Schema, ctx: EmitContext, emit: EmitSchema) => Emitted;

const NONE: ReadonlySet<string> = new Set();

/** A leaf: code that reads no component. */
export function leaf(code: string): Emitted {
  return { code, eager: NONE };
}

/** Code built from parts: their eager references carry over. */
export function combine(code: string, parts: readonly Emitted[]): Emitted {
  const eager = new Set<string>();
  for (const part of parts) for (const name of part.eager) eager.add(name);
  return { code, eager };
}

/** Wraps an emitted schema in `z.<wrapper>(...)`, as `z.nullable` and `z.optional` do. */
export function wrap(wrapper: 'nullable' | 'optional', inner: Emitted): Emitted {
  return combine(`z.${wrapper}(${inner.code})`, [inner]);
}

/**
 * The `.check(...)` suffix for the limits a schema declares (`[zodCheck, value]` pairs), or nothing.
 * Limits are request rules: Stripe writes `maxLength: 5000` on nearly every string, and in a response
 * that is a habit of the spec, not a promise worth failing a call over. Responses get no limits.
 */
export function limitChecks(ctx: EmitContext, limits: readonly (readonly [string, number | undefined])[]): string {
  if (ctx.direction === 'response') return '';
  const present = limits.filter(([, value]) => value !== undefined).map(([check, value]) => `z.${check}(${value})`);
  return present.length ? `.check(${present.join(', ')})` : '';
}

/** A JSDoc block for a description, safe to place in generated code. */
export function docComment(text: string | undefined): string {
  if (!text?.trim()) return '';
  const body = text.trim().replace(/\*\//g, '*\\/').split('\n').map((line) => ` * ${line}`.trimEnd());
  return `/**\n${body.join('\n')}\n */\n`;
}

import type { Schema } from './openapi.js';
import { walkDocument } from './spec-kinds.js';

type Node = Schema & { const?: unknown };

/** `{ type: 'null' }` (3.1) or `{ enum: [null] }`: a schema only `null` fits. */
export function isNullOnly(schema: Node): boolean {
  const keys = Object.keys(schema).filter((k) => k !== 'description' && k !== 'title');
  const type = Array.isArray(schema.type) && schema.type.length === 1 ? schema.type[0] : schema.type;
  if (keys.length === 1 && keys[0] === 'type') return type === 'null';
  return keys.length === 1 && keys[0] === 'enum' && schema.enum?.length === 1 && schema.enum[0] === null;
}

/**
 * One schema node in the forms every emitter reads (its subschemas are normalized on their own):
 * OpenAPI 3.1's `const: x` is `enum: [x]`; `type: 'null'` is `enum: [null]`; a `null` branch of
 * `anyOf`/`oneOf` (`anyOf: [{ $ref }, { type: 'null' }]`, 3.1's way to make a reference nullable)
 * is dropped and the union made `nullable`. Anything else is returned as it is, the same object.
 * @example normalizeSchema({ const: 'customer' }) // { enum: ['customer'] }
 */
export function normalizeSchema(schema: Node): Node {
  let out = schema;
  if ('const' in out) {
    const { const: value, ...rest } = out;
    out = { ...rest, enum: [value] };
  }
  if (out.type === 'null' || (Array.isArray(out.type) && out.type.length === 1 && out.type[0] === 'null')) {
    const { type: _null, ...rest } = out;
    out = { ...rest, enum: [null] };
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = out[key];
    if (!branches || !branches.some((b) => isNullOnly(b as Node))) continue;
    out = { ...out, [key]: branches.filter((b) => !isNullOnly(b as Node)), nullable: true };
  }
  return out;
}

/**
 * Applies {@link normalizeSchema} to every schema of a bundled document, in place (the document is
 * the bundler's own copy). A document with none of these forms, as Stripe's, is left as it was.
 */
export function normalizeDocument(doc: unknown): void {
  walkDocument(doc, (node, kind) => {
    if (kind !== 'schema') return;
    const normal = normalizeSchema(node as Node);
    if (normal === node) return;
    for (const key of Object.keys(node)) if (!(key in normal)) delete node[key];
    Object.assign(node, normal);
  });
}

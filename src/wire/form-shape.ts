import type { $ZodType } from 'zod/v4/core';
import { safeParse } from 'zod/v4/core';
import { writeOwn } from './own-property.js';

// A parsed form knows only strings, objects and pushed arrays; the operation's schema knows which
// objects are lists, which strings are numbers or booleans, and which union branch a value is for.

/** The `_zod.def` fields this file reads, for every def type it handles. */
interface SchemaDef {
  type: string;
  shape?: Record<string, $ZodType>; // object, with catchall
  catchall?: $ZodType;
  valueType?: $ZodType; // record
  element?: $ZodType; // array
  options?: readonly $ZodType[]; // union
  innerType?: $ZodType; // optional, nullable, default, readonly, nonoptional, prefault, catch
  getter?: () => $ZodType; // lazy
  in?: $ZodType; // pipe
}

/**
 * Gives a parsed tree the types the schema expects, since the wire only carries strings:
 * index-keyed objects (`{0: 'a', 1: 'b'}`) become arrays, `'12'` a number, `'true'` a boolean,
 * `'9007199254740993'` a bigint, each only where the schema asks for that type. `''` is kept
 * everywhere, since it is Stripe's "unset". For a union, the first option that accepts its shaped
 * value wins; when none does, the tree is returned as is, for validation to report. Keys the schema
 * does not know are left alone, so a strict schema can reject them. Never throws on bad input.
 * Works for `zod` and `zod/mini` schemas alike (it reads `schema._zod.def`). It recurses only where
 * both the schema and the tree go on, so its depth is bounded by the tree's, which `parseForm`
 * keeps within `MAX_FORM_DEPTH`.
 */
export function shapeBySchema(tree: unknown, schema: $ZodType): unknown {
  const def = schema._zod.def as unknown as SchemaDef;
  switch (def.type) {
    case 'optional': case 'nullable': case 'default': case 'readonly':
    case 'nonoptional': case 'prefault': case 'catch':
      return def.innerType ? shapeBySchema(tree, def.innerType) : tree;
    case 'lazy': return def.getter ? shapeBySchema(tree, def.getter()) : tree;
    case 'pipe': return def.in ? shapeBySchema(tree, def.in) : tree;
    case 'object':
      return shapeEntries(tree, (key) => (def.shape && Object.hasOwn(def.shape, key) ? def.shape[key] : def.catchall));
    case 'record': return shapeEntries(tree, () => def.valueType);
    case 'array': {
      const items = asArray(tree);
      const element = def.element;
      return items && element ? items.map((item) => shapeBySchema(item, element)) : tree;
    }
    case 'union':
      for (const option of def.options ?? []) {
        const shaped = shapeBySchema(tree, option);
        if (accepts(option, shaped)) return shaped;
      }
      return tree;
    case 'number': case 'int':
      // Exactly what String(n) writes, or a plain decimal such as '1.50'; '' and '0x10' stay text.
      return typeof tree === 'string' && (String(Number(tree)) === tree || /^-?\d+(\.\d+)?$/.test(tree)) ? Number(tree) : tree;
    case 'bigint': return typeof tree === 'string' && /^-?\d+$/.test(tree) ? BigInt(tree) : tree;
    case 'boolean': return tree === 'true' ? true : tree === 'false' ? false : tree;
    default: return tree;
  }
}

/** Shapes each own entry of an object with the schema `schemaFor` names; others pass through. */
function shapeEntries(tree: unknown, schemaFor: (key: string) => $ZodType | undefined): unknown {
  if (typeof tree !== 'object' || tree === null || Array.isArray(tree)) return tree;
  const source = tree as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    const schema = schemaFor(key);
    writeOwn(out, key, schema ? shapeBySchema(source[key], schema) : source[key]);
  }
  return out;
}

/** Arrays as they are; objects whose keys are exactly '0'..'n-1' (n >= 1) as arrays; else undefined. */
function asArray(tree: unknown): unknown[] | undefined {
  if (Array.isArray(tree)) return tree;
  if (typeof tree !== 'object' || tree === null) return undefined;
  // Object.keys lists integer-like keys first, ascending, so a dense list reads as '0', '1', ...
  const keys = Object.keys(tree);
  if (keys.length === 0 || keys.some((key, i) => key !== String(i))) return undefined;
  return keys.map((key) => (tree as Record<string, unknown>)[key]);
}

/** Whether a union option takes the value. Async refinements throw in a sync parse: then it cannot. */
function accepts(schema: $ZodType, value: unknown): boolean {
  try {
    return safeParse(schema, value).success;
  } catch {
    return false;
  }
}

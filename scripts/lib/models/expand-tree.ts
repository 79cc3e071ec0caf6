import { schemaRefName, type Document, type Schema } from '../openapi.js';

/**
 * What follows a field in an expand tree: `0` nothing (the path ends there), `1` anything (the
 * depth limit is reached and Stripe checks the rest), or the fields one level down.
 */
export type ExpandNode = 0 | 1 | ExpandTree;

/**
 * The paths an operation's `expand` may name, as a tree of field names. A field that is itself a
 * path maps to its {@link ExpandNode}; a field that paths only pass through (a value object such as
 * `invoice_settings`, the `data` of a page) maps to it in a one-element array:
 * `{ default_source: { customer: 1 }, invoice_settings: [{ default_payment_method: 1 }] }`.
 */
export type ExpandTree = { [field: string]: ExpandNode | [ExpandNode] };

/**
 * How many fields deep a path is checked: `invoice_settings.default_payment_method` and
 * `default_source.customer` are two. The `data` of a page of results (`data.default_source`,
 * `sources.data.customer`) does not count. Deeper paths are allowed where the field at the limit
 * can expand further, and Stripe checks them (it allows four levels). Two keeps the checked paths
 * of an operation to at most a few hundred (three would be several thousand).
 */
export const EXPAND_DEPTH = 2;

/**
 * Fields Stripe includes only when `expand` names them (its API reference says "not included by
 * default" for each) that the spec does not mark as such, by the object they belong to (its
 * `object` value): a customer's `invoice_credit_balance` and `tax`, a page of search results'
 * `total_count`. Pages, expandable ids and optional API resources need no entry here.
 */
export const INCLUDED_ON_REQUEST: Readonly<Record<string, readonly string[]>> = {
  customer: ['invoice_credit_balance', 'tax'],
  search_result: ['total_count'],
};

/** The fields of an object paths may go through: its `x-expandableFields` and any {@link INCLUDED_ON_REQUEST}. */
function expandableFields(object: Schema): string[] {
  const listed = (object['x-expandableFields'] as string[] | undefined) ?? [];
  const kind = object.properties?.['object']?.enum;
  const extra = kind?.length === 1 ? (INCLUDED_ON_REQUEST[String(kind[0])] ?? []) : [];
  return [...listed, ...extra.filter((field) => object.properties?.[field] && !listed.includes(field))];
}

/** The object schemas a value may be: `$ref`s followed, unions (named ones too) opened up. */
export function objectAlternatives(doc: Document, schema: Schema, seen: ReadonlySet<string> = new Set()): Schema[] {
  if (schema.$ref) {
    const name = schemaRefName(schema.$ref);
    const target = doc.components?.schemas?.[name];
    if (!target || seen.has(name)) return [];
    return objectAlternatives(doc, target, new Set([...seen, name]));
  }
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return alternatives.flatMap((alt) => objectAlternatives(doc, alt, seen));
  return schema.properties || schema['x-expandableFields'] ? [schema] : [];
}

/** Whether an object is a page of results, whose `data` items expand without counting a level. */
function isPage(schema: Schema): boolean {
  const object = schema.properties?.['object']?.enum;
  return object?.length === 1 && (object[0] === 'list' || object[0] === 'search_result') && !!schema.properties?.['data']?.items;
}

/** A node as whether its field is a path itself, and what follows it. */
function split(node: ExpandNode | [ExpandNode]): { path: boolean; below: ExpandNode } {
  return Array.isArray(node) ? { path: false, below: node[0] } : { path: true, below: node };
}

function mergeBelow(a: ExpandNode, b: ExpandNode): ExpandNode {
  if (a === 0) return b;
  if (b === 0) return a;
  return a === 1 || b === 1 ? 1 : mergeTrees(a, b);
}

/** The fields of a tree in name order, so output does not depend on the order unions list objects. */
function sorted(tree: ExpandTree): ExpandTree {
  return Object.fromEntries(Object.entries(tree).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Two trees as one: every path either allows. */
export function mergeTrees(a: ExpandTree, b: ExpandTree): ExpandTree {
  const merged: ExpandTree = { ...a };
  for (const [field, node] of Object.entries(b)) {
    const have = merged[field];
    if (have === undefined) {
      merged[field] = node;
      continue;
    }
    const x = split(have);
    const y = split(node);
    const below = mergeBelow(x.below, y.below);
    merged[field] = x.path || y.path ? below : [below];
  }
  return sorted(merged);
}

/** The value a field holds, an array's items standing for the array (Stripe expands each item). */
function valueOf(schema: Schema): Schema {
  return schema.items ?? schema;
}

/** An id, or the object when expanded: a union of a string and objects (`default_source`, `customer`). */
function isIdOrObject(doc: Document, value: Schema): boolean {
  const alternatives = value.anyOf ?? value.oneOf ?? [];
  const id = alternatives.some((alt) => !alt.$ref && alt.type === 'string' && !alt.enum);
  return id && objectAlternatives(doc, value).length > 0;
}

/**
 * Whether `expand` may name `field` of `object` itself: an id that expands to its object, a page of
 * results (`tax_ids`, which Stripe includes only on request), an API resource the object need not
 * carry (`cash_balance`, `discount`), or a field {@link INCLUDED_ON_REQUEST}. A value object
 * (`address`, `invoice_settings`) is always there and is not expanded; paths only pass through it.
 */
function isExpandable(doc: Document, object: Schema, field: string, value: Schema): boolean {
  const kind = object.properties?.['object']?.enum;
  if (kind?.length === 1 && INCLUDED_ON_REQUEST[String(kind[0])]?.includes(field)) return true;
  if (isIdOrObject(doc, value)) return true;
  const targets = objectAlternatives(doc, value);
  if (targets.some(isPage)) return true;
  const resource = targets.length > 0 && targets.every((t) => t['x-resourceId'] !== undefined);
  return resource && !(object.required ?? []).includes(field);
}

/** Whether any path goes on below a value, through at most `hops` value objects. */
function expandsBelow(doc: Document, value: Schema, hops = 3): boolean {
  return objectAlternatives(doc, value).some((object) =>
    expandableFields(object).some((field) => {
      const inner = object.properties?.[field];
      if (!inner) return false;
      return isExpandable(doc, object, field, valueOf(inner)) || (hops > 1 && expandsBelow(doc, valueOf(inner), hops - 1));
    }),
  );
}

/**
 * The expand tree of a response schema, `levels` fields deep, from the spec: each object's
 * `x-expandableFields` (every field that holds an object) and the fields {@link INCLUDED_ON_REQUEST},
 * each a path when {@link isExpandable}, a way through when a path goes on below it, and left out
 * otherwise (`address`: nothing there expands).
 */
export function expandTree(doc: Document, schema: Schema | undefined, levels = EXPAND_DEPTH): ExpandTree {
  if (!schema || levels <= 0) return {};
  // A schema is reached more than once (through several unions, or pages of it); its tree at a
  // depth is worked out once.
  const known = TREES.get(schema)?.get(levels);
  if (known) return known;
  const tree = buildTree(doc, schema, levels);
  TREES.set(schema, (TREES.get(schema) ?? new Map()).set(levels, tree));
  return tree;
}

/** Trees already built, by the schema object and the depth (a spec's schema objects do not change). */
const TREES = new WeakMap<Schema, Map<number, ExpandTree>>();

function buildTree(doc: Document, schema: Schema, levels: number): ExpandTree {
  let tree: ExpandTree = {};
  for (const object of objectAlternatives(doc, schema)) {
    const own: ExpandTree = {};
    for (const field of expandableFields(object)) {
      const value = object.properties?.[field];
      if (!value) continue;
      if (field === 'data' && isPage(object)) {
        const items = expandTree(doc, value.items, levels);
        if (Object.keys(items).length) own[field] = [items];
        continue;
      }
      const inner = valueOf(value);
      const deeper = levels > 1 ? expandTree(doc, inner, levels - 1) : {};
      const below: ExpandNode = Object.keys(deeper).length ? deeper : levels === 1 && expandsBelow(doc, inner) ? 1 : 0;
      if (isExpandable(doc, object, field, inner)) own[field] = below;
      else if (below !== 0) own[field] = [below];
    }
    tree = mergeTrees(tree, own);
  }
  return sorted(tree);
}

/** Every path a tree allows, sorted; where paths go on unchecked, `.*` follows the field. */
export function expandPaths(tree: ExpandTree, prefix = ''): string[] {
  const paths: string[] = [];
  for (const [field, node] of Object.entries(tree)) {
    const { path, below } = split(node);
    const here = `${prefix}${field}`;
    if (path) paths.push(here);
    if (below === 1) paths.push(`${here}.*`);
    else if (below !== 0) paths.push(...expandPaths(below, `${here}.`));
  }
  return paths.sort();
}

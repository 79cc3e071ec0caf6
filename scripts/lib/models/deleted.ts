import { schemaRefName, type Document, type Schema } from '../openapi.js';
import { forEachSubschema } from '../reach.js';

/** Whether a component is the stub Stripe returns for a deleted object (`deleted: true`). */
function isDeletedStub(doc: Document, name: string): boolean {
  const deleted = doc.components?.schemas?.[name]?.properties?.['deleted'];
  return deleted?.enum?.length === 1 && deleted.enum[0] === true;
}

/** Whether a component is an object with fields of its own and no `deleted` among them. */
function isLiveObject(doc: Document, name: string): boolean {
  const props = doc.components?.schemas?.[name]?.properties;
  return props !== undefined && Object.keys(props).length > 0 && !('deleted' in props);
}

/** The components a union of `alternatives` may be, unions of components (`payment_source`) opened up. */
function unionMembers(doc: Document, alternatives: readonly Schema[], seen = new Set<string>()): string[] {
  return alternatives.flatMap((alt) => {
    if (!alt.$ref) return [];
    const name = schemaRefName(alt.$ref);
    if (seen.has(name)) return [];
    seen.add(name);
    const target = doc.components?.schemas?.[name];
    const inner = target?.anyOf ?? target?.oneOf;
    return inner && !target?.properties ? unionMembers(doc, inner, seen) : [name];
  });
}

/**
 * The components whose model declares `deleted?: never`, so that `if (x.deleted)` narrows the way
 * stripe-node's types do: every live object with a deleted stub of its own (`customer` beside
 * `deleted_customer`), and every live object that a union puts beside a deleted stub (a payment
 * source beside a deleted card), since reading `deleted` on a union needs it on each member.
 * `components` are the ones the models cover; `roots` the operation responses, which hold unions too.
 */
export function deletedMarkers(doc: Document, components: ReadonlySet<string>, roots: readonly Schema[] = []): Set<string> {
  const marked = new Set<string>();
  for (const name of components) {
    if (components.has(`deleted_${name}`) && isDeletedStub(doc, `deleted_${name}`) && isLiveObject(doc, name)) marked.add(name);
  }
  const visit = (schema: Schema): void => {
    const alternatives = schema.anyOf ?? schema.oneOf;
    if (alternatives) {
      const members = unionMembers(doc, alternatives);
      if (members.some((m) => isDeletedStub(doc, m))) {
        for (const m of members) if (components.has(m) && isLiveObject(doc, m)) marked.add(m);
      }
    }
    forEachSubschema(schema, visit);
  };
  for (const name of components) visit(doc.components!.schemas![name]!);
  roots.forEach(visit);
  return marked;
}

import { resolveLocal, schemaRefName, type Document, type Schema } from './openapi.js';
import type { OperationInfo } from './select.js';

/** Calls `visit` for every schema nested in `schema` through the standard keywords (not `x-*`). */
export function forEachSubschema(schema: Schema, visit: (sub: Schema) => void): void {
  for (const sub of Object.values(schema.properties ?? {})) visit(sub);
  if (schema.items) visit(schema.items);
  if (typeof schema.additionalProperties === 'object') visit(schema.additionalProperties);
  for (const sub of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) visit(sub);
}

/** The schemas an operation starts from: parameters, body, success and error responses. */
export function operationSchemas(op: OperationInfo): Schema[] {
  return [
    ...[...op.pathParams, ...op.queryParams].flatMap((p) => (p.schema ? [p.schema] : [])),
    ...(op.body ? [op.body] : []),
    ...(op.response ? [op.response] : []),
    ...(op.errorResponse ? [op.errorResponse] : []),
  ];
}

/**
 * The component schemas reachable from `roots`, following `$ref`s through cycles. Vendor extensions
 * such as Stripe's `x-expansionResources` are not followed: they repeat refs the schema already has.
 */
export function reachableComponents(doc: Document, roots: readonly Schema[]): Set<string> {
  const reached = new Set<string>();
  const walk = (schema: Schema): void => {
    if (schema.$ref) {
      const name = schemaRefName(schema.$ref);
      if (reached.has(name)) return;
      reached.add(name);
      const target = doc.components?.schemas?.[name];
      if (!target) throw new Error(`$ref "${schema.$ref}" points at a schema the spec does not define`);
      walk(target);
      return;
    }
    forEachSubschema(schema, walk);
  };
  roots.forEach(walk);
  return reached;
}

/**
 * A copy of the document with only the chosen operations and the schemas they reach, non-schema
 * `$ref`s inlined, so openapi-typescript emits types for exactly what the zod emitter covers.
 */
export function pruneDocument(doc: Document, ops: readonly OperationInfo[], reached: ReadonlySet<string>): Document {
  const paths: Document['paths'] = {};
  for (const op of ops) {
    const source = doc.paths[op.path]!;
    const item = (paths[op.path] ??= {});
    if (source.parameters) item.parameters = source.parameters.map((p) => resolveLocal(doc, p));
    const operation = source[op.method]!;
    item[op.method] = {
      ...operation,
      ...(operation.parameters && { parameters: operation.parameters.map((p) => resolveLocal(doc, p)) }),
      ...(operation.requestBody && { requestBody: resolveLocal(doc, operation.requestBody) }),
      ...(operation.responses && {
        responses: Object.fromEntries(
          Object.entries(operation.responses).map(([code, r]) => [code, resolveLocal(doc, r)]),
        ),
      }),
    };
  }
  const schemas = Object.fromEntries(
    [...reached].sort().map((name) => [name, doc.components!.schemas![name]!] as const),
  );
  const securitySchemes = doc.components?.securitySchemes;
  return {
    openapi: doc.openapi,
    info: doc.info,
    ...(doc.servers !== undefined && { servers: doc.servers }),
    ...(doc.security !== undefined && { security: doc.security }),
    paths,
    components: { schemas, ...(securitySchemes !== undefined && { securitySchemes }) },
  };
}

/**
 * The components that runtime validation checks in full, and those it checks shallowly. Types stay
 * full depth everywhere; only the zod schemas are cut. An API resource (a component Stripe marks
 * with `x-resourceId`: a price, an invoice, an account) that no operation returns is far from the
 * resource being generated: it appears only when a caller expands it, and a response is checked
 * for its `id` and `object` there, not for every field. Everything an operation returns, and every
 * value object (an address, settings) on the way, is checked in full. A spec without `x-resourceId`
 * is checked in full throughout.
 */
export function runtimeComponents(doc: Document, ops: readonly OperationInfo[]): { full: Set<string>; shallow: Set<string> } {
  const returned = new Set<string>();
  const collect = (schema: Schema | undefined): void => {
    if (!schema) return;
    if (schema.$ref) {
      const name = schemaRefName(schema.$ref);
      if (returned.has(name)) return;
      returned.add(name);
      const target = doc.components?.schemas?.[name];
      // A union of resources (a payment source) returns each member.
      if (target && !target['x-resourceId']) collect(target);
      return;
    }
    for (const sub of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) collect(sub);
    collect(schema.properties?.['data']?.items);
  };
  for (const op of ops) collect(op.response);
  const full = new Set<string>();
  const shallow = new Set<string>();
  const walk = (schema: Schema): void => {
    if (!schema.$ref) return forEachSubschema(schema, walk);
    const name = schemaRefName(schema.$ref);
    const target = doc.components?.schemas?.[name];
    if (!target) throw new Error(`$ref "${schema.$ref}" points at a schema the spec does not define`);
    if (target['x-resourceId'] && !returned.has(name)) {
      shallow.add(name);
      return;
    }
    if (full.has(name)) return;
    full.add(name);
    walk(target);
  };
  ops.flatMap(operationSchemas).forEach(walk);
  return { full, shallow };
}

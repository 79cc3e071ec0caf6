import type { OperationSchemaNames } from './emit-schemas-file.js';
import { expandTreeConsts } from './models/expand-code.js';
import { expandTree } from './models/expand-tree.js';
import { apiName } from './names.js';
import type { Document } from './openapi.js';
import type { OperationInfo } from './select.js';
import { docComment } from './zod/context.js';

/**
 * Writes `operations.ts`: the operation table the client runs on. Each entry names its method, path
 * template, path parameters, the zod schemas for path, query, body, response and error, the body's
 * media type when it is not form-encoded (`bodyMediaType: "application/json"`), and the tree of
 * paths its `expand` may name (`expandTree`, written by `expandTreeConsts`).
 */
export function emitOperationsFile(
  doc: Document,
  ops: readonly OperationInfo[],
  names: ReadonlyMap<string, OperationSchemaNames>,
  sha256: string,
): string {
  const used = new Set<string>();
  // `X as typeof X` makes tsc's declaration output name each schema instead of printing its type out
  // in full, which for Stripe's whole customer surface passes the length tsc will serialize (TS7056).
  const ref = (identifier: string | null): string => {
    if (!identifier) return 'null';
    used.add(identifier);
    return `${identifier} as typeof ${identifier}`;
  };
  const trees = expandTreeConsts(ops.map((op) => ({ id: op.id, tree: expandTree(doc, op.response) })));
  const expandable = (op: OperationInfo): string => {
    const identifier = trees.byOperation.get(op.id)!;
    return `${identifier} as typeof ${identifier}`;
  };
  const entries = ops.map((op) => {
    const n = names.get(op.id)!;
    const fields = [
      `id: ${JSON.stringify(op.id)}`,
      `method: ${JSON.stringify(op.method)}`,
      `path: ${JSON.stringify(op.path)}`,
      `pathParams: [${op.pathParams.map((p) => JSON.stringify(p.name)).join(', ')}]`,
      ...(Object.keys(op.reservedIds).length ? [`reservedIds: ${JSON.stringify(op.reservedIds)}`] : []),
      `pathSchema: ${ref(n.path)}`,
      `querySchema: ${ref(n.query)}`,
      `bodySchema: ${ref(n.body)}`,
      // Absent means Stripe's form encoding, so a Stripe table reads as it always has.
      ...(op.bodyMediaType ? [`bodyMediaType: ${JSON.stringify(op.bodyMediaType)}`] : []),
      `responseSchema: ${ref(n.response)}`,
      `errorSchema: ${ref(n.error)}`,
      `expandable: ${expandable(op)}`,
    ];
    return `${docComment(op.summary ?? op.description)}${JSON.stringify(op.id)}: {\n${fields.join(',\n')},\n}`;
  });
  const spec = {
    title: doc.info.title,
    version: doc.info.version,
    sha256,
  };
  return [
    `import { ${[...used].sort().join(', ')} } from './schemas.js';`,
    ...trees.consts,
    `/** The spec this code was generated from. \`version\` is the ${apiName(doc.info.title)} API version it describes. */\nexport const specInfo = ${JSON.stringify(spec)} as const;`,
    `/** Every generated operation, by operationId. */\nexport const operations = {\n${entries.join(',\n')},\n} as const;`,
    `/** The operationIds this build knows. */\nexport type OperationId = keyof typeof operations;`,
  ].join('\n\n');
}

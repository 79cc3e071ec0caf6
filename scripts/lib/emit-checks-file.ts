import { emitCheck, type CheckContext } from './checks/emit-check.js';
import { componentIdentifier, pascalCase } from './names.js';
import { schemaRefName, type Document } from './openapi.js';
import { parametersObject, type OperationInfo } from './select.js';
import type { Direction } from './zod/context.js';
import { docComment } from './zod/context.js';

const CHECK_TYPES = `/**
 * How the client checks a value, as plain data that \`src/check.ts\` interprets: the same rules as the
 * zod schemas in schemas.ts, without zod's runtime, so an app's bundle carries only the data.
 * - \`'string' | 'integer' | 'number' | 'boolean'\`: that type (integers are safe integers);
 *   \`'unknown'\` is anything, \`'never'\` nothing.
 * - \`{ type, min?, max? }\`: a string (length), number (value) or array (\`items\`, count) with limits.
 * - \`{ enum, open? }\`: one of the values; an open enum also takes any other string.
 * - \`{ props, required?, extra? }\`: an object. \`extra\` checks keys not in \`props\`; \`false\`
 *   refuses them; left out, they are kept unchecked.
 * - \`{ anyOf }\`: the first that fits; \`{ allOf }\`: every one; \`{ nullable }\`: \`null\` or that.
 * - a function: a component, read when first needed (so cycles work).
 */
export type Check =
  | 'string'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'unknown'
  | 'never'
  | (() => Check)
  | { readonly type: 'string' | 'integer' | 'number'; readonly min?: number; readonly max?: number }
  | { readonly type: 'array'; readonly items: Check; readonly min?: number; readonly max?: number }
  | { readonly enum: readonly (string | number | boolean)[]; readonly open?: true }
  | {
      readonly props: { readonly [key: string]: Check };
      readonly required?: readonly string[];
      readonly extra?: Check | false;
    }
  | { readonly anyOf: readonly Check[] }
  | { readonly allOf: readonly Check[] }
  | { readonly nullable: Check };

/** One operation as the client runs it: where it goes, and the checks for what goes and comes back. */
export interface ClientOperation {
  readonly id: string;
  readonly method: 'get' | 'post' | 'delete' | 'put' | 'patch' | 'head' | 'options' | 'trace';
  readonly path: string;
  readonly pathParams: readonly string[];
  /** Ids a path param must not take, because another route has that fixed segment there. */
  readonly reservedIds?: { readonly [param: string]: readonly string[] };
  readonly checks: {
    readonly path: Check | null;
    readonly query: Check | null;
    readonly body: Check | null;
    readonly response: Check | null;
  };
}`;

/**
 * Writes `checks.ts`: one const per operation (method, path, params and response checks) and the
 * checks of every component they reach, in both directions as needed. Nothing here imports zod, and
 * each operation is its own export, so a bundler keeps only the operations an app calls.
 */
export function emitChecksFile(doc: Document, ops: readonly OperationInfo[]): string {
  const owners = new Map<string, string>();
  const claim = (identifier: string, owner: string): void => {
    const current = owners.get(identifier);
    if (current !== undefined && current !== owner) {
      throw new Error(`${current} and ${owner} both map to the identifier ${identifier} in checks.ts`);
    }
    owners.set(identifier, owner);
  };
  const pending: { name: string; direction: Direction }[] = [];
  const context = (direction: Direction): CheckContext => ({
    direction,
    refIdentifier: (ref, dir) => {
      const name = schemaRefName(ref);
      const identifier = componentIdentifier(name, dir, 'Check');
      if (!owners.has(identifier)) pending.push({ name, direction: dir });
      claim(identifier, `schema "${name}"`);
      return identifier;
    },
  });

  const operations = ops.map((op) => {
    const identifier = pascalCase(op.id);
    claim(identifier, `operation ${op.id}`);
    const request = context('request');
    const part = (schema: Parameters<typeof emitCheck>[0] | undefined, ctx: CheckContext) => (schema ? emitCheck(schema, ctx) : 'null');
    const checks = [
      `path: ${part(op.pathParams.length ? parametersObject(op.pathParams) : undefined, request)}`,
      `query: ${part(op.queryParams.length ? parametersObject(op.queryParams) : undefined, request)}`,
      `body: ${part(op.body, request)}`,
      `response: ${part(op.response, context('response'))}`,
    ];
    const fields = [
      `id: ${JSON.stringify(op.id)}`,
      `method: ${JSON.stringify(op.method)}`,
      `path: ${JSON.stringify(op.path)}`,
      `pathParams: ${JSON.stringify(op.pathParams.map((p) => p.name))}`,
      ...(Object.keys(op.reservedIds).length ? [`reservedIds: ${JSON.stringify(op.reservedIds)}`] : []),
      `checks: {\n${checks.join(',\n')},\n}`,
    ];
    const doc = docComment(`${op.method.toUpperCase()} ${op.path}${op.summary ? `: ${op.summary}` : ''}`);
    return { identifier, code: `${doc}export const ${identifier}: ClientOperation = {\n${fields.join(',\n')},\n};` };
  });

  const components: { identifier: string; code: string }[] = [];
  for (let next = pending.shift(); next; next = pending.shift()) {
    const identifier = componentIdentifier(next.name, next.direction, 'Check');
    const code = emitCheck(doc.components!.schemas![next.name]!, context(next.direction));
    components.push({ identifier, code: `const ${identifier}: Check = ${code};` });
  }
  components.sort((a, b) => (a.identifier < b.identifier ? -1 : a.identifier > b.identifier ? 1 : 0));

  return [
    CHECK_TYPES,
    '// Components',
    ...components.map((c) => c.code),
    '// Operations',
    ...operations.map((o) => o.code),
    `/** Every operation, by operationId. */\nexport const clientOperations = {\n${ops
      .map((op, i) => `${JSON.stringify(op.id)}: ${operations[i]!.identifier},`)
      .join('\n')}\n} as const;`,
  ].join('\n\n');
}

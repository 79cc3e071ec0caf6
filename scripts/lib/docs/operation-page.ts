import { resolveLocal, type Document, type Schema } from '../openapi.js';
import type { OperationInfo } from '../select.js';
import { code, page, table } from './markdown.js';
import { modelTable } from './model-page.js';
import { objectOf, typeText, type LinkContext } from './schema-cells.js';

/** The client method that runs an operation, and the example call shown on its page. */
export interface ClientMethod {
  /** Where the method lives on a client: `customers.create`. */
  method: string;
  /** The example call's arguments, as TypeScript source. */
  args: string;
  /** The variable the example assigns the result to. */
  result: string;
}

/** The package the examples import from. */
const PACKAGE = 'stripe-customers';

/** `operations.GetCustomers`, or `operations["get-customers"]` for an id that is not an identifier. */
const tableEntry = (id: string): string =>
  /^[A-Za-z_$][\w$]*$/.test(id) ? `operations.${id}` : `operations[${JSON.stringify(id)}]`;

/** A TypeScript example: the client call when there is a method, otherwise the operation table entry. */
export function exampleCode(id: string, method: ClientMethod | undefined): string {
  const lines = method
    ? [
        `import { createClient } from '${PACKAGE}';`,
        '',
        'const stripe = createClient({ apiKey: process.env.STRIPE_SECRET_KEY! });',
        `const ${method.result} = await stripe.${method.method}(${method.args});`,
      ]
    : [
        `import { operations } from '${PACKAGE}';`,
        '',
        `// ${id} has no client method yet; the generated operation table`,
        '// holds its method, path and zod schemas:',
        `const { method, path, responseSchema } = ${tableEntry(id)};`,
      ];
  return ['```ts', ...lines, '```'].join('\n');
}

function parametersSection(op: OperationInfo, ctx: LinkContext): string {
  const rows = [...op.pathParams, ...op.queryParams].map((p) => [
    code(p.name),
    p.in,
    typeText(p.schema ?? {}, ctx),
    p.in === 'path' || p.required === true ? 'yes' : 'no',
    p.description ?? '',
  ]);
  return `## Parameters\n\n${rows.length ? table(['Name', 'In', 'Type', 'Required', 'Description'], rows) : 'None.'}`;
}

function bodySection(doc: Document, body: Schema | undefined, ctx: LinkContext): string {
  if (!body) return '## Request body\n\nNone.';
  const object = objectOf(doc, body);
  const named = body.$ref === undefined ? '' : `Schema: ${typeText(body, ctx)}\n\n`;
  const detail = object.properties !== undefined ? modelTable(object, ctx) : `**Type:** ${typeText(object, ctx)}`;
  return `## Request body\n\n${named}${detail}`;
}

/** Every response the spec lists, status codes in order and `default` last. */
function responsesSection(doc: Document, op: OperationInfo, ctx: LinkContext): string {
  const responses = doc.paths[op.path]?.[op.method]?.responses ?? {};
  const codes = Object.keys(responses).sort((a, b) =>
    a === 'default' ? 1 : b === 'default' ? -1 : a < b ? -1 : a > b ? 1 : 0,
  );
  const rows = codes.map((status) => {
    const response = resolveLocal(doc, responses[status]!);
    const content = response.content ?? {};
    const schema = content['application/json']?.schema ?? Object.values(content)[0]?.schema;
    return [code(status), schema ? typeText(schema, ctx) : '', response.description ?? ''];
  });
  return `## Responses\n\n${rows.length ? table(['Status', 'Type', 'Description'], rows) : 'None.'}`;
}

/** `operations/<operationId>.md`: what it does, method and path, params, body, responses, an example. */
export function operationPage(
  header: string,
  doc: Document,
  op: OperationInfo,
  ctx: LinkContext,
  method: ClientMethod | undefined,
): string {
  return page([
    header,
    `# ${op.id}`,
    op.summary,
    op.description === op.summary ? undefined : op.description,
    `**${op.method.toUpperCase()}** ${code(op.path)}`,
    parametersSection(op, ctx),
    bodySection(doc, op.body, ctx),
    responsesSection(doc, op, ctx),
    `## Example\n\n${exampleCode(op.id, method)}`,
    '[Back to index](../README.md)',
  ]);
}

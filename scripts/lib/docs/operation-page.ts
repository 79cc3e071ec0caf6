import type { MethodInfo } from '../methods.js';
import { resolveLocal, type Document, type Schema } from '../openapi.js';
import type { OperationInfo } from '../select.js';
import { exampleCode, type ExampleTarget } from './examples.js';
import { BACK_LINKS, bold, code, page, table } from './markdown.js';
import { modelTable } from './model-page.js';
import { notesFor, objectOf, typeText, type LinkContext } from './schema-cells.js';
import { absoluteLinks } from './text.js';

/** The client method an operation page documents, and the resource it sits on. */
export interface PageMethod {
  /** The client property the method sits on (`customers`). */
  target: ExampleTarget;
  /** The method's entry in the table `generated/methods.ts` is emitted from. */
  method: MethodInfo;
}

/** `customers.listPaymentMethods`: how the index and the pages name a method. */
export const methodPath = ({ target, method }: PageMethod): string => `${target.property}.${method.name}`;

/** `customers.retrieve(customer, params?, options?)`: the method's arguments, optional ones marked. */
export function signature(m: PageMethod): string {
  const params = m.method.params === null ? [] : [m.method.paramsRequired ? 'params' : 'params?'];
  return `${methodPath(m)}(${[...m.method.ids, ...params, 'options?'].join(', ')})`;
}

/** Which method runs the operation, its arguments and its other names. */
function methodLine(m: PageMethod): string {
  const aliases = m.method.aliases.map((a) => code(`${m.target.property}.${a}`));
  const also = aliases.length ? ` (also ${aliases.join(', ')})` : '';
  return `**Client method:** ${code(signature(m))}${also}`;
}

function parametersSection(op: OperationInfo, ctx: LinkContext): string {
  const rows = [...op.pathParams, ...op.queryParams].map((p) => {
    const schema = p.schema ?? {};
    const facts = { required: p.in === 'path' || p.required === true, expandable: false, readonly: false };
    return [bold(p.name), p.in, typeText(schema, ctx), absoluteLinks(p.description ?? ''), notesFor(schema, facts)];
  });
  return `## Parameters\n\n${rows.length ? table(['Name', 'In', 'Type', 'Description', 'Notes'], rows) : 'None.'}`;
}

/** The request body's model table; a body is written, never read, so nothing in it is `[readonly]`. */
function bodySection(doc: Document, body: Schema | undefined, ctx: LinkContext): string {
  if (!body) return '## Request body\n\nNone.';
  const object = objectOf(doc, body);
  const named = body.$ref === undefined ? '' : `Schema: ${typeText(body, ctx)}\n\n`;
  const detail = object.properties !== undefined ? modelTable(object, ctx, false) : `**Type:** ${typeText(object, ctx)}`;
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

/**
 * `operations/<operationId>.md`: the client method that runs it, what it does, method and path,
 * params, body, responses, an example call, and the links back.
 */
export function operationPage(header: string, doc: Document, op: OperationInfo, ctx: LinkContext, method: PageMethod): string {
  const description = op.description === op.summary ? undefined : op.description;
  return page([
    header,
    `# ${op.id}`,
    methodLine(method),
    op.summary === undefined ? undefined : absoluteLinks(op.summary),
    description === undefined ? undefined : absoluteLinks(description),
    `**${op.method.toUpperCase()}** ${code(op.path)}`,
    parametersSection(op, ctx),
    bodySection(doc, op.body, ctx),
    responsesSection(doc, op, ctx),
    `## Example\n\n${exampleCode(doc, method.target, method.method)}`,
    BACK_LINKS,
  ]);
}

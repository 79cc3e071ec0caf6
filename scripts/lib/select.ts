import { METHODS, resolveLocal, type Document, type Method, type Operation, type Parameter, type Schema } from './openapi.js';

/** One chosen operation, with everything the emitters need resolved. */
export interface OperationInfo {
  id: string;
  method: Method;
  path: string;
  summary: string | undefined;
  description: string | undefined;
  pathParams: Parameter[];
  /** For GET and DELETE this also holds the body's properties: Stripe reads them from the query. */
  queryParams: Parameter[];
  /** The request body, for methods that send one. */
  body: Schema | undefined;
  /**
   * The body's media type when it is not Stripe's `application/x-www-form-urlencoded`
   * (`application/json`, `multipart/form-data`), so a client encodes it accordingly.
   */
  bodyMediaType?: string | undefined;
  /** The success (2xx) JSON response. */
  response: Schema | undefined;
  /** The status code `response` is listed under (`200`), as written in the spec. */
  responseStatus: string | undefined;
  /**
   * The error JSON response: `default`, or when there is none, the 4xx and 5xx responses' schemas
   * (one, or `anyOf` the distinct ones).
   */
  errorResponse: Schema | undefined;
  /**
   * For each path param, the fixed path segments that stand where it stands in another route
   * (`search` for `customer`, from `/v1/customers/search`): an id equal to one would reach that
   * route instead, so the client refuses it.
   */
  reservedIds: Record<string, string[]>;
}

const BODYLESS: readonly Method[] = ['get', 'delete', 'head', 'options', 'trace'];

function pascal(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

/** `--ops` entries: an operationId, or a path prefix (starting with `/`) matched whole segments at a time. */
export function matchesFilter(filters: readonly string[], id: string, path: string): boolean {
  if (filters.length === 0) return true;
  return filters.some((f) =>
    f.startsWith('/') ? path === f || path.startsWith(f.endsWith('/') ? f : `${f}/`) : f === id,
  );
}

const FORM = 'application/x-www-form-urlencoded';

/** The request body's schema and media type: the form one when there is one (Stripe's), else the first. */
function requestBody(op: NonNullable<PathMethod>, doc: Document): { schema?: Schema; mediaType?: string } {
  if (!op.requestBody) return {};
  const content = resolveLocal(doc, op.requestBody).content ?? {};
  const mediaType = FORM in content ? FORM : Object.keys(content)[0];
  return mediaType === undefined ? {} : { schema: content[mediaType]?.schema, mediaType };
}

/** The JSON schema of a response, under `application/json` or any `+json` type. */
function jsonSchema(response: NonNullable<Operation['responses']>[string], doc: Document): Schema | undefined {
  const content = resolveLocal(doc, response).content ?? {};
  const type = 'application/json' in content ? 'application/json' : Object.keys(content).find((t) => /^application\/[\w.-]+\+json$/.test(t));
  return type === undefined ? undefined : content[type]?.schema;
}

/** The JSON schema of the first response whose status code matches, and that status code. */
function jsonResponse(op: NonNullable<PathMethod>, doc: Document, status: RegExp): { schema?: Schema; status?: string } {
  const found = Object.entries(op.responses ?? {}).find(([code]) => status.test(code));
  if (!found) return {};
  const schema = jsonSchema(found[1], doc);
  return schema ? { schema, status: found[0] } : {};
}

/**
 * The error body an operation documents: its `default` response, or without one the schemas of its
 * 4xx and 5xx responses (JSON APIs list them one by one: Lago's 401, 404 and 422), one schema or
 * `anyOf` the distinct ones, in document order.
 */
export function errorSchema(op: NonNullable<PathMethod>, doc: Document): Schema | undefined {
  const fallback = jsonResponse(op, doc, /^default$/).schema;
  if (fallback) return fallback;
  const schemas: Schema[] = [];
  const seen = new Set<string>();
  for (const [code, response] of Object.entries(op.responses ?? {})) {
    if (!/^[45](\d\d|XX)$/i.test(code)) continue;
    const schema = jsonSchema(response, doc);
    const key = JSON.stringify(schema);
    if (!schema || seen.has(key)) continue;
    seen.add(key);
    schemas.push(schema);
  }
  return schemas.length > 1 ? { anyOf: schemas } : schemas[0];
}

type PathMethod = Document['paths'][string][Method];

/** Body properties turned into query parameters (Stripe's GET and DELETE take params in the query). */
function bodyAsQuery(body: Schema | undefined, doc: Document): Parameter[] {
  if (!body) return [];
  const object = body.$ref ? resolveLocal<Schema>(doc, body) : body;
  const required = new Set(object.required ?? []);
  return Object.entries(object.properties ?? {}).map(([name, schema]) => ({
    name,
    in: 'query' as const,
    required: required.has(name),
    description: schema.description,
    schema,
  }));
}

const isParam = (segment: string) => /^\{[^}]+\}$/.test(segment);

/**
 * The literal segments of other routes that sit where `path`'s params sit, after the same leading
 * segments (any param matching any param). Taken from every path in the spec, not just the chosen
 * operations: Stripe routes them all.
 */
export function reservedIds(path: string, allPaths: readonly string[]): Record<string, string[]> {
  const mine = path.split('/');
  const reserved: Record<string, string[]> = {};
  mine.forEach((segment, index) => {
    if (!isParam(segment)) return;
    const literals = new Set<string>();
    for (const other of allPaths) {
      const theirs = other.split('/');
      if (theirs.length <= index || isParam(theirs[index]!)) continue;
      const samePrefix = mine.slice(0, index).every((s, i) => s === theirs[i] || (isParam(s) && isParam(theirs[i]!)));
      if (samePrefix) literals.add(theirs[index]!);
    }
    if (literals.size) reserved[segment.slice(1, -1)] = [...literals].sort();
  });
  return reserved;
}

// Stripe's spec states some integer ranges only in words: "Limit can range between 1 and 100".
const DOCUMENTED_RANGE = /can range between (\d+) and (\d+)/;

/**
 * An integer parameter whose description states its range in words gets that range as
 * `minimum`/`maximum`, so the client refuses `limit: 101` before Stripe does. A range the schema
 * states itself is kept.
 */
export function withDocumentedRange(param: Parameter): Parameter {
  const range = DOCUMENTED_RANGE.exec(param.description ?? '');
  const schema = param.schema;
  if (!range || !schema || schema.type !== 'integer' || schema.minimum !== undefined || schema.maximum !== undefined) return param;
  return { ...param, schema: { ...schema, minimum: Number(range[1]), maximum: Number(range[2]) } };
}

/**
 * The operations a run generates, in document order (path, then method). Parameter, request body and
 * response `$ref`s are resolved; schema `$ref`s are left for the emitters.
 */
export function selectOperations(doc: Document, filters: readonly string[] = []): OperationInfo[] {
  const chosen: OperationInfo[] = [];
  const seenIds = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const id = op.operationId ?? `${pascal(method)}${pascal(path)}`;
      if (!matchesFilter(filters, id, path)) continue;
      if (seenIds.has(id)) throw new Error(`Duplicate operationId "${id}"`);
      seenIds.add(id);
      const params = new Map<string, Parameter>();
      for (const p of [...(item.parameters ?? []), ...(op.parameters ?? [])]) {
        const resolved = withDocumentedRange(resolveLocal(doc, p));
        params.set(`${resolved.in}:${resolved.name}`, resolved);
      }
      const all = [...params.values()];
      const { schema: body, mediaType } = requestBody(op, doc);
      const bodyless = BODYLESS.includes(method);
      const success = jsonResponse(op, doc, /^2(\d\d|XX)$/);
      chosen.push({
        id,
        method,
        path,
        summary: op.summary,
        description: op.description,
        pathParams: all.filter((p) => p.in === 'path'),
        queryParams: [...all.filter((p) => p.in === 'query'), ...(bodyless ? bodyAsQuery(body, doc) : [])],
        body: bodyless ? undefined : body,
        ...(!bodyless && body && mediaType !== FORM && { bodyMediaType: mediaType }),
        response: success.schema,
        responseStatus: success.status,
        errorResponse: errorSchema(op, doc),
        reservedIds: reservedIds(path, Object.keys(doc.paths ?? {})),
      });
    }
  }
  const unknown = filters.filter((f) => !f.startsWith('/') && !seenIds.has(f));
  if (unknown.length) throw new Error(`--ops names operations the spec does not have: ${unknown.join(', ')}`);
  if (chosen.length === 0) throw new Error(`--ops ${filters.join(',')} matches no operation in the spec`);
  return chosen;
}

/** Parameters as one object schema: their names are the keys, `required` as each one says. */
export function parametersObject(params: readonly Parameter[]): Schema {
  return {
    type: 'object',
    additionalProperties: false,
    required: params.filter((p) => p.required).map((p) => p.name),
    properties: Object.fromEntries(
      params.map((p) => [p.name, { ...(p.schema ?? {}), description: p.description ?? p.schema?.description }]),
    ),
  };
}

import type * as OpenapiTypescript from 'openapi-typescript';
import type { Document } from './openapi.js';
import { loadPeer } from './peers.js';

type Api = typeof OpenapiTypescript;
type Context = Parameters<Api['transformSchema']>[1];
type Source = Parameters<Api['transformSchema']>[0];

/**
 * openapi-typescript's own options as `openapiTS()` sets them when given none but `silent`: the
 * output is what `openapiTS(doc, { silent: true })` prints, field for field.
 */
export function typesContext(api: Pick<Api, 'resolveRef' | 'scanDiscriminators'>, doc: Document): Context {
  const source = doc as unknown as Source;
  const { resolveRef, scanDiscriminators } = api;
  return {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: true,
    discriminators: scanDiscriminators(source, { silent: true }),
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    // Read by no transform: only openapiTS's own lint and bundle steps use the Redocly config.
    redoc: undefined as unknown as Context['redoc'],
    silent: true,
    inject: undefined,
    transform: undefined,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve: ($ref: string) => resolveRef(source, $ref, { silent: true }),
  } as Context;
}

/**
 * TypeScript types for the pruned document, from openapi-typescript's transform. `openapiTS()` would
 * first lint and bundle the document with Redocly, whose walk follows every `$ref` recursively: a
 * chain of a thousand schemas overflows the stack there, and the step costs a second on Stripe's
 * spec. The document is already bundled (bundle.ts: local `$ref`s only) and checked (select.ts,
 * constructs.ts), so the transform runs on it directly.
 */
export async function emitTypes(doc: Document): Promise<string> {
  const api = await loadPeer<Api>('openapi-typescript');
  return api.astToString(api.transformSchema(doc as unknown as Source, typesContext(api, doc)));
}

import openapiTS, { astToString } from 'openapi-typescript';
import type { Document } from './openapi.js';

/** TypeScript types for the pruned document, from openapi-typescript's own Node API. */
export async function emitTypes(doc: Document): Promise<string> {
  const ast = await openapiTS(doc as unknown as Parameters<typeof openapiTS>[0], { silent: true });
  return astToString(ast);
}

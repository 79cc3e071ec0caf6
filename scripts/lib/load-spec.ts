import { bundleSpec } from './bundle.js';
import { normalizeDocument } from './normalize.js';
import type { Document } from './openapi.js';

/** A parsed spec (bundled into one document) and the hash of its exact bytes. */
export interface LoadedSpec {
  doc: Document;
  /** sha256 of the spec file's bytes; of all its files' bytes, root first, when it spans several. */
  sha256: string;
  /** Every file read, root first. */
  files: string[];
  /** Components moved in from other files, and where each came from (see bundle.ts). */
  origins: ReadonlyMap<string, string>;
}

/**
 * Why `doc` (read from `path`) is not an OpenAPI 3 document the generator can read, or undefined
 * when it is one.
 */
export function openApiProblem(doc: Record<string, unknown>, path: string): string | undefined {
  if (typeof doc['swagger'] === 'string') {
    return `${path} is a Swagger ${doc['swagger']} document, not OpenAPI 3: convert it to OpenAPI 3.0 or 3.1 first`;
  }
  const version = doc['openapi'];
  if (version === undefined) return `${path} is not an OpenAPI 3 document (no "openapi: 3.x" field)`;
  if (typeof version !== 'string' || !/^3\.\d+(\.\d+)?$/.test(version)) {
    return `${path} is not an OpenAPI 3 document: it says openapi: ${JSON.stringify(version)}; the generator reads 3.0 and 3.1`;
  }
  const info = doc['info'] as { title?: unknown; version?: unknown } | undefined;
  if (!info || typeof info !== 'object' || info.title === undefined || info.version === undefined) {
    return `${path} has no "info" with a title and a version`;
  }
  if (!doc['paths'] || typeof doc['paths'] !== 'object') return `${path} has no "paths"`;
  return undefined;
}

/**
 * Reads a JSON or YAML OpenAPI 3.0 or 3.1 document (Stripe's `spec3.json` included) and every file
 * its `$ref`s reach, as one document with local `$ref`s only (bundle.ts), its 3.1 forms put the way
 * the emitters read them (normalize.ts).
 * @throws for a missing file, a syntax error (`file:line:col`), or a document that is not OpenAPI 3.
 */
export async function loadSpec(path: string): Promise<LoadedSpec> {
  const bundled = bundleSpec(path);
  const problem = openApiProblem(bundled.doc, path);
  if (problem) throw new Error(problem);
  normalizeDocument(bundled.doc);
  return { doc: bundled.doc as unknown as Document, sha256: bundled.sha256, files: bundled.files, origins: bundled.origins };
}

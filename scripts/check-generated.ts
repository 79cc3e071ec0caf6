import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULTS } from './generate-defaults.js';
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
    const ours =
      path in expected || /^(models|operations)\//.test(path) || (await isGeneratedPage(join(dir, path)));
    if (ours) owned.push(path);
  }
  return owned;
}

/** Fails when generated/ or docs/ is not exactly what the generator makes from spec/ now. */
async function main(): Promise<void> {
  const fresh = await generateFiles(DEFAULTS.spec);
  const code = (await readdir(DEFAULTS.out)).filter((f) => f.endsWith('.ts'));
  const problems = [
    ...(await compare(DEFAULTS.out, code, fresh.files)),
    ...(await compare(DEFAULTS.docs, await docsPresent(DEFAULTS.docs, fresh.docs), fresh.docs)),
  ];
  if (problems.length) {
    console.error(`${DEFAULTS.out}/ or ${DEFAULTS.docs}/ is stale:\n  ${problems.join('\n  ')}\nRun: npm run generate`);
    process.exit(1);
  }
  console.log(
    `${DEFAULTS.out}/ and ${DEFAULTS.docs}/ match ${DEFAULTS.spec} ` +
      `(${Object.keys(fresh.files).length} code files, ${Object.keys(fresh.docs).length} reference pages)`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

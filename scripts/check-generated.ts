import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULTS } from './generate-defaults.js';
import { generateFiles } from './lib/generate.js';

/** Fails when generated/ is not exactly what the generator makes from spec/ now. */
async function main(): Promise<void> {
  const fresh = await generateFiles(DEFAULTS.spec);
  const present = (await readdir(DEFAULTS.out)).filter((f) => f.endsWith('.ts')).sort();
  const expected = Object.keys(fresh.files).sort();
  const problems: string[] = [];
  for (const name of new Set([...present, ...expected])) {
    const want = fresh.files[name];
    const have = present.includes(name) ? await readFile(join(DEFAULTS.out, name), 'utf8') : undefined;
    if (want === undefined) problems.push(`${name} is not produced by the generator`);
    else if (have === undefined) problems.push(`${name} is missing`);
    else if (have !== want) problems.push(`${name} differs from a fresh generation`);
  }
  if (problems.length) {
    console.error(`generated/ is stale:\n  ${problems.join('\n  ')}\nRun: npm run generate`);
    process.exit(1);
  }
  console.log(`generated/ matches ${DEFAULTS.spec} (${expected.length} files)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { heading, median, table } from './lib/measure.js';

// Cold import of the package in a fresh `node` process against an empty start. src/index.ts is
// bundled with esbuild (platform node, ESM; tsup, which builds dist/, runs esbuild too) in two forms:
//   - dependencies external, as the published package ships: zod is loaded from node_modules at run
//     time (linked into the temp folder), since the client validates with the generated zod/mini
//     schemas (through the operation table) and zod's `safeParse`;
//   - everything in one file, as an app bundler would produce.
// Also src/client/create-client.ts alone (createClient and what it reaches, deps external), which
// is what an app that imports only the client gets after tree-shaking, and stripe-node
// (`import('stripe')`) for comparison. Each case is spawned N times, the cases interleaved; wall
// time per process, and the import alone as the process itself times it (performance.now() around
// the dynamic import).
//
//   npx tsx bench/cold-import.bench.ts

const N = 15;
const root = resolve(import.meta.dirname, '..');
const dir = await mkdtemp(join(tmpdir(), 'stripe-customers-bench-import-'));
await symlink(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');

const common: BuildOptions = {
  entryPoints: [join(root, 'src/index.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'error',
};
await build({ ...common, outfile: join(dir, 'external.mjs'), packages: 'external' });
await build({ ...common, outfile: join(dir, 'bundled.mjs') });
await build({
  ...common,
  entryPoints: [join(root, 'src/client/create-client.ts')],
  outfile: join(dir, 'client.mjs'),
  packages: 'external',
});

/** The packages a bundle still imports at run time (`from "zod/mini"`...). */
async function externalImports(file: string): Promise<string[]> {
  const code = await readFile(join(dir, file), 'utf8');
  return [...new Set([...code.matchAll(/^import\b[^;]*?from\s*"([^"]+)"/gm)].map((m) => m[1]!))].sort();
}

/** A script that imports `specifier` and prints how long the import took, in ms. */
async function importer(name: string, specifier: string): Promise<string> {
  const file = join(dir, name);
  await writeFile(
    file,
    `const t = performance.now();\nawait import(${JSON.stringify(specifier)});\nprocess.stdout.write(String(performance.now() - t));\n`,
  );
  return file;
}

const empty = join(dir, 'empty.mjs');
await writeFile(empty, '');
const cases: { name: string; args: string[]; bytes?: number }[] = [
  { name: "node -e ''", args: ['-e', ''] },
  { name: 'node empty.mjs (baseline)', args: [empty] },
  {
    name: 'ours, deps external',
    args: [await importer('import-external.mjs', './external.mjs')],
    bytes: (await stat(join(dir, 'external.mjs'))).size,
  },
  {
    name: 'ours, createClient only, deps external',
    args: [await importer('import-client.mjs', './client.mjs')],
    bytes: (await stat(join(dir, 'client.mjs'))).size,
  },
  {
    name: 'ours, all bundled',
    args: [await importer('import-bundled.mjs', './bundled.mjs')],
    bytes: (await stat(join(dir, 'bundled.mjs'))).size,
  },
  { name: 'stripe-node', args: [await importer('import-stripe.mjs', 'stripe')] },
  // What the external form loads besides its own file: zod/mini (with zod/v4/core) from node_modules.
  { name: 'zod/mini alone', args: [await importer('import-zod.mjs', 'zod/mini')] },
];

const wall = new Map<string, number[]>(cases.map((c) => [c.name, []]));
const inside = new Map<string, number[]>(cases.map((c) => [c.name, []]));
// One untimed pass first, so the file system cache is warm for every case alike.
for (const c of cases) spawnSync(process.execPath, c.args, { cwd: dir });
for (let i = 0; i < N; i++) {
  for (const c of cases) {
    const start = performance.now();
    const run = spawnSync(process.execPath, c.args, { cwd: dir, encoding: 'utf8' });
    wall.get(c.name)!.push(performance.now() - start);
    if (run.status !== 0) throw new Error(`${c.name} failed: ${run.stderr}`);
    if (run.stdout) inside.get(c.name)!.push(Number(run.stdout));
  }
}
const imports = {
  'ours, deps external': await externalImports('external.mjs'),
  'ours, createClient only': await externalImports('client.mjs'),
};
await rm(dir, { recursive: true, force: true });

heading(`Cold import in a fresh node process (${N} runs each, interleaved; medians)`);
const baseline = median(wall.get('node empty.mjs (baseline)')!);
console.log(
  table(
    ['case', 'bundle bytes', 'process wall ms', 'minus baseline ms', 'import alone ms'],
    cases.map((c) => {
      const w = median(wall.get(c.name)!);
      const own = inside.get(c.name)!;
      return [
        c.name,
        c.bytes === undefined ? '' : c.bytes.toLocaleString('en-US'),
        w.toFixed(1),
        c.args[0] === empty || c.args[0] === '-e' ? '' : (w - baseline).toFixed(1),
        own.length ? median(own).toFixed(1) : '',
      ];
    }),
  ),
);
for (const [name, list] of Object.entries(imports))
  console.log(`\n${name} imports at run time: ${list.length ? list.join(', ') : 'nothing'}`);
console.log(`\nbaseline: an empty ESM file, so the module loader start-up is not counted as import cost.`);
console.log(
  `ratio of medians, ours (deps external) / empty start: ${(median(wall.get('ours, deps external')!) / baseline).toFixed(2)}×`,
);

import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateFiles, type GenerateResult } from '../scripts/lib/generate.js';
import { heading, median, table } from './lib/measure.js';
import { writeSyntheticSpec } from './synthetic-spec.js';

// Generator time (`generateFiles`: load, select, reach, openapi-typescript types, zod schemas,
// operation table, prettier, reference pages; all in memory) on spec/ and on a large synthetic
// spec, then `tsc --noEmit` on each generated output (types.ts, schemas.ts, operations.ts), written
// to a temp folder with a strict tsconfig. Last, a probe: the same 1,000 schemas joined into one
// single $ref cycle.
//
//   npx tsx bench/generator.bench.ts

const root = resolve(import.meta.dirname, '..');
const customersSpec = join(root, 'spec/customers.openapi.yaml');
const tscPath = join(root, 'node_modules/typescript/bin/tsc');
const work = await mkdtemp(join(tmpdir(), 'stripe-customers-bench-gen-'));

async function timeGenerate(spec: string): Promise<{ seconds: number; result: GenerateResult }> {
  const start = performance.now();
  const result = await generateFiles(spec);
  return { seconds: (performance.now() - start) / 1000, result };
}

function lines(result: GenerateResult): number {
  return Object.values(result.files).reduce((n, code) => n + code.split('\n').length, 0);
}

interface TscRun {
  seconds: number;
  checkSeconds: string;
  memory: string;
  errors: string;
}

/** Writes the generated files to `dir` with a strict tsconfig and runs `tsc --noEmit` on them. */
async function typecheck(name: string, result: GenerateResult): Promise<TscRun> {
  const dir = join(work, name);
  await mkdir(dir);
  for (const [file, code] of Object.entries(result.files)) await writeFile(join(dir, file), code);
  await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
  await symlink(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const tsconfig = {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      noUncheckedIndexedAccess: true,
      skipLibCheck: true,
      noEmit: true,
      types: [],
    },
    include: ['*.ts'],
  };
  await writeFile(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  const start = performance.now();
  const run = spawnSync(process.execPath, [tscPath, '-p', dir, '--extendedDiagnostics'], { encoding: 'utf8' });
  const seconds = (performance.now() - start) / 1000;
  const stat = (label: string) => new RegExp(`^${label}:\\s+(.+)$`, 'm').exec(run.stdout)?.[1]?.trim() ?? '?';
  const errorCount = (run.stdout.match(/error TS\d+/g) ?? []).length;
  return {
    seconds,
    checkSeconds: stat('Check time'),
    memory: stat('Memory used'),
    errors: run.status === 0 ? 'none' : `${errorCount} (exit ${run.status})`,
  };
}

heading('Generator: generateFiles, then tsc --noEmit on its output');

// spec/: the first run in a process also loads and compiles openapi-typescript, prettier and yaml.
const customerRuns = [
  await timeGenerate(customersSpec),
  await timeGenerate(customersSpec),
  await timeGenerate(customersSpec),
];
const customers = customerRuns[0]!.result;
// The tsc rows type-check what the generator writes; a file added or dropped must show up here.
const expectedFiles = ['operations.ts', 'schemas.ts', 'types.ts'];
if (Object.keys(customers.files).sort().join() !== expectedFiles.join())
  throw new Error(`generateFiles wrote ${Object.keys(customers.files).join(', ')}, expected ${expectedFiles.join(', ')}`);
const syntheticPath = await writeSyntheticSpec({ count: 1000, cycle: 10 }, work);
const synthetic = await timeGenerate(syntheticPath);

const rows = [
  {
    name: 'spec/customers.openapi.yaml',
    run: customers,
    first: customerRuns[0]!.seconds,
    warm: median(customerRuns.slice(1).map((r) => r.seconds)),
    tsc: await typecheck('customers', customers),
  },
  {
    name: 'synthetic: 1,000 schemas, $ref cycles of 10 + tree links',
    run: synthetic.result,
    first: synthetic.seconds,
    warm: NaN,
    tsc: await typecheck('synthetic', synthetic.result),
  },
];
console.log(
  table(
    ['spec', 'ops', 'schemas', 'lines out', 'generate s', 'tsc wall s', 'tsc check', 'tsc memory', 'tsc errors'],
    rows.map((r) => [
      r.name,
      String(r.run.operations),
      String(r.run.schemas),
      lines(r.run).toLocaleString('en-US'),
      Number.isNaN(r.warm) ? r.first.toFixed(2) : `${r.warm.toFixed(2)} (first ${r.first.toFixed(2)})`,
      r.tsc.seconds.toFixed(2),
      r.tsc.checkSeconds,
      r.tsc.memory,
      r.tsc.errors,
    ]),
  ),
);
console.log('\nlines out per file:');
for (const r of rows)
  console.log(
    `  ${r.name}: ${Object.entries(r.run.files)
      .map(([file, code]) => `${file} ${code.split('\n').length.toLocaleString('en-US')}`)
      .join(', ')}`,
  );
console.log('\ngenerate s: median of runs 2-3 in this process (first run in parentheses); synthetic: one run.');
console.log('tsc: node node_modules/typescript/bin/tsc -p <tmp> --noEmit (strict, NodeNext, skipLibCheck).');

// The probe: one cycle through all 1,000 schemas (model_0 → model_1 → … → model_999 → model_0).
const chainPath = await writeSyntheticSpec({ count: 1000, cycle: 1000 }, work);
const probeStart = performance.now();
try {
  const probe = await generateFiles(chainPath);
  console.log(
    `\nprobe, one $ref cycle through all 1,000 schemas: generated ${probe.schemas} schemas in ${((performance.now() - probeStart) / 1000).toFixed(2)} s`,
  );
} catch (error) {
  const where =
    error instanceof Error ? (error.stack ?? '').split('\n').find((l) => l.includes('node_modules/')) : undefined;
  console.log(
    `\nprobe, one $ref cycle through all 1,000 schemas: FAILS after ${((performance.now() - probeStart) / 1000).toFixed(2)} s: ` +
      `${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n  ${where?.trim() ?? ''}`,
  );
}
await rm(work, { recursive: true, force: true });

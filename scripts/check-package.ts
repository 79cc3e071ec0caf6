import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { NEWEST_TYPESCRIPT, OK_LINE, writeApps } from './package-apps.js';

// `npm run check:package`: what a user installs, checked the way a user meets it. Packs the package
// (prepack builds dist/ with tsup), lints the tarball with publint and attw, installs it into one
// scratch app and runs a typed call against the package's own MSW mock from ESM, CommonJS, and
// TypeScript compiled with node16 and bundler resolution, checking on the way that Node.js gets the
// node:http default transport from both module systems. Exits 1 on the first failure and keeps the
// scratch directory for a look.

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Packed {
  tarball: string;
  size: number;
  unpackedSize: number;
  files: number;
}

/** A check that failed; `detail` is the output worth showing. */
class CheckFailed extends Error {
  constructor(
    message: string,
    readonly detail = '',
  ) {
    super(message);
  }
}

/**
 * Runs a program without a shell. Output goes to the terminal unless `capture` is set, in which
 * case stdout is returned and both streams are shown only if the program fails.
 */
function run(cmd: string, args: readonly string[], opts: { cwd: string; capture?: boolean }): string {
  const result = spawnSync(cmd, args, {
    cwd: opts.cwd,
    encoding: 'utf8',
    stdio: opts.capture ? 'pipe' : 'inherit',
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const shown = `${cmd} ${args.join(' ')}`;
  if (result.error) throw new CheckFailed(`${shown} could not run: ${result.error.message}`);
  if (result.status !== 0) {
    const detail = opts.capture ? `${result.stdout ?? ''}${result.stderr ?? ''}` : '';
    throw new CheckFailed(`${shown} exited with ${result.status ?? result.signal} (in ${opts.cwd})`, detail);
  }
  return result.stdout ?? '';
}

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

/** `npm pack` into `dest`. Lifecycle output (tsup's log) shares stdout with the JSON, so the JSON is found by its opening line. */
function pack(dest: string): Packed {
  const stdout = run('npm', ['pack', '--pack-destination', dest, '--json'], { cwd: ROOT, capture: true });
  const start = stdout.search(/^\[$/m);
  if (start < 0) throw new CheckFailed('npm pack printed no JSON', stdout);
  const [info] = JSON.parse(stdout.slice(start)) as { filename: string; size: number; unpackedSize: number; entryCount: number }[];
  if (!info) throw new CheckFailed('npm pack reported no tarball', stdout);
  return { tarball: join(dest, info.filename), size: info.size, unpackedSize: info.unpackedSize, files: info.entryCount };
}

/** publint on the tarball itself (exactly what is published), warnings counted as errors like `publint --strict`. */
async function lintWithPublint(tarball: string): Promise<void> {
  const bytes = readFileSync(tarball);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const { messages, pkg } = await publint({ pack: { tarball: buffer }, strict: true });
  for (const message of messages) console.log(`  publint ${message.type}: ${formatMessage(message, pkg)}`);
  const errors = messages.filter((m) => m.type === 'error').length;
  if (errors > 0) throw new CheckFailed(`publint found ${errors} error(s) (warnings count as errors)`);
}

/**
 * attw with its default profile, so node10 resolution (TypeScript's `moduleResolution: node`, still
 * common in older tsconfigs) is checked too: the subpaths reach their types there through
 * `typesVersions` in package.json.
 */
function checkTypesWithAttw(tarball: string): void {
  run('npx', ['--no', '--', 'attw', tarball], { cwd: ROOT });
}

/** One install for all the apps: the tarball, msw in the package's peer range, and the project's TypeScript. */
function installApp(app: string, tarball: string): void {
  const pkg = readJson(join(ROOT, 'package.json'));
  const mswRange = (pkg.peerDependencies as Record<string, string> | undefined)?.msw;
  if (!mswRange) throw new CheckFailed('package.json has no peerDependencies.msw to install msw by');
  const tsVersion = readJson(join(ROOT, 'node_modules/typescript/package.json')).version as string;
  const openapiFetchRange = (pkg.peerDependencies as Record<string, string> | undefined)?.['openapi-fetch'];
  if (!openapiFetchRange) throw new CheckFailed('package.json has no peerDependencies["openapi-fetch"] to install it by');
  mkdirSync(app, { recursive: true });
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'smoke-app', private: true, type: 'module' }, null, 2));
  const peers = pkg.peerDependencies as Record<string, string>;
  // The generator's peers too: the installed `stripe-customers generate` is run below.
  const generatorPeers = ['openapi-typescript', 'prettier'].map((name) => `${name}@${peers[name]}`);
  const deps = [tarball, `msw@${mswRange}`, `openapi-fetch@${openapiFetchRange}`, ...generatorPeers, `typescript@${tsVersion}`, '@types/node@20'];
  run('npm', ['install', '--no-audit', '--no-fund', ...deps], {
    cwd: app,
  });
}

/** Installs the newest TypeScript beside the app (not in it, so the app's own tsc stays the repository's). */
function installNewestTypescript(dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'newest-typescript', private: true }, null, 2));
  run('npm', ['install', '--no-audit', '--no-fund', `typescript@${NEWEST_TYPESCRIPT}`], { cwd: dir });
  return join(dir, 'node_modules/typescript/bin/tsc');
}

/** Runs one app with node; it passes if it exits 0 having printed the OK line. */
function runApp(app: string, file: string): void {
  const stdout = run(process.execPath, [file], { cwd: app, capture: true });
  if (!stdout.includes(OK_LINE)) throw new CheckFailed(`${file} exited 0 without finishing`, stdout);
}

function compile(app: string, tsconfig: string, tsc = join(app, 'node_modules/typescript/bin/tsc')): void {
  run(process.execPath, [tsc, '-p', tsconfig], { cwd: app, capture: true });
}

const steps: { name: string; seconds: number }[] = [];

/** Runs one named check, timing it, and returns what it returns; a failure is rethrown with the check's name. */
async function step<T>(name: string, fn: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  console.log(`\n▶ ${name}`);
  let value: T;
  try {
    value = await fn();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CheckFailed(`${name}: ${message}`, error instanceof CheckFailed ? error.detail : '');
  }
  const seconds = (performance.now() - started) / 1000;
  steps.push({ name, seconds });
  console.log(`✓ ${name} (${seconds.toFixed(1)} s)`);
  return value;
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  const started = performance.now();
  const work = mkdtempSync(join(tmpdir(), 'stripe-customers-check-package-'));
  const app = join(work, 'app');
  let packed: Packed;
  try {
    packed = await step('npm pack (prepack builds dist/)', () => pack(work));
    const { tarball } = packed;
    await step('publint --strict on the tarball', () => lintWithPublint(tarball));
    await step('attw on the tarball', () => checkTypesWithAttw(tarball));
    await step('install the tarball into a scratch app', () => installApp(app, tarball));
    writeApps(app);
    await step('ESM app (esm.mjs)', () => runApp(app, 'esm.mjs'));
    await step('CommonJS app (cjs.cjs)', () => runApp(app, 'cjs.cjs'));
    await step('openapi-fetch app (openapi-fetch.mjs): Stripe through openapi-fetch with the middleware', () => runApp(app, 'openapi-fetch.mjs'));
    await step('TypeScript, node16 resolution, ESM: tsc, then run the .mjs it emits', () => {
      compile(app, 'tsconfig.node16-esm.json');
      runApp(app, 'out-node16-esm/node16-esm.mjs');
    });
    await step('TypeScript, node16 resolution, CommonJS: tsc, then run the .cjs it emits', () => {
      compile(app, 'tsconfig.node16-cjs.json');
      runApp(app, 'out-node16-cjs/node16-cjs.cjs');
    });
    await step('TypeScript, bundler resolution: tsc, then run the .js it emits', () => {
      compile(app, 'tsconfig.bundler.json');
      runApp(app, 'out-bundler/bundler.js');
    });
    const ownVersion = readJson(join(ROOT, 'node_modules/typescript/package.json')).version as string;
    await step(`A user's library: tsc ${ownVersion} --declaration names every inferred type (node16, bundler)`, () => {
      compile(app, 'tsconfig.library-node16.json');
      compile(app, 'tsconfig.library-bundler.json');
    });
    await step('npx stripe-customers generate on a small JSON spec, then tsc and run its output', () => {
      run('npx', ['--no-install', 'stripe-customers', 'generate', '--spec', 'small.openapi.json', '--out', 'gen', '--quiet'], { cwd: app, capture: true });
      compile(app, 'tsconfig.generated.json');
      runApp(app, 'out-generated/generated-check.mjs');
    });
    await step(`A user's library: tsc ${NEWEST_TYPESCRIPT} --declaration, the same`, () => {
      const tsc = installNewestTypescript(join(work, 'newest-typescript'));
      compile(app, 'tsconfig.library-node16.json', tsc);
      compile(app, 'tsconfig.library-bundler.json', tsc);
    });
  } catch (error) {
    const failed = error instanceof CheckFailed ? error : new CheckFailed(String(error));
    if (failed.detail) console.error(failed.detail.trimEnd());
    console.error(`\n✗ check-package failed: ${failed.message}\n  Scratch files kept in ${work}`);
    process.exitCode = 1;
    return;
  }
  rmSync(work, { recursive: true, force: true });
  const { size, unpackedSize, files } = packed;
  console.log(`\ncheck-package passed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log(`  tarball: ${kb(size)} (${kb(unpackedSize)} unpacked), ${files} files`);
  for (const { name, seconds } of steps) console.log(`  ✓ ${name} (${seconds.toFixed(1)} s)`);
}

await main();

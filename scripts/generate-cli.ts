import { parseArgs } from 'node:util';
import { DEFAULTS } from './generate-defaults.js';
import { DEFAULT_RUNTIME, generate, type GenerateResult, type Progress } from './lib/generate.js';
import { loadPeer } from './lib/peers.js';

/** Who runs the generator: the installed command, or this repository's `npm run generate`. */
export interface CliProfile {
  /** What usage and the generated files' headers call the command. */
  command: string;
  /** Where the generated methods import the client's helper types from, unless `--runtime` says. */
  runtime: string;
  /** Spec and folders used when a flag is left out; the installed command has none. */
  defaults: { spec?: string; out?: string; docs?: string };
}

/** `npx stripe-customers generate`: `--spec` and `--out` required, helper types from the package. */
export const INSTALLED: CliProfile = { command: 'npx stripe-customers generate', runtime: 'stripe-customers', defaults: {} };

/** `npm run generate` in this repository: spec/ into generated/ and docs/, helpers from src/. */
export const REPOSITORY: CliProfile = { command: 'npm run generate', runtime: DEFAULT_RUNTIME, defaults: DEFAULTS };

/** The usage text for a profile. */
export function usage(profile: CliProfile): string {
  const { command, defaults } = profile;
  const prefix = command.startsWith('npm run') ? `${command} --` : command;
  const dflt = (value: string | undefined) => (value === undefined ? '(required)' : `(default ${value})`);
  return `Usage: ${prefix} --spec <file> [--ops <operationId|/path/prefix>[,...]] --out <folder> [--docs <folder>] [--runtime <specifier>]
  --spec      OpenAPI 3.0 or 3.1 document, JSON or YAML, with $refs to other files resolved
              relative to the file that holds them ${dflt(defaults.spec)}
  --ops       operationIds or path prefixes to keep, comma-separated or repeated (default: all)
  --out       folder for the code: types.ts, models.ts, schemas.ts, operations.ts, methods.ts ${dflt(defaults.out)}
  --docs      folder for the Markdown reference pages (none without it${defaults.docs ? `, unless neither --out nor --docs is given: then ${defaults.docs}` : ''})
  --no-docs   write no reference pages
  --runtime   module the generated methods.ts imports the client's helper types from (default ${profile.runtime})
  --quiet     no progress on stderr
Generated pages the run no longer makes are removed from the docs folder; other files there are left alone.`;
}

/** A mistake in the arguments: reported with the usage. */
class UsageError extends Error {}

/** One run's settings, from the flags and the profile's defaults. */
export interface Flags {
  spec: string;
  ops: string[];
  out: string;
  docs: string | undefined;
  runtime: string;
  quiet: boolean;
}

/** The flags of one run, or `help`; throws {@link UsageError} for a bad or missing one. */
export function parseFlags(argv: readonly string[], profile: CliProfile): Flags | 'help' {
  const { values } = (() => {
    try {
      return parseArgs({
        args: [...argv],
        options: {
          spec: { type: 'string' },
          ops: { type: 'string', multiple: true, default: [] },
          out: { type: 'string' },
          docs: { type: 'string' },
          'no-docs': { type: 'boolean', default: false },
          runtime: { type: 'string' },
          quiet: { type: 'boolean', default: false },
          help: { type: 'boolean', short: 'h', default: false },
        },
      });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  })();
  if (values.help) return 'help';
  const spec = values.spec ?? profile.defaults.spec;
  const out = values.out ?? profile.defaults.out;
  if (spec === undefined) throw new UsageError('--spec <file> is required');
  if (out === undefined) throw new UsageError('--out <folder> is required');
  if (values['no-docs'] && values.docs !== undefined) throw new UsageError('--docs and --no-docs contradict each other');
  // The repository's pages go to docs/ when no folder is named at all; with --out alone (generating
  // into a temporary folder, say) none are written.
  const docs = values['no-docs'] ? undefined : (values.docs ?? (values.out === undefined ? profile.defaults.docs : undefined));
  const runtime = values.runtime ?? profile.runtime;
  if (!/^[^'"\\\s]+$/.test(runtime)) throw new UsageError(`--runtime ${JSON.stringify(runtime)} is not a module specifier`);
  const ops = values.ops
    .flatMap((o) => o.split(','))
    .map((o) => o.trim())
    .filter(Boolean);
  return { spec, ops, out, docs, runtime, quiet: values.quiet };
}

/**
 * Progress lines on `stream`: the phase when it starts, its time when it ends (`types… 1.2 s`);
 * `interrupted()` ends a phase's line that a failure cut short.
 */
export function progressLines(stream: { write(text: string): unknown }): Progress & { interrupted(): void } {
  let open = false;
  return {
    start: (phase) => {
      open = true;
      stream.write(`${phase}… `);
    },
    end: (_, seconds) => {
      open = false;
      stream.write(`${seconds.toFixed(1)} s\n`);
    },
    interrupted: () => {
      if (open) stream.write('failed\n');
      open = false;
    },
  };
}

/** The closing summary: what was generated from what, where it went, and how long it took. */
export function summary(result: GenerateResult, flags: Pick<Flags, 'spec' | 'out' | 'docs'>, seconds: number): string {
  const others = result.specFiles.length - 1;
  const from = `${flags.spec}${others ? ` and ${others} file${others === 1 ? '' : 's'} it refers to` : ''}`;
  const pages = flags.docs === undefined ? 'no reference pages' : `${Object.keys(result.docs).length} reference pages in ${flags.docs}/`;
  return [
    `${result.operations} operations, ${result.schemas} schemas from ${from}`,
    `${Object.keys(result.files).length} files in ${flags.out}/ (${Object.keys(result.files).join(', ')}), ${pages}, in ${seconds.toFixed(1)} s`,
  ].join('\n');
}

/** Where the CLI writes: the process's streams unless a test passes its own. */
export interface CliStreams {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/**
 * Runs `generate` with command-line arguments: progress on stderr (unless `--quiet`), the summary
 * on stdout, an error on stderr. Resolves to the exit code: 0, or 1 for any failure.
 */
export async function main(argv: readonly string[], profile: CliProfile = INSTALLED, streams: CliStreams = process): Promise<number> {
  const name = profile.command.replace(/^npx /, '');
  let flags: Flags | 'help';
  try {
    flags = parseFlags(argv, profile);
  } catch (error) {
    streams.stderr.write(`${name}: ${(error as Error).message}\n\n${usage(profile)}\n`);
    return 1;
  }
  if (flags === 'help') {
    streams.stdout.write(`${usage(profile)}\n`);
    return 0;
  }
  const started = performance.now();
  const progress = flags.quiet ? undefined : progressLines(streams.stderr);
  try {
    // Missing peers are named before a long run, not after it.
    const peers = ['openapi-typescript', 'prettier'];
    progress?.start(`loading ${peers.join(' and ')}`);
    await Promise.all(peers.map((peer) => loadPeer(peer)));
    progress?.end('', (performance.now() - started) / 1000);
    const { spec, ops, out, docs, runtime } = flags;
    const result = await generate({ spec, ops, out, docs, runtime }, { command: profile.command, progress });
    streams.stdout.write(`${summary(result, flags, (performance.now() - started) / 1000)}\n`);
    return 0;
  } catch (error) {
    progress?.interrupted();
    streams.stderr.write(`${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Writes a tsconfig into `dir` as strict as the project's, for type-checking generated files there. */
export async function writeStrictTsconfig(dir: string): Promise<void> {
  const compilerOptions = {
    strict: true,
    noUncheckedIndexedAccess: true,
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    target: 'ES2022',
    skipLibCheck: true,
    noEmit: true,
    typeRoots: [],
    types: [],
  };
  await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['*.ts'] }));
}

/** Runs the project's tsc on `dir`; throws with the compiler's output when it fails. */
export function typeCheck(dir: string): void {
  execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', dir], { stdio: 'pipe' });
}

/**
 * Emits the declarations tsc writes for `dir` (what the published .d.ts files are bundled from) into
 * `dir/.declarations`, then type-checks them on their own. Throws with the compiler's output when
 * either step fails: a declaration no parser accepts fails here, not in a user's app.
 */
export async function checkDeclarations(dir: string): Promise<void> {
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
  const out = join(dir, '.declarations');
  const emit = ['-p', dir, '--noEmit', 'false', '--declaration', '--emitDeclarationOnly', '--outDir', out];
  runTsc(tsc, emit);
  const compilerOptions = { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', noEmit: true, types: [] };
  await writeFile(join(out, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['*.d.ts'] }));
  runTsc(tsc, ['-p', out]);
}

/** Runs tsc; a failure throws with what tsc printed, so the test report shows the diagnostics. */
function runTsc(tsc: string, args: readonly string[]): void {
  try {
    execFileSync(process.execPath, [tsc, ...args], { stdio: 'pipe', encoding: 'utf8' });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`tsc ${args.join(' ')} failed:\n${stdout}${stderr}`.slice(0, 4000));
  }
}

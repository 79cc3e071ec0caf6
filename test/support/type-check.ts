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

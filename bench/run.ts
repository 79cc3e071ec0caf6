import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';

// Runs every benchmark in sequence, each in a fresh process (so one's JIT state, heap and connection
// pools do not leak into the next), and prints the machine first. `npm run bench`, or
// `npx tsx bench/run.ts [name ...]` for some of them (`npx tsx bench/run.ts form-encode`).

const ALL = ['form-encode', 'validate-response', 'client-overhead', 'end-to-end', 'generator', 'cold-import'];

function cpuModel(): string {
  try {
    return /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown';
  } catch {
    return 'unknown (no /proc/cpuinfo)';
  }
}

const chosen = process.argv.length > 2 ? process.argv.slice(2) : ALL;
const unknown = chosen.filter((name) => !ALL.includes(name));
if (unknown.length) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; choose from ${ALL.join(', ')}`);
  process.exit(2);
}

console.log(`# stripe-customers benchmarks, ${new Date().toISOString()}`);
console.log(
  `node ${process.version}, ${availableParallelism()} CPUs (${cpuModel()}), ${process.platform} ${process.arch}`,
);

// The machine may be shared: the load average says how busy it was around the figures.
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(', ');
console.log(`load average (1, 5, 15 min): ${load()}`);

const failed: string[] = [];
const started = performance.now();
for (const name of chosen) {
  const start = performance.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, `${name}.bench.ts`)], {
    stdio: 'inherit',
  });
  const seconds = ((performance.now() - start) / 1000).toFixed(1);
  console.log(`\n(${name}: ${seconds} s${run.status === 0 ? '' : `, FAILED with exit ${run.status ?? run.signal}`})`);
  if (run.status !== 0) failed.push(name);
}
console.log(`\nload average (1, 5, 15 min): ${load()}`);
console.log(
  `\nall done in ${((performance.now() - started) / 1000).toFixed(1)} s${failed.length ? `; failed: ${failed.join(', ')}` : ''}`,
);
process.exit(failed.length ? 1 : 0);

import fc from 'fast-check';

/**
 * The seed of every property test: fixed, so a run is the same on every machine and in CI, unless
 * `PROPERTY_SEED` sets another (a number, or `random` to explore). fast-check prints the seed and
 * the failing path when a property fails; rerun with `PROPERTY_SEED=<seed>` to replay it.
 */
export function propertySeed(): number {
  const given = process.env['PROPERTY_SEED'];
  if (given === 'random') return Math.floor(Math.random() * 2 ** 31);
  if (given !== undefined && /^-?\d+$/.test(given)) return Number(given);
  return 20261201;
}

// Loaded by vitest before every test file (vitest.config.ts `setupFiles`), so no property test can
// run unseeded.
const seed = propertySeed();
fc.configureGlobal({ seed });
if (process.env['PROPERTY_SEED'] === 'random') console.log(`property tests: PROPERTY_SEED=${seed}`);

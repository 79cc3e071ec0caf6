// The map in src/README.md stays true: every file it names exists, and the success path of
// `customers.create` runs code in no more hand-written files than the map lists. The second is
// measured with V8's precise coverage around one real call answered by MSW, once with each default
// transport: fetch (the main entry) and node:http (the main entry as Node.js resolves it).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createClient as nodeCreateClient } from '../src/client/node-entry.js';
import { createClient } from '../src/index.js';
import { customerJson } from './support/fixtures.js';
import { STRIPE, stripeJson, useMswServer } from './support/msw.js';

const server = useMswServer();
const ROOT = new URL('../', import.meta.url);

/** Every `path/like/this.ts` (or .md) a README names in backticks, relative to the README. */
function namedFiles(readme: string): string[] {
  return [...readFileSync(new URL(readme, ROOT), 'utf8').matchAll(/`([\w./-]+\.(?:ts|md))(?:#[\w-]+)?`/g)].map((m) => m[1]!);
}

describe('src/README.md and the folder READMEs', () => {
  const readmes = ['src/README.md', ...readdirSync(new URL('src/', ROOT), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => `src/${e.name}/README.md`)];

  it.each(readmes)('%s exists and names only files that exist', (readme) => {
    expect(existsSync(new URL(readme, ROOT))).toBe(true);
    const dir = new URL(readme.replace(/[^/]+$/, ''), ROOT);
    const missing = namedFiles(readme).filter((file) => ![new URL(file, dir), new URL(`src/${file}`, ROOT), new URL(file, ROOT)].some(existsSync));
    expect(missing).toEqual([]);
  });
});

// The same five files either way, then the default transport's own: no hook code runs without hooks.
const SUCCESS_PATH = ['http/request.ts', 'client/options.ts', 'validation/fast-path.ts', 'wire/form-encode.ts', 'resources/build-resource.ts'];

describe('the success path', () => {
  it.each([
    ['fetch, the default off Node.js', createClient, 'http/transport.ts'],
    ['node:http, the default on Node.js', nodeCreateClient, 'http/node-transport.ts'],
  ])('of customers.create runs code in at most six hand-written files (%s)', async (_, create, transportFile) => {
    server.use(http.post(`${STRIPE}/v1/customers`, () => stripeJson(customerJson())));
    const stripe = create({ apiKey: 'sk_test_123' });
    await stripe.customers.create({ email: 'jenny@example.com', metadata: { app_user_id: 'u_42' } });
    const session = new Session();
    session.connect();
    try {
      await session.post('Profiler.enable');
      await session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
      await session.post('Profiler.takePreciseCoverage');
      await stripe.customers.create({ email: 'jenny@example.com', metadata: { app_user_id: 'u_42' } });
      const { result } = await session.post('Profiler.takePreciseCoverage');
      const ran = result
        .filter((script) => /\/src\/.*\.ts$/.test(script.url) && script.functions.some((f) => f.ranges.some((r) => r.count > 0)))
        .map((script) => script.url.replace(/^.*\/src\//, ''))
        .sort();
      expect(ran).toEqual([...SUCCESS_PATH, transportFile].sort());
      expect(ran.length).toBeLessThanOrEqual(6);
    } finally {
      await session.post('Profiler.stopPreciseCoverage');
      session.disconnect();
    }
  });
});

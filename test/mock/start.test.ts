import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// `npm start` runs `tsx scripts/start.ts`; this runs the same file the same way (tsx's loader on
// node), as a child process, and reads what a person would see.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

/** Runs scripts/start.ts with STRIPE_SECRET_KEY set to `key` (or removed); never throws on exit code. */
async function start(key: string | undefined): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.STRIPE_SECRET_KEY;
  if (key !== undefined) env.STRIPE_SECRET_KEY = key;
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { cwd: ROOT, env, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('npm start (scripts/start.ts)', () => {
  it('walks the customer lifecycle against the embedded mock without a key, step by step, and exits 0', async () => {
    const { code, stdout, stderr } = await start(undefined);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/against the embedded mock at http:\/\/127\.0\.0\.1:\d+/);
    const steps = [
      /1\. Create a customer with the minimal profile .* and a tax id\n\s+id:\s+cus_\w{14}\n\s+email:\s+jenny\.rosen\+\w+@example\.com\n\s+name:\s+Jenny Rosen\n\s+metadata:\s+\{"app_user_id":"u_\w+"\}/,
      /2\. Add a billing address and a shipping address\n\s+address:\s+10 Rue de Rivoli, 75001 Paris, FR\n\s+shipping:\s+Jenny Rosen, 10 Rue de Rivoli/,
      /3\. Read back the tax id .*\n\s+tax id:\s+eu_vat DE123456789 \(country DE/,
      /4\. Find the customer by its app id: metadata\['app_user_id'\]:'u_\w+'\n\s+found:\s+cus_\w{14} via search/,
      /5\. Update invoice settings: a custom field and a footer\n\s+fields:\s+App user=u_\w+\n\s+footer:\s+Thank you for your business\./,
      /6\. List customers with email .*\n\s+listed:\s+1 customer\(s\): cus_\w{14}/,
      /7\. Delete the customer\n\s+deleted:\s+cus_\w{14} deleted=true/,
      /8\. Retrieve the deleted customer.*\n\s+stub:\s+\{"id":"cus_\w{14}","object":"customer","deleted":true\}/,
      /Done: every step succeeded\./,
    ];
    for (const step of steps) expect(stdout).toMatch(step);
  }, 60_000);

  it.each([['a live key', 'sk_live_abc123'], ['a restricted key', 'rk_test_abc123'], ['something else', 'hello']])(
    'refuses %s with a clear message and exit code 1, touching nothing',
    async (_, key) => {
      const { code, stdout, stderr } = await start(key);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/STRIPE_SECRET_KEY must be a test mode secret key \(sk_test_\.\.\.\)/);
      expect(stderr).not.toContain(key);
    },
    60_000,
  );
});

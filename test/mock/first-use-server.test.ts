import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PORT, INSTALLED_COMMAND, main, REPOSITORY_COMMAND, startMockServer, usage, type MockServer } from '../../scripts/mock-server.js';
import { describeFirstUse, type StartTarget } from './first-use-cases.js';

// The first-use cases through the real HTTP server on a loopback port (no MSW in this file), and
// the CLI as a new user meets it: the help names the command they typed, and the default port
// leaves stripe-mock's free.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);
const servers: MockServer[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const start: StartTarget = async (options = {}) => {
  const server = await startMockServer({ port: 0, ...options });
  servers.push(server);
  return { base: server.url, mock: server.mock };
};

describe('through the HTTP server', () => {
  describeFirstUse(start);
});

/** Runs `args` with node from the repository root; never throws on the exit code. */
async function node(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [...args], { cwd: ROOT, timeout: 30_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('the CLI', () => {
  it('prints the installed command in --help through the bin, with the default port', async () => {
    const { code, stdout, stderr } = await node(['bin/stripe-customers.mjs', 'mock', '--help']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^Usage: npx stripe-customers mock \[--port <n>\] \[--host <address>\]/);
    expect(stdout).not.toContain('npm run mock');
    expect(stdout).toContain(`default ${DEFAULT_PORT}`);
    expect(stdout).toContain('email=a%40example.com&metadata[app_user_id]=u_42');
    expect(stdout).toMatch(/Stripe-Account: acct_\.\.\. scopes customers/);
    expect(stdout).toMatch(/Live keys are refused either way/);
  }, 30_000);

  it('ends a bad flag\'s error with the installed usage through the bin', async () => {
    const { code, stdout, stderr } = await node(['bin/stripe-customers.mjs', 'mock', '--prot', '1']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^stripe-customers mock: Unknown option '--prot'[\s\S]*\n\nUsage: npx stripe-customers mock \[--port <n>\]/);
  }, 30_000);

  it('names the bin\'s commands and the default port in its own help', async () => {
    const { code, stdout } = await node(['bin/stripe-customers.mjs', '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: npx stripe-customers mock /);
    expect(stdout).toContain(`127.0.0.1:${DEFAULT_PORT}`);
  }, 30_000);

  it('prints the repository command when run from the source, as npm run mock runs it', async () => {
    const help = await node(['--import', 'tsx', 'scripts/mock-server.ts', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run mock -- \[--port <n>\]/);
    expect(help.stdout).not.toContain('npx stripe-customers');
    const bad = await node(['--import', 'tsx', 'scripts/mock-server.ts', '--port', 'twelve']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^mock: --port must be an integer from 0 to 65535, got 'twelve'\n\nUsage: npm run mock -- /);
  }, 30_000);

  it('defaults to a port beside stripe-mock\'s 12111 and 12112, not on them', () => {
    expect(DEFAULT_PORT).toBe(12115);
    expect([12111, 12112]).not.toContain(DEFAULT_PORT);
    expect(usage(INSTALLED_COMMAND)).toMatch(/^Usage: npx stripe-customers mock /);
    expect(usage(REPOSITORY_COMMAND)).toMatch(/^Usage: npm run mock -- /);
    expect(usage(INSTALLED_COMMAND)).toContain(`--port             port to listen on (default ${DEFAULT_PORT}`);
  });

  it('says how to pick another port when the one asked for is taken', async () => {
    const taken = await startMockServer({ port: 0 });
    servers.push(taken);
    const port = new URL(taken.url).port;
    await expect(main(['--port', port])).rejects.toThrow(`port ${port} on 127.0.0.1 is in use: stop what holds it, or pick another with --port <n>`);
  });
});

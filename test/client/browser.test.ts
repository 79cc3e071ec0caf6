// A secret key in a web page is readable by anyone who loads it, so the client refuses to start
// where a DOM `document` exists unless the caller opts in. Edge runtimes (no document) are unaffected.
import { afterEach, describe, expect, it } from 'vitest';
import { createClient, StripeValidationError } from '../../src/index.js';
import { customerJson } from '../support/fixtures.js';
import { captureRequests, useMswServer } from '../support/msw.js';

const server = useMswServer();
const globals = globalThis as { document?: unknown };

function inAPage(): void {
  globals.document = { title: 'a page' };
}

afterEach(() => {
  delete globals.document;
});

describe('a secret key in a browser', () => {
  it.each(['sk_test_123', 'rk_live_123'])('refuses %s where a document exists, naming apiKey and why', (apiKey) => {
    inAPage();
    let error: unknown;
    try {
      createClient({ apiKey });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(StripeValidationError);
    const issues = (error as StripeValidationError).issues;
    expect(issues).toHaveLength(1);
    expect(issues[0]?.field).toBe('apiKey');
    expect(issues[0]?.message).toMatch(/must not be used in a browser/);
    expect(issues[0]?.message).toContain('dangerouslyAllowBrowser');
    expect((error as Error).message).not.toContain(apiKey);
  });

  it('sends nothing when refused', () => {
    inAPage();
    const seen = captureRequests(server, 'post', '/v1/customers', customerJson());
    expect(() => createClient({ apiKey: 'sk_test_123' })).toThrow(StripeValidationError);
    expect(seen).toHaveLength(0);
  });

  it('works in a page when the caller opts in, and withOptions keeps the choice', async () => {
    inAPage();
    const seen = captureRequests(server, 'post', '/v1/customers', customerJson());
    const client = createClient({ apiKey: 'sk_test_123', dangerouslyAllowBrowser: true });
    await client.withOptions({ maxRetries: 0 }).customers.create({ email: 'a@example.com' });
    expect(seen).toHaveLength(1);
  });

  it('is not triggered without a document (Node, Deno, Bun, Workers)', () => {
    expect(globals.document).toBeUndefined();
    expect(() => createClient({ apiKey: 'sk_test_123' })).not.toThrow();
  });
});

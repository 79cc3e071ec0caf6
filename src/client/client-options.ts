import { customIssue, type ValidationIssue } from '../errors/errors.js';
import type { ClientHooks } from '../http/hooks.js';
import { integerIn, ofType, optionIssues, SHARED_RULES, typeName, type OptionRule } from './options.js';

// The checks `createClient` and `withOptions` run before a client exists: every option by its
// rule, unknown names refused with a hint, and the rules that tie options together.

const KEY_SHAPE = /^[sr]k_(test|live)_[A-Za-z0-9_-]+$/;
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;
/** The largest `maxResponseBytes`: 256 MiB, well inside the longest string a JS engine will make. */
const MAX_RESPONSE_BYTES_LIMIT = 256 * 1024 * 1024;

const apiKey: OptionRule = (value) => {
  if (typeof value === 'string' && KEY_SHAPE.test(value)) return undefined;
  return typeof value === 'string' && /^pk_/.test(value)
    ? 'a publishable key (pk_...) cannot call this API; use a secret or restricted key'
    : 'must be a secret or restricted key: sk_test_..., sk_live_..., rk_test_... or rk_live_... (no spaces)';
};

const baseUrl: OptionRule = (value) =>
  typeof value === 'string' && URL.canParse(value) && /^https?:$/.test(new URL(value).protocol)
    ? undefined
    : 'must be an absolute http(s) URL';

const clock: OptionRule = (value) => {
  const methods = ['now', 'sleep', 'timeout'];
  const ok = value !== null && typeof value === 'object' && methods.every((m) => typeof (value as Record<string, unknown>)[m] === 'function');
  return ok ? undefined : `must be a Clock: an object with now(), sleep() and timeout(), not ${typeName(value)}`;
};

const CLIENT_RULES: Readonly<Record<string, OptionRule>> = {
  apiKey,
  baseUrl,
  allowHttp: ofType('boolean'),
  dangerouslyAllowBrowser: ofType('boolean'),
  ...SHARED_RULES,
  fetch: ofType('function'),
  transport: ofType('function'),
  clock,
  random: ofType('function'),
  maxResponseBytes: integerIn(1, MAX_RESPONSE_BYTES_LIMIT),
  // Checked name by name below, so each issue names its hook.
  hooks: () => undefined,
};

const fn = ofType('function');
const HOOK_RULES: Readonly<Record<keyof ClientHooks, OptionRule>> = { onRequest: fn, onResponse: fn, onError: fn, includeBodies: ofType('boolean') };

const REQUEST_ONLY = ['idempotencyKey', 'signal', 'headers'];

const clientHint = (name: string): string | undefined =>
  REQUEST_ONLY.includes(name) ? 'it is a per-request option: pass it as the last argument of a call' : undefined;

/** A page's scripts are public. Browser workers are not detected: they cannot be told apart from
 * Cloudflare Workers and other edge runtimes, where a secret key is safe. */
function browserIssue(allowed: boolean): ValidationIssue | undefined {
  if (allowed || typeof (globalThis as { document?: unknown }).document === 'undefined') return undefined;
  const rule =
    'must not be used in a browser, where anyone who loads the page can read it: call Stripe from your server ' +
    '(dangerouslyAllowBrowser: true allows it, for a page no outsider can load)';
  return customIssue(['apiKey'], rule);
}

/** Every problem with `createClient`'s options; an empty list when they are fine. */
export function clientOptionIssues(options: unknown): ValidationIssue[] {
  const issues = optionIssues(options, CLIENT_RULES, clientHint);
  if (options === undefined) issues.push(customIssue(['apiKey'], apiKey(undefined)!));
  if (options === null || typeof options !== 'object') return issues;
  const given = options as Record<string, unknown>;
  if (given.apiKey === undefined) issues.push(customIssue(['apiKey'], apiKey(undefined)!));
  // The key travels in every request's Authorization header: only https, or http to this machine.
  if (typeof given.baseUrl === 'string' && !baseUrl(given.baseUrl) && given.allowHttp !== true) {
    const url = new URL(given.baseUrl);
    if (url.protocol === 'http:' && !LOOPBACK.test(url.hostname)) {
      issues.push(customIssue(['baseUrl'], 'must use https (http is allowed for loopback hosts, or with allowHttp: true)'));
    }
  }
  for (const issue of optionIssues(given.hooks, HOOK_RULES)) issues.push(customIssue(['hooks', ...(issue.path as string[])], issue.message));
  if (given.fetch !== undefined && given.transport !== undefined) {
    issues.push(customIssue(['transport'], 'give fetch or transport, not both'));
  }
  const browser = browserIssue(given.dangerouslyAllowBrowser === true);
  if (browser) issues.push(browser);
  return issues;
}

/** Every problem with `withOptions`' defaults. */
export function defaultsIssues(defaults: unknown): ValidationIssue[] {
  return optionIssues(defaults, SHARED_RULES, (name) =>
    Object.hasOwn(CLIENT_RULES, name) ? `set it with createClient; withOptions changes ${Object.keys(SHARED_RULES).join(', ')}` : clientHint(name),
  );
}

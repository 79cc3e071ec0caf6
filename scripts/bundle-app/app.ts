// The app `npm run check:bundle` bundles and holds to the size budget: a server or worker handler
// that imports the client and makes each of the six core customer calls once, nothing else.
import { createClient } from 'stripe-customers';

export async function syncCustomer(apiKey: string, appUserId: string, email: string) {
  const stripe = createClient({ apiKey, maxRetries: 1 });

  const created = await stripe.customers.create(
    { email, name: 'Jenny Rosen', metadata: { app_user_id: appUserId } },
    { idempotencyKey: `signup-${appUserId}` },
  );
  const fetched = await stripe.customers.retrieve(created.id, { expand: ['tax_ids'] });
  const updated = await stripe.customers.update(created.id, {
    preferred_locales: ['fr', 'en'],
    address: { city: 'Paris', country: 'FR' },
  });
  const page = await stripe.customers.list({ limit: 10, email });
  const found = await stripe.customers.search({ query: `metadata['app_user_id']:'${appUserId}'` });
  const deleted = await stripe.customers.delete(created.id);

  return {
    id: updated.id,
    stillThere: !('deleted' in fetched),
    listed: page.data.length,
    matches: found.data.map((c) => c.id),
    deleted: deleted.deleted,
  };
}

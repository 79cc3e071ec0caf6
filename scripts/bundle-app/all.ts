// Everything the package's main entry exports: `npm run check:bundle` checks it bundles for workers
// and browsers without Node built-ins (no size budget).
export * from 'stripe-customers';

/** The spec and output folder the generator uses when no flags are given. */
export const DEFAULTS = { spec: 'spec/customers.openapi.yaml', out: 'generated' } as const;

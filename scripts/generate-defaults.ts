/** The spec and output folders the generator uses when no flags are given. */
export const DEFAULTS = { spec: 'spec/customers.openapi.yaml', out: 'generated', docs: 'docs' } as const;

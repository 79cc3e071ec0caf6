import { customersMethods, type CustomersResource } from '../../generated/methods.js';
import type { RequestContext } from '../http/request.js';
import { buildResource } from './build-resource.js';

export type { CustomersResource } from '../../generated/methods.js';

/**
 * `client.customers`: every customer operation as a method, built from the generated table
 * (`generated/methods.ts`), named as stripe-node names them. Pass `expand` as literals
 * (`expand: ['default_source']`) and the result types those fields as objects.
 */
export function customersResource(context: RequestContext): CustomersResource {
  // The generated interface states each method's types; the built functions are generic.
  return buildResource(context, customersMethods) as unknown as CustomersResource;
}

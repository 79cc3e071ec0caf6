/**
 * stripe-customers/node: what only Node.js can run. The client itself is in the main entry.
 * @packageDocumentation
 */
export { nodeTransport, type NodeTransportOptions } from './http/node-transport.js';

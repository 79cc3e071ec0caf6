import { leaf, type Emitter } from './context.js';

/** `type: boolean`. */
export const emitBoolean: Emitter = () => leaf('z.boolean()');

import { leaf, type Emitter } from './context.js';

/** A schema that constrains nothing (`{}`): any value. */
export const emitUnknown: Emitter = () => leaf('z.unknown()');

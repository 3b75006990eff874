/**
 * Registers every Ouderstem element, and upgrades `<div data-ouderstem="…">` markup. This is
 * also the entry of the single-file CDN build, dist/ouderstem.all.js.
 */
import './register-config.js';
import { watchCompatibilityMarkup } from './core/register.js';

export { OuderConfig } from './core/config.js';
export type * from './core/events.js';
export * from './ervaring/index.js';
export * from './meedenksessie/index.js';
export * from './netwerkkaart/index.js';
export * from './peiling/index.js';
export * from './terugkoppeling/index.js';

watchCompatibilityMarkup();

/**
 * Registers every Ouderstem element, and upgrades `<div data-ouderstem="…">` markup. This is
 * also the entry of the single-file CDN build, dist/ouderstem.js.
 */
import { OuderConfig } from './core/config.js';
import { define, watchCompatibilityMarkup } from './core/register.js';

export * from './peiling/index.js';
export { OuderConfig } from './core/config.js';
export type * from './core/events.js';

define('ouder-config', OuderConfig);
watchCompatibilityMarkup();

declare global {
  interface HTMLElementTagNameMap {
    'ouder-config': OuderConfig;
  }
}

import { ContextRoot } from '@lit/context';
import { OuderConfig } from './core/config.js';
import { define } from './core/register.js';

// Imported before the widgets, so <ouder-config> is defined first and widgets that upgrade next
// find their settings. The ContextRoot lets a widget that upgraded before its <ouder-config>
// (another bundle, a late script) find it once it arrives.
new ContextRoot().attach(document.documentElement);
define('ouder-config', OuderConfig);

declare global {
  interface HTMLElementTagNameMap {
    'ouder-config': OuderConfig;
  }
}

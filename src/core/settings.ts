import { createContext } from '@lit/context';

/**
 * Settings that `<ouder-config>` hands to every widget inside it. Apart from config.ts so a
 * widget's bundle does not carry the `<ouder-config>` class it does not register.
 */
export interface OuderSettings {
  endpoint?: string;
  src?: string;
  lang?: string;
  privacyUrl?: string;
  storage?: string;
}

/**
 * The key of the Community Protocols context (`context-request` events) that carries the
 * settings. The protocol is spoken directly (config.ts, element.ts): `@lit/context`'s
 * controllers and decorators cost about 0.6 KiB (brotli) of every widget's bundle for two small
 * listeners.
 */
export const settingsContext = createContext<OuderSettings>(Symbol.for('ouderstem:settings'));

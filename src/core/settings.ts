import { createContext } from '@lit/context';

/**
 * Settings that `<ouder-config>` hands to every widget inside it. Apart from config.ts so a
 * widget's bundle does not carry the `<ouder-config>` class it does not register.
 */
export interface OuderSettings {
  endpoint?: string;
  src?: string;
  lang?: string;
  register?: string;
  headingLevel?: string;
  privacyUrl?: string;
  storage?: string;
}

/** The @lit/context key that carries the settings from `<ouder-config>` to the widgets. */
export const settingsContext = createContext<OuderSettings>(Symbol.for('ouderstem:settings'));

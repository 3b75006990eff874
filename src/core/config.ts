import { createContext, provide } from '@lit/context';
import { css, html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';

/** Settings that `<ouder-config>` hands to every widget inside it. */
export interface OuderSettings {
  endpoint?: string;
  src?: string;
  lang?: string;
  privacyUrl?: string;
  storage?: string;
}

export const settingsContext = createContext<OuderSettings>(Symbol.for('ouderstem:settings'));

/**
 * Provides shared settings to every Ouderstem widget inside it. A widget's own attribute wins.
 *
 * @summary Shared settings for the widgets inside it.
 * @tag ouder-config
 * @slot - Ouderstem widgets (at any depth).
 */
export class OuderConfig extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** URL that widgets inside POST to (and GET their definition from, without `src`). */
  @property() endpoint?: string;

  /** URL of a definition JSON for the widgets inside. */
  @property() src?: string;

  /** Language of the widgets inside: `nl` (default), `en`, `ar`. */
  @property() override lang!: string;

  /** URL of the privacy statement linked from every consent text. */
  @property({ attribute: 'privacy-url' }) privacyUrl?: string;

  /** `none`: the widgets inside use no localStorage or sessionStorage at all. */
  @property() storage?: string;

  @provide({ context: settingsContext })
  settings: OuderSettings = {};

  override willUpdate(): void {
    this.settings = {
      endpoint: this.endpoint,
      src: this.src,
      lang: this.lang || undefined,
      privacyUrl: this.privacyUrl,
      storage: this.storage,
    };
  }

  override render() {
    return html`<slot></slot>`;
  }
}

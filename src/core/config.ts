import { ContextProvider } from '@lit/context';
import { css, html, LitElement, type PropertyDeclarations } from 'lit';
import { settingsContext } from './settings.js';

export { type OuderSettings, settingsContext } from './settings.js';

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

  static override properties: PropertyDeclarations = {
    endpoint: {},
    src: {},
    lang: {},
    register: {},
    headingLevel: { attribute: 'heading-level' },
    privacyUrl: { attribute: 'privacy-url' },
    storage: {},
  };

  /** URL that widgets inside POST to (and GET their definition from, without `src`). */
  endpoint?: string;

  /** URL of a definition JSON for the widgets inside. */
  src?: string;

  /** Language of the widgets inside: `nl` (default), `en`, `ar`. */
  override lang!: string;

  /** Dutch only: `u` makes the widgets inside address the parent formally; default `je`. */
  register?: string;

  /** Level of the widgets' titles, `1` to `6` (default `2`). */
  headingLevel?: string;

  /** URL of the privacy statement linked from every consent text. */
  privacyUrl?: string;

  /** `none`: the widgets inside use no localStorage or sessionStorage at all. */
  storage?: string;

  private readonly provider = new ContextProvider(this, { context: settingsContext, initialValue: {} });

  override willUpdate(): void {
    this.provider.setValue({
      endpoint: this.endpoint,
      src: this.src,
      lang: this.lang || undefined,
      register: this.register,
      headingLevel: this.headingLevel,
      privacyUrl: this.privacyUrl,
      storage: this.storage,
    });
  }

  override render() {
    return html`<slot></slot>`;
  }
}

import type { ContextCallback, ContextEvent } from '@lit/context';
import { css, html, LitElement, type PropertyDeclarations } from 'lit';
import { type OuderSettings, settingsContext } from './settings.js';

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

  static override properties: PropertyDeclarations = { endpoint: {}, src: {}, lang: {}, privacyUrl: { attribute: 'privacy-url' }, storage: {} };

  /** URL that widgets inside POST to (and GET their definition from, without `src`). */
  endpoint?: string;

  /** URL of a definition JSON for the widgets inside. */
  src?: string;

  /** Language of the widgets inside: `nl` (default), `en`, `ar`. */
  override lang!: string;

  /** URL of the privacy statement linked from every consent text. */
  privacyUrl?: string;

  /** `none`: the widgets inside use no localStorage or sessionStorage at all. */
  storage?: string;

  /** What the widgets inside receive; handed to them again after every change. */
  settings: OuderSettings = {};

  /** Widgets that asked to hear of changes, each with the function that ends that. */
  private subscribers = new Map<ContextCallback<OuderSettings>, () => void>();

  constructor() {
    super();
    this.addEventListener('context-request', (event) => {
      const request = event as ContextEvent<typeof settingsContext>;
      if (request.context !== settingsContext) return;
      event.stopPropagation();
      const { callback } = request;
      if (request.subscribe) this.subscribers.set(callback, () => this.subscribers.delete(callback));
      callback(this.settings, this.subscribers.get(callback));
    });
  }

  override willUpdate(): void {
    this.settings = {
      endpoint: this.endpoint,
      src: this.src,
      lang: this.lang || undefined,
      privacyUrl: this.privacyUrl,
      storage: this.storage,
    };
    this.subscribers.forEach((unsubscribe, callback) => callback(this.settings, unsubscribe));
  }

  override render() {
    return html`<slot></slot>`;
  }
}

import { ContextConsumer } from '@lit/context';
import { html, LitElement, nothing, type PropertyDeclarations } from 'lit';
import { type OuderSettings, settingsContext } from './settings.js';
import { retryCanHelp, type DefinitionController } from './definition.js';
import {
  defaultLanguage,
  directionOf,
  inheritedLanguageTag,
  type Language,
  type Texts,
  toLanguage,
  type Translation,
  translationFor,
} from './i18n/index.js';
import { emit } from './events.js';
import { formStyles, tokens } from './styles.js';

/**
 * What every Ouderstem widget shares: the common attributes (each also settable on
 * `<ouder-config>`, the widget's own winning), language and direction, and the rendering of
 * the loading and failure states of its definition.
 */
/**
 * Lit declarations for a widget's internal reactive state (`state: true`: no attribute, not part
 * of the API). Written out rather than with the `@state()` decorator, whose helper code every
 * bundle would carry.
 */
export function internalState(...names: string[]): PropertyDeclarations {
  return Object.fromEntries(names.map((name) => [name, { state: true }]));
}

export abstract class OuderElement extends LitElement {
  static override styles = [tokens, formStyles];

  /** The widget's own texts; with the core's, they are loaded before it renders in a language. */
  protected static texts: readonly Texts<unknown>[] = [];

  // Declared here rather than with decorators: the decorator helpers cost every bundle bytes.
  static override properties: PropertyDeclarations = {
    endpoint: {},
    src: {},
    lang: {},
    privacyUrl: { attribute: 'privacy-url' },
    storage: {},
    definition: { attribute: false },
  };

  /** URL the widget POSTs submissions to; without `src` and `definition` it GETs its definition here. */
  endpoint?: string;

  /** URL of the definition JSON (a static file is fine). */
  src?: string;

  /** Language: `nl` (default), `en`, `ar` (right-to-left). Falls back to the nearest ancestor's `lang`, then `<html lang>`. */
  override lang!: string;

  /** URL of the privacy statement, linked from every consent text. */
  privacyUrl?: string;

  /** `none`: use no localStorage or sessionStorage at all (no drafts, no outbox). */
  storage?: string;

  /** The definition as an object; overrides both `src` and the GET of `endpoint`. */
  definition?: unknown;

  /** From the nearest `<ouder-config>` (@lit/context), kept current while connected; reactive like state. */
  protected settings: OuderSettings = {};

  private languageObserver?: MutationObserver;

  /** The language the widget renders in: the one asked for, once its texts are loaded. */
  private languageInUse: Language = defaultLanguage;

  /** A language whose texts could not be loaded: not tried again on every render. */
  private failedLanguage?: Language;

  /** Texts that controllers of this widget show (the outcome opt-in's), loaded with its own. */
  private readonly controllerTexts = new Set<Texts<unknown>>();

  constructor() {
    super();
    new ContextConsumer(this, {
      context: settingsContext,
      subscribe: true,
      callback: (settings) => {
        const previous = this.settings;
        this.settings = settings;
        this.requestUpdate('settings', previous);
      },
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Follow a page that switches `<html lang>` (a language menu) without reloading.
    this.languageObserver = new MutationObserver(() => this.requestUpdate());
    this.languageObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    if (this.closest('ouder-config') && !customElements.get('ouder-config')) {
      console.warn("ouderstem: <ouder-config> does nothing until you import 'ouderstem/config'");
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.languageObserver?.disconnect();
  }

  /** For a controller with texts of its own: they are loaded with the widget's before it renders in a language. */
  addTexts(texts: Texts<unknown>): void {
    this.controllerTexts.add(texts);
  }

  /**
   * Before an update, loads the texts of the requested language if they are not here yet (a
   * language chunk: one request, made once per page), so a widget never shows a mix of
   * languages. If they cannot be loaded, it stays in the language it has, and says why on the
   * console.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const language = this.requestedLanguage;
    const texts = [translationFor, ...(this.constructor as typeof OuderElement).texts, ...this.controllerTexts];
    const loading = language === this.failedLanguage ? [] : texts.map((set) => set.load(language)).filter((pending) => pending);
    if (loading.length === 0) {
      if (language !== this.failedLanguage) this.languageInUse = language;
      return super.scheduleUpdate();
    }
    return Promise.all(loading).then(
      () => {
        this.languageInUse = language;
        super.scheduleUpdate();
      },
      (error: unknown) => {
        this.failedLanguage = language;
        console.warn(`ouderstem: could not load the texts in '${language}', so <${this.localName}> stays in '${this.languageInUse}':`, error);
        super.scheduleUpdate();
      },
    );
  }

  /** Where submissions go: own `endpoint`, else `<ouder-config endpoint>`. */
  get submitUrl(): string | undefined {
    return this.endpoint || this.settings.endpoint || undefined;
  }

  /** Where the definition comes from: `src`, else `endpoint` (own first, then `<ouder-config>`). */
  get definitionUrl(): string | undefined {
    return this.src || (this.endpoint ? undefined : this.settings.src) || this.submitUrl;
  }

  /** The language asked for: own `lang`, `<ouder-config lang>`, the nearest ancestor's, `<html lang>`. */
  get requestedLanguage(): Language {
    return toLanguage(this.lang || this.settings.lang || (this.parentNode ? inheritedLanguageTag(this.parentNode) : undefined));
  }

  /** The language the widget shows (and submits): the requested one once its texts are here. */
  get language(): Language {
    return this.languageInUse;
  }

  get t(): Translation {
    return translationFor(this.language);
  }

  get storageEnabled(): boolean {
    return (this.storage ?? this.settings.storage) !== 'none';
  }

  /** What "nog niet verstuurd" says: kept on this device, or (with `storage="none"`) only while the page is open. */
  get queuedBody(): string {
    return this.storageEnabled ? this.t.queuedBody : this.t.queuedBodyUnsaved;
  }

  get privacyHref(): string | undefined {
    return this.privacyUrl || this.settings.privacyUrl || undefined;
  }

  /** Fires `ouder-ready` once the definition is rendered. */
  protected announceReady(definition: unknown): void {
    void this.updateComplete.then(() => emit(this, 'ouder-ready', { definition }));
  }

  /** Moves focus to an element of this widget once it is rendered (success view, error summary). */
  protected async focusAfterRender(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** The privacy link, opening in a new window so a half-filled form is not lost. */
  protected renderPrivacyLink() {
    const href = this.privacyHref;
    if (!href) return nothing;
    return html`<a href=${href} target="_blank" rel="noopener noreferrer"
      >${this.t.privacyLink} <span class="visually-hidden">${this.t.opensInNewWindow}</span></a
    >`;
  }

  /**
   * Loading, failed and invalid states of a definition; `ready` renders the widget itself, and
   * `meanwhile` what must show even without a definition (ervaring's "help right now").
   * Wraps everything in an element carrying the language and direction.
   */
  protected renderFrame<T>(
    definition: Pick<DefinitionController<T>, 'state' | 'reload'>,
    ready: (definition: T) => unknown,
    meanwhile: () => unknown = () => nothing,
  ) {
    const { t } = this;
    const { state } = definition;
    let content: unknown;
    switch (state.status) {
      case 'loading':
        content = html`<p class="status" role="status">${t.loading}</p>`;
        break;
      case 'failed':
        // The web editor's fallback (the content inside the tag) shows again: it is the way forward.
        content = html`<div class="panel panel--error" role="alert">
            <p>${retryCanHelp(state.failure) ? t.loadFailed : t.unavailable}</p>
            ${retryCanHelp(state.failure)
              ? html`<div class="actions">
                  <button type="button" part="button" @click=${() => definition.reload()}>${t.retry}</button>
                </div>`
              : nothing}
          </div>
          <slot></slot>`;
        break;
      case 'invalid':
        content = html`<div class="panel panel--error" role="alert"><p>${state.error.describe(t)}</p></div>
          <slot></slot>`;
        break;
      case 'ready':
        content = ready(state.definition);
        break;
    }
    if (state.status !== 'ready') content = html`${content}${meanwhile()}`;
    return html`<div class="root" lang=${this.language} dir=${directionOf(this.language)}>${content}</div>`;
  }
}

import { ContextConsumer } from '@lit/context';
import { html, LitElement, nothing, type PropertyDeclarations } from 'lit';
import { type Content, heading } from './form.js';
import {
  defaultLanguage,
  directionOf,
  inheritedLanguageTag,
  type Language,
  languagesIn,
  localize,
  nameOf,
  type Register,
  type Texts,
  toLanguage,
  toRegister,
  type Translation,
  translationFor,
} from './i18n/index.js';
import { emit } from './events.js';
import { retryCanHelp, type ResourceController } from './resource.js';
import type { LocalizedText } from './schema-types.js';
import { type OuderSettings, settingsContext } from './settings.js';
import { formStyles, tokens } from './styles.js';

/**
 * Lit declarations for a widget's internal reactive state (`state: true`: no attribute, not part
 * of the API). Written out rather than with the `@state()` decorator, whose helper code every
 * bundle would carry.
 */
export function internalState(...names: string[]): PropertyDeclarations {
  return Object.fromEntries(names.map((name) => [name, { state: true }]));
}

/**
 * What every Ouderstem widget shares: the common attributes (each also settable on
 * `<ouder-config>`, the widget's own winning), language, register and direction, heading levels,
 * and the rendering of the loading and failure states of its definition.
 */
export abstract class OuderElement extends LitElement {
  static override styles = [tokens, formStyles];

  /** The widget's own texts; with the core's, they are loaded before it renders in a language. */
  protected static texts: readonly Texts<unknown>[] = [];

  // Declared here rather than with decorators: the decorator helpers cost every bundle bytes.
  static override properties: PropertyDeclarations = {
    endpoint: {},
    src: {},
    lang: {},
    register: {},
    headingLevel: { attribute: 'heading-level' },
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

  /** Dutch only: `u` addresses the parent formally ("Vult u uw naam in"); default `je`. */
  register?: string;

  /** Level of the widget's title, `1` to `6` (default `2`); its sections are one level below. */
  headingLevel?: string;

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

  /** The language the parent chose in the widget's language menu; kept in memory only, never stored. */
  private chosenLanguage?: Language;

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
    if (this.chosenLanguage) return this.chosenLanguage;
    return toLanguage(this.lang || this.settings.lang || (this.parentNode ? inheritedLanguageTag(this.parentNode) : undefined));
  }

  /** The language the widget shows (and submits): the requested one once its texts are here. */
  get language(): Language {
    return this.languageInUse;
  }

  /** How Dutch addresses the parent: own `register`, else `<ouder-config register>`, else `je`. */
  get dutchRegister(): Register {
    return toRegister(this.register || this.settings.register);
  }

  get t(): Translation {
    return translationFor(this.language, this.dutchRegister);
  }

  /** The level of the widget's title; `level + 1` for its sections. */
  get level(): number {
    return Number(this.headingLevel || this.settings.headingLevel) || 2;
  }

  get storageEnabled(): boolean {
    return (this.storage ?? this.settings.storage) !== 'none';
  }

  get privacyHref(): string | undefined {
    return this.privacyUrl || this.settings.privacyUrl || undefined;
  }

  /**
   * A definition's text in the widget's language, or (when the definition has none) in the
   * language it falls back to, marked with `lang` so a screen reader speaks it in that language.
   */
  protected text(value: LocalizedText | undefined): Content {
    const { text, lang } = this.localized(value);
    return lang ? html`<span lang=${lang} dir="auto">${text}</span>` : text;
  }

  /** The same as plain text, where no markup can go (an attribute, a file). */
  protected plain(value: LocalizedText | undefined): string {
    return localize(value, this.language).text;
  }

  /** A definition's text, and its language when that is not the widget's (for `<option lang>`). */
  protected localized(value: LocalizedText | undefined): { text: string; lang?: string } {
    const { text, lang } = localize(value, this.language);
    return { text, lang: lang === this.language ? undefined : lang };
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

  /** A heading one level below the widget's title (or `depth` levels). */
  protected subheading(content: Content, depth = 1, id?: string) {
    return heading(this.level + depth, content, { id });
  }

  /**
   * Loading, failed and invalid states of a definition; `ready` renders the widget itself, and
   * `meanwhile` what must show even without a definition (ervaring's "help right now").
   * When the definition cannot load or be used, the web editor's fallback (the content inside
   * the tag) shows again under one plain sentence: it is the way forward. The reason is on the
   * console. Everything is wrapped in an element carrying the language and direction.
   */
  protected renderFrame<T>(
    resource: Pick<ResourceController<T>, 'state' | 'reload'>,
    ready: (value: T) => unknown,
    meanwhile: () => unknown = () => nothing,
  ) {
    const { t } = this;
    const { state } = resource;
    let content: unknown;
    if (state.status === 'ready') content = ready(state.value);
    else if (state.status === 'loading') content = html`<p class="status" role="status">${t.loading}</p>${meanwhile()}`;
    else {
      const retry = state.status === 'failed' && retryCanHelp(state.failure);
      const fallback = [...this.childNodes].some((node) => node.nodeType === Node.ELEMENT_NODE || node.textContent?.trim());
      content = html`<div class="panel panel--error" role="alert">
          <p>${retry ? t.loadFailed : t.unavailable}${fallback || retry ? '' : ` ${t.unavailableHelp}`}</p>
          ${retry
            ? html`<div class="actions">
                <button type="button" part="button" @click=${() => resource.reload()}>${t.retry}</button>
              </div>`
            : nothing}
        </div>
        <slot></slot>${meanwhile()}`;
    }
    const offered = state.status === 'ready' ? languagesIn(state.value) : [];
    return html`<div class="root" lang=${this.language} dir=${directionOf(this.language)}>
      ${offered.length > 1 ? this.renderLanguageMenu(offered) : nothing}${content}
    </div>`;
  }

  /**
   * The parent's own choice of language, when the definition has content in more than one: a
   * native select, each language named in itself (and marked with its `lang`). The choice lasts
   * while the page is open; nothing is stored.
   */
  private renderLanguageMenu(offered: Language[]) {
    const choose = (event: Event) => {
      this.chosenLanguage = toLanguage((event.target as HTMLSelectElement).value);
      this.requestUpdate();
    };
    return html`<div class="language-menu" part="language-menu">
      <label for="ouder-language">${this.t.language}</label>
      <select id="ouder-language" @change=${choose}>
        ${offered.map((code) => html`<option value=${code} lang=${code} ?selected=${code === this.language}>${nameOf(code)}</option>`)}
      </select>
    </div>`;
  }
}

import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { customElement } from 'lit/decorators.js';
import { announce } from '../announce.js';
import { api, ApiError, type FormDetail, links, type Me, type OriginCheck, type Share } from '../api.js';
import { input } from '../fields.js';
import { type Definition, languagesOf } from '../model/forms.js';
import { languageOf } from '../model/languages.js';
import { textIn } from '../model/text.js';
import { ConsoleElement } from './console-element.js';

/** Copies text to the clipboard; says so to everyone. */
async function copy(text: string, what: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    announce(`${what} is gekopieerd.`);
  } catch {
    announce(`Kopiëren lukte niet. Selecteer de tekst en kopieer hem zelf.`);
  }
}

const VIA = {
  organisation: 'het staat in de lijst van je organisatie',
  form: 'het staat in de lijst van dit formulier',
  server: 'de server staat het voor alle formulieren toe',
} as const;

/**
 * Publish and share: the embed code (the tag, the compatibility `<div>` for a CMS that strips
 * unknown tags, the suggested fallback text per language), the check whether a web site may
 * show the form (and allowing it), the hosted page, a share text for WhatsApp or e-mail, and the
 * QR code.
 *
 * @tag beheer-share
 * @fires beheer-form-changed - The form was saved with another list of allowed sites; `detail` is the form.
 */
@customElement('beheer-share')
export class BeheerShare extends ConsoleElement {
  static override properties: PropertyDeclarations = {
    form: { attribute: false },
    me: { attribute: false },
    share: { state: true },
    error: { state: true },
    language: { state: true },
    site: { state: true },
    siteError: { state: true },
    checked: { state: true },
    busy: { state: true },
  };

  form!: FormDetail;
  me?: Me;
  private share?: Share;
  private error = '';
  /** The language of the fallback and share texts shown. */
  private language = 'nl';
  private site = '';
  private siteError = '';
  private checked?: OriginCheck;
  private busy = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('form') && (changed.get('form') as FormDetail | undefined)?.id !== this.form.id) void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.share = await api.share(this.form.id);
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  private async checkSite(): Promise<void> {
    const site = this.site.trim();
    this.checked = undefined;
    if (!/^https?:\/\/[^/\s]+/i.test(site)) {
      this.siteError = 'Vul het hele adres van je website in, met https:// ervoor, bijvoorbeeld https://www.voorbeeldstad.nl.';
      this.querySelector<HTMLInputElement>('#share-site')?.focus();
      return;
    }
    this.siteError = '';
    this.busy = true;
    try {
      this.checked = await api.checkOrigin(site, this.form.id);
    } catch (error) {
      this.siteError = error instanceof ApiError ? error.message : String(error);
    } finally {
      this.busy = false;
    }
  }

  private async allowForForm(origin: string): Promise<void> {
    this.busy = true;
    try {
      const { form } = await api.saveForm(this.form.id, {
        baseVersion: this.form.version,
        definition: this.form.definition,
        allowedOrigins: [...new Set([...this.form.allowedOrigins, origin])],
      });
      this.dispatchEvent(new CustomEvent('beheer-form-changed', { detail: form, bubbles: true }));
      this.form = form;
      await this.checkSite();
    } catch (error) {
      this.siteError = error instanceof ApiError ? error.message : String(error);
    } finally {
      this.busy = false;
    }
  }

  private async allowForOrganisation(origin: string): Promise<void> {
    if (!this.me) return;
    this.busy = true;
    try {
      const { organisation } = await api.changeOrganisation({ allowedOrigins: [...new Set([...this.me.organisation.allowedOrigins, origin])] });
      this.me = { ...this.me, organisation };
      await this.checkSite();
    } catch (error) {
      this.siteError = error instanceof ApiError ? error.message : String(error);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const published = this.form.state === 'gepubliceerd' || this.form.state === 'gesloten';
    return html`${published
        ? nothing
        : html`<p class="notice notice--warning">
            Dit formulier is nog niet gepubliceerd. Ouders zien het pas als je het publiceert (onder Bewerken). Je kunt de code al wel
            klaarzetten.
          </p>`}
      ${this.error ? html`<p class="notice notice--warning" role="alert">${this.error}</p>` : nothing}
      ${this.share ? this.renderShare(this.share) : this.error ? nothing : html`<p role="status">Laden…</p>`}`;
  }

  private renderShare(share: Share) {
    const languages = languagesOf(this.form.type, this.form.definition);
    const lang = languages.includes(this.language) ? this.language : 'nl';
    const definition = this.form.definition as Definition;
    const title = textIn(definition.title, lang) || textIn(definition.title, 'nl');
    const shareText = share.shareText[lang] ?? share.shareText.nl ?? '';
    const snippets = share.snippetsByLang?.[lang] ?? share.snippets;
    return html`${languages.length > 1
        ? html`<div class="field">
            <label for="share-language">Taal van de teksten hieronder</label>
            <select id="share-language" @change=${(event: Event) => (this.language = (event.target as HTMLSelectElement).value)}>
              ${languages.map((code) => html`<option value=${code} ?selected=${code === lang}>${languageOf(code).name}</option>`)}
            </select>
          </div>`
        : nothing}
      <section class="builder-section" aria-labelledby="share-embed">
        <h2 id="share-embed">Op je eigen website</h2>
        <ol class="steps">
          <li>Controleer hieronder of je website het formulier mag tonen.</li>
          <li>Plak de code in een HTML-blok van je pagina (in je CMS heet dat vaak "HTML", "Code" of "Insluiten").</li>
          <li>
            Tussen de tags staat een zin met een link naar de eigen pagina van het formulier: die zien bezoekers bij wie het formulier niet
            laadt. Pas hem gerust aan.
          </li>
        </ol>
        ${this.renderCode('share-element', `De code (${languageOf(lang).name})`, snippets.element, 'De code')}
        ${this.renderCode(
          'share-compat',
          'Haalt je CMS onbekende tags weg? Gebruik dan deze code',
          snippets.compat,
          'De code voor een CMS dat tags weghaalt',
        )}
        ${share.fallback[lang] && !snippets.element.includes(share.fallback[lang]) ? this.renderCode('share-fallback', `Voorstel voor de tekst tussen de tags (${languageOf(lang).name})`, share.fallback[lang], 'De tekst') : nothing}
        ${this.renderOriginCheck()}
      </section>
      <section class="builder-section" aria-labelledby="share-hosted">
        <h2 id="share-hosted">Een eigen pagina</h2>
        <p>Geen website, of wil je het formulier ook zo delen? Het staat op een eigen pagina:</p>
        <p class="copy-line">
          <a href=${share.hostedUrl} target="_blank" rel="noopener">${share.hostedUrl} <span class="visually-hidden">(opent in een nieuw venster)</span></a>
          <button type="button" class="button button--small button--secondary" @click=${() => void copy(share.hostedUrl, 'De link')}>Link kopiëren</button>
        </p>
      </section>
      <section class="builder-section" aria-labelledby="share-message">
        <h2 id="share-message">Delen via WhatsApp of e-mail</h2>
        ${this.renderCode('share-text', `Bericht (${languageOf(lang).name})`, shareText, 'Het bericht', false)}
        <ul class="link-list">
          <li><a href="https://wa.me/?text=${encodeURIComponent(shareText)}" target="_blank" rel="noopener noreferrer">Delen via WhatsApp <span class="visually-hidden">(opent in een nieuw venster)</span></a></li>
          <li><a href="mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(shareText)}">Mailen</a></li>
        </ul>
      </section>
      <section class="builder-section" aria-labelledby="share-qr">
        <h2 id="share-qr">QR-code voor een flyer of poster</h2>
        <p>Wie de code scant met de camera van een telefoon, komt op de pagina van het formulier.</p>
        <img class="qr" src=${links.qrSvg(this.form.id)} width="200" height="200" alt="QR-code naar ${share.hostedUrl}" />
        <ul class="link-list">
          <li><a href=${links.qrSvg(this.form.id)} download="qr-${this.form.id}.svg">QR-code downloaden als SVG</a> (scherp in elke grootte, voor drukwerk)</li>
          <li><a href=${links.qrPng(this.form.id)} download="qr-${this.form.id}.png">QR-code downloaden als PNG</a> (voor Word, e-mail en sociale media)</li>
        </ul>
      </section>`;
  }

  private renderCode(id: string, label: string, code: string, what: string, monospace = true) {
    return html`<div class="code-block">
      <p class="code-block__label">${label}</p>
      <pre class=${monospace ? '' : 'code-block--text'} id=${id}><code>${code}</code></pre>
      <button type="button" class="button button--small button--secondary" @click=${() => void copy(code, what)}>Kopiëren<span class="visually-hidden">: ${label}</span></button>
    </div>`;
  }

  private renderOriginCheck() {
    const role = this.me?.user.role;
    const checked = this.checked;
    return html`<div class="origin-check">
      <h3>Mag je website het formulier tonen?</h3>
      <p>Het formulier werkt alleen op websites die jullie hebben toegestaan. Op andere sites blijft de tekst tussen de tags staan.</p>
      <form
        class="field-row field-row--end"
        @submit=${(event: Event) => {
          event.preventDefault();
          void this.checkSite();
        }}
      >
        ${input({
          id: 'share-site',
          label: 'Adres van je website',
          hint: 'Bijvoorbeeld https://www.voorbeeldstad.nl/ouders',
          type: 'url',
          autocomplete: 'url',
          error: this.siteError || undefined,
          value: this.site,
          onInput: (value) => (this.site = value),
        })}
        <button type="submit" class="button button--secondary" ?disabled=${this.busy}>Controleren</button>
      </form>
      <div role="status">
        ${checked
          ? checked.allowed
            ? html`<p class="notice notice--success">Ja, ${checked.origin} mag het formulier tonen: ${checked.via ? VIA[checked.via] : 'het is toegestaan'}.</p>`
            : html`<div class="notice notice--warning">
                <p>Nee, ${checked.origin} mag het formulier nog niet tonen.</p>
                <p class="actions">
                  ${role === 'beheerder' || role === 'redacteur'
                    ? html`<button type="button" class="button button--secondary" ?disabled=${this.busy} @click=${() => void this.allowForForm(checked.origin)}>
                        Toestaan voor dit formulier
                      </button>`
                    : nothing}
                  ${role === 'beheerder'
                    ? html`<button type="button" class="button button--secondary" ?disabled=${this.busy} @click=${() => void this.allowForOrganisation(checked.origin)}>
                        Toestaan voor alle formulieren van ${this.me?.organisation.name}
                      </button>`
                    : nothing}
                </p>
                ${role === 'lezer' ? html`<p>Vraag een redacteur of beheerder om deze website toe te staan.</p>` : nothing}
              </div>`
          : nothing}
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'beheer-share': BeheerShare;
  }
}

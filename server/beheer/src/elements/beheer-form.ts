import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { customElement } from 'lit/decorators.js';
import { announce } from '../announce.js';
import { api, ApiError, type FormDetail, type Me, type PublishChanges, type ServerError } from '../api.js';
import { errorSummary, focusProblem, focusSummary, input, sortByPage } from '../fields.js';
import {
  blankDefinition,
  type Definition,
  type FormType,
  languagesOf,
  missingTranslations,
  stored,
  typeName,
  withoutLanguage,
} from '../model/forms.js';
import { dutchShort } from '../model/dates.js';
import { languageOf } from '../model/languages.js';
import { fieldId } from '../model/pointer.js';
import { slug, textIn } from '../model/text.js';
import { check, fromServer, type Problem, summaryOf } from '../model/validation.js';
import * as validators from '../model/validators.generated.js';
import { href, type FormView, type Route } from '../router.js';
import { ConsoleElement } from './console-element.js';
import './beheer-codes.js';
import './beheer-ervaring-builder.js';
import './beheer-language-tabs.js';
import './beheer-meedenksessie-builder.js';
import './beheer-peiling-builder.js';
import './beheer-preview.js';
import './beheer-results.js';
import './beheer-share.js';
import './beheer-translations.js';

const STATE_TEXT = {
  concept: 'Concept',
  gepubliceerd: 'Gepubliceerd',
  gesloten: 'Gesloten',
  gearchiveerd: 'Gearchiveerd',
} as const;

/** What publishing did for the parents already signed up: told of a new time or place, moved up from a waiting list. */
function publishedChanges(changes: PublishChanges | undefined): string {
  if (!changes) return '';
  const parts: string[] = [];
  const told = changes.changed.reduce((sum, session) => sum + session.notified, 0);
  if (changes.changed.length > 0) {
    const sessions = changes.changed.length === 1 ? 'Eén sessie heeft' : `${changes.changed.length} sessies hebben`;
    parts.push(
      changes.mail
        ? `${sessions} een andere tijd of plaats: ${told === 1 ? '1 aangemelde ouder krijgt' : `${told} aangemelde ouders krijgen`} daarover een e-mail, met de nieuwe afspraak voor hun agenda.`
        : `${sessions} een andere tijd of plaats. E-mail staat uit: laat de aangemelde ouders het zelf weten.`,
    );
  }
  if (changes.promoted > 0) {
    const one = changes.promoted === 1;
    const who = one ? '1 ouder van de wachtlijst heeft' : `${changes.promoted} ouders van de wachtlijst hebben`;
    parts.push(`${who} nu een plaats${changes.mail ? (one ? ' en krijgt daarover een e-mail' : ' en krijgen daarover een e-mail') : ''}.`);
  }
  return parts.length ? ` ${parts.join(' ')}` : '';
}

/**
 * One form: its builder with language tabs, the missing translations, the live preview, saving
 * (never publishing) and publishing, its state; and the views "Delen" and "Resultaten".
 *
 * @tag beheer-form
 * @fires beheer-form-created
 * @fires beheer-page-title
 */
@customElement('beheer-form')
export class BeheerForm extends ConsoleElement {
  static override properties: PropertyDeclarations = {
    formId: { attribute: 'form-id' },
    newType: { attribute: 'new-type' },
    view: {},
    me: { attribute: false },
    widgetsUrl: { attribute: 'widgets-url' },
    form: { state: true },
    draft: { state: true },
    languages: { state: true },
    tab: { state: true },
    problems: { state: true },
    status: { state: true },
    busy: { state: true },
    notice: { state: true },
    conflict: { state: true },
    idEdited: { state: true },
    retention: { state: true },
  };

  /** The form to edit; unset for a new one (then `newType`). */
  formId?: string;
  newType?: FormType;
  view: FormView = 'bewerken';
  me?: Me;
  widgetsUrl = '/ouderstem.js';

  private form?: FormDetail;
  private draft?: Definition;
  /** The last draft without schema errors: what the preview shows while the current one has some. */
  private previewable?: Definition;
  private previewStale = false;
  private languages: string[] = ['nl'];
  private tab = 'nl';
  private problems: Problem[] = [];
  /** Problems are shown after the first save that had any, and then kept current. */
  private checked = false;
  private dirty = false;
  private edits = 0;
  private status: 'loading' | 'ready' | 'failed' = 'loading';
  private loadError = '';
  private busy: '' | 'saving' | 'publishing' | 'state' = '';
  private notice?: { text: string; link?: { href: string; label: string } };
  private conflict = false;
  private idEdited = false;
  /** How many days answers are kept (a setting of the form, not of its definition; a story form has it in its definition). */
  private retention = '';

  // --- lifecycle -----------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeunload', this.warnBeforeUnload);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeunload', this.warnBeforeUnload);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A form just created here gets its id from the page's new address: it is already loaded.
    const created = this.form !== undefined && this.form.id === this.formId;
    if ((changed.has('formId') || changed.has('newType')) && !created) void this.load();
  }

  /**
   * Whether going to `next` is fine: nothing unsaved, another view of this same form (this
   * element stays, and its draft with it), or the editor says so.
   */
  canLeave(next: Route): boolean {
    if (!this.dirty || (next.name === 'form' && next.id === this.form?.id)) return true;
    return window.confirm('Je wijzigingen zijn nog niet opgeslagen. Wil je deze pagina toch verlaten?');
  }

  private warnBeforeUnload = (event: BeforeUnloadEvent) => {
    if (this.dirty) event.preventDefault();
  };

  get type(): FormType {
    return this.form?.type ?? this.newType ?? 'peiling';
  }

  get canEdit(): boolean {
    return this.me?.user.role === 'beheerder' || this.me?.user.role === 'redacteur';
  }

  private async load(): Promise<void> {
    this.problems = [];
    this.checked = false;
    this.dirty = false;
    this.notice = undefined;
    this.conflict = false;
    this.previewable = undefined;
    if (!this.formId) {
      this.form = undefined;
      this.retention = '';
      this.setDraft(blankDefinition(this.type));
      this.languages = ['nl'];
      this.tab = 'nl';
      this.status = 'ready';
      return;
    }
    this.status = 'loading';
    try {
      const { form } = await api.form(this.formId);
      this.form = form;
      this.retention = form.retentionDays ? String(form.retentionDays) : '';
      this.setDraft(form.definition as Definition);
      this.languages = languagesOf(form.type, form.definition);
      if (!this.languages.includes(this.tab)) this.tab = 'nl';
      this.status = 'ready';
      const title = textIn((form.definition as Definition).title, 'nl') || form.id;
      this.dispatchEvent(new CustomEvent('beheer-page-title', { detail: title, bubbles: true }));
    } catch (error) {
      this.loadError = error instanceof ApiError && error.status === 404 ? 'Dit formulier bestaat niet (meer), of hoort bij een andere organisatie.' : (error as Error).message;
      this.status = 'failed';
    }
  }

  private setDraft(draft: Definition): void {
    this.draft = draft;
    const candidate = stored(this.type, draft);
    const valid = validators[this.type](candidate);
    if (valid) this.previewable = candidate;
    this.previewStale = !valid && this.previewable !== undefined;
  }

  // --- editing -------------------------------------------------------------------------------

  private onEdit = (event: CustomEvent<{ definition: unknown }>) => {
    let next = event.detail.definition as Definition;
    // A new form's address follows its title until it is typed by hand.
    if (!this.form && !this.idEdited) next = { ...next, id: slug(textIn(next.title, 'nl')) };
    this.setDraft(next);
    this.dirty = true;
    this.edits++;
    this.notice = undefined;
  };

  /** After a save that had problems, the list follows the fixes as a field is left. */
  private onFocusOut = () => {
    if (!this.checked || !this.draft) return;
    void this.updateComplete.then(() => {
      if (!this.draft) return;
      const serverOnes = this.problems.filter((problem) => problem.fromServer);
      this.problems = sortByPage([...check(this.type, stored(this.type, this.draft), { saved: this.form?.definition }), ...this.retentionProblems(), ...serverOnes]);
    });
  };

  private onLanguage = (event: CustomEvent<{ lang: string; added: boolean }>) => {
    const { lang, added } = event.detail;
    if (added && !this.languages.includes(lang)) {
      this.languages = [...this.languages, lang];
      announce(`${languageOf(lang).name} is toegevoegd. Je vult de teksten nu in het ${languageOf(lang).name} in.`);
    }
    this.tab = lang;
  };

  private removeLanguage(code: string): void {
    const language = languageOf(code);
    if (!this.draft || !window.confirm(`Alle teksten in het ${language.name} uit dit formulier verwijderen?`)) return;
    this.setDraft(withoutLanguage(this.type, this.draft, code));
    this.languages = this.languages.filter((other) => other !== code);
    this.tab = 'nl';
    this.dirty = true;
    announce(`${language.name} is verwijderd.`);
    void this.updateComplete.then(() => document.getElementById('tab-nl')?.focus());
  }

  /** Shows the field of a problem or a missing text: its language tab first, then the field. */
  private async goTo(pointer: string, lang?: string): Promise<void> {
    if (lang && this.languages.includes(lang) && lang !== this.tab) {
      this.tab = lang;
      await this.updateComplete;
      // The builders render in their own update.
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    focusProblem(pointer);
  }

  // --- saving and publishing -------------------------------------------------------------------

  /** Checks and saves the draft as a new version (never publishes); the saved form, or undefined. */
  private async save(): Promise<FormDetail | undefined> {
    if (!this.draft) return undefined;
    const definition = stored(this.type, this.draft);
    const problems = [...check(this.type, definition, { saved: this.form?.definition }), ...this.retentionProblems()];
    this.checked = true;
    this.notice = undefined;
    if (problems.length > 0) {
      this.problems = sortByPage(problems);
      await focusSummary(this);
      return undefined;
    }
    this.problems = [];
    this.busy = 'saving';
    const editsAtStart = this.edits;
    try {
      // A story form's retention is in its definition (the parent reads it there); the server keeps both equal.
      const retentionDays = this.type === 'ervaring' ? undefined : this.retention.trim() ? Number(this.retention) : null;
      const { form } = this.form
        ? await api.saveForm(this.form.id, { baseVersion: this.form.version, definition, retentionDays })
        : await api.createForm(this.type, definition, retentionDays ?? undefined);
      const isNew = !this.form;
      this.form = form;
      this.dirty = this.edits !== editsAtStart;
      this.checked = false;
      this.notice = { text: this.savedText(form) };
      if (isNew) this.dispatchEvent(new CustomEvent('beheer-form-created', { detail: { id: form.id }, bubbles: true }));
      return form;
    } catch (error) {
      await this.showServerError(error);
      return undefined;
    } finally {
      this.busy = '';
    }
  }

  private retentionProblems(): Problem[] {
    const text = this.retention.trim();
    if (this.type === 'ervaring' || text === '' || (/^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= 3650)) return [];
    return [{ pointer: '/retentionDays', message: 'Vul een aantal dagen van 1 tot en met 3650 in, of laat het veld leeg.' }];
  }

  private savedText(form: FormDetail): string {
    if (form.publishedVersion === null || form.publishedVersion === undefined) {
      return `Opgeslagen als versie ${form.version}. Ouders zien het formulier pas als je het publiceert.`;
    }
    if (form.publishedVersion === form.version) return `Versie ${form.version} is opgeslagen en gepubliceerd.`;
    return `Opgeslagen als versie ${form.version}. Ouders zien nog versie ${form.publishedVersion}, tot je publiceert.`;
  }

  private async publish(): Promise<void> {
    let form = this.form;
    if (!form || this.dirty) form = await this.save();
    if (!form) return;
    this.busy = 'publishing';
    try {
      const answer = await api.publish(form.id, form.version);
      this.form = answer.form;
      this.notice = {
        text: `Versie ${answer.form.publishedVersion ?? form.version} is gepubliceerd: ouders zien nu deze versie.${publishedChanges(answer.changes)}`,
        link: { href: href({ name: 'form', id: form.id, view: 'delen' }), label: 'Zet het formulier op je website of deel het' },
      };
    } catch (error) {
      await this.showServerError(error);
    } finally {
      this.busy = '';
    }
  }

  private async changeState(state: 'gesloten' | 'gearchiveerd' | 'gepubliceerd'): Promise<void> {
    if (!this.form) return;
    if (state === 'gearchiveerd' && !window.confirm('Het formulier archiveren? Ouders kunnen het dan niet meer zien. De antwoorden blijven bewaard.')) return;
    this.busy = 'state';
    try {
      const { form } = await api.setState(this.form.id, state);
      this.form = form;
      const texts = {
        gesloten: 'Het formulier is gesloten: ouders kunnen niet meer meedoen.',
        gearchiveerd: 'Het formulier is gearchiveerd.',
        gepubliceerd: 'Het formulier is weer open.',
      };
      this.notice = { text: texts[state] };
    } catch (error) {
      await this.showServerError(error);
    } finally {
      this.busy = '';
    }
  }

  private async showServerError(error: unknown): Promise<void> {
    const errors: ServerError[] = error instanceof ApiError ? error.errors : [{ message: String(error) }];
    if (error instanceof ApiError && error.code === 'version-conflict') this.conflict = true;
    if (error instanceof ApiError && error.code === 'id-taken') {
      errors.splice(0, errors.length, { field: '/id', code: 'id-taken', message: 'Dit webadres is al in gebruik. Kies een andere naam.' });
    }
    this.problems = sortByPage(errors.map((serverError) => fromServer(this.type, this.draft ?? blankDefinition(this.type), serverError)));
    this.checked = true;
    await focusSummary(this);
  }

  // --- rendering -------------------------------------------------------------------------------

  override render() {
    if (this.status === 'loading') return html`<p role="status">Formulier laden…</p>`;
    if (this.status === 'failed' || !this.draft) {
      return html`<h1 tabindex="-1">Formulier niet gevonden</h1>
        <p>${this.loadError}</p>
        <p><a href=${href({ name: 'forms' })}>Terug naar de formulieren</a></p>`;
    }
    const title = textIn(this.draft.title, 'nl') || (this.form ? this.form.id : `Nieuw: ${typeName(this.type).toLowerCase()}`);
    return html`<nav aria-label="Kruimelpad" class="breadcrumbs">
        <ol>
          <li><a href=${href({ name: 'forms' })}>Formulieren</a></li>
          <li aria-current="page">${title}</li>
        </ol>
      </nav>
      <h1 tabindex="-1">${title}</h1>
      ${this.renderState()} ${this.form ? this.renderViews(this.form.id) : nothing}
      ${this.view === 'delen' && this.form
        ? html`<beheer-share .form=${this.form} .me=${this.me} @beheer-form-changed=${(event: CustomEvent<FormDetail>) => (this.form = event.detail)}></beheer-share>`
        : this.view === 'resultaten' && this.form
          ? html`<beheer-results
              .form=${this.form}
              ?can-edit=${this.canEdit}
              @beheer-form-changed=${(event: CustomEvent<FormDetail>) => (this.form = event.detail)}
            ></beheer-results>`
          : this.renderEditor()}`;
  }

  private renderState() {
    if (!this.form) return html`<p class="state-line"><span class="badge badge--concept">Nieuw</span> Nog niet opgeslagen.</p>`;
    const { state, version, publishedVersion } = this.form;
    const waiting = publishedVersion !== null && publishedVersion !== undefined && version > publishedVersion;
    return html`<p class="state-line">
      <span class="badge badge--${state}">${STATE_TEXT[state]}</span>
      ${state === 'concept'
        ? html`Versie ${version}, nog niet gepubliceerd.`
        : html`Ouders zien versie ${publishedVersion}.${waiting ? html` <strong>Versie ${version} is opgeslagen maar nog niet gepubliceerd.</strong>` : nothing}`}
    </p>`;
  }

  private renderViews(id: string) {
    const views: { view: FormView; label: string }[] = [
      { view: 'bewerken', label: this.canEdit ? 'Bewerken' : 'Bekijken' },
      { view: 'delen', label: 'Delen' },
      { view: 'resultaten', label: 'Resultaten' },
    ];
    return html`<nav aria-label="Dit formulier" class="subnav">
      <ul>
        ${views.map(
          (entry) =>
            html`<li>
              <a href=${href({ name: 'form', id, view: entry.view })} aria-current=${this.view === entry.view ? 'page' : 'false'}>${entry.label}</a>
            </li>`,
        )}
      </ul>
    </nav>`;
  }

  private renderEditor() {
    const draft = this.draft!;
    const readonly = !this.canEdit;
    const items = summaryOf(this.problems);
    const missing = missingTranslations(this.type, draft, this.languages);
    return html`${errorSummary(items, (item) => {
        const problem = this.problems[items.indexOf(item)];
        void this.goTo(problem.pointer, problem.lang);
      })}
      ${this.conflict
        ? html`<div class="notice notice--warning">
            <p>Iemand anders heeft dit formulier opgeslagen terwijl jij het bewerkte. Jouw wijzigingen zijn niet opgeslagen.</p>
            <button type="button" class="button button--secondary" @click=${() => void this.load()}>Laad de nieuwste versie (jouw wijzigingen vervallen)</button>
          </div>`
        : nothing}
      <div class="editor" @beheer-edit=${this.onEdit} @focusout=${this.onFocusOut}>
        <div class="editor__main">
          ${this.form ? nothing : this.renderId(draft)} ${this.languages.length > 1 ? html`<beheer-missing-translations .missing=${missing} @beheer-go-to-text=${(event: CustomEvent<{ lang: string; pointer: string }>) => void this.goTo(event.detail.pointer, event.detail.lang)}></beheer-missing-translations>` : nothing}
          <beheer-language-tabs .languages=${this.languages} selected=${this.tab} ?readonly=${readonly} @beheer-language=${this.onLanguage}></beheer-language-tabs>
          <div role="tabpanel" id="language-panel" aria-labelledby="tab-${this.tab}" class="language-panel">${this.renderPanel(readonly)}</div>
          ${this.type === 'peiling' && this.form && (this.form.definition as { integrity?: string }).integrity === 'code' && !readonly
            ? html`<beheer-codes .form=${this.form}></beheer-codes>`
            : nothing}
          ${readonly ? nothing : this.renderActions()} ${this.renderVersions()}
        </div>
        <aside class="editor__preview" aria-label="Voorbeeld">
          <beheer-preview
            .type=${this.type}
            .definition=${this.previewable}
            .languages=${this.languages}
            .language=${this.tab}
            .stale=${this.previewStale}
            privacy-url=${this.me?.organisation.privacyUrl ?? ''}
            widgets-url=${this.widgetsUrl}
          ></beheer-preview>
        </aside>
      </div>`;
  }

  private renderId(draft: Definition) {
    return input({
      id: fieldId('/id'),
      label: 'Naam in het webadres',
      hint: html`Het formulier komt op <span class="nowrap">/f/${draft.id || '…'}</span>. Kleine letters, cijfers en streepjes. Kan na het opslaan niet meer veranderen.`,
      error: this.problems.find((problem) => problem.pointer === '/id')?.message,
      short: false,
      autocomplete: 'off',
      value: draft.id,
      onInput: (value) => {
        this.idEdited = true;
        this.setDraft({ ...draft, id: value.trim() });
        this.dirty = true;
      },
    });
  }

  private renderPanel(readonly: boolean) {
    const draft = this.draft!;
    if (this.tab !== 'nl') {
      return html`<beheer-translations .type=${this.type} .language=${this.tab} .definition=${draft} .problems=${this.problems} ?readonly=${readonly}></beheer-translations>
        ${readonly
          ? nothing
          : html`<p>
              <button type="button" class="button button--warning" @click=${() => this.removeLanguage(this.tab)}>
                ${languageOf(this.tab).name} verwijderen uit dit formulier
              </button>
            </p>`}`;
    }
    const saved = this.form?.definition;
    switch (this.type) {
      case 'peiling':
        return html`<beheer-peiling-builder .definition=${draft} .saved=${saved} .problems=${this.problems} ?readonly=${readonly}></beheer-peiling-builder>
          ${this.renderRetention(readonly)}`;
      case 'meedenksessie':
        return html`<beheer-meedenksessie-builder .definition=${draft} .saved=${saved} .problems=${this.problems} ?readonly=${readonly}></beheer-meedenksessie-builder>
          ${this.renderRetention(readonly)}`;
      case 'ervaring':
        return html`<beheer-ervaring-builder .definition=${draft} .saved=${saved} .problems=${this.problems} ?readonly=${readonly}></beheer-ervaring-builder>`;
    }
  }

  private renderRetention(readonly: boolean) {
    return html`<section class="builder-section" aria-labelledby="retention-title">
      <h2 id="retention-title">Bewaren</h2>
      ${input({
        id: 'f-retentionDays',
        label: 'Antwoorden verwijderen na zoveel dagen (niet verplicht)',
        hint:
          this.type === 'meedenksessie'
            ? 'Aanmeldingen bevatten namen en e-mailadressen: kies een termijn kort na de laatste sessie. Leeg: zoals de server is ingesteld (standaard 365 dagen).'
            : 'Leeg: zoals de server is ingesteld (standaard 365 dagen).',
        short: true,
        inputmode: 'numeric',
        disabled: readonly,
        error: this.problems.find((problem) => problem.pointer === '/retentionDays')?.message,
        value: this.retention,
        onInput: (value) => {
          this.retention = value;
          this.dirty = true;
        },
      })}
    </section>`;
  }

  /** Every saved version, newest first: when, by whom, and which one parents see. */
  private renderVersions() {
    const versions = this.form?.versions ?? [];
    if (versions.length === 0) return nothing;
    const author = (createdBy: FormDetail['versions'][number]['createdBy']) =>
      !createdBy ? 'ingelezen door de server' : typeof createdBy === 'string' ? createdBy : (createdBy.name ?? createdBy.email);
    return html`<details class="versions">
      <summary>Versies (${versions.length})</summary>
      <ol reversed>
        ${[...versions].reverse().map(
          (version) =>
            html`<li>
              Versie ${version.version}, ${dutchShort(version.createdAt)}, ${author(version.createdBy)}${version.version === this.form?.publishedVersion
                ? html` <strong>(gepubliceerd)</strong>`
                : nothing}
            </li>`,
        )}
      </ol>
    </details>`;
  }

  private renderActions() {
    const form = this.form;
    const busy = this.busy !== '';
    const canPublish = !form || this.dirty || form.publishedVersion !== form.version || form.state === 'concept';
    return html`<div class="actions">
      <button type="button" class="button" ?disabled=${busy} @click=${() => void this.save()}>
        ${this.busy === 'saving' ? 'Bezig met opslaan…' : 'Opslaan als concept'}
      </button>
      ${canPublish && (form?.state !== 'gearchiveerd' || !form.publishedVersion)
        ? html`<button type="button" class="button button--secondary" ?disabled=${busy} @click=${() => void this.publish()}>
            ${this.busy === 'publishing' ? 'Bezig met publiceren…' : form?.publishedVersion ? 'Nieuwe versie publiceren' : 'Publiceren'}
          </button>`
        : nothing}
      ${form?.state === 'gepubliceerd'
        ? html`<button type="button" class="button button--secondary" ?disabled=${busy} @click=${() => void this.changeState('gesloten')}>Sluiten</button>`
        : nothing}
      ${form?.state === 'gesloten'
        ? html`<button type="button" class="button button--secondary" ?disabled=${busy} @click=${() => void this.changeState('gepubliceerd')}>Weer openen</button>`
        : nothing}
      ${form && form.state !== 'gearchiveerd'
        ? html`<button type="button" class="button button--warning" ?disabled=${busy} @click=${() => void this.changeState('gearchiveerd')}>Archiveren</button>`
        : nothing}
      ${form?.state === 'gearchiveerd' && form.publishedVersion
        ? html`<button type="button" class="button button--secondary" ?disabled=${busy} @click=${() => void this.changeState('gesloten')}>
            Uit het archief halen (gesloten)
          </button>`
        : nothing}
      <div role="status" class="actions__status">
        ${this.notice
          ? html`<p class="notice notice--success">
              ${this.notice.text} ${this.notice.link ? html`<a href=${this.notice.link.href}>${this.notice.link.label}</a>` : nothing}
            </p>`
          : this.dirty
            ? html`<p class="hint">Er zijn wijzigingen die nog niet zijn opgeslagen.</p>`
            : nothing}
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'beheer-form': BeheerForm;
  }
  interface HTMLElementEventMap {
    /** A new form was saved for the first time: the page's address becomes the form's. */
    'beheer-form-created': CustomEvent<{ id: string }>;
    /** The page's document title (the form's, once loaded). */
    'beheer-page-title': CustomEvent<string>;
  }
}

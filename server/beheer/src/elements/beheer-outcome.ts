import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { customElement } from 'lit/decorators.js';
import { api, ApiError, type FormDetail, type Outcome, type OutcomeDraft, type OutcomeStatus } from '../api.js';
import { dutchDateTime } from '../model/dates.js';
import { checkbox, errorSummary, focusSummary, input, radios } from '../fields.js';
import { ConsoleElement } from './console-element.js';

const STATUSES: { value: OutcomeStatus; label: string; hint: string }[] = [
  { value: 'gehoord', label: 'Gehoord', hint: 'We hebben jullie inbreng gelezen en besproken.' },
  { value: 'in-behandeling', label: 'In behandeling', hint: 'We werken aan wat jullie vroegen; er is nog geen besluit.' },
  { value: 'besloten', label: 'Besloten', hint: 'Er is een besluit genomen.' },
];
const LANGUAGE_NAMES: Record<string, string> = { nl: 'Nederlands', en: 'Engels', ar: 'Arabisch' };
const statusLabel = (status: OutcomeStatus) => STATUSES.find((item) => item.value === status)!.label;

type Field = 'status' | 'date' | 'url' | `text-${string}`;

/** `texts.en` (the server's field) → the id of its textarea. */
function fieldOf(field: string | undefined): Field | undefined {
  if (!field) return undefined;
  if (field.startsWith('texts.')) return `text-${field.slice('texts.'.length)}`;
  return (['status', 'date', 'url'] as const).find((name) => name === field);
}

/**
 * "Wat we met jullie inbreng doen": the coordinator writes it in every language of the form, with
 * a status and a date, saves it and publishes it. Parents see what is published in
 * `<ouder-terugkoppeling>`, in a closed poll and on the form's own page.
 *
 * @tag beheer-outcome
 */
@customElement('beheer-outcome')
export class BeheerOutcome extends ConsoleElement {
  static override properties: PropertyDeclarations = {
    form: { attribute: false },
    canEdit: { attribute: false },
    outcome: { state: true },
    draft: { state: true },
    errors: { state: true },
    error: { state: true },
    done: { state: true },
  };

  form!: FormDetail;
  canEdit = false;
  private outcome?: Outcome;
  private draft: OutcomeDraft = { status: 'gehoord', date: '', texts: {}, url: '', showResults: true };
  private errors: { field?: Field; message: string }[] = [];
  private error = '';
  private done = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('form') && (changed.get('form') as FormDetail | undefined)?.id !== this.form.id) void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.show((await api.outcome(this.form.id)).outcome);
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  private show(outcome: Outcome): void {
    this.outcome = outcome;
    const base = outcome.draft ?? outcome.published;
    this.draft = base
      ? { status: base.status, date: base.date, texts: { ...base.texts }, url: base.url ?? '', showResults: base.showResults }
      : { status: 'gehoord', date: new Date().toISOString().slice(0, 10), texts: {}, url: '', showResults: true };
  }

  private async save(publish: boolean): Promise<void> {
    this.done = '';
    try {
      this.show((await api.saveOutcome(this.form.id, { ...this.draft, url: this.draft.url || undefined })).outcome);
      if (publish) {
        const { outcome, mailed } = await api.publishOutcome(this.form.id);
        this.show(outcome);
        this.done = `De terugkoppeling is gepubliceerd.${mailed > 0 ? ` ${mailed === 1 ? '1 ouder krijgt' : `${mailed} ouders krijgen`} haar per e-mail.` : ''}`;
      } else this.done = 'De terugkoppeling is opgeslagen. Ouders zien haar pas als je haar publiceert.';
      this.errors = [];
    } catch (error) {
      this.errors = error instanceof ApiError ? error.errors.map((problem) => ({ field: fieldOf(problem.field), message: problem.message })) : [{ message: String(error) }];
      await focusSummary(this);
    }
  }

  override render() {
    if (this.error) return html`<p class="notice notice--warning" role="alert">${this.error}</p>`;
    if (!this.outcome) return html`<p role="status">Terugkoppeling laden…</p>`;
    const { published, publishedAt, languages } = this.outcome;
    const errorAt = (field: Field) => this.errors.find((error) => error.field === field)?.message;
    const disabled = !this.canEdit;
    return html`<section class="builder-section" aria-labelledby="outcome-title">
      <h2 id="outcome-title">Wat we met jullie inbreng doen</h2>
      <p class="outcome-state">
        ${published && publishedAt
          ? html`Gepubliceerd op ${dutchDateTime(publishedAt)}: <strong>${statusLabel(published.status)}</strong>.`
          : 'Nog niet gepubliceerd: ouders zien nog niets.'}
        ${this.outcome.subscribers > 0
          ? html` ${this.outcome.subscribers === 1 ? '1 ouder wil' : `${this.outcome.subscribers} ouders willen`} het per e-mail horen.`
          : nothing}
      </p>
      ${errorSummary(this.errors.map((error) => ({ target: error.field === 'status' ? 'outcome-status' : error.field ? `outcome-${error.field}` : undefined, message: error.message })))}
      <div role="status">${this.done ? html`<p class="notice notice--success">${this.done}</p>` : nothing}</div>
      <form novalidate @submit=${(event: Event) => (event.preventDefault(), void this.save(false))}>
        ${radios({
          id: 'outcome-status',
          label: 'Hoe ver is het?',
          value: this.draft.status,
          choices: STATUSES,
          disabled,
          error: errorAt('status'),
          onChange: (status) => (this.draft = { ...this.draft, status }),
        })}
        ${input({
          id: 'outcome-date',
          label: 'Datum van deze stand van zaken',
          type: 'date',
          short: true,
          disabled,
          error: errorAt('date'),
          value: this.draft.date,
          onInput: (date) => (this.draft = { ...this.draft, date }),
        })}
        ${languages.map((lang) =>
          input({
            id: `outcome-text-${lang}`,
            label: `Wat jullie met de inbreng doen (${LANGUAGE_NAMES[lang] ?? lang})`,
            hint: lang === 'nl' ? 'Schrijf kort en in gewone woorden. Een lege regel begint een nieuwe alinea.' : undefined,
            multiline: true,
            lang,
            dir: lang === 'ar' ? 'rtl' : undefined,
            disabled,
            error: errorAt(`text-${lang}`),
            value: this.draft.texts[lang] ?? '',
            onInput: (text) => (this.draft = { ...this.draft, texts: { ...this.draft.texts, [lang]: text } }),
          }),
        )}
        ${input({
          id: 'outcome-url',
          label: 'Webadres om meer te lezen (niet verplicht)',
          hint: 'Bijvoorbeeld het verslag of het besluit.',
          type: 'url',
          disabled,
          error: errorAt('url'),
          value: this.draft.url ?? '',
          onInput: (url) => (this.draft = { ...this.draft, url }),
        })}
        ${this.form.type === 'peiling'
          ? checkbox({
              id: 'outcome-results',
              label: 'Laat de uitslag van de peiling erbij zien',
              hint: 'Alleen als de peiling de uitslag laat zien, en alleen bij vragen die genoeg ouders beantwoordden.',
              disabled,
              checked: this.draft.showResults,
              onChange: (showResults) => (this.draft = { ...this.draft, showResults }),
            })
          : nothing}
        ${this.canEdit
          ? html`<div class="actions">
              <button type="submit" class="button button--secondary">Opslaan</button>
              <button type="button" class="button" @click=${() => void this.save(true)}>Publiceren</button>
            </div>`
          : nothing}
      </form>
      <details>
        <summary>Code voor op jullie website</summary>
        <p>Plak deze code in een pagina; die website moet wel in de lijst van jullie organisatie staan.</p>
        <pre class="snippet"><code>${this.outcome.snippet}</code></pre>
      </details>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'beheer-outcome': BeheerOutcome;
  }
}

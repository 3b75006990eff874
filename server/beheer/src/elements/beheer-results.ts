import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { customElement } from 'lit/decorators.js';
import { announce } from '../announce.js';
import { api, ApiError, links, type FormDetail, type Results } from '../api.js';
import { errorSummary, focusSummary, input, select } from '../fields.js';
import { dutchDateTime, isPast } from '../model/dates.js';
import './beheer-answers.js';
import './beheer-outcome.js';
import './beheer-signups.js';
import './beheer-stories.js';
import type { MeedenksessieDefinition, PeilingDefinition, PeilingQuestion } from '../model/forms.js';
import { textIn } from '../model/text.js';
import type { LocalizedText } from '../../../src/schema-types.js';
import { ConsoleElement } from './console-element.js';

const percent = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 0 });

declare global {
  interface HTMLElementEventMap {
    /** The form changed here (a session called off): the form's page shows the new state. */
    'beheer-form-changed': CustomEvent<FormDetail>;
  }
}

/**
 * What came in: a poll's votes counted per answer (a question too few answered marked), the
 * sign-ups per session (confirmed, waiting, places left, needs), the number of stories; how long
 * answers are kept; the exports; and the terugkoppeling to parents.
 * A redacteur can call a session off here: the parents signed up for it get a message, with the
 * organiser's words.
 *
 * @tag beheer-results
 * @fires beheer-form-changed
 */
@customElement('beheer-results')
export class BeheerResults extends ConsoleElement {
  static override properties: PropertyDeclarations = {
    form: { attribute: false },
    canEdit: { type: Boolean, attribute: 'can-edit' },
    results: { state: true },
    error: { state: true },
    cancelId: { state: true },
    cancelMessage: { state: true },
    cancelErrors: { state: true },
    cancelDone: { state: true },
    busy: { state: true },
    openSession: { state: true },
    filter: { state: true },
    filterError: { state: true },
  };

  form!: FormDetail;
  /** A redacteur or beheerder: may call a session off, give a place, moderate, write the terugkoppeling. */
  canEdit = false;
  private results?: Results;
  private error = '';
  private cancelId = '';
  private cancelMessage = '';
  private cancelErrors: { field?: 'session' | 'message'; message: string }[] = [];
  private cancelDone = '';
  private busy = false;
  /** The session whose sign-ups are shown. */
  private openSession = '';
  /** A poll's filter: from, to, lang. */
  private filter: Record<string, string> = {};
  private draftFilter: Record<string, string> = {};
  private filterError = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('form') && (changed.get('form') as FormDetail | undefined)?.id !== this.form.id) void this.load();
  }

  private async load(): Promise<void> {
    this.results = undefined;
    this.filter = {};
    this.draftFilter = {};
    this.error = '';
    try {
      this.results = await api.results(this.form.id);
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  /** Counts again for the chosen period and language; the page stays, and so does the focus. */
  private async applyFilter(): Promise<void> {
    const filter = Object.fromEntries(Object.entries(this.draftFilter).filter(([, value]) => value));
    try {
      this.results = await api.results(this.form.id, filter);
      this.filter = filter;
      this.filterError = '';
    } catch (error) {
      this.filterError = error instanceof ApiError ? error.message : String(error);
    }
  }

  private async cancelSession(event: Event): Promise<void> {
    event.preventDefault();
    this.cancelDone = '';
    const series = this.form.definition as MeedenksessieDefinition;
    const session = series.sessions.find((item) => item.id === this.cancelId);
    if (!session) {
      this.cancelErrors = [{ field: 'session', message: 'Kies welke sessie niet doorgaat.' }];
      return focusSummary(this);
    }
    const title = textIn(session.title as LocalizedText, 'nl');
    const state = this.form.sessions?.find((item) => item.id === session.id);
    const people = (state?.confirmed ?? 0) + (state?.waitlisted ?? 0);
    const who = people === 0 ? 'Er is nog niemand voor aangemeld.' : `${people === 1 ? '1 ouder krijgt' : `${people} ouders krijgen`} bericht.`;
    if (!window.confirm(`"${title}" afzeggen? Ouders kunnen zich er dan niet meer voor aanmelden. ${who} Dit kun je niet terugdraaien.`)) return;
    this.busy = true;
    try {
      const { form, cancelled } = await api.cancelSession(this.form.id, session.id, this.cancelMessage.trim() || undefined);
      this.cancelErrors = [];
      this.cancelId = '';
      this.cancelMessage = '';
      const total = cancelled.confirmed + cancelled.waitlisted;
      this.cancelDone =
        total === 0
          ? `"${title}" gaat niet door. Er was nog niemand voor aangemeld.`
          : cancelled.mail
            ? `"${title}" gaat niet door. ${cancelled.notified === 1 ? '1 ouder krijgt' : `${cancelled.notified} ouders krijgen`} daarover een e-mail.`
            : `"${title}" gaat niet door. E-mail staat uit: laat de ${total === 1 ? 'ouder' : `${total} ouders`} die zich hadden aangemeld het zelf weten.`;
      this.dispatchEvent(new CustomEvent('beheer-form-changed', { detail: form, bubbles: true }));
      announce(this.cancelDone);
      await this.load();
    } catch (error) {
      this.cancelErrors =
        error instanceof ApiError
          ? error.errors.map((serverError) => ({ field: serverError.field === 'message' ? ('message' as const) : undefined, message: serverError.message }))
          : [{ message: String(error) }];
      await focusSummary(this);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    if (this.error) return html`<p class="notice notice--warning" role="alert">${this.error}</p>`;
    if (!this.results) return html`<p role="status">Resultaten laden…</p>`;
    return html`<div class="results-head">
        <p>Stand van ${dutchDateTime(new Date().toISOString())}.</p>
        <button type="button" class="button button--secondary" @click=${() => {
          this.draftFilter = { ...this.filter };
          void this.applyFilter();
        }}>Vernieuwen</button>
      </div>
      ${this.renderResults(this.results)} ${this.renderRetention(this.results)} ${this.renderDownloads()}
      <beheer-outcome .form=${this.form} .canEdit=${this.canEdit}></beheer-outcome>`;
  }

  private renderRetention(results: Results) {
    if (results.retentionDaysAfterSession !== undefined) {
      const days = results.retentionDaysAfterSession;
      return html`<p class="retention">
        Aanmeldingen worden ${days === 0 ? 'direct na hun sessie' : `${days} ${days === 1 ? 'dag' : 'dagen'} na hun (laatste) sessie`} verwijderd.
      </p>`;
    }
    if (results.retentionDays === undefined) return nothing;
    return html`<p class="retention">Antwoorden worden ${results.retentionDays} ${results.retentionDays === 1 ? 'dag' : 'dagen'} na ontvangst verwijderd.</p>`;
  }

  private renderDownloads() {
    const { id } = this.form;
    return html`<section class="builder-section" aria-labelledby="downloads-title">
      <h2 id="downloads-title">Downloaden</h2>
      <p>Met namen en labels, in Nederlandse tijd. De download staat in het logboek.</p>
      <ul class="downloads">
        <li><a href=${links.exportCsv(id)} download>Antwoorden als CSV<span class="visually-hidden"> (voor Excel)</span></a></li>
        <li><a href=${links.exportCsv(id, 'totalen')} download>Totalen als CSV</a></li>
        <li><a href=${links.exportXlsx(id)} download>Alles als Excel-bestand (XLSX, met de totalen)</a></li>
      </ul>
    </section>`;
  }

  private renderResults(results: Results) {
    switch (this.form.type) {
      case 'peiling':
        return this.renderPoll(results);
      case 'meedenksessie':
        return this.renderSignUps(results);
      case 'ervaring': {
        const count = results.total ?? 0;
        return html`<p class="big-number"><strong>${count}</strong> ${count === 1 ? 'verhaal' : 'verhalen'} ontvangen.</p>
          <beheer-stories .form=${this.form} .canEdit=${this.canEdit}></beheer-stories>`;
      }
    }
  }

  private renderPoll(results: Results) {
    const poll = this.form.definition as PeilingDefinition;
    const total = results.tally?.total ?? results.total ?? 0;
    return html`${this.renderFilter(results)}
      <p class="big-number"><strong>${total}</strong> ${total === 1 ? 'ouder heeft' : 'ouders hebben'} meegedaan${Object.keys(this.filter).length ? ' (in deze selectie)' : ''}.</p>
      ${this.renderTimeline(results)}
      ${poll.questions.map((question) => this.renderQuestion(question, results.tally?.questions[question.id], results.tooFew?.includes(question.id) === true))}
      <beheer-answers .form=${this.form} .filter=${this.filter}></beheer-answers>`;
  }

  /** Period and language: the counts, the responses over time and the open answers follow. */
  private renderFilter(results: Results) {
    const languages = (results.languages ?? []).map((entry) => entry.lang).filter((lang): lang is string => Boolean(lang));
    const names: Record<string, string> = { nl: 'Nederlands', en: 'Engels', ar: 'Arabisch' };
    const set = (key: string) => (event: Event) => (this.draftFilter = { ...this.draftFilter, [key]: (event.target as HTMLInputElement).value });
    return html`<form
      class="field-row field-row--end filter"
      aria-label="Resultaten kiezen"
      novalidate
      @submit=${(event: Event) => {
        event.preventDefault();
        void this.applyFilter();
      }}
    >
      <div class="field"><label for="filter-from">Van</label><input id="filter-from" type="date" .value=${this.draftFilter.from ?? ''} @input=${set('from')} /></div>
      <div class="field"><label for="filter-to">Tot en met</label><input id="filter-to" type="date" .value=${this.draftFilter.to ?? ''} @input=${set('to')} /></div>
      <div class="field">
        <label for="filter-lang">Taal</label>
        <select id="filter-lang" @change=${set('lang')}>
          <option value="" ?selected=${!this.draftFilter.lang}>Alle talen</option>
          ${[...new Set([...languages, ...(this.filter.lang ? [this.filter.lang] : [])])].map(
            (lang) => html`<option value=${lang} ?selected=${this.draftFilter.lang === lang}>${names[lang] ?? lang}</option>`,
          )}
        </select>
      </div>
      <button type="submit" class="button button--secondary">Toon</button>
    </form>
    <div role="status">${this.filterError ? html`<p class="notice notice--warning">${this.filterError}</p>` : nothing}</div>`;
  }

  private renderTimeline(results: Results) {
    const days = results.timeline ?? [];
    if (days.length === 0) return nothing;
    const most = Math.max(...days.map((day) => day.n));
    const date = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    return html`<details class="timeline">
      <summary>Reacties per dag</summary>
      <table>
        <caption class="visually-hidden">Reacties per dag</caption>
        <thead><tr><th scope="col">Dag</th><th scope="col" class="number">Reacties</th><th scope="col" class="share"><span class="visually-hidden">Verhouding</span></th></tr></thead>
        <tbody>
          ${days.map(
            (day) => html`<tr>
              <th scope="row">${date.format(new Date(`${day.day}T00:00:00Z`))}</th>
              <td class="number">${day.n}</td>
              <td class="share"><meter aria-hidden="true" min="0" max=${most} .value=${day.n}></meter></td>
            </tr>`,
          )}
        </tbody>
      </table>
    </details>`;
  }

  private renderQuestion(question: PeilingQuestion, tally: { counts: Record<string, number>; total: number } | undefined, tooFew: boolean) {
    const label = textIn(question.label, 'nl');
    if (question.type === 'open') {
      return html`<section class="result" aria-label=${label}>
        <h2>${label}</h2>
        <p>Open vraag: de antwoorden staan in de export.</p>
      </section>`;
    }
    const rows: { label: string; count: number }[] = [];
    if (question.type === 'scale') {
      const min = question.min ?? 1;
      const max = question.max ?? 5;
      for (let value = min; value <= max; value++) {
        const end = value === min ? textIn(question.minLabel, 'nl') : value === max ? textIn(question.maxLabel, 'nl') : '';
        rows.push({ label: end ? `${value} (${end})` : String(value), count: tally?.counts[String(value)] ?? 0 });
      }
    } else {
      for (const option of question.options ?? []) rows.push({ label: textIn(option.label, 'nl'), count: tally?.counts[option.value] ?? 0 });
      if (question.other) rows.push({ label: 'Anders', count: tally?.counts.other ?? 0 });
    }
    const answered = tally?.total ?? rows.reduce((sum, row) => sum + row.count, 0);
    return html`<section class="result">
      <table>
        <caption>
          ${label}
          <span class="hint">${answered === 1 ? '1 antwoord' : `${answered} antwoorden`}${question.type === 'multiple' ? ', meer keuzes per ouder mogelijk' : ''}</span>
          ${tooFew ? html`<span class="badge badge--concept">te weinig antwoorden om te publiceren</span>` : nothing}
        </caption>
        <thead>
          <tr>
            <th scope="col">Antwoord</th>
            <th scope="col" class="number">Aantal</th>
            <th scope="col" class="share">Deel</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (row) =>
              html`<tr>
                <th scope="row">${row.label}</th>
                <td class="number">${row.count}</td>
                <td class="share">
                  <div class="share__inner">
                    <span class="share__value">${answered ? percent.format(row.count / answered) : '–'}</span>
                    <meter aria-hidden="true" min="0" max=${answered || 1} .value=${row.count}></meter>
                  </div>
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </section>`;
  }

  private renderSignUps(results: Results) {
    const series = this.form.definition as MeedenksessieDefinition;
    const sessions = results.sessions ?? [];
    const total = results.total ?? 0;
    return html`<p class="big-number"><strong>${total}</strong> ${total === 1 ? 'aanmelding' : 'aanmeldingen'}.</p>
      <table class="signups-table">
      <caption>
        Aanmeldingen per sessie
      </caption>
      <thead>
        <tr>
          <th scope="col">Sessie</th>
          <th scope="col" class="number">Aangemeld</th>
          <th scope="col" class="number">Wachtlijst</th>
          <th scope="col" class="number">Plaatsen over</th>
          <th scope="col">Aanmeldingen</th>
        </tr>
      </thead>
      <tbody>
        ${series.sessions.map((session) => {
          const counted = sessions.find((entry) => entry.id === session.id);
          const remaining = counted ? counted.remaining : (session.capacity ?? null);
          const calledOff = this.form.sessions?.find((entry) => entry.id === session.id)?.cancelledAt;
          return html`<tr>
            <th scope="row">
              ${textIn(session.title as LocalizedText, 'nl')}<span class="hint"> ${dutchDateTime(session.start)}</span>
              ${calledOff ? html`<strong class="called-off">Gaat niet door (afgezegd ${dutchDateTime(calledOff)})</strong>` : nothing}
            </th>
            <td class="number" data-label="Aangemeld">${counted?.confirmed ?? 0}</td>
            <td class="number" data-label="Wachtlijst">${counted?.waitlisted ?? 0}</td>
            <td class="number" data-label="Plaatsen over">${remaining === null ? 'geen grens' : remaining}</td>
            <td>
              <button
                type="button"
                class="button button--small button--secondary"
                aria-expanded=${this.openSession === session.id ? 'true' : 'false'}
                aria-controls="signups-panel"
                @click=${() => (this.openSession = this.openSession === session.id ? '' : session.id)}
              >
                Bekijken<span class="visually-hidden">: ${textIn(session.title as LocalizedText, 'nl')}</span>
              </button>
            </td>
          </tr>`;
        })}
      </tbody>
    </table>
    <div id="signups-panel">
      ${this.openSession
        ? html`<h2>Aanmeldingen: ${textIn(series.sessions.find((session) => session.id === this.openSession)?.title as LocalizedText, 'nl')}</h2>
            <beheer-signups
              .formId=${this.form.id}
              .sessionId=${this.openSession}
              .canEdit=${this.canEdit}
              .needLabels=${Object.fromEntries((series.needs ?? []).map((need) => [need.value, textIn(need.label as LocalizedText, 'nl')]))}
            ></beheer-signups>`
        : nothing}
    </div>
      ${this.canEdit ? this.renderCancel(series) : nothing}`;
  }

  /** Calling a session off: which one, and what the parents read from the organiser. */
  private renderCancel(series: MeedenksessieDefinition) {
    const published = this.form.publishedVersion !== null && this.form.publishedVersion !== undefined;
    const open = series.sessions.filter((session) => !isPast(session.end) && !this.form.sessions?.find((entry) => entry.id === session.id)?.cancelledAt);
    const errorAt = (field: 'session' | 'message') => this.cancelErrors.find((error) => error.field === field)?.message;
    return html`<section class="builder-section" aria-labelledby="cancel-session-title">
      <h2 id="cancel-session-title">Een sessie gaat niet door</h2>
      <div role="status">${this.cancelDone ? html`<p class="notice notice--success">${this.cancelDone}</p>` : nothing}</div>
      ${!published || open.length === 0
        ? html`<p>${published ? 'Er is geen sessie meer die je kunt afzeggen.' : 'Publiceer het formulier eerst; daarna kun je hier een sessie afzeggen.'}</p>`
        : html`<p>
              Zeg je een sessie af, dan krijgen de ouders die zich ervoor aanmeldden (ook op de wachtlijst) een e-mail in hun eigen taal, en
              haalt hun agenda de afspraak weg. Een andere tijd of plaats? Pas de sessie dan aan onder Bewerken en publiceer: ook dan krijgen
              de ouders bericht.
            </p>
            ${errorSummary(this.cancelErrors.map((error) => ({ target: error.field ? `cancel-${error.field}` : undefined, message: error.message })))}
            <form novalidate @submit=${(event: Event) => void this.cancelSession(event)}>
              ${select({
                id: 'cancel-session',
                label: 'Welke sessie gaat niet door?',
                placeholder: 'Kies een sessie',
                value: this.cancelId || undefined,
                error: errorAt('session'),
                choices: open.map((session) => ({ value: session.id, label: `${textIn(session.title as LocalizedText, 'nl')}, ${dutchDateTime(session.start)}` })),
                onChange: (value) => (this.cancelId = value),
              })}
              ${input({
                id: 'cancel-message',
                label: 'Bericht aan de ouders (niet verplicht)',
                hint: 'Bijvoorbeeld waarom, en of er een nieuwe datum komt. Schrijf in gewone taal; ouders lezen het in de e-mail zoals je het hier typt.',
                multiline: true,
                error: errorAt('message'),
                value: this.cancelMessage,
                onInput: (value) => (this.cancelMessage = value),
              })}
              <button type="submit" class="button button--warning" ?disabled=${this.busy}>${this.busy ? 'Bezig…' : 'Sessie afzeggen'}</button>
            </form>`}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'beheer-results': BeheerResults;
  }
}

import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { customElement } from 'lit/decorators.js';
import { announce } from '../announce.js';
import { api, ApiError, type FormDetail, type Results } from '../api.js';
import { errorSummary, focusSummary, input, select } from '../fields.js';
import { dutchDateTime, isPast } from '../model/dates.js';
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
 * A simple view of what came in: a poll's votes counted per answer, the sign-ups per session
 * (confirmed, waiting, places left), the number of stories. (#13 adds more.) A redacteur can call
 * a session off here: the parents signed up for it get a message, with the organiser's words.
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
  };

  form!: FormDetail;
  /** A redacteur or beheerder: may call a session off. */
  canEdit = false;
  private results?: Results;
  private error = '';
  private cancelId = '';
  private cancelMessage = '';
  private cancelErrors: { field?: 'session' | 'message'; message: string }[] = [];
  private cancelDone = '';
  private busy = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('form') && (changed.get('form') as FormDetail | undefined)?.id !== this.form.id) void this.load();
  }

  private async load(): Promise<void> {
    this.results = undefined;
    this.error = '';
    try {
      this.results = await api.results(this.form.id);
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
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
        <button type="button" class="button button--secondary" @click=${() => void this.load()}>Vernieuwen</button>
      </div>
      ${this.renderResults(this.results)}`;
  }

  private renderResults(results: Results) {
    switch (this.form.type) {
      case 'peiling':
        return this.renderPoll(results);
      case 'meedenksessie':
        return this.renderSignUps(results);
      case 'ervaring': {
        const count = results.total ?? 0;
        return html`<p class="big-number"><strong>${count}</strong> ${count === 1 ? 'verhaal' : 'verhalen'} ontvangen.</p>`;
      }
    }
  }

  private renderPoll(results: Results) {
    const poll = this.form.definition as PeilingDefinition;
    const total = results.tally?.total ?? results.total ?? 0;
    return html`<p class="big-number"><strong>${total}</strong> ${total === 1 ? 'ouder heeft' : 'ouders hebben'} meegedaan.</p>
      ${poll.questions.map((question) => this.renderQuestion(question, results.tally?.questions[question.id]))}`;
  }

  private renderQuestion(question: PeilingQuestion, tally: { counts: Record<string, number>; total: number } | undefined) {
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
          </tr>`;
        })}
      </tbody>
    </table>
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

import { html, type PropertyDeclarations, type PropertyValues } from 'lit';
import { customElement } from 'lit/decorators.js';
import { api, ApiError, type FormDetail, type Results } from '../api.js';
import { dutchDateTime } from '../model/dates.js';
import type { MeedenksessieDefinition, PeilingDefinition, PeilingQuestion } from '../model/forms.js';
import { textIn } from '../model/text.js';
import type { LocalizedText } from '../../../src/schema-types.js';
import { ConsoleElement } from './console-element.js';

const percent = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 0 });

/**
 * A simple view of what came in: a poll's votes counted per answer, the sign-ups per session
 * (confirmed, waiting, places left), the number of stories. (#13 adds more.)
 *
 * @tag beheer-results
 */
@customElement('beheer-results')
export class BeheerResults extends ConsoleElement {
  static override properties: PropertyDeclarations = {
    form: { attribute: false },
    results: { state: true },
    error: { state: true },
  };

  form!: FormDetail;
  private results?: Results;
  private error = '';

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
      <table>
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
          return html`<tr>
            <th scope="row">${textIn(session.title as LocalizedText, 'nl')}<span class="hint"> ${dutchDateTime(session.start)}</span></th>
            <td class="number">${counted?.confirmed ?? 0}</td>
            <td class="number">${counted?.waitlisted ?? 0}</td>
            <td class="number">${remaining === null ? 'geen grens' : remaining}</td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'beheer-results': BeheerResults;
  }
}

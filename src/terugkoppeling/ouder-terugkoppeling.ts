import { html, nothing } from 'lit';
import { OuderElement } from '../core/element.js';
import { heading } from '../core/form.js';
import { localeOf, plural } from '../core/i18n/index.js';
import { DefinitionController } from '../core/resource.js';
import { noticeStrings, noticeStyles, renderNotice, resultBarStyles } from '../core/terugkoppeling.js';
import { type Outcome, type OutcomeResults, parseTerugkoppeling, type Terugkoppeling } from './terugkoppeling.js';
import { terugkoppelingStrings } from './terugkoppeling.i18n.js';
import { terugkoppelingStyles } from './ouder-terugkoppeling.styles.js';

declare global {
  interface HTMLElementTagNameMap {
    'ouder-terugkoppeling': OuderTerugkoppeling;
  }
}

/**
 * "Wat we met jullie inbreng doen": what an organisation did with what parents said, on any page.
 * One form's outcome (`form="…"`), or every published outcome of the organisation: its status
 * (gehoord, in behandeling, besloten) in words, the date, the coordinator's text, a link to read
 * more, and a poll's published results where the poll allows them.
 *
 * @summary What was done with the parents' input: published outcomes, with results where allowed.
 * @tag ouder-terugkoppeling
 *
 * @event ouder-ready - The outcomes are loaded and rendered. `detail: { definition }` (the terugkoppeling document)
 *
 * @csspart terugkoppeling - The whole list of outcomes.
 * @csspart outcome - One outcome.
 * @csspart results - A poll's published results.
 * @csspart button - The "probeer opnieuw" button when loading failed.
 *
 * @cssproperty --ouder-font-family - Font (fallback `--utrecht-document-font-family`).
 * @cssproperty --ouder-color - Text colour.
 * @cssproperty --ouder-background - Background.
 * @cssproperty --ouder-surface - Background of the results.
 * @cssproperty --ouder-primary - Result bars.
 * @cssproperty --ouder-link-color - The "lees meer" link.
 * @cssproperty --ouder-focus-color - Focus outline.
 * @cssproperty --ouder-max-width - Widest the widget grows (default 40rem).
 */
export class OuderTerugkoppeling extends OuderElement {
  static override styles = [...OuderElement.styles, noticeStyles, resultBarStyles, terugkoppelingStyles];
  protected static override texts = [terugkoppelingStrings, noticeStrings];
  static override properties = { form: {} };

  /** The id of one form: only its outcome is shown. Without it, every published outcome of the organisation. */
  form?: string;

  private readonly loader = new DefinitionController<Terugkoppeling>(this, (raw) => parseTerugkoppeling(raw), (document) => this.announceReady(document));

  /** `endpoint` is the organisation's outcomes (`…/api/outcomes/<organisation>`); with `form` it asks for that form's only. */
  override get definitionUrl(): string | undefined {
    const url = super.definitionUrl;
    if (!url || !this.form || this.src || this.settings.src) return url;
    return `${url}${url.includes('?') ? '&' : '?'}form=${encodeURIComponent(this.form)}`;
  }

  private get strings() {
    return terugkoppelingStrings(this.language, this.dutchRegister);
  }

  override render() {
    return this.renderFrame(this.loader, (document) => this.renderOutcomes(document));
  }

  private renderOutcomes(document: Terugkoppeling) {
    const strings = this.strings;
    // A static file may hold every outcome: `form` picks one whatever the source.
    const outcomes = this.form ? document.outcomes.filter((outcome) => outcome.formId === this.form) : document.outcomes;
    return html`<section part="terugkoppeling" aria-labelledby="title">
      ${heading(this.level, noticeStrings(this.language, this.dutchRegister).title, { id: 'title' })}
      ${outcomes.length === 0 ? html`<p class="status">${strings.empty}</p>` : outcomes.map((outcome, index) => this.renderOutcome(outcome, index))}
    </section>`;
  }

  private renderOutcome(outcome: Outcome, index: number) {
    const title = this.text(outcome.title);
    return html`<article part="outcome" aria-labelledby="outcome-${index}">
      ${heading(this.level + 1, title, { id: `outcome-${index}` })}
      ${renderNotice(outcome, this.language, title)} ${outcome.results ? this.renderResults(outcome.results, index) : nothing}
    </article>`;
  }

  private renderResults(results: OutcomeResults, index: number) {
    const { strings } = this;
    const percent = new Intl.NumberFormat(localeOf(this.language), { style: 'percent' });
    return html`<section class="results" part="results" aria-labelledby="results-${index}">
      ${heading(this.level + 2, strings.resultsTitle, { id: `results-${index}` })}
      <p>${plural(strings.participants, results.total, this.language)}</p>
      ${results.questions.map(
        (question, position) => html`<div>
          ${heading(this.level + 3, this.text(question.label), { id: `result-${index}-${position}` })}
          <ul class="bars" aria-labelledby="result-${index}-${position}">
            ${question.options.map(
              (option) => html`<li>
                <span class="bar-text">
                  <span>${this.text(option.label)}</span>
                  <span>${plural(strings.votes, option.count, this.language)} (${percent.format(option.share / 100)})</span>
                </span>
                <svg class="bar" viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                  <rect width=${option.share} height="1"></rect>
                </svg>
              </li>`,
            )}
          </ul>
          ${question.type === 'multiple' ? html`<p class="muted">${strings.multiple}</p>` : nothing}
        </div>`,
      )}
      ${results.omitted ? html`<p class="muted">${plural(strings.omitted, results.omitted, this.language)}</p>` : nothing}
    </section>`;
  }
}

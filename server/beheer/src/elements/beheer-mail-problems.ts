import { html, nothing, type PropertyDeclarations } from 'lit';
import { customElement } from 'lit/decorators.js';
import { announce } from '../announce.js';
import { api, ApiError, type MailProblem, type Me } from '../api.js';
import { dutchShort } from '../model/dates.js';
import { ConsoleElement } from './console-element.js';

/** What each kind of message is, as a coordinator calls it. */
const KINDS: Record<string, string> = {
  signup: 'Bevestiging van een aanmelding',
  promoted: 'Bericht: er is een plaats vrij',
  reminder: 'Herinnering aan een sessie',
  cancelled: 'Bevestiging van een afmelding',
  'session-changed': 'Bericht: de sessie is gewijzigd',
  'session-cancelled': 'Bericht: de sessie gaat niet door',
  story: 'Bevestiging van een verhaal, met de intrekcode',
  outcome: 'Bericht over de uitkomst',
};

/**
 * The messages to parents that did not arrive: what, to whom (partly hidden), why, and when it is
 * tried again; "Probeer opnieuw" (a redacteur or beheerder) sends one again now, for instance
 * after the mail settings or the address at the relay were fixed.
 *
 * @tag beheer-mail-problems
 * @fires beheer-mail-changed
 */
@customElement('beheer-mail-problems')
export class BeheerMailProblems extends ConsoleElement {
  static override properties: PropertyDeclarations = {
    me: { attribute: false },
    problems: { state: true },
    error: { state: true },
    done: { state: true },
    busy: { state: true },
  };

  /** Who is logged in: a lezer sees the list, a redacteur or beheerder can try again. */
  me?: Me;
  private problems?: MailProblem[];
  private error = '';
  private done = '';
  private busy = '';

  private get canRetry(): boolean {
    return this.me?.user.role === 'beheerder' || this.me?.user.role === 'redacteur';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.problems = (await api.mailProblems()).problems;
      this.error = '';
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  private async retry(problem: MailProblem): Promise<void> {
    this.busy = problem.id;
    this.done = '';
    try {
      await api.retryMail(problem.id);
      this.done = `Het bericht aan ${problem.recipient ?? 'de ouder'} wordt nu opnieuw verstuurd. Lukt het weer niet, dan staat het hier opnieuw met de reden.`;
      this.dispatchEvent(new CustomEvent('beheer-mail-changed', { bubbles: true }));
    } catch (error) {
      this.done = '';
      this.error = error instanceof ApiError ? error.message : String(error);
    } finally {
      this.busy = '';
    }
    await this.load();
    announce(this.done || this.error);
    await this.updateComplete;
    this.querySelector<HTMLElement>('#mail-problems-title')?.focus();
  }

  override render() {
    return html`<section class="builder-section" aria-labelledby="mail-problems-title">
      <h2 id="mail-problems-title" tabindex="-1">Berichten die niet aankwamen</h2>
      <p>
        Hier staan e-mails aan ouders die de mailserver niet aannam. Een bericht dat later vanzelf opnieuw geprobeerd wordt, staat hier tot
        het aankomt. Komt een bericht niet aan, neem dan op een andere manier contact op met de ouder.
      </p>
      ${this.error ? html`<p class="notice notice--warning" role="alert">${this.error}</p>` : nothing}
      <div role="status">${this.done ? html`<p class="notice notice--success">${this.done}</p>` : nothing}</div>
      ${this.problems
        ? this.problems.length
          ? html`<p><button type="button" class="button button--secondary button--small" @click=${() => void this.load()}>Vernieuwen</button></p>
              <ul class="mail-problems">
                ${this.problems.map((problem) => this.renderProblem(problem))}
              </ul>`
          : html`<p class="notice notice--success">Alle berichten zijn aangekomen.</p>`
        : this.error
          ? nothing
          : html`<p role="status">Laden…</p>`}
    </section>`;
  }

  private renderProblem(problem: MailProblem) {
    const what = KINDS[problem.kind] ?? problem.kind;
    const to = problem.recipient ?? 'een ouder (het adres is al gewist)';
    return html`<li class="mail-problem">
      <h3>${what} <span class="break">aan ${to}</span></h3>
      <dl>
        <dt>Formulier</dt>
        <dd class="break">${problem.formId}${problem.sessionId ? `, sessie ${problem.sessionId}` : ''}</dd>
        <dt>Stand</dt>
        <dd>
          ${problem.state === 'failed'
            ? `Niet aangekomen na ${problem.attempts === 1 ? '1 poging' : `${problem.attempts} pogingen`}. Er wordt niet meer vanzelf geprobeerd.`
            : `${problem.attempts === 1 ? '1 poging' : `${problem.attempts} pogingen`} mislukt. Wordt vanzelf opnieuw geprobeerd${problem.nextAttemptAt ? ` op ${dutchShort(problem.nextAttemptAt)}` : ''}.`}
        </dd>
        <dt>Wat de mailserver zei</dt>
        <dd class="break"><code>${problem.lastError}</code></dd>
        <dt>Geschreven</dt>
        <dd>${dutchShort(problem.createdAt)}</dd>
      </dl>
      ${this.canRetry && problem.retryable
        ? html`<button type="button" class="button button--small" ?disabled=${this.busy !== ''} @click=${() => void this.retry(problem)}>
            ${this.busy === problem.id ? 'Bezig…' : 'Probeer opnieuw'}<span class="visually-hidden">: ${what} aan ${to}</span>
          </button>`
        : nothing}
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'beheer-mail-problems': BeheerMailProblems;
  }
}

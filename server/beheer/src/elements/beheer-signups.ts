import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { customElement } from 'lit/decorators.js';
import { announce } from '../announce.js';
import { api, ApiError, links, type SessionSignups, type Signup } from '../api.js';
import { ConsoleElement } from './console-element.js';

const day = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' });
const STATUS: Record<Signup['status'], string> = { confirmed: 'Heeft een plaats', waitlisted: 'Wachtlijst', cancelled: 'Afgemeld' };

/**
 * One session's sign-ups: who has a place, who waits (in order) and who cancelled, what they need
 * added up, when the list is deleted; after the session began, who came; a parent moved from the
 * waiting list by hand; the printable attendance list.
 *
 * @tag beheer-signups
 */
@customElement('beheer-signups')
export class BeheerSignups extends ConsoleElement {
  static override properties: PropertyDeclarations = {
    formId: { attribute: false },
    sessionId: { attribute: false },
    canEdit: { attribute: false },
    needLabels: { attribute: false },
    list: { state: true },
    error: { state: true },
  };

  formId = '';
  sessionId = '';
  canEdit = false;
  /** The form's needs by value, for their labels. */
  needLabels: Record<string, string> = {};
  private list?: SessionSignups;
  private error = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('sessionId') || changed.has('formId')) void this.act(() => api.signups(this.formId, this.sessionId));
  }

  private async act(work: () => Promise<SessionSignups>, done?: string): Promise<void> {
    try {
      this.list = await work();
      this.error = '';
      if (done) announce(done);
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  override render() {
    if (!this.list) return this.error ? html`<p class="notice notice--warning" role="alert">${this.error}</p>` : html`<p role="status">Aanmeldingen laden…</p>`;
    const { session, signups } = this.list;
    const started = Date.parse(session.start) <= Date.now();
    const needs = session.needs.map((need) => `${need.count}× ${need.label}`).join(', ');
    return html`<div class="signups">
      ${this.error ? html`<p class="notice notice--warning" role="alert">${this.error}</p>` : nothing}
      <p>
        ${needs ? html`Nodig: ${needs}. ` : nothing}De aanmeldingen worden op ${day.format(Date.parse(session.deleteAt))} verwijderd.
        <a href=${links.attendancePrint(this.formId, this.sessionId)} target="_blank" rel="noopener">Presentielijst afdrukken<span class="visually-hidden"> (opent in een nieuw venster)</span></a>
      </p>
      ${signups.length === 0
        ? html`<p>Nog niemand aangemeld.</p>`
        : html`<table class="signups-table">
            <caption class="visually-hidden">Aanmeldingen voor ${session.title}</caption>
            <thead>
              <tr>
                <th scope="col">Naam</th>
                <th scope="col">Status</th>
                <th scope="col">Nodig</th>
                <th scope="col">Contact</th>
                <th scope="col">${started ? 'Aanwezig' : 'Actie'}</th>
              </tr>
            </thead>
            <tbody>
              ${signups.map((person) => this.renderPerson(person, started))}
            </tbody>
          </table>`}
    </div>`;
  }

  private renderPerson(person: Signup, started: boolean) {
    const status = person.status === 'waitlisted' ? `${STATUS.waitlisted} (${person.position})` : STATUS[person.status];
    return html`<tr>
      <th scope="row">${person.name}</th>
      <td data-label="Status">${status}</td>
      <td data-label="Nodig">${person.needs.map((need) => this.needLabels[need] ?? need).join(', ') || '–'}</td>
      <td class="break" data-label="Contact">${person.email}${person.phone ? html`<br />${person.phone}` : nothing}</td>
      <td>${this.renderAction(person, started)}</td>
    </tr>`;
  }

  private renderAction(person: Signup, started: boolean) {
    if (started && person.status === 'confirmed') {
      if (!this.canEdit) return person.attended === true ? 'Ja' : person.attended === false ? 'Nee' : '–';
      return html`<input
          type="checkbox"
          id="attended-${person.id}"
          .checked=${person.attended === true}
          @change=${(event: Event) =>
            void this.act(
              () => api.markAttendance(this.formId, this.sessionId, { [person.id]: (event.target as HTMLInputElement).checked }),
              `${person.name} ${(event.target as HTMLInputElement).checked ? 'was er' : 'was er niet'}.`,
            )}
        /><label for="attended-${person.id}">Was er<span class="visually-hidden">: ${person.name}</span></label>`;
    }
    if (!started && person.status === 'waitlisted' && this.canEdit) {
      return html`<button
        type="button"
        class="button button--small button--secondary"
        @click=${() => void this.act(() => api.promote(this.formId, this.sessionId, person.id), `${person.name} heeft nu een plaats.`)}
      >
        Plaats geven<span class="visually-hidden">: ${person.name}</span>
      </button>`;
    }
    return '–';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'beheer-signups': BeheerSignups;
  }
}

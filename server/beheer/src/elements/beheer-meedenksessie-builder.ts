import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { amsterdamToIso, isoToAmsterdam } from '../model/dates.js';
import { nextId, type MeedenksessieDefinition } from '../model/forms.js';
import type { MeedenksessieSession } from '../../../src/schema-types.js';
import { fieldId, join, setIn } from '../model/pointer.js';
import { textIn } from '../model/text.js';
import { BuilderElement } from './builder-element.js';

const SESSION = { one: 'sessie', title: 'Sessie' };
const ROLE = { one: 'rol', title: 'Rol', add: 'Rol toevoegen', legend: 'Rollen (niet verplicht)' };
const NEED = { one: 'behoefte', title: 'Behoefte', add: 'Behoefte toevoegen', legend: 'Wat ouders nodig kunnen hebben om mee te doen (niet verplicht)' };

type Place = 'location' | 'online' | 'both';

/**
 * The builder for meedenksessies: sessions with a date, begin and end time, a place or online,
 * places and a waiting list, until when parents can sign up; the roles parents choose from and
 * what they may need to take part.
 *
 * @tag beheer-meedenksessie-builder
 * @fires beheer-edit - Every change, with the whole new definition.
 */
@customElement('beheer-meedenksessie-builder')
export class BeheerMeedenksessieBuilder extends BuilderElement<MeedenksessieDefinition> {
  override render() {
    const series = this.definition;
    return html`<section class="builder-section" aria-labelledby="series-general">
        <h2 id="series-general">Algemeen</h2>
        ${this.text('/title', 'Titel', { hint: 'Bijvoorbeeld "Denk mee over het nieuwe jeugdbeleid".' })}
        ${this.text('/intro', 'Inleiding (niet verplicht)', { multiline: true, hint: 'Waar het over gaat, voor wie, en wat er met de uitkomsten gebeurt.' })}
        ${this.check('/multiple', 'Ouders mogen zich voor meer sessies tegelijk aanmelden')} ${this.outcomeOptIn()}
      </section>
      <section class="builder-section" aria-labelledby="series-sessions">
        <h2 id="series-sessions">Sessies</h2>
        ${this.itemList(
          '/sessions',
          series.sessions.map((session, s) => this.renderSession(session, s)),
          { label: 'Sessie toevoegen', item: () => ({ id: nextId('s', series.sessions.map((session) => session.id)), title: '', start: '', end: '' }), focus: 'title', names: SESSION },
        )}
      </section>
      <section class="builder-section" aria-labelledby="series-people">
        <h2 id="series-people">Over de ouders</h2>
        ${this.options('/roles', { ...ROLE, hint: 'Ouders kiezen er een bij het aanmelden, bijvoorbeeld "ouder", "pleegouder", "grootouder".' })}
        ${this.options('/needs', { ...NEED, hint: 'Ouders kunnen er een of meer aanvinken, bijvoorbeeld "tolk", "kinderopvang", "rolstoeltoegankelijk".' })}
      </section>`;
  }

  private renderSession(session: MeedenksessieSession, s: number) {
    const at = (...rest: (string | number)[]) => join('sessions', s, ...rest);
    const headingId = `${fieldId(at())}-heading`;
    const title = textIn(session.title, 'nl');
    const place: Place = session.online ? (session.location ? 'both' : 'online') : 'location';
    return html`<li class="item ${this.problemsIn(at()) ? 'item--error' : ''}" @keydown=${this.moveKeys('/sessions', s, SESSION)}>
      <section aria-labelledby=${headingId}>
        <div class="item__head">
          <h3 id=${headingId}>Sessie ${s + 1}${title ? html`<span class="item__title">: ${title}</span>` : nothing}</h3>
          ${this.itemControls('/sessions', s, this.definition.sessions.length, SESSION, { removable: this.definition.sessions.length > 1 })}
        </div>
        ${this.text(at('title'), 'Titel van de sessie')} ${this.renderWhen(session, s)}
        ${this.choice<Place>(
          at('online'),
          'Waar is de sessie?',
          [
            { value: 'location', label: 'Op een plek' },
            { value: 'online', label: 'Online' },
            { value: 'both', label: 'Op een plek én online' },
          ],
          { value: place, onChange: (value) => this.changePlace(s, value) },
        )}
        ${place !== 'online'
          ? html`${this.text(at('location', 'name'), 'Plek', { hint: 'Bijvoorbeeld "Bibliotheek Centrum, zaal 2".' })}
            ${this.text(at('location', 'address'), 'Adres (niet verplicht)')}`
          : nothing}
        ${this.number(at('capacity'), 'Aantal plaatsen (niet verplicht)', { hint: 'Leeg: geen grens.' })}
        ${session.capacity !== undefined ? this.check(at('waitlist'), 'Wachtlijst als de sessie vol is') : nothing}
        ${this.dateTime(at('deadline'), 'Aanmelden kan tot (niet verplicht)', { hint: 'Nederlandse tijd. Leeg: tot de sessie begint.', optional: true, defaultTime: '23:59' })}
      </section>
    </li>`;
  }

  private changePlace(s: number, place: Place): void {
    const session = this.definition.sessions[s];
    let next: MeedenksessieSession = { ...session, online: place === 'location' ? undefined : true };
    if (place === 'online') delete next.location;
    else if (!next.location) next = { ...next, location: { name: '' } };
    if (next.online === undefined) delete next.online;
    this.set(join('sessions', s), next);
  }

  /** One date with a begin and an end time: a meedenksessie is an evening, not a week. */
  private renderWhen(session: MeedenksessieSession, s: number) {
    const startPointer = join('sessions', s, 'start');
    const endPointer = join('sessions', s, 'end');
    const startId = fieldId(startPointer);
    const endId = fieldId(endPointer);
    const start = isoToAmsterdam(session.start);
    const end = isoToAmsterdam(session.end);
    const startError = this.problemAt(startPointer);
    const endError = this.problemAt(endPointer);
    const update = () => {
      const value = (id: string) => (this.querySelector<HTMLInputElement>(`#${id}`)?.value ?? '').trim();
      const date = value(startId);
      const from = value(`${startId}-time`);
      const to = value(endId);
      const iso = (time: string) => (date && time ? (amsterdamToIso(date, time) ?? `${date}T${time}`) : '');
      let next = setIn(this.definition, startPointer, iso(from));
      next = setIn(next, endPointer, iso(to));
      this.edit(next);
    };
    const messages = [startError, endError].filter(Boolean);
    return html`<fieldset class="field field--datetime ${messages.length ? 'field--error' : ''}" aria-describedby="${startId}-when-hint">
      <legend>Wanneer</legend>
      <p class="hint" id="${startId}-when-hint">Nederlandse tijd.</p>
      ${startError ? html`<p class="error-message" id="${startId}-error"><span class="visually-hidden">Fout: </span>${startError}</p>` : nothing}
      ${endError ? html`<p class="error-message" id="${endId}-error"><span class="visually-hidden">Fout: </span>${endError}</p>` : nothing}
      <div class="datetime">
        <div>
          <label for=${startId}>Datum</label>
          <input
            type="date"
            id=${startId}
            .value=${start.date}
            ?disabled=${this.readonly}
            aria-invalid=${startError ? 'true' : nothing}
            aria-describedby=${startError ? `${startId}-error` : nothing}
            @change=${update}
          />
        </div>
        <div>
          <label for="${startId}-time">Begintijd</label>
          <input type="time" id="${startId}-time" .value=${start.time} ?disabled=${this.readonly} @change=${update} />
        </div>
        <div>
          <label for=${endId}>Eindtijd</label>
          <input
            type="time"
            id=${endId}
            .value=${end.time}
            ?disabled=${this.readonly}
            aria-invalid=${endError ? 'true' : nothing}
            aria-describedby=${endError ? `${endId}-error` : nothing}
            @change=${update}
          />
        </div>
      </div>
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'beheer-meedenksessie-builder': BeheerMeedenksessieBuilder;
  }
}

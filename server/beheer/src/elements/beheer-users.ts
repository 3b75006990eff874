import { html, nothing, type PropertyDeclarations } from 'lit';
import { customElement } from 'lit/decorators.js';
import { announce } from '../announce.js';
import { api, ApiError, type Me, type Role, type User } from '../api.js';
import { errorSummary, focusSummary, input, select } from '../fields.js';
import { dutchShort } from '../model/dates.js';
import { ConsoleElement } from './console-element.js';
import { EMAIL } from './beheer-login.js';

export const ROLES: { value: Role; label: string; hint: string }[] = [
  { value: 'lezer', label: 'Lezer', hint: 'ziet formulieren en resultaten' },
  { value: 'redacteur', label: 'Redacteur', hint: 'maakt, bewerkt en publiceert formulieren, en beheert de netwerken' },
  { value: 'beheerder', label: 'Beheerder', hint: 'ook gebruikers, instellingen van de organisatie en het logboek' },
];

const roleName = (role: Role) => ROLES.find((entry) => entry.value === role)?.label ?? role;

/**
 * The organisation's users and their roles: invite someone (they get a one-time link to set
 * their password), change a role, remove an account.
 *
 * @tag beheer-users
 */
@customElement('beheer-users')
export class BeheerUsers extends ConsoleElement {
  static override properties: PropertyDeclarations = {
    me: { attribute: false },
    users: { state: true },
    error: { state: true },
    draft: { state: true },
    errors: { state: true },
    invited: { state: true },
    busy: { state: true },
    roles: { state: true },
  };

  me?: Me;
  private users?: User[];
  private error = '';
  private draft = { name: '', email: '', role: 'redacteur' as Role };
  private errors: { field?: 'name' | 'email'; message: string }[] = [];
  /** The one-time link to pass on: for someone just added, or a new one for a forgotten password. */
  private invited?: { user: User; setupUrl: string; reset?: boolean };
  private busy = false;
  /** Roles chosen in the table but not yet saved, per user id. */
  private roles = new Map<string, Role>();

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.users = (await api.users()).users;
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  private async invite(event: Event): Promise<void> {
    event.preventDefault();
    const errors: typeof this.errors = [];
    if (!this.draft.name.trim()) errors.push({ field: 'name', message: 'Vul de naam in.' });
    if (!EMAIL.test(this.draft.email.trim())) errors.push({ field: 'email', message: 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.' });
    this.errors = errors;
    this.invited = undefined;
    if (errors.length) return focusSummary(this);
    this.busy = true;
    try {
      this.invited = await api.addUser({ name: this.draft.name.trim(), email: this.draft.email.trim(), role: this.draft.role });
      this.draft = { name: '', email: '', role: 'redacteur' };
      await this.load();
      await this.updateComplete;
      this.querySelector<HTMLElement>('#invited')?.focus();
    } catch (error) {
      this.errors = error instanceof ApiError
        ? error.errors.map((serverError) => ({
            field: serverError.field === '/email' || serverError.field === 'email' ? 'email' : serverError.field === '/name' || serverError.field === 'name' ? 'name' : undefined,
            message: serverError.message,
          }))
        : [{ message: String(error) }];
      await focusSummary(this);
    } finally {
      this.busy = false;
    }
  }

  private async changeRole(user: User, role: Role): Promise<void> {
    try {
      await api.changeUser(user.id, { role });
      announce(`${user.name} is nu ${roleName(role).toLowerCase()}.`);
      this.error = '';
      this.roles.delete(user.id);
      await this.load();
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
      await this.load();
    }
  }

  private async newLink(user: User): Promise<void> {
    try {
      const { setupUrl } = await api.newSetupLink(user.id);
      this.invited = { user, setupUrl, reset: true };
      this.error = '';
      await this.updateComplete;
      this.querySelector<HTMLElement>('#invited')?.focus();
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  private async removeUser(user: User): Promise<void> {
    if (!window.confirm(`Het account van ${user.name} (${user.email}) verwijderen? Diegene kan dan niet meer inloggen.`)) return;
    try {
      await api.removeUser(user.id);
      announce(`Het account van ${user.name} is verwijderd.`);
      this.error = '';
      await this.load();
      document.querySelector<HTMLElement>('main h1')?.focus();
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  override render() {
    return html`<h1 tabindex="-1">Gebruikers</h1>
      <details class="states">
        <summary>Wat mag elke rol?</summary>
        <dl>${ROLES.map((role) => html`<dt>${role.label}</dt><dd>${role.hint}</dd>`)}</dl>
      </details>
      ${this.error ? html`<p class="notice notice--warning" role="alert">${this.error}</p>` : nothing}
      ${this.users ? this.renderTable(this.users) : this.error ? nothing : html`<p role="status">Laden…</p>`} ${this.renderInvite()}`;
  }

  private renderTable(users: User[]) {
    return html`<table class="users-table">
      <caption class="visually-hidden">
        Gebruikers van ${this.me?.organisation.name ?? 'je organisatie'}
      </caption>
      <thead>
        <tr>
          <th scope="col">Naam</th>
          <th scope="col">E-mailadres</th>
          <th scope="col">Rol</th>
          <th scope="col">Laatst ingelogd</th>
          <th scope="col"><span class="visually-hidden">Acties</span></th>
        </tr>
      </thead>
      <tbody>
        ${users.map((user) => {
          const self = user.id === this.me?.user.id;
          return html`<tr>
            <th scope="row">${user.name}${self ? html` <span class="hint">(jij)</span>` : nothing}</th>
            <td class="break" data-label="E-mailadres">${user.email}</td>
            <td data-label="Rol">
              ${self
                ? roleName(user.role)
                : this.renderRole(user)}
            </td>
            <td data-label="Laatst ingelogd">${user.lastLoginAt ? dutchShort(user.lastLoginAt) : 'nog nooit'}</td>
            <td>
              ${self
                ? nothing
                : html`<div class="inline-form">
                    <button type="button" class="button button--small button--secondary" @click=${() => void this.newLink(user)}>
                      Nieuwe inloglink<span class="visually-hidden">: ${user.name}</span>
                    </button>
                    <button type="button" class="button button--small button--warning" @click=${() => void this.removeUser(user)}>
                      Verwijderen<span class="visually-hidden">: ${user.name}</span>
                    </button>
                  </div>`}
            </td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }

  /** A role is changed with a button, not by the list alone: an arrow key in it must not change someone's rights. */
  private renderRole(user: User) {
    const chosen = this.roles.get(user.id) ?? user.role;
    return html`<div class="inline-form">
      <label class="visually-hidden" for="role-${user.id}">Rol van ${user.name}</label>
      <select id="role-${user.id}" @change=${(event: Event) => (this.roles = new Map(this.roles).set(user.id, (event.target as HTMLSelectElement).value as Role))}>
        ${ROLES.map((role) => html`<option value=${role.value} ?selected=${role.value === chosen}>${role.label}</option>`)}
      </select>
      ${chosen !== user.role
        ? html`<button type="button" class="button button--small" @click=${() => void this.changeRole(user, chosen)}>
            Opslaan<span class="visually-hidden">: rol van ${user.name}</span>
          </button>`
        : nothing}
    </div>`;
  }

  private renderInvite() {
    const errorAt = (field: 'name' | 'email') => this.errors.find((error) => error.field === field)?.message;
    return html`<section class="builder-section" aria-labelledby="invite-title">
      <h2 id="invite-title">Iemand toevoegen</h2>
      ${errorSummary(this.errors.map((error) => ({ target: error.field ? `invite-${error.field}` : undefined, message: error.message })))}
      ${this.invited
        ? html`<div class="notice notice--success" id="invited" tabindex="-1">
            <p>
              ${this.invited.reset
                ? `Een nieuwe inloglink voor ${this.invited.user.name}. Stuur deze link; daarmee kiest diegene een nieuw wachtwoord.`
                : `Het account van ${this.invited.user.name} is klaar. Stuur ${this.invited.user.name} deze link; daarmee kiest diegene een wachtwoord.`}
              De link werkt één keer en 24 uur lang.
            </p>
            <p class="copy-line">
              <code class="break">${this.invited.setupUrl}</code>
              <button
                type="button"
                class="button button--small button--secondary"
                @click=${() => navigator.clipboard.writeText(this.invited!.setupUrl).then(() => announce('De link is gekopieerd.'), () => announce('Kopiëren lukte niet. Selecteer de link en kopieer hem zelf.'))}
              >
                Link kopiëren
              </button>
            </p>
          </div>`
        : nothing}
      <form novalidate @submit=${(event: Event) => void this.invite(event)}>
        ${input({ id: 'invite-name', label: 'Naam', autocomplete: 'off', error: errorAt('name'), value: this.draft.name, onInput: (name) => (this.draft = { ...this.draft, name }) })}
        ${input({ id: 'invite-email', label: 'E-mailadres', type: 'email', autocomplete: 'off', error: errorAt('email'), value: this.draft.email, onInput: (email) => (this.draft = { ...this.draft, email }) })}
        ${select<Role>({
          id: 'invite-role',
          label: 'Rol',
          value: this.draft.role,
          choices: ROLES.map((role) => ({ value: role.value, label: `${role.label}: ${role.hint}` })),
          onChange: (role) => (this.draft = { ...this.draft, role }),
        })}
        <button type="submit" class="button" ?disabled=${this.busy}>Toevoegen</button>
      </form>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'beheer-users': BeheerUsers;
  }
}

import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { customElement } from 'lit/decorators.js';
import { api, ApiError } from '../api.js';
import { errorSummary, focusSummary, input } from '../fields.js';
import { ConsoleElement } from './console-element.js';
import { EMAIL } from './beheer-login.js';

type Field = 'organisationName' | 'name' | 'email' | 'password';

/** The shortest password the console asks for; the server has the last word. */
export const MIN_PASSWORD = 12;

/**
 * Setting up an account from a one-time link: the first beheerder (who also names the
 * organisation) from the link the server prints on its first start, or a new user from the link
 * a beheerder passed on.
 *
 * @tag beheer-setup
 * @fires beheer-logged-in
 */
@customElement('beheer-setup')
export class BeheerSetup extends ConsoleElement {
  static override properties: PropertyDeclarations = {
    token: {},
    status: { state: true },
    organisation: { state: true },
    user: { state: true },
    values: { state: true },
    showPassword: { state: true },
    errors: { state: true },
    busy: { state: true },
  };

  token = '';
  private status: 'loading' | 'ready' | 'expired' | 'unknown' | 'failed' = 'loading';
  /** The organisation the account joins; null: the very first account, which names it. */
  private organisation: { name: string } | null = null;
  /** The account the link was made for (an invitation, a new password); null: a first beheerder. */
  private user: { email: string; name: string } | null = null;
  private values: Record<Field, string> = { organisationName: '', name: '', email: '', password: '' };
  private showPassword = false;
  private errors: { field?: Field; message: string }[] = [];
  private busy = false;
  private loadError = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('token')) void this.load();
  }

  private async load(): Promise<void> {
    this.status = 'loading';
    try {
      const info = await api.setupInfo(this.token);
      this.organisation = info.organisation;
      this.user = info.user ?? null;
      if (this.user) this.values = { ...this.values, name: this.user.name, email: this.user.email };
      this.status = 'ready';
    } catch (error) {
      if (error instanceof ApiError && error.status === 410) this.status = 'expired';
      else if (error instanceof ApiError && error.status === 404) this.status = 'unknown';
      else {
        this.loadError = error instanceof ApiError ? error.message : String(error);
        this.status = 'failed';
      }
    }
  }

  private validate(): { field?: Field; message: string }[] {
    const { organisationName, name, email, password } = this.values;
    const errors: { field?: Field; message: string }[] = [];
    if (this.organisation === null && !this.user && !organisationName.trim()) errors.push({ field: 'organisationName', message: 'Vul de naam van je organisatie in.' });
    if (!name.trim()) errors.push({ field: 'name', message: 'Vul je naam in.' });
    if (this.user) {
      // The address was chosen by whoever invited this person.
    } else if (!email.trim()) errors.push({ field: 'email', message: 'Vul je e-mailadres in.' });
    else if (!EMAIL.test(email.trim())) errors.push({ field: 'email', message: 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.' });
    if (password.length < MIN_PASSWORD) errors.push({ field: 'password', message: `Kies een wachtwoord van minstens ${MIN_PASSWORD} tekens.` });
    return errors;
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    this.errors = this.validate();
    if (this.errors.length) return focusSummary(this);
    this.busy = true;
    const { organisationName, name, email, password } = this.values;
    try {
      await api.setup(this.token, {
        ...(this.organisation === null && !this.user ? { organisationName: organisationName.trim() } : {}),
        name: name.trim(),
        ...(this.user ? {} : { email: email.trim() }),
        password,
      });
      this.dispatchEvent(new CustomEvent('beheer-logged-in', { bubbles: true }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 410) {
        this.status = 'expired';
        return;
      }
      const known = new Set<string>(['organisationName', 'name', 'email', 'password']);
      this.errors = error instanceof ApiError
        ? error.errors.map((serverError) => ({
            field: serverError.field && known.has(serverError.field.replace(/^\//, '')) ? (serverError.field.replace(/^\//, '') as Field) : undefined,
            message: serverError.message,
          }))
        : [{ message: String(error) }];
      await focusSummary(this);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    if (this.status === 'loading') return html`<p role="status">Laden…</p>`;
    if (this.status !== 'ready') {
      const text = {
        expired: 'Deze link is verlopen of al gebruikt. Een link werkt één keer en 24 uur lang.',
        unknown: 'Deze link bestaat niet. Kijk of je hem helemaal hebt gekopieerd.',
        failed: this.loadError,
      }[this.status];
      return html`<div class="narrow">
        <h1 tabindex="-1">Account aanmaken</h1>
        <p class="notice notice--warning">${text}</p>
        ${this.status === 'failed'
          ? html`<p><button type="button" class="button" @click=${() => void this.load()}>Probeer opnieuw</button></p>`
          : html`<p>
              Vraag een beheerder van je organisatie om een nieuwe link. Voor de eerste beheerder: start de server opnieuw; hij toont dan een
              nieuwe link zolang er nog niemand is.
            </p>`}
        <p><a href="#/inloggen">Naar inloggen</a></p>
      </div>`;
    }
    const first = this.organisation === null && !this.user;
    const field = (key: Field, label: string, options: { type?: 'email' | 'password' | 'text'; autocomplete: string; hint?: string }) =>
      input({
        id: `setup-${key}`,
        label,
        hint: options.hint,
        type: options.type,
        autocomplete: options.autocomplete,
        error: this.errors.find((error) => error.field === key)?.message,
        value: this.values[key],
        onInput: (value) => (this.values = { ...this.values, [key]: value }),
      });
    return html`<div class="narrow">
      <h1 tabindex="-1">${first ? 'Ouderstem instellen' : this.user ? 'Kies je wachtwoord' : `Beheerder worden van ${this.organisation!.name}`}</h1>
      <p>
        ${first
          ? 'Je maakt het eerste account: je wordt beheerder. Daarna kun je collega’s uitnodigen en formulieren maken.'
          : this.user
            ? html`Voor je account bij ${this.organisation?.name ?? 'je organisatie'}: <strong class="break">${this.user.email}</strong>. Daarna kun je meteen aan de slag.`
            : 'Je maakt het eerste account van deze organisatie: je wordt beheerder. Daarna kun je collega’s uitnodigen en formulieren maken.'}
      </p>
      ${errorSummary(this.errors.map((error) => ({ target: error.field ? `setup-${error.field}` : undefined, message: error.message })))}
      <form novalidate @submit=${(event: Event) => void this.submit(event)}>
        ${first ? field('organisationName', 'Naam van je organisatie', { autocomplete: 'organization', hint: 'Bijvoorbeeld "Gemeente Voorbeeldstad". Ouders zien deze naam op de pagina van elk formulier.' }) : nothing}
        ${field('name', 'Je naam', { autocomplete: 'name' })}
        ${this.user ? nothing : field('email', 'Je e-mailadres', { type: 'email', autocomplete: 'email', hint: 'Hiermee log je in.' })}
        ${field('password', 'Kies een wachtwoord', {
          type: this.showPassword ? 'text' : 'password',
          autocomplete: 'new-password',
          hint: `Minstens ${MIN_PASSWORD} tekens. Een zin van een paar woorden is sterk en goed te onthouden.`,
        })}
        <div class="field field--checkbox">
          <input type="checkbox" id="setup-show" .checked=${this.showPassword} @change=${(event: Event) => (this.showPassword = (event.target as HTMLInputElement).checked)} />
          <label for="setup-show">Wachtwoord tonen</label>
        </div>
        <button type="submit" class="button" ?disabled=${this.busy}>${this.busy ? 'Bezig…' : 'Account aanmaken'}</button>
      </form>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'beheer-setup': BeheerSetup;
  }
}

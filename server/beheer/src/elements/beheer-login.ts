import { html, nothing, type PropertyDeclarations } from 'lit';
import { customElement } from 'lit/decorators.js';
import { api, ApiError, links } from '../api.js';
import { errorSummary, focusSummary, input } from '../fields.js';
import { ConsoleElement } from './console-element.js';

declare global {
  interface HTMLElementEventMap {
    /** Logged in (or set up): the app loads who you are and shows the forms. */
    'beheer-logged-in': CustomEvent<void>;
  }
}

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function minutes(seconds: number): string {
  const count = Math.max(1, Math.ceil(seconds / 60));
  return count === 1 ? '1 minuut' : `${count} minuten`;
}

/**
 * Logging in with e-mail and password, and with the organisation's own account (OpenID
 * Connect) when the server has it.
 *
 * @tag beheer-login
 * @fires beheer-logged-in
 */
@customElement('beheer-login')
export class BeheerLogin extends ConsoleElement {
  static override properties: PropertyDeclarations = {
    oidc: { type: Boolean },
    ended: { type: Boolean },
    email: { state: true },
    password: { state: true },
    showPassword: { state: true },
    errors: { state: true },
    busy: { state: true },
  };

  /** The server offers "Inloggen met je organisatie". */
  oidc = false;
  /** The session ran out: say so. */
  ended = false;
  private email = '';
  private password = '';
  private showPassword = false;
  private errors: { field?: 'email' | 'password'; message: string }[] = [];
  private busy = false;

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    const errors: typeof this.errors = [];
    if (!this.email.trim()) errors.push({ field: 'email', message: 'Vul je e-mailadres in.' });
    else if (!EMAIL.test(this.email.trim())) errors.push({ field: 'email', message: 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.' });
    if (!this.password) errors.push({ field: 'password', message: 'Vul je wachtwoord in.' });
    this.errors = errors;
    if (errors.length) return focusSummary(this);
    this.busy = true;
    try {
      await api.login(this.email.trim(), this.password);
      this.password = '';
      this.dispatchEvent(new CustomEvent('beheer-logged-in', { bubbles: true }));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'locked') {
        const wait = error.retryAfter ? ` Probeer het over ${minutes(error.retryAfter)} opnieuw.` : ' Probeer het later opnieuw.';
        this.errors = [{ message: `Er is te vaak een verkeerd wachtwoord gebruikt. Inloggen is even geblokkeerd.${wait}` }];
      } else if (error instanceof ApiError && error.status === 401) {
        this.errors = [{ field: 'password', message: 'Het e-mailadres of het wachtwoord klopt niet.' }];
      } else {
        this.errors = [{ message: error instanceof ApiError ? error.message : String(error) }];
      }
      await focusSummary(this);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const errorAt = (field: 'email' | 'password') => this.errors.find((error) => error.field === field)?.message;
    return html`<div class="narrow">
      <h1 tabindex="-1">Inloggen</h1>
      ${this.ended && this.errors.length === 0 ? html`<p class="notice">Je was een tijd niet actief en bent uitgelogd. Log opnieuw in.</p>` : nothing}
      ${errorSummary(this.errors.map((error) => ({ target: error.field ? `login-${error.field}` : undefined, message: error.message })))}
      <form novalidate @submit=${(event: Event) => void this.submit(event)}>
        ${input({
          id: 'login-email',
          label: 'E-mailadres',
          type: 'email',
          autocomplete: 'username',
          error: errorAt('email'),
          value: this.email,
          onInput: (value) => (this.email = value),
        })}
        ${input({
          id: 'login-password',
          label: 'Wachtwoord',
          type: this.showPassword ? 'text' : 'password',
          autocomplete: 'current-password',
          error: errorAt('password'),
          value: this.password,
          onInput: (value) => (this.password = value),
        })}
        <div class="field field--checkbox">
          <input type="checkbox" id="login-show" .checked=${this.showPassword} @change=${(event: Event) => (this.showPassword = (event.target as HTMLInputElement).checked)} />
          <label for="login-show">Wachtwoord tonen</label>
        </div>
        <button type="submit" class="button" ?disabled=${this.busy}>${this.busy ? 'Bezig met inloggen…' : 'Inloggen'}</button>
      </form>
      ${this.oidc
        ? html`<div class="or">
            <p>Of log in met het account van je organisatie (bijvoorbeeld Microsoft):</p>
            <a class="button button--secondary" href=${links.oidcLogin}>Inloggen met je organisatie</a>
          </div>`
        : nothing}
      <p class="hint">Wachtwoord vergeten? Vraag een beheerder van jullie organisatie om een nieuwe inloglink.</p>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'beheer-login': BeheerLogin;
  }
}

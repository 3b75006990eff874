import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { customElement } from 'lit/decorators.js';
import { api, ApiError, type MailStatus, type Me } from '../api.js';
import { dutchShort } from '../model/dates.js';
import { checkbox, errorSummary, focusSummary, input } from '../fields.js';
import { ConsoleElement } from './console-element.js';
import './beheer-mail-problems.js';

declare global {
  interface HTMLElementEventMap {
    /** Whether and how the organisation sends e-mail changed: the app reads /me again. */
    'beheer-mail-changed': CustomEvent<void>;
  }
}

type Field = 'smtpUrl' | 'password' | 'from';

/** Where a server error belongs on this page (`smtpUrl`, `password`, `from`), if anywhere. */
function fieldOf(field: string | undefined): Field | undefined {
  return field === 'smtpUrl' || field === 'password' || field === 'from' ? field : undefined;
}

/**
 * The e-mail page: for a beheerder, which relay and sender send the organisation's messages to
 * parents (its own, set here, or the server's), a test message, and going back to the server's;
 * for everyone, the messages that did not arrive. The stored password is never shown: the field
 * stays empty and a new one replaces it.
 *
 * @tag beheer-mail
 * @fires beheer-mail-changed
 */
@customElement('beheer-mail')
export class BeheerMail extends ConsoleElement {
  static override properties: PropertyDeclarations = {
    me: { attribute: false },
    status: { state: true },
    smtpUrl: { state: true },
    password: { state: true },
    dropPassword: { state: true },
    from: { state: true },
    errors: { state: true },
    error: { state: true },
    saved: { state: true },
    test: { state: true },
    busy: { state: true },
  };

  /** Who is logged in: only a beheerder sees and changes the settings. */
  me?: Me;
  private status?: MailStatus;
  private smtpUrl = '';
  private password = '';
  private dropPassword = false;
  private from = '';
  private errors: { field?: Field; message: string }[] = [];
  private error = '';
  private saved = '';
  private test?: { ok: boolean; message: string };
  private busy: '' | 'saving' | 'testing' | 'removing' = '';
  private loading = false;

  private get isBeheerder(): boolean {
    return this.me?.user.role === 'beheerder';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('me') && this.isBeheerder && !this.status && !this.loading) {
      this.loading = true;
      void this.load();
    }
  }

  private async load(): Promise<void> {
    try {
      this.show((await api.mail()).mail);
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  private show(status: MailStatus): void {
    this.status = status;
    this.smtpUrl = status.own?.smtpUrl ?? '';
    this.from = status.own?.from ?? '';
    this.password = '';
    this.dropPassword = false;
  }

  private changed(status: MailStatus): void {
    this.show(status);
    this.dispatchEvent(new CustomEvent('beheer-mail-changed', { bubbles: true }));
  }

  private check(): { field: Field; message: string }[] {
    const errors: { field: Field; message: string }[] = [];
    const url = this.smtpUrl.trim();
    if (!url) errors.push({ field: 'smtpUrl', message: 'Vul het adres van de mailserver in, zoals smtp://ouders@mail.voorbeeldstad.nl:587.' });
    else if (!/^smtps?:\/\/\S+$/i.test(url)) {
      errors.push({ field: 'smtpUrl', message: 'Het adres van de mailserver begint met smtp:// (of smtps:// voor poort 465).' });
    }
    if (!/\S@\S+\.\S+/.test(this.from)) {
      errors.push({ field: 'from', message: 'Vul de afzender in met een e-mailadres, zoals Gemeente Voorbeeldstad <ouders@voorbeeldstad.nl>.' });
    }
    return errors;
  }

  private async save(event: Event): Promise<void> {
    event.preventDefault();
    this.saved = '';
    this.test = undefined;
    this.errors = this.check();
    if (this.errors.length) return focusSummary(this);
    this.busy = 'saving';
    try {
      const password = this.password ? this.password : this.dropPassword ? null : undefined;
      const { mail } = await api.saveMail({ smtpUrl: this.smtpUrl.trim(), from: this.from.trim(), ...(password === undefined ? {} : { password }) });
      this.changed(mail);
      this.saved = mail.own?.passwordSet
        ? 'De instellingen zijn opgeslagen. Het wachtwoord is bewaard en wordt niet meer getoond. Stuur een testbericht om te zien of het werkt.'
        : 'De instellingen zijn opgeslagen. Stuur een testbericht om te zien of het werkt.';
    } catch (error) {
      this.errors = error instanceof ApiError ? error.errors.map((serverError) => ({ field: fieldOf(serverError.field), message: serverError.message })) : [{ message: String(error) }];
      await focusSummary(this);
    } finally {
      this.busy = '';
    }
  }

  private async sendTest(): Promise<void> {
    this.saved = '';
    this.busy = 'testing';
    try {
      const { to } = await api.testMail();
      this.test = { ok: true, message: `Het testbericht is verstuurd naar ${to}. Kijk in je inbox, en ook bij de ongewenste e-mail.` };
    } catch (error) {
      this.test = { ok: false, message: error instanceof ApiError ? error.message : String(error) };
    } finally {
      this.busy = '';
    }
  }

  private async removeOwn(): Promise<void> {
    const next = this.status?.server
      ? 'De e-mail gaat dan weer via de mailserver van de server.'
      : 'Er gaat dan geen e-mail meer naar ouders: geen bevestiging, geen herinnering.';
    if (!window.confirm(`Jullie eigen mailserver en afzender verwijderen? ${next}`)) return;
    this.busy = 'removing';
    this.test = undefined;
    try {
      this.changed((await api.removeMail()).mail);
      this.errors = [];
      this.saved = `Jullie eigen instellingen zijn verwijderd. ${next}`;
      await this.updateComplete;
      this.querySelector<HTMLElement>('#mail-smtpUrl')?.focus();
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    } finally {
      this.busy = '';
    }
  }

  override render() {
    return html`<h1 tabindex="-1">E-mail</h1>
      ${this.isBeheerder ? this.renderSettings() : nothing}
      <beheer-mail-problems .me=${this.me}></beheer-mail-problems>`;
  }

  private renderSettings() {
    if (this.error) return html`<p class="notice notice--warning" role="alert">${this.error}</p>`;
    const status = this.status;
    if (!status) return html`<p role="status">Laden…</p>`;
    const errorAt = (field: Field) => this.errors.find((error) => error.field === field)?.message;
    return html`<p>
        Ouders krijgen e-mail als ze zich aanmelden, een herinnering voor een sessie, en bericht als een sessie verandert of niet doorgaat.
        Hier stel je in via welke mailserver en met welke afzender die e-mail gaat.
      </p>
      ${this.renderSource(status)}
      ${errorSummary(this.errors.map((error) => ({ target: error.field ? `mail-${error.field}` : undefined, message: error.message })))}
      <div role="status">${this.saved ? html`<p class="notice notice--success">${this.saved}</p>` : nothing}</div>
      <form class="builder-section" novalidate @submit=${(event: Event) => void this.save(event)}>
        <h2>Jullie eigen mailserver</h2>
        ${input({
          id: 'mail-smtpUrl',
          label: 'Adres van de mailserver',
          hint: 'Zoals smtp://ouders@mail.voorbeeldstad.nl:587, of smtps://… voor poort 465. Je krijgt het van jullie ICT-afdeling of mailprovider.',
          type: 'url',
          autocomplete: 'off',
          error: errorAt('smtpUrl'),
          value: this.smtpUrl,
          onInput: (value) => (this.smtpUrl = value),
        })}
        ${input({
          id: 'mail-password',
          label: 'Wachtwoord van de mailserver',
          hint: status.own?.passwordSet
            ? 'Er is een wachtwoord bewaard. Laat dit veld leeg om het te houden. Een bewaard wachtwoord wordt nooit meer getoond.'
            : 'Laat leeg als de mailserver geen wachtwoord vraagt. Een bewaard wachtwoord wordt nooit meer getoond.',
          type: 'password',
          autocomplete: 'new-password',
          error: errorAt('password'),
          value: this.password,
          onInput: (value) => (this.password = value),
        })}
        ${status.own?.passwordSet
          ? checkbox({
              id: 'mail-dropPassword',
              label: 'De mailserver vraagt geen wachtwoord meer: haal het bewaarde wachtwoord weg',
              checked: this.dropPassword,
              disabled: this.password !== '',
              onChange: (checked) => (this.dropPassword = checked),
            })
          : nothing}
        ${input({
          id: 'mail-from',
          label: 'Afzender',
          hint: 'De naam en het e-mailadres die ouders zien, zoals Gemeente Voorbeeldstad <ouders@voorbeeldstad.nl>. Gebruik een adres dat bij de mailserver hoort, anders komt de e-mail vaak bij de ongewenste e-mail.',
          autocomplete: 'off',
          error: errorAt('from'),
          value: this.from,
          onInput: (value) => (this.from = value),
        })}
        <button type="submit" class="button" ?disabled=${this.busy !== ''}>${this.busy === 'saving' ? 'Bezig met opslaan…' : 'Opslaan'}</button>
      </form>
      ${status.source ? this.renderTest() : nothing}
      ${status.own
        ? html`<section class="builder-section" aria-labelledby="mail-remove-title">
            <h2 id="mail-remove-title">${status.server ? 'Terug naar de mailserver van de server' : 'E-mail uitzetten'}</h2>
            <p>
              ${status.server
                ? `Zonder eigen instellingen gaat de e-mail via de server, met als afzender ${status.server.from}.`
                : 'De server heeft geen eigen mailserver: zonder jullie instellingen krijgen ouders geen e-mail.'}
            </p>
            <button type="button" class="button button--warning" ?disabled=${this.busy !== ''} @click=${() => void this.removeOwn()}>Eigen instellingen verwijderen</button>
          </section>`
        : nothing}`;
  }

  private renderSource(status: MailStatus) {
    if (status.source === 'organisation' && status.own) {
      return html`<div class="notice notice--success">
        <p>
          E-mail gaat via jullie eigen mailserver <span class="break">${status.own.smtpUrl}</span>, met als afzender
          <span class="break">${status.own.from}</span>. Ingesteld op ${dutchShort(status.own.updatedAt)}.
        </p>
      </div>`;
    }
    if (status.source === 'server' && status.server) {
      return html`<div class="notice">
        <p>
          E-mail gaat nu via de mailserver van de server, met als afzender <span class="break">${status.server.from}</span>. Wil je dat ouders
          e-mail van jullie eigen adres krijgen? Vul dan hieronder jullie eigen mailserver in.
        </p>
      </div>`;
    }
    return html`<div class="notice notice--warning">
      <p>
        <strong>E-mail staat uit.</strong> Ouders krijgen geen bevestiging en geen herinnering, en de formulieren beloven ook geen e-mail.
        Vul hieronder jullie mailserver in.
      </p>
    </div>`;
  }

  private renderTest() {
    const test = this.test;
    return html`<section class="builder-section" aria-labelledby="mail-test-title">
      <h2 id="mail-test-title">Testbericht</h2>
      <p>Stuur een testbericht naar je eigen e-mailadres (<span class="break">${this.me?.user.email}</span>) om te zien of de e-mail aankomt.</p>
      <button type="button" class="button button--secondary" ?disabled=${this.busy !== ''} @click=${() => void this.sendTest()}>
        ${this.busy === 'testing' ? 'Bezig met versturen…' : 'Stuur een testbericht'}
      </button>
      <div role="status">${test?.ok ? html`<p class="notice notice--success">${test.message}</p>` : nothing}</div>
      <div role="alert">${test && !test.ok ? html`<p class="notice notice--warning">${test.message}</p>` : nothing}</div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'beheer-mail': BeheerMail;
  }
}

import { html, nothing, type PropertyDeclarations } from 'lit';
import { customElement } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { api, ApiError, type Me, type Organisation, SESSION_ENDED } from '../api.js';
import { href, navigate, parseRoute, type Route } from '../router.js';
import { ConsoleElement } from './console-element.js';
import { ROLES } from './beheer-users.js';
import './beheer-audit.js';
import './beheer-form.js';
import './beheer-forms.js';
import './beheer-login.js';
import './beheer-mail.js';
import './beheer-networks.js';
import './beheer-organisation.js';
import './beheer-setup.js';
import './beheer-users.js';

const TITLES: Record<Route['name'], string> = {
  forms: 'Formulieren',
  login: 'Inloggen',
  setup: 'Account aanmaken',
  new: 'Nieuw formulier',
  form: 'Formulier',
  networks: 'Netwerken',
  users: 'Gebruikers',
  organisation: 'Organisatie',
  audit: 'Logboek',
  mail: 'E-mail',
  'not-found': 'Pagina niet gevonden',
};

/** Pages that only a beheerder opens. */
const BEHEERDER_ONLY = new Set<Route['name']>(['users', 'organisation', 'audit']);

interface Leavable extends HTMLElement {
  /** Whether the page may go for `next` (it asks when there is unsaved work that `next` would lose). */
  canLeave(next: Route): boolean;
}

/**
 * The console: who is logged in, the navigation, and the page the address points at. Each page
 * change sets the document's title and puts focus on the new page's heading.
 *
 * @tag beheer-app
 */
@customElement('beheer-app')
export class BeheerApp extends ConsoleElement {
  static override properties: PropertyDeclarations = {
    widgetsUrl: { attribute: 'widgets-url' },
    route: { state: true },
    me: { state: true },
    auth: { state: true },
    status: { state: true },
    ended: { state: true },
  };

  /** Where the preview loads the widgets from. */
  widgetsUrl = '/ouderstem.js';
  private route: Route = parseRoute(location.hash, location.pathname);
  private me?: Me;
  private auth = { setupNeeded: false, oidc: false };
  private status: 'starting' | 'ready' | 'offline' = 'starting';
  private ended = false;
  private shownHash = location.hash;
  /** The first page keeps the browser's own start (the skip link first); later pages get the focus. */
  private shownOnce = false;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
    window.addEventListener(SESSION_ENDED, this.onSessionEnded);
    void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    window.removeEventListener(SESSION_ENDED, this.onSessionEnded);
  }

  private async start(): Promise<void> {
    try {
      this.auth = await api.auth();
    } catch (error) {
      this.status = error instanceof ApiError && error.status === 0 ? 'offline' : 'ready';
      if (this.status === 'offline') return;
    }
    // A set-up link makes an account; who is logged in does not matter there.
    if (this.route.name !== 'setup') await this.loadMe();
    this.status = 'ready';
    this.pageChanged();
  }

  private async loadMe(): Promise<void> {
    try {
      this.me = await api.me();
    } catch {
      this.me = undefined;
    }
  }

  private onHashChange = () => {
    if (location.hash === this.shownHash) return;
    const next = parseRoute(location.hash, location.pathname);
    const page = this.querySelector<Leavable>('beheer-form, beheer-networks');
    if (page && !page.canLeave(next)) {
      history.replaceState(null, '', this.shownHash || '#/');
      return;
    }
    this.route = next;
    this.pageChanged();
  };

  private onSessionEnded = () => {
    if (!this.me) return;
    this.me = undefined;
    this.ended = true;
    this.pageChanged();
  };

  private onLoggedIn = async () => {
    this.ended = false;
    await this.loadMe();
    if (this.route.name === 'login' || this.route.name === 'setup') {
      this.route = { name: 'forms' };
      history.replaceState(null, '', `/beheer/${href(this.route)}`);
    }
    this.pageChanged();
  };

  private async logout(): Promise<void> {
    try {
      await api.logout();
    } finally {
      this.me = undefined;
      navigate({ name: 'login' });
    }
  }

  /** After the new page has rendered: its title, and focus on its heading. */
  private pageChanged(): void {
    this.shownHash = location.hash;
    const moveFocus = this.shownOnce;
    this.shownOnce = true;
    void this.updateComplete.then(async () => {
      // The page renders its heading in its own update, after this one.
      await new Promise((resolve) => requestAnimationFrame(resolve));
      document.title = `${TITLES[this.visibleRoute().name]} — Ouderstem beheer`;
      if (!moveFocus) return;
      (this.querySelector<HTMLElement>('main h1') ?? this.querySelector<HTMLElement>('main'))?.focus();
    });
  }

  /** A form's page names the form once it has loaded it. */
  private onPageTitle = (event: CustomEvent<string>) => {
    document.title = `${event.detail} — Ouderstem beheer`;
  };

  /** The route shown: the login while nobody is logged in, except for a set-up link. */
  private visibleRoute(): Route {
    if (this.route.name === 'setup') return this.route;
    if (!this.me) return { name: 'login' };
    if (this.route.name === 'login') return { name: 'forms' };
    return this.route;
  }

  override render() {
    if (this.status === 'starting') return html`<main id="main" tabindex="-1"><p role="status">Ouderstem beheer laden…</p></main>`;
    if (this.status === 'offline') {
      return html`<main id="main" tabindex="-1">
        <h1 tabindex="-1">De server is niet bereikbaar</h1>
        <p>Controleer je verbinding en laad de pagina opnieuw.</p>
      </main>`;
    }
    const route = this.visibleRoute();
    return html`<a class="skip-link" href="#main" @click=${this.skipToMain}>Naar de inhoud</a>
      ${this.renderHeader(route)}
      <main
        id="main"
        tabindex="-1"
        @beheer-logged-in=${this.onLoggedIn}
        @beheer-organisation-changed=${this.onOrganisationChanged}
        @beheer-form-created=${this.onFormCreated}
        @beheer-page-title=${this.onPageTitle}
        @beheer-mail-changed=${this.onMailChanged}
      >${this.renderPage(route)}</main>
      <footer class="footer"><p>Ouderstem beheer</p></footer>`;
  }

  private skipToMain = (event: Event) => {
    event.preventDefault();
    this.querySelector<HTMLElement>('main')?.focus();
  };

  /** A new form's page takes the form's own address, without moving the focus or adding to the history. */
  private onFormCreated = (event: CustomEvent<{ id: string }>) => {
    this.route = { name: 'form', id: event.detail.id, view: 'bewerken' };
    history.replaceState(null, '', href(this.route));
    this.shownHash = location.hash;
  };

  /** The mail settings or a message's state changed: the forms page's warning follows. */
  private onMailChanged = async () => {
    if (this.me) await this.loadMe();
  };

  private onOrganisationChanged = (event: CustomEvent<Organisation>) => {
    if (this.me) this.me = { ...this.me, organisation: event.detail };
  };

  private renderHeader(route: Route) {
    const me = this.me;
    const isBeheerder = me?.user.role === 'beheerder';
    const current = (names: Route['name'][]) => (names.includes(route.name) ? 'page' : 'false');
    return html`<header class="header">
      <div class="header__brand">
        <span class="header__name">Ouderstem beheer</span>
        ${me ? html`<span class="header__organisation">${me.organisation.name}</span>` : nothing}
      </div>
      ${me
        ? html`<nav aria-label="Hoofdmenu" class="nav">
              <ul>
                <li><a href=${href({ name: 'forms' })} aria-current=${current(['forms', 'form', 'new'])}>Formulieren</a></li>
                <li><a href=${href({ name: 'networks' })} aria-current=${current(['networks'])}>Netwerken</a></li>
                <li><a href=${href({ name: 'mail' })} aria-current=${current(['mail'])}>E-mail</a></li>
                ${isBeheerder
                  ? html`<li><a href=${href({ name: 'users' })} aria-current=${current(['users'])}>Gebruikers</a></li>
                      <li><a href=${href({ name: 'organisation' })} aria-current=${current(['organisation'])}>Organisatie</a></li>
                      <li><a href=${href({ name: 'audit' })} aria-current=${current(['audit'])}>Logboek</a></li>`
                  : nothing}
              </ul>
            </nav>
            <div class="header__user">
              <span>${me.user.name} <span class="hint">(${ROLES.find((role) => role.value === me.user.role)?.label.toLowerCase() ?? me.user.role})</span></span>
              <button type="button" class="button button--small button--secondary" @click=${() => void this.logout()}>Uitloggen</button>
            </div>`
        : nothing}
    </header>`;
  }

  private renderPage(route: Route) {
    const me = this.me;
    switch (route.name) {
      case 'setup':
        return html`<beheer-setup token=${route.token}></beheer-setup>`;
      case 'login':
        if (this.auth.setupNeeded) {
          return html`<div class="narrow">
            <h1 tabindex="-1">Ouderstem is nog niet ingesteld</h1>
            <p>
              Er is nog geen account. Open de link die de server liet zien toen hij startte ("Maak het eerste account aan: …"). Die link werkt
              één keer en 24 uur lang; start de server opnieuw voor een nieuwe.
            </p>
          </div>`;
        }
        return html`<beheer-login ?oidc=${this.auth.oidc} ?ended=${this.ended}></beheer-login>`;
      case 'forms':
        return html`<beheer-forms .me=${me}></beheer-forms>`;
      case 'new':
      case 'form':
        if (route.name === 'new' && me?.user.role === 'lezer') return this.renderForbidden();
        // One template for both: a new form that is saved keeps its element (and its message) when its address changes.
        return html`<beheer-form
          form-id=${ifDefined(route.name === 'form' ? route.id : undefined)}
          new-type=${ifDefined(route.name === 'new' ? route.type : undefined)}
          view=${route.name === 'form' ? route.view : 'bewerken'}
          .me=${me}
          widgets-url=${this.widgetsUrl}
        ></beheer-form>`;
      case 'networks':
        return html`<beheer-networks .me=${me} widgets-url=${this.widgetsUrl}></beheer-networks>`;
      case 'users':
      case 'organisation':
      case 'audit':
        if (BEHEERDER_ONLY.has(route.name) && me?.user.role !== 'beheerder') return this.renderForbidden();
        if (route.name === 'users') return html`<beheer-users .me=${me}></beheer-users>`;
        if (route.name === 'organisation') return html`<beheer-organisation></beheer-organisation>`;
        return html`<beheer-audit></beheer-audit>`;
      case 'mail':
        return html`<beheer-mail .me=${me}></beheer-mail>`;
      case 'not-found':
        return html`<h1 tabindex="-1">Pagina niet gevonden</h1>
          <p><a href=${href({ name: 'forms' })}>Naar de formulieren</a></p>`;
    }
  }

  private renderForbidden() {
    return html`<h1 tabindex="-1">Geen toegang</h1>
      <p>Met jouw rol kun je deze pagina niet gebruiken. Vraag een beheerder van je organisatie als je dit wel nodig hebt.</p>
      <p><a href=${href({ name: 'forms' })}>Naar de formulieren</a></p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'beheer-app': BeheerApp;
  }
}

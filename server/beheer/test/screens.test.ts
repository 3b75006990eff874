import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/elements/beheer-app.js';
import type { BeheerApp } from '../src/elements/beheer-app.js';
import type { BeheerAudit } from '../src/elements/beheer-audit.js';
import type { BeheerForms } from '../src/elements/beheer-forms.js';
import type { BeheerLogin } from '../src/elements/beheer-login.js';
import type { BeheerOrganisation } from '../src/elements/beheer-organisation.js';
import type { BeheerSetup } from '../src/elements/beheer-setup.js';
import type { BeheerUsers } from '../src/elements/beheer-users.js';
import { FakeApi } from './fake-api.js';
import { poll, sample, series, story } from './fixtures.js';
import { button, byId, existingForm, expectAccessible, expectReflow, me, onPage, settle, typeInto, withStyles } from './helpers.js';

let api: FakeApi;
beforeEach(() => (api = new FakeApi()));
afterEach(() => api.restore());

async function loaded<T extends HTMLElement & { updateComplete: Promise<boolean> }>(element: T, ready: string): Promise<T> {
  const start = performance.now();
  while (!element.querySelector(ready) && performance.now() - start < 3000) await settle(element);
  expect(element.querySelector(ready), `${ready} in ${element.tagName}`).to.not.equal(null);
  return element;
}

const summaryTexts = (element: Element) => [...element.querySelectorAll('.error-summary li')].map((item) => item.textContent!.trim());

describe('console screens', () => {
  describe('<beheer-app>', () => {
    async function app(): Promise<BeheerApp> {
      await withStyles();
      const element = await fixture<BeheerApp>(html`<beheer-app widgets-url="/src/index.ts"></beheer-app>`);
      await loaded(element, 'main h1');
      return element;
    }

    it('shows the login to someone who is not logged in, then the forms; logs out', async () => {
      api.loggedIn = false;
      for (const form of sample()) api.addForm(form.definition, form.extra);
      const element = await app();
      expect(element.querySelector('h1')!.textContent).to.equal('Inloggen');
      expect(element.querySelector('nav')).to.equal(null);
      await expectAccessible();
      await typeInto(byId('login-email'), 'anna@voorbeeldstad.nl');
      await typeInto(byId('login-password'), 'goed-wachtwoord-123');
      button(element, 'Inloggen').click();
      await loaded(element, 'beheer-forms table');
      await new Promise((resolve) => requestAnimationFrame(resolve));
      await new Promise((resolve) => requestAnimationFrame(resolve));
      expect(document.title).to.equal('Formulieren — Ouderstem beheer');
      expect(document.activeElement?.tagName === 'H1' && document.activeElement.textContent).to.equal('Formulieren');
      expect(element.querySelector('.header__organisation')!.textContent).to.equal('Gemeente Voorbeeldstad');
      await expectAccessible();
      await expectReflow(element);
      button(element, 'Uitloggen').click();
      await settle(element);
      expect(api.calls('POST', '/logout')).to.have.length(1);
    });

    it('offers a beheerder every page and a redacteur the forms, networks and e-mail only', async () => {
      const element = await app();
      const links = () => [...element.querySelectorAll('.nav a')].map((link) => link.textContent);
      expect(links()).to.deep.equal(['Formulieren', 'Netwerken', 'E-mail', 'Gebruikers', 'Organisatie', 'Logboek']);
      element.remove();
      api.role = 'redacteur';
      const other = await app();
      expect([...other.querySelectorAll('.nav a')].map((link) => link.textContent)).to.deep.equal(['Formulieren', 'Netwerken', 'E-mail']);
    });

    it('says so when the session ends, and shows the login again', async () => {
      const element = await app();
      api.loggedIn = false;
      window.dispatchEvent(new CustomEvent('beheer-session-ended'));
      await loaded(element, 'beheer-login');
      await settle(element);
      expect(element.textContent).to.contain('Je was een tijd niet actief en bent uitgelogd');
    });

    it('tells a fresh install where the set-up link is', async () => {
      api.loggedIn = false;
      api.setupNeeded = true;
      const element = await app();
      expect(element.querySelector('h1')!.textContent).to.equal('Ouderstem is nog niet ingesteld');
      await expectAccessible();
    });
  });

  describe('<beheer-login>', () => {
    async function login(oidc = false): Promise<BeheerLogin> {
      return onPage<BeheerLogin>(html`<beheer-login ?oidc=${oidc}></beheer-login>`, 'Ouderstem beheer');
    }

    it('says what is missing, and that a login is wrong without saying which half', async () => {
      const element = await login();
      button(element, 'Inloggen').click();
      await settle(element);
      expect(summaryTexts(element)).to.deep.equal(['Vul je e-mailadres in.', 'Vul je wachtwoord in.']);
      expect(document.activeElement?.className).to.equal('error-summary');
      await expectAccessible();
      await typeInto(byId('login-email'), 'anna@voorbeeldstad.nl');
      await typeInto(byId('login-password'), 'fout');
      button(element, 'Inloggen').click();
      await settle(element);
      expect(byId('login-password-error')!.textContent).to.equal('Fout: Het e-mailadres of het wachtwoord klopt niet.');
      expect(api.calls('POST', '/login')[0].body).to.deep.equal({ email: 'anna@voorbeeldstad.nl', password: 'fout' });
    });

    it('after too many tries says how long to wait (Retry-After)', async () => {
      const element = await login();
      api.failNext('POST', '/login', { status: 429, headers: { 'Retry-After': '600' }, body: { errors: [{ code: 'locked', message: 'Geblokkeerd.' }] } });
      await typeInto(byId('login-email'), 'anna@voorbeeldstad.nl');
      await typeInto(byId('login-password'), 'nog-eens');
      button(element, 'Inloggen').click();
      await settle(element);
      expect(summaryTexts(element)[0]).to.contain('Probeer het over 10 minuten opnieuw.');
    });

    it('offers "Inloggen met je organisatie" when the server has OpenID Connect, and logs in', async () => {
      const element = await login(true);
      const link = [...element.querySelectorAll('a')].find((candidate) => candidate.textContent === 'Inloggen met je organisatie')!;
      expect(link.getAttribute('href')).to.equal('/beheer/login/oidc');
      await expectAccessible();
      await expectReflow(element);
      await typeInto(byId('login-email'), 'anna@voorbeeldstad.nl');
      await typeInto(byId('login-password'), 'goed-wachtwoord-123');
      const done = oneEvent(element, 'beheer-logged-in');
      button(element, 'Inloggen').click();
      await done;
    });
  });

  describe('<beheer-setup>', () => {
    async function setup(token: string): Promise<BeheerSetup> {
      const element = await onPage<BeheerSetup>(html`<beheer-setup token=${token}></beheer-setup>`, 'Ouderstem beheer');
      return loaded(element, 'h1, form');
    }

    it('makes the first beheerder, who names the organisation', async () => {
      const element = await setup('eerste');
      expect(element.querySelector('h1')!.textContent).to.equal('Ouderstem instellen');
      await expectAccessible();
      await expectReflow(element);
      await typeInto(byId('setup-name'), 'Anna de Vries');
      await typeInto(byId('setup-email'), 'anna@voorbeeldstad');
      await typeInto(byId('setup-password'), 'kort');
      button(element, 'Account aanmaken').click();
      await settle(element);
      expect(summaryTexts(element)).to.deep.equal([
        'Vul de naam van je organisatie in.',
        'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.',
        'Kies een wachtwoord van minstens 12 tekens.',
      ]);
      await typeInto(byId('setup-organisationName'), 'Gemeente Voorbeeldstad');
      await typeInto(byId('setup-email'), 'anna@voorbeeldstad.nl');
      await typeInto(byId('setup-password'), 'een lange zin als wachtwoord');
      const done = oneEvent(element, 'beheer-logged-in');
      button(element, 'Account aanmaken').click();
      await done;
      expect(api.calls('POST', '/setup/eerste')[0].body).to.deep.equal({
        organisationName: 'Gemeente Voorbeeldstad',
        name: 'Anna de Vries',
        email: 'anna@voorbeeldstad.nl',
        password: 'een lange zin als wachtwoord',
      });
    });

    it('lets an invited user choose a password for the account made for them', async () => {
      const element = await setup('uitnodiging');
      expect(element.querySelector('h1')!.textContent).to.equal('Kies je wachtwoord');
      expect(element.textContent).to.contain('bram@voorbeeldstad.nl');
      expect(element.querySelector('#setup-organisationName, #setup-email')).to.equal(null);
      expect(byId('setup-name')!.value).to.equal('Bram');
      await expectAccessible();
      await typeInto(byId('setup-password'), 'een lange zin als wachtwoord');
      const done = oneEvent(element, 'beheer-logged-in');
      button(element, 'Account aanmaken').click();
      await done;
      expect(api.calls('POST', '/setup/uitnodiging')[0].body).to.deep.equal({ name: 'Bram', password: 'een lange zin als wachtwoord' });
    });

    it('shows a server refusal at its field, and an expired link plainly', async () => {
      const element = await setup('beheerder');
      expect(element.querySelector('h1')!.textContent).to.equal('Beheerder worden van Gemeente Voorbeeldstad');
      expect(element.querySelector('#setup-organisationName')).to.equal(null);
      api.failNext('POST', '/setup/beheerder', { status: 422, body: { errors: [{ field: 'email', code: 'email-taken', message: 'Er is al een account met dit e-mailadres.' }] } });
      await typeInto(byId('setup-name'), 'Bram');
      await typeInto(byId('setup-email'), 'bram@voorbeeldstad.nl');
      await typeInto(byId('setup-password'), 'een lange zin als wachtwoord');
      button(element, 'Account aanmaken').click();
      await settle(element);
      expect(byId('setup-email-error')!.textContent).to.contain('Er is al een account met dit e-mailadres.');
      element.closest('main')!.remove();
      const expired = await setup('verlopen');
      expect(expired.textContent).to.contain('Deze link is verlopen of al gebruikt');
      await expectAccessible();
    });

    it('when the server cannot answer, says so and tries the link again on request', async () => {
      api.failNext('GET', '/setup/eerste', { status: 503, body: { errors: [{ code: 'unavailable', message: 'De server is even niet bereikbaar. Probeer het zo opnieuw.' }] } });
      const element = await setup('eerste');
      expect(element.textContent).to.contain('De server is even niet bereikbaar');
      await expectAccessible();
      button(element, 'Probeer opnieuw').click();
      await loaded(element, 'form');
      expect(element.querySelector('h1')!.textContent).to.equal('Ouderstem instellen');
    });
  });

  describe('<beheer-forms>', () => {
    it('lists the forms with their state; a redacteur can start a new one of each kind, a lezer cannot', async () => {
      for (const form of sample()) api.addForm(form.definition, form.extra);
      api.addForm({ ...poll(), id: 'oud', title: 'Oude peiling' }, { state: 'gearchiveerd' });
      const element = await loaded(await onPage<BeheerForms>(html`<beheer-forms .me=${me()}></beheer-forms>`, ''), 'table');
      element.previousElementSibling!.remove(); // its own h1 is the page's
      const rows = [...element.querySelectorAll('tbody tr')].map((row) => [row.querySelector('th')!.textContent!.trim(), row.querySelector('.badge')!.textContent]);
      expect(rows).to.deep.equal([
        ['Hoe gaat het leerlingenvervoer?', 'Gepubliceerd'],
        ['Denk mee over het jeugdbeleid', 'Concept'],
        ['Deel je ervaring met passend onderwijs', 'Gesloten'],
      ]);
      expect([...element.querySelectorAll('.cards a')].map((link) => link.getAttribute('href'))).to.deep.equal([
        '#/formulieren/nieuw/peiling',
        '#/formulieren/nieuw/meedenksessie',
        '#/formulieren/nieuw/ervaring',
      ]);
      await expectAccessible();
      await expectReflow(element);
      button(element, 'Gearchiveerde formulieren tonen').click();
      await settle(element);
      expect(element.querySelectorAll('tbody tr')).to.have.length(4);
      const reader = await loaded(await onPage<BeheerForms>(html`<beheer-forms .me=${me('lezer')}></beheer-forms>`, ''), 'table');
      expect(reader.querySelector('.cards')).to.equal(null);
      expect(reader.querySelector('tbody a')!.getAttribute('href')).to.equal('#/formulieren/vervoer-2027/resultaten');
    });
  });

  describe('<beheer-users>', () => {
    it('invites someone with a one-time link to pass on, changes a role only with its button, removes an account', async () => {
      const element = await loaded(await onPage<BeheerUsers>(html`<beheer-users .me=${me('beheerder')}></beheer-users>`, ''), 'table');
      element.previousElementSibling!.remove();
      await expectAccessible();
      await expectReflow(element);
      await typeInto(byId('invite-name'), 'Carla');
      await typeInto(byId('invite-email'), 'carla@voorbeeldstad.nl');
      const role = byId<HTMLSelectElement>('invite-role')!;
      role.value = 'lezer';
      role.dispatchEvent(new Event('change'));
      button(element, 'Toevoegen').click();
      await settle(element);
      expect(api.calls('POST', '/users')[0].body).to.deep.equal({ name: 'Carla', email: 'carla@voorbeeldstad.nl', role: 'lezer' });
      expect(document.activeElement?.id).to.equal('invited');
      expect(byId('invited')!.textContent).to.contain('http://localhost:3000/beheer/setup/abc3');
      expect(element.querySelectorAll('tbody tr')).to.have.length(3);
      // Choosing a role in the list changes nothing until its button is pressed.
      const select = byId<HTMLSelectElement>('role-u1')!;
      select.value = 'lezer';
      select.dispatchEvent(new Event('change'));
      await settle(element);
      expect(api.calls('PATCH')).to.have.length(0);
      button(element, 'Opslaan').click();
      await settle(element);
      expect(api.calls('PATCH', '/users/u1')[0].body).to.deep.equal({ role: 'lezer' });
      // Your own row has no buttons; another's has a new link for a forgotten password.
      expect(element.querySelector('tbody tr:nth-child(2) button')).to.equal(null);
      element.querySelector<HTMLButtonElement>('tbody tr:nth-child(1) .button--secondary')!.click();
      await settle(element);
      expect(byId('invited')!.textContent).to.contain('Een nieuwe inloglink voor Anna de Vries');
      expect(byId('invited')!.textContent).to.contain('/beheer/setup/nieuw-u1');
      const confirm = window.confirm;
      window.confirm = () => true;
      element.querySelector<HTMLButtonElement>('tbody tr:nth-child(3) .button--warning')!.click();
      await settle(element);
      window.confirm = confirm;
      expect(api.calls('DELETE', '/users/u3')).to.have.length(1);
      await expectAccessible();
    });
  });

  describe('<beheer-organisation>', () => {
    it('saves the name and privacy statement, and allows a site by its origin', async () => {
      const element = await loaded(await onPage<BeheerOrganisation>(html`<beheer-organisation></beheer-organisation>`, ''), 'form');
      element.previousElementSibling!.remove();
      await expectAccessible();
      await expectReflow(element);
      await typeInto(byId('org-privacyUrl'), 'voorbeeldstad.nl/privacy');
      button(element, 'Opslaan').click();
      await settle(element);
      expect(summaryTexts(element)).to.deep.equal(['Vul het hele webadres van de privacyverklaring in, met https:// ervoor.']);
      await typeInto(byId('org-privacyUrl'), 'https://www.voorbeeldstad.nl/privacy');
      button(element, 'Opslaan').click();
      await settle(element);
      expect(api.calls('PATCH', '/organisation')[0].body).to.deep.equal({ name: 'Gemeente Voorbeeldstad', privacyUrl: 'https://www.voorbeeldstad.nl/privacy' });
      await typeInto(byId('org-origin'), 'https://scholen.voorbeeldstad.nl/ouders?x=1');
      element.querySelector<HTMLButtonElement>('.field-row--end button')!.click();
      await settle(element);
      expect(api.calls('PATCH', '/organisation')[1].body).to.deep.equal({
        allowedOrigins: ['https://www.voorbeeldstad.nl', 'https://scholen.voorbeeldstad.nl'],
      });
      expect(element.querySelector('[role=status]')!.textContent).to.contain('https://scholen.voorbeeldstad.nl mag nu de formulieren tonen');
      await expectAccessible();
    });
  });

  describe('<beheer-audit>', () => {
    it('shows who did what and when, in Dutch, and loads older rows', async () => {
      const element = await loaded(await onPage<BeheerAudit>(html`<beheer-audit></beheer-audit>`, ''), 'table');
      element.previousElementSibling!.remove();
      expect(element.querySelector('tbody tr')!.textContent).to.contain('formulier opgeslagen');
      await expectAccessible();
      await expectReflow(element);
      button(element, 'Oudere regels laden').click();
      await settle(element);
      expect(api.requests.filter((request) => request.path === '/audit')).to.have.length(2);
    });
  });

  describe('share', () => {
    it('gives the embed code per language, checks a site and allows it for the form, and offers the QR code', async () => {
      api.addForm(poll(), { state: 'gepubliceerd', publishedVersion: 1 });
      const element = await loaded(await existingForm('vervoer-2027', 'delen'), '#share-element');
      expect(byId('share-element')!.textContent).to.contain('<ouder-peiling endpoint="http://localhost:3000/api/forms/vervoer-2027">');
      expect(byId('share-element')!.textContent).to.contain('Doe mee via');
      const language = byId<HTMLSelectElement>('share-language')!;
      language.value = 'en';
      language.dispatchEvent(new Event('change'));
      await settle(element);
      expect(byId('share-element')!.textContent).to.contain('lang="en"');
      expect(byId('share-text')!.textContent).to.contain('Take part');
      expect(element.querySelector<HTMLImageElement>('img.qr')!.getAttribute('src')).to.equal('/beheer/api/forms/vervoer-2027/qr.svg');
      await expectAccessible();
      await expectReflow(element);
      await typeInto(byId('share-site'), 'https://www.school.nl/ouders');
      element.querySelector<HTMLFormElement>('.origin-check form')!.requestSubmit();
      await settle(element);
      expect(element.querySelector('.origin-check [role=status]')!.textContent).to.contain('Nee, https://www.school.nl mag het formulier nog niet tonen');
      button(element, 'Toestaan voor dit formulier').click();
      await settle(element);
      await settle(element);
      expect((api.calls('PUT', '/forms/vervoer-2027')[0].body as { allowedOrigins: string[] }).allowedOrigins).to.deep.equal(['https://www.school.nl']);
      expect(element.querySelector('.origin-check [role=status]')!.textContent).to.contain('Ja, https://www.school.nl mag het formulier tonen');
      await expectAccessible();
    });
  });

  describe('results', () => {
    it('counts a poll per answer', async () => {
      api.addForm(poll(), { state: 'gepubliceerd', publishedVersion: 1 });
      api.results = { total: 3, tally: { total: 3, questions: { v1: { counts: { ja: 2, nee: 1 }, total: 3 }, v2: { counts: { 4: 3 }, total: 3 } } } };
      const element = await loaded(await existingForm('vervoer-2027', 'resultaten', 'lezer'), 'table');
      const first = [...element.querySelectorAll('table')[0].querySelectorAll('tbody tr')].map((row) => [...row.children].slice(0, 3).map((cell) => cell.textContent!.trim()));
      expect(first).to.deep.equal([
        ['Ja', '2', '67%'],
        ['Nee', '1', '33%'],
      ]);
      expect(element.querySelector('.big-number')!.textContent).to.contain('3 ouders hebben meegedaan');
      await expectAccessible();
      await expectReflow(element);
    });

    it('counts sign-ups per session and stories', async () => {
      api.addForm(series(), { state: 'gepubliceerd', publishedVersion: 1 });
      api.results = { total: 5, sessions: [{ id: 's1', capacity: 12, confirmed: 4, waitlisted: 1, cancelled: 0, remaining: 8 }, { id: 's2', capacity: null, confirmed: 1, waitlisted: 0, cancelled: 0, remaining: null }] };
      const element = await loaded(await existingForm('jeugdbeleid-2027', 'resultaten'), 'table');
      const rows = [...element.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent!.trim()));
      expect(rows).to.deep.equal([
        ['4', '1', '8'],
        ['1', '0', 'geen grens'],
      ]);
      await expectAccessible();
      api.addForm(story());
      api.results = { total: 7 };
      const stories = await loaded(await existingForm('ervaringen-onderwijs', 'resultaten'), '.big-number');
      expect(stories.querySelector('.big-number')!.textContent).to.contain('7 verhalen ontvangen');
    });
  });
});

import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/elements/beheer-forms.js';
import '../src/elements/beheer-mail.js';
import type { BeheerForms } from '../src/elements/beheer-forms.js';
import type { BeheerMail } from '../src/elements/beheer-mail.js';
import type { Me } from '../src/api.js';
import { FakeApi } from './fake-api.js';
import { series } from './fixtures.js';
import { button, byId, existingForm, expectAccessible, expectReflow, me, onPage, settle, typeInto } from './helpers.js';

let api: FakeApi;
beforeEach(() => (api = new FakeApi()));
afterEach(() => api.restore());

const summaryTexts = (element: Element) => [...element.querySelectorAll('.error-summary li')].map((item) => item.textContent!.trim());
const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The e-mail page as the app shows it, for someone with `role`, once it has loaded. */
async function mailPage(role: Me['user']['role'] = 'beheerder'): Promise<BeheerMail> {
  const element = await onPage<BeheerMail>(html`<beheer-mail .me=${me(role)}></beheer-mail>`, '');
  element.previousElementSibling!.remove();
  const loading = () => [...element.querySelectorAll('[role=status]')].some((status) => status.textContent!.includes('Laden'));
  for (let i = 0; i < 50 && loading(); i++) await settle(element);
  await settle(element);
  return element;
}

const REFUSED = {
  id: '0b6f3c1e-6d1a-4b51-9a52-3c1f1f7d2a01',
  kind: 'signup',
  formId: 'jeugdbeleid-2027',
  sessionId: null,
  state: 'failed' as const,
  attempts: 1,
  lastError: '550 No such user here',
  createdAt: '2026-12-01T18:02:00Z',
  nextAttemptAt: null,
  recipient: 'f•••@example.nl',
  retryable: true,
};

const LATER = {
  ...REFUSED,
  id: '0b6f3c1e-6d1a-4b51-9a52-3c1f1f7d2a02',
  kind: 'reminder',
  sessionId: 's1',
  state: 'pending' as const,
  attempts: 3,
  lastError: '451 Try again later',
  nextAttemptAt: '2026-12-02T03:00:00Z',
  recipient: 'l•••@example.nl',
};

describe('e-mail in the console', () => {
  describe('<beheer-mail> for a beheerder', () => {
    it('says e-mail is off, checks the fields, saves the relay with its password and never shows it again', async () => {
      const element = await mailPage();
      expect(text(element.querySelector('.notice--warning'))).to.contain('E-mail staat uit.');
      await expectAccessible();
      await expectReflow(element);

      button(element, 'Opslaan').click();
      await settle(element);
      expect(summaryTexts(element)).to.deep.equal([
        'Vul het adres van de mailserver in, zoals smtp://ouders@mail.voorbeeldstad.nl:587.',
        'Vul de afzender in met een e-mailadres, zoals Gemeente Voorbeeldstad <ouders@voorbeeldstad.nl>.',
      ]);
      expect(document.activeElement?.className).to.equal('error-summary');
      expect(byId('mail-smtpUrl')!.getAttribute('aria-invalid')).to.equal('true');
      expect(api.calls('PUT', '/mail')).to.have.length(0);
      await expectAccessible();

      await typeInto(byId('mail-smtpUrl'), 'https://mail.voorbeeldstad.nl');
      await typeInto(byId('mail-from'), 'Gemeente Voorbeeldstad <ouders@voorbeeldstad.nl>');
      button(element, 'Opslaan').click();
      await settle(element);
      expect(summaryTexts(element)).to.deep.equal(['Het adres van de mailserver begint met smtp:// (of smtps:// voor poort 465).']);

      await typeInto(byId('mail-smtpUrl'), 'smtp://ouders@mail.voorbeeldstad.nl:587');
      await typeInto(byId('mail-password'), 'geheim-wachtwoord');
      button(element, 'Opslaan').click();
      await settle(element);
      expect(api.calls('PUT', '/mail')[0].body).to.deep.equal({
        smtpUrl: 'smtp://ouders@mail.voorbeeldstad.nl:587',
        from: 'Gemeente Voorbeeldstad <ouders@voorbeeldstad.nl>',
        password: 'geheim-wachtwoord',
      });
      expect(text(element.querySelector('[role=status] .notice--success'))).to.contain('Het wachtwoord is bewaard en wordt niet meer getoond');
      expect(byId('mail-password')!.value, 'the password field is empty again').to.equal('');
      expect(text(byId('mail-password-hint'))).to.contain('Er is een wachtwoord bewaard. Laat dit veld leeg om het te houden.');
      expect(text(element.querySelector('.notice--success'))).to.contain('E-mail gaat via jullie eigen mailserver');
      expect(element.innerHTML).to.not.contain('geheim-wachtwoord');
      await expectAccessible();

      // Saved again without typing a password: the stored one stays (no password in the request).
      await typeInto(byId('mail-from'), 'Ouders Voorbeeldstad <ouders@voorbeeldstad.nl>');
      button(element, 'Opslaan').click();
      await settle(element);
      expect(api.calls('PUT', '/mail')[1].body).to.deep.equal({ smtpUrl: 'smtp://ouders@mail.voorbeeldstad.nl:587', from: 'Ouders Voorbeeldstad <ouders@voorbeeldstad.nl>' });
      // Dropped on purpose.
      byId('mail-dropPassword')!.click();
      await settle(element);
      button(element, 'Opslaan').click();
      await settle(element);
      expect(api.calls('PUT', '/mail')[2].body).to.deep.include({ password: null });
    });

    it("shows the server's refusal at its field", async () => {
      api.failNext('PUT', '/mail', { status: 422, body: { errors: [{ field: 'from', code: 'invalid', message: 'Vul de afzender in met een e-mailadres.' }] } });
      const element = await mailPage();
      await typeInto(byId('mail-smtpUrl'), 'smtp://mail.voorbeeldstad.nl');
      await typeInto(byId('mail-from'), 'ouders@voorbeeldstad.nl');
      button(element, 'Opslaan').click();
      await settle(element);
      expect(text(byId('mail-from-error'))).to.equal('Fout: Vul de afzender in met een e-mailadres.');
      element.querySelector<HTMLAnchorElement>('.error-summary a')!.click();
      expect(document.activeElement?.id).to.equal('mail-from');
    });

    it('sends a test message and says where it went, or what the relay answered', async () => {
      api.mail = { source: 'server', own: null, server: { smtpUrl: 'smtp://ouderstem:•••@relay.example:587', from: 'Ouderstem <noreply@ouderstem.example>' } };
      const element = await mailPage();
      expect(text(element.querySelector('.notice'))).to.contain('E-mail gaat nu via de mailserver van de server, met als afzender Ouderstem <noreply@ouderstem.example>');
      button(element, 'Stuur een testbericht').click();
      await settle(element);
      expect(api.calls('POST', '/mail/test')).to.have.length(1);
      expect(text(element.querySelector('#mail-test-title ~ [role=status]'))).to.equal(
        'Het testbericht is verstuurd naar anna@voorbeeldstad.nl. Kijk in je inbox, en ook bij de ongewenste e-mail.',
      );
      api.mailTestError = 'Het testbericht is niet verstuurd. De mailserver antwoordde: "535 Invalid login". Controleer het adres, de gebruikersnaam, het wachtwoord en de afzender.';
      button(element, 'Stuur een testbericht').click();
      await settle(element);
      expect(text(element.querySelector('#mail-test-title ~ [role=alert]'))).to.contain('De mailserver antwoordde: "535 Invalid login"');
      await expectAccessible();
    });

    it("goes back to the server's settings when asked, and says so", async () => {
      api.mail = {
        source: 'organisation',
        own: { smtpUrl: 'smtp://ouders@mail.voorbeeldstad.nl:587', passwordSet: true, from: 'ouders@voorbeeldstad.nl', updatedAt: '2026-12-01T09:00:00Z' },
        server: { smtpUrl: 'smtp://relay.example:25', from: 'Ouderstem <noreply@ouderstem.example>' },
      };
      const element = await mailPage();
      expect(byId('mail-smtpUrl')!.value).to.equal('smtp://ouders@mail.voorbeeldstad.nl:587');
      const confirm = window.confirm;
      let asked = '';
      window.confirm = (question) => ((asked = question ?? ''), true);
      try {
        button(element, 'Eigen instellingen verwijderen').click();
        await settle(element);
      } finally {
        window.confirm = confirm;
      }
      expect(asked).to.contain('De e-mail gaat dan weer via de mailserver van de server.');
      expect(api.calls('DELETE', '/mail')).to.have.length(1);
      expect(byId('mail-smtpUrl')!.value).to.equal('');
      expect(document.activeElement?.id).to.equal('mail-smtpUrl');
      expect(text(element.querySelector('[role=status] .notice--success'))).to.contain('Jullie eigen instellingen zijn verwijderd.');
      await expectAccessible();
    });

    it('is used with the keyboard alone: Tab through the fields in order, Enter saves', async () => {
      const element = await mailPage();
      byId('mail-smtpUrl')!.focus();
      await sendKeys({ type: 'smtp://ouders@mail.voorbeeldstad.nl:587' });
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement?.id).to.equal('mail-password');
      await sendKeys({ type: 'geheim' });
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement?.id).to.equal('mail-from');
      await sendKeys({ type: 'ouders@voorbeeldstad.nl' });
      await sendKeys({ press: 'Tab' });
      expect(text(document.activeElement)).to.equal('Opslaan');
      await sendKeys({ press: 'Enter' });
      await settle(element);
      expect(api.calls('PUT', '/mail')).to.have.length(1);
      await sendKeys({ press: 'Tab' });
      expect(text(document.activeElement)).to.equal('Stuur een testbericht');
    });
  });

  describe('the messages that did not arrive', () => {
    it('shows what, to whom (partly hidden), why and when it is tried again; a redacteur tries one again', async () => {
      api.mail = { source: 'server', own: null, server: { smtpUrl: 'smtp://relay.example:25', from: 'ouders@voorbeeldstad.nl' } };
      api.mailProblems = [REFUSED, LATER];
      const element = await mailPage('redacteur');
      expect(api.calls('GET', '/mail'), 'the settings are for a beheerder').to.have.length(0);
      expect(element.querySelector('#mail-smtpUrl')).to.equal(null);
      const items = [...element.querySelectorAll('.mail-problem')];
      expect(items.map((item) => text(item.querySelector('h3')))).to.deep.equal([
        'Bevestiging van een aanmelding aan f•••@example.nl',
        'Herinnering aan een sessie aan l•••@example.nl',
      ]);
      expect(text(items[0])).to.contain('Niet aangekomen na 1 poging. Er wordt niet meer vanzelf geprobeerd.');
      expect(text(items[0])).to.contain('550 No such user here');
      expect(text(items[1])).to.contain('3 pogingen mislukt. Wordt vanzelf opnieuw geprobeerd op');
      expect(text(items[1])).to.contain('jeugdbeleid-2027, sessie s1');
      await expectAccessible();
      await expectReflow(element);

      const retry = items[0].querySelector('button')!;
      expect(text(retry)).to.equal('Probeer opnieuw: Bevestiging van een aanmelding aan f•••@example.nl');
      retry.click();
      await settle(element);
      await settle(element);
      expect(api.calls('POST', `/mail/problems/${REFUSED.id}/retry`)).to.have.length(1);
      expect(element.querySelectorAll('.mail-problem')).to.have.length(1);
      expect(text(element.querySelector('beheer-mail-problems [role=status]'))).to.contain('Het bericht aan f•••@example.nl wordt nu opnieuw verstuurd.');
      expect(document.activeElement?.id).to.equal('mail-problems-title');
      await expectAccessible();
    });

    it('a lezer sees the list without "Probeer opnieuw"; an empty list says all arrived', async () => {
      api.mailProblems = [REFUSED];
      const element = await mailPage('lezer');
      expect(element.querySelectorAll('.mail-problem')).to.have.length(1);
      expect(element.querySelector('.mail-problem button')).to.equal(null);
      element.closest('main')!.remove();
      api.mailProblems = [];
      const empty = await mailPage('lezer');
      expect(text(empty.querySelector('beheer-mail-problems .notice--success'))).to.equal('Alle berichten zijn aangekomen.');
      await expectAccessible();
    });
  });

  describe('the forms page', () => {
    it('warns when e-mail is off (a beheerder gets the way to switch it on) and when messages did not arrive', async () => {
      const off = { ...me('beheerder'), mail: { configured: false, source: null, problems: 0 } };
      const element = await onPage<BeheerForms>(html`<beheer-forms .me=${off}></beheer-forms>`, '');
      element.previousElementSibling!.remove();
      await settle(element);
      const warning = element.querySelector('.notice--warning')!;
      expect(text(warning)).to.equal('E-mail staat uit. Ouders krijgen geen bevestiging en geen herinnering. E-mail instellen');
      expect(warning.querySelector('a')!.getAttribute('href')).to.equal('#/e-mail');
      await expectAccessible();
      element.closest('main')!.remove();

      const troubled = { ...me('lezer'), mail: { configured: true, source: 'server' as const, problems: 2 } };
      const other = await onPage<BeheerForms>(html`<beheer-forms .me=${troubled}></beheer-forms>`, '');
      await settle(other);
      expect(text(other.querySelector('.notice--warning'))).to.equal('2 berichten aan ouders kwamen niet aan. Bekijk ze onder E-mail');
      other.closest('main')!.remove();
      const fine = { ...me('lezer'), mail: { configured: true, source: 'server' as const, problems: 0 } };
      const quiet = await onPage<BeheerForms>(html`<beheer-forms .me=${fine}></beheer-forms>`, '');
      await settle(quiet);
      expect(quiet.querySelector('.notice--warning')).to.equal(null);
    });
  });

  describe('an organiser and the parents signed up', () => {
    it('calls a session off under Resultaten, with a message to the parents, and says who is told', async () => {
      api.mail = { source: 'server', own: null, server: { smtpUrl: 'smtp://relay.example:25', from: 'ouders@voorbeeldstad.nl' } };
      api.addForm(series(), { state: 'gepubliceerd', publishedVersion: 1 });
      api.sessionStates.set('jeugdbeleid-2027', [
        { id: 's1', cancelledAt: null, confirmed: 4, waitlisted: 1 },
        { id: 's2', cancelledAt: null, confirmed: 1, waitlisted: 0 },
      ]);
      api.results = { total: 5, sessions: [{ id: 's1', capacity: 12, confirmed: 4, waitlisted: 1, remaining: 8 }, { id: 's2', capacity: null, confirmed: 1, waitlisted: 0, remaining: null }] };
      const element = await existingForm('jeugdbeleid-2027', 'resultaten');
      for (let i = 0; i < 20 && !element.querySelector('#cancel-session'); i++) await settle(element);
      await expectAccessible();
      await expectReflow(element);

      button(element, 'Sessie afzeggen').click();
      await settle(element);
      expect(summaryTexts(element)).to.deep.equal(['Kies welke sessie niet doorgaat.']);

      const choose = byId<HTMLSelectElement>('cancel-session')!;
      choose.value = 's1';
      choose.dispatchEvent(new Event('change', { bubbles: true }));
      await typeInto(byId('cancel-message'), 'De bibliotheek is dicht. We zoeken een nieuwe datum.');
      const confirm = window.confirm;
      let asked = '';
      window.confirm = (question) => ((asked = question ?? ''), true);
      try {
        button(element, 'Sessie afzeggen').click();
        await settle(element);
        await settle(element);
      } finally {
        window.confirm = confirm;
      }
      expect(asked).to.contain('"Avond in de bibliotheek" afzeggen?');
      expect(asked).to.contain('5 ouders krijgen bericht.');
      expect(api.calls('POST', '/forms/jeugdbeleid-2027/sessions/s1/cancel')[0].body).to.deep.equal({ message: 'De bibliotheek is dicht. We zoeken een nieuwe datum.' });
      expect(text(element.querySelector('#cancel-session-title ~ [role=status]'))).to.equal('"Avond in de bibliotheek" gaat niet door. 5 ouders krijgen daarover een e-mail.');
      expect(text(element.querySelector('tbody tr .called-off'))).to.contain('Gaat niet door');
      expect([...byId<HTMLSelectElement>('cancel-session')!.options].map((option) => option.value), 'a session called off is not offered again').to.deep.equal(['', 's2']);
      await expectAccessible();
    });

    it('a lezer cannot call a session off', async () => {
      api.addForm(series(), { state: 'gepubliceerd', publishedVersion: 1 });
      api.results = { total: 0, sessions: [] };
      const element = await existingForm('jeugdbeleid-2027', 'resultaten', 'lezer');
      for (let i = 0; i < 20 && !element.querySelector('table'); i++) await settle(element);
      expect(element.querySelector('#cancel-session-title')).to.equal(null);
    });

    it('after publishing a new time, says how many parents are told and who moved up', async () => {
      const versions = [1, 2].map((version) => ({ version, definition: series(), createdAt: '2026-12-01T10:00:00Z' }));
      api.addForm(series(), { state: 'gepubliceerd', publishedVersion: 1, versions });
      const element = await existingForm('jeugdbeleid-2027');
      const { form } = (await (await fetch('/beheer/api/forms/jeugdbeleid-2027')).json()) as { form: Record<string, unknown> };
      api.failNext('POST', '/forms/jeugdbeleid-2027/publish', {
        status: 200,
        body: { form: { ...form, publishedVersion: 2 }, changes: { changed: [{ id: 's1', notified: 5 }], promoted: 2, mail: true } },
      });
      button(element, 'Nieuwe versie publiceren').click();
      for (let i = 0; i < 10 && !element.querySelector('.notice--success'); i++) await settle(element);
      expect(text(element.querySelector('.notice--success'))).to.contain(
        'Eén sessie heeft een andere tijd of plaats: 5 aangemelde ouders krijgen daarover een e-mail, met de nieuwe afspraak voor hun agenda. 2 ouders van de wachtlijst hebben nu een plaats en krijgen daarover een e-mail.',
      );
    });
  });
});

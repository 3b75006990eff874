import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../src/index.js';
import '../src/ervaring/index.js';
import type { OuderErvaring } from '../src/ervaring/ouder-ervaring.js';
import definition from './fixtures/ervaring.json';
import { expectAccessible } from './helpers/axe.js';
import { $, $$, consoleWarnings, pick, submit, text, type } from './helpers/dom.js';
import { FakeServer, fastRetries, freshOutbox, until, withFakeServer } from './helpers/server.js';

const endpoint = 'https://api.example.org/forms/ervaring-jeugdhulp';
const draftKey = 'ouderstem:draft:ervaring-jeugdhulp';
const story = 'De school luisterde goed naar ons. Het plan kwam wel laat.';
const withdrawal = { withdrawCode: 'K7QX-29MD', withdrawUrl: 'https://api.example.org/withdraw/K7QX-29MD' };

let server: FakeServer;
withFakeServer((fake) => (server = fake));

async function form(options: { definition?: object; lang?: string; storage?: string; privacy?: string } = {}) {
  server.on('GET', endpoint, { status: 200, body: options.definition ?? definition });
  const el = await fixture<OuderErvaring>(
    html`<ouder-ervaring
      endpoint=${endpoint}
      lang=${options.lang ?? 'nl'}
      storage=${options.storage ?? ''}
      privacy-url=${options.privacy ?? 'https://example.org/privacy'}
    ></ouder-ervaring>`,
  );
  await until(() => !!el.shadowRoot!.querySelector('form, .panel'), 3000, 'definition');
  await el.updateComplete;
  return el;
}

const has = (el: Element, selector: string) => el.shadowRoot!.querySelector(selector) !== null;
const active = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;

async function select(el: OuderErvaring, id: string, value: string) {
  const control = $<HTMLSelectElement>(el, `#${id}`);
  control.value = value;
  control.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

/** A complete, valid story: theme "jeugdhulp", consent "may be quoted anonymously". */
async function filled(options: Parameters<typeof form>[0] = {}) {
  const el = await form(options);
  await type(el, '#story', story);
  await pick(el, 'themes-1');
  await pick(el, 'consent-1');
  return el;
}

interface SentBody {
  type: string;
  formId: string;
  submissionId: string;
  lang: string;
  data: Record<string, unknown>;
}

describe('<ouder-ervaring>', () => {
  describe('definition loading', () => {
    it('shows a loading state, then the form, and fires ouder-ready with the definition', async () => {
      let release!: () => void;
      server.on('GET', endpoint, () => new Promise((resolve) => (release = () => resolve({ status: 200, body: definition }))));
      const el = await fixture<OuderErvaring>(html`<ouder-ervaring endpoint=${endpoint}></ouder-ervaring>`);
      expect(text(el)).to.contain('Even laden');
      expect(text(el), 'help right now, before the form is there').to.contain('Veilig Thuis');
      await expectAccessible(el);
      const ready = oneEvent(el, 'ouder-ready');
      release();
      const event = await ready;
      expect((event.detail.definition as { id: string }).id).to.equal('ervaring-jeugdhulp');
      expect(event.bubbles && event.composed).to.be.true;
      await el.updateComplete;
      expect($(el, 'h2').textContent).to.equal('Deel je ervaring');
    });

    it('offers "probeer opnieuw" when loading fails', async () => {
      server.on('GET', endpoint, 'network-error', { status: 200, body: definition });
      const el = await fixture<OuderErvaring>(html`<ouder-ervaring endpoint=${endpoint}></ouder-ervaring>`);
      await until(() => !!el.shadowRoot!.querySelector('[role=alert]'));
      expect(text(el), 'help right now, also when the form cannot load').to.contain('Kindertelefoon');
      expect($$(el, '.help a[href^="tel:"]').map((link) => link.getAttribute('href'))).to.deep.equal(['tel:08000432', 'tel:08002000']);
      await expectAccessible(el);
      $<HTMLButtonElement>(el, '[role=alert] button').click();
      await until(() => !!el.shadowRoot!.querySelector('form'));
    });

    it('says plainly that it is not available when the definition is invalid (the help stays), and names the field on the console', async () => {
      const warnings = await consoleWarnings(() => fixture(html`<ouder-ervaring .definition=${{ ...definition, themes: [] }}></ouder-ervaring>`));
      const el = document.querySelector('ouder-ervaring')!;
      expect($(el, '[role=alert]').textContent).to.contain('Dit onderdeel is nu niet beschikbaar.');
      expect(text(el)).not.to.contain('themes');
      expect(text(el)).to.contain('Veilig Thuis');
      expect(warnings.join('\n')).to.contain('themes: missing');
      await expectAccessible(el);
    });
  });

  describe('accessibility', () => {
    it('is axe-clean when open, with every error, and with contact details revealed', async () => {
      const el = await form();
      await expectAccessible(el);
      await pick(el, 'contact-1');
      await pick(el, 'consent-2');
      await type(el, '#email', 'ouder@');
      await submit(el);
      expect($$(el, '.error-message').length).to.equal(4);
      await expectAccessible(el);
    });

    it('fits 320 px without sideways scrolling, in Dutch and Arabic, with targets of at least 24 px', async () => {
      await setViewport({ width: 320, height: 640 });
      for (const lang of ['nl', 'ar']) {
        const el = await form({ lang });
        await pick(el, 'contact-1');
        expect(document.documentElement.scrollWidth, lang).to.be.at.most(320);
        for (const control of $$(el, 'input:not([tabindex="-1"]), button, textarea, select')) {
          const box = control.getBoundingClientRect();
          expect(box.width >= 24 && box.height >= 24, `${control.outerHTML} is ${box.width}×${box.height}`).to.be.true;
        }
      }
    });

    it('resolves every for / aria-describedby / aria-labelledby id inside its own shadow root', async () => {
      const el = await form();
      await pick(el, 'contact-1');
      await submit(el);
      for (const node of $$(el, '[for], [aria-describedby], [aria-labelledby]')) {
        const ids = ['for', 'aria-describedby', 'aria-labelledby'].flatMap((name) => node.getAttribute(name)?.split(' ') ?? []);
        for (const id of ids) expect(el.shadowRoot!.getElementById(id), `#${id}`).to.exist;
      }
    });

    it('can be completed with the keyboard only', async () => {
      server.on('POST', endpoint, { status: 201, body: withdrawal });
      const el = await form();
      const tabTo = async (wanted: (element: HTMLElement | null) => boolean, what: string) => {
        for (let i = 0; i < 30 && !wanted(active(el)); i++) await sendKeys({ press: 'Tab' });
        expect(wanted(active(el)), what).to.be.true;
      };
      await tabTo((e) => e?.id === 'story', 'story');
      await sendKeys({ type: story });
      await sendKeys({ press: 'Tab' });
      expect(active(el)?.id).to.equal('themes-0');
      await sendKeys({ press: 'Space' });
      await tabTo((e) => e?.id === 'region', 'region');
      await sendKeys({ press: 'ArrowDown' });
      await tabTo((e) => e?.id === 'contact-0', 'contact');
      await sendKeys({ press: 'ArrowDown' }); // "ja, dat mag": name and e-mail appear
      await el.updateComplete;
      await sendKeys({ press: 'Tab' });
      expect(active(el)?.id).to.equal('name');
      await sendKeys({ type: 'Fatima' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'fatima@example.nl' });
      await sendKeys({ press: 'Tab' });
      expect(active(el)?.id).to.equal('consent-0');
      await sendKeys({ press: 'ArrowDown' });
      await tabTo((e) => e?.getAttribute('type') === 'submit', 'send button');
      await sendKeys({ press: 'Enter' });
      await until(() => server.posts().length === 1);
      expect((server.posts()[0].body as SentBody).data).to.deep.equal({
        story,
        themes: ['onderwijs'],
        region: 'utrecht',
        anonymous: false,
        contact: { name: 'Fatima', email: 'fatima@example.nl' },
        consent: 'quote-anonymous',
      });
      await until(() => active(el)?.classList.contains('panel--success') ?? false, 2000, 'focus on the thank-you');
      await tabTo((e) => e?.textContent?.trim() === 'Code kopiëren', 'copy button');
    });
  });

  describe('answering', () => {
    it('always shows where to get help right now, and that the form is not for emergencies', async () => {
      server.on('POST', endpoint, { status: 201, body: withdrawal });
      const el = await filled();
      const expectHelp = (state: string) => {
        expect($(el, '.help').textContent, state).to.contain('niet voor noodgevallen');
        expect($$(el, '.help a').map((a) => a.getAttribute('href')), state).to.deep.equal([
          'tel:08000432',
          'https://www.kindertelefoon.nl',
          'tel:08002000',
          'https://veiligthuis.nl',
        ]);
      };
      expectHelp('form');
      await submit(el);
      await until(() => has(el, '.panel--success'));
      expectHelp('thanks');
    });

    it('warns not to write full names, gives the prompts, and links both to the text area', async () => {
      const el = await form();
      const described = $(el, '#story').getAttribute('aria-describedby')!.split(' ');
      expect(described).to.include.members(['story-hint', 'story-prompts', 'story-count']);
      expect($(el, '#story-hint').textContent).to.contain('Schrijf geen volledige namen van kinderen');
      expect($(el, '#story-hint').textContent).to.contain('minstens 20 tekens');
      expect($$(el, '#story-prompts li').map((li) => li.textContent)).to.deep.equal([
        'Wat ging goed?',
        'Wat kan beter?',
        'Wat had je geholpen?',
      ]);
      expect($(el, '#story').hasAttribute('maxlength'), 'no hard maxlength: paste, then trim').to.be.false;
    });

    it('counts characters and announces the count politely once typing pauses', async () => {
      const el = await form();
      const live = $(el, '[aria-live=polite]');
      expect($(el, '#story-count').textContent, 'below the minimum: how many more').to.equal('Nog 20 tekens nodig');
      await type(el, '#story', '  Achttien tekens ja  ');
      expect($(el, '#story-count').textContent, 'white space around it does not count').to.equal('Nog 2 tekens nodig');
      await type(el, '#story', 'Genoeg tekens om te sturen.');
      expect($(el, '#story-count').textContent).to.equal('Je kunt nog 1.973 tekens typen');
      await type(el, '#story', 'x'.repeat(2003));
      expect($(el, '#story-count').textContent).to.equal('Je hebt 3 tekens te veel');
      expect(live.textContent, 'not on every keystroke').to.equal('');
      await until(() => live.textContent === 'Je hebt 3 tekens te veel', 2000, 'announcement');
    });

    it('announces the count when the text is changed without input events (speech input, scripts)', async () => {
      const el = await form();
      const area = $<HTMLTextAreaElement>(el, '#story');
      area.focus();
      area.value = 'Een gedicteerd verhaal';
      await until(() => $(el, '#story-count').textContent === 'Je kunt nog 1.978 tekens typen', 3000, 'count');
      await until(() => $(el, '[aria-live=polite]').textContent === 'Je kunt nog 1.978 tekens typen', 3000, 'announcement');
    });

    it('keeps text put into the unfocused text area without input events when anything else re-renders', async () => {
      const el = await form();
      const area = $<HTMLTextAreaElement>(el, '#story');
      area.value = 'Door een hulpmiddel ingevuld';
      await pick(el, 'themes-0'); // re-renders the form
      expect($<HTMLTextAreaElement>(el, '#story').value, 'not wiped by the render').to.equal('Door een hulpmiddel ingevuld');
      expect($(el, '#story-count').textContent).to.equal('Je kunt nog 1.972 tekens typen');
    });

    it('is anonymous by default and asks for name and e-mail only when contact is chosen', async () => {
      const el = await form();
      expect($<HTMLInputElement>(el, '#contact-0').checked).to.be.true;
      expect(has(el, '#name')).to.be.false;
      expect(has(el, '#email')).to.be.false;
      await pick(el, 'contact-1');
      expect(has(el, '#name')).to.be.true;
      expect($(el, '#email').getAttribute('type')).to.equal('email');
      await pick(el, 'contact-0');
      expect(has(el, '#email')).to.be.false;
    });

    it('offers the withdrawal code by e-mail only when the server sends mail, and sends the wish with the contact', async () => {
      const silent = await filled();
      await pick(silent, 'contact-1');
      expect(has(silent, '#send-code')).to.be.false;
      silent.remove();
      sessionStorage.clear(); // its draft
      server.on('POST', endpoint, { status: 201, body: withdrawal });
      const el = await filled({ definition: { ...definition, sendsMail: true } });
      await pick(el, 'contact-1');
      await type(el, '#email', 'mila@example.nl');
      await pick(el, 'send-code');
      await expectAccessible(el);
      await submit(el);
      await until(() => has(el, '.panel--success'));
      const sent = server.posts()[0].body as SentBody;
      expect(sent.data.contact).to.deep.equal({ email: 'mila@example.nl', sendCode: true });
      expect($(el, '.panel--success').textContent).to.contain('We sturen je de code ook per e-mail.');
    });

    it('offers graded consent with plain words on who reads it and how long it is kept, and the privacy link', async () => {
      const el = await form();
      expect($(el, '#consent').getAttribute('role')).to.equal('radiogroup');
      expect($(el, '#consent').getAttribute('aria-required'), 'consent is required').to.equal('true');
      // The hint of "met mijn voornaam" is outside its label (read once), and names the question instead of "hierboven".
      const label = $(el, 'label[for=consent-2]');
      expect(label.textContent!.trim()).to.equal('Het verhaal delen met mijn voornaam erbij.');
      expect($(el, '#consent-2').getAttribute('aria-describedby')).to.equal('consent-2-hint');
      expect($(el, '#consent-2-hint').textContent).to.contain('Mogen we contact met je opnemen over je verhaal?').and.not.contain('hierboven');
      expect($$(el, '#consent input').map((input) => (input as HTMLInputElement).value)).to.deep.equal([
        'internal',
        'quote-anonymous',
        'first-name',
      ]);
      expect(has(el, '#consent input[type=radio]')).to.be.true;
      const hint = $(el, '#consent-hint').textContent!;
      expect(hint).to.contain('gelezen door de mensen die dit formulier hebben gemaakt');
      expect(hint, '365 days as people say it').to.contain('We bewaren je verhaal 1 jaar.');
      expect(hint).to.contain('code');
      const privacy = $<HTMLAnchorElement>(el, '.privacy a');
      expect(privacy.href).to.equal('https://example.org/privacy');
      expect(privacy.target).to.equal('_blank');
    });

    it('uses the consent options of the definition when it has them', async () => {
      const el = await form({
        definition: { ...definition, retentionDays: undefined, consentOptions: [{ value: 'intern', label: 'Alleen intern' }] },
      });
      expect($$(el, '#consent input').map((input) => (input as HTMLInputElement).value)).to.deep.equal(['intern']);
      expect($(el, '#consent-hint').textContent).to.contain('niet langer dan nodig');
    });
  });

  describe('drafts', () => {
    it('keeps a draft in sessionStorage while typing, and puts it back after a reload', async () => {
      const first = await form();
      await type(first, '#story', story);
      await pick(first, 'themes-2');
      await select(first, 'level', 'beleid');
      await until(() => sessionStorage.getItem(draftKey) !== null, 2000, 'draft saved');
      expect(JSON.parse(sessionStorage.getItem(draftKey)!)).to.deep.include({ story, themes: ['zorg'], level: 'beleid' });
      expect(localStorage.getItem(draftKey)).to.be.null;
      first.remove();

      const second = await form();
      expect($<HTMLTextAreaElement>(second, '#story').value).to.equal(story);
      expect($<HTMLInputElement>(second, '#themes-2').checked).to.be.true;
      expect($<HTMLSelectElement>(second, '#level').value).to.equal('beleid');
      expect($(second, '.draft-notice').textContent).to.contain('We hebben je concept bewaard');
      await expectAccessible(second);
    });

    it('saves a pending draft at once when the element leaves the page', async () => {
      const el = await form();
      await type(el, '#story', 'Net getypt');
      el.remove();
      expect(JSON.parse(sessionStorage.getItem(draftKey)!).story).to.equal('Net getypt');
    });

    it('lets the parent discard the draft', async () => {
      sessionStorage.setItem(draftKey, JSON.stringify({ story, themes: ['zorg'] }));
      const el = await form();
      $<HTMLButtonElement>(el, '.draft-notice button').click();
      await el.updateComplete;
      expect(sessionStorage.getItem(draftKey)).to.be.null;
      expect($<HTMLTextAreaElement>(el, '#story').value).to.equal('');
      expect($<HTMLInputElement>(el, '#themes-2').checked).to.be.false;
      expect(has(el, '.draft-notice')).to.be.false;
      expect($(el, '.notice').textContent).to.contain('concept is weggegooid');
      expect(active(el)?.id).to.equal('story');
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(sessionStorage.getItem(draftKey), 'nothing written back').to.be.null;
    });

    it('uses localStorage when the definition says draftStorage "local"', async () => {
      const el = await form({ definition: { ...definition, draftStorage: 'local' } });
      await type(el, '#story', story);
      await until(() => localStorage.getItem(draftKey) !== null, 2000, 'draft saved');
      expect(sessionStorage.getItem(draftKey)).to.be.null;
    });

    for (const [what, options] of [
      ['storage="none"', { storage: 'none' }],
      ['draftStorage "none"', { definition: { ...definition, draftStorage: 'none' } }],
    ] as const) {
      it(`keeps nothing on the device with ${what}`, async () => {
        const el = await form(options);
        await type(el, '#story', story);
        await new Promise((resolve) => setTimeout(resolve, 700));
        el.remove();
        expect(sessionStorage.length, 'sessionStorage').to.equal(0);
        if (what === 'storage="none"') expect(localStorage.length, 'localStorage').to.equal(0);
        else expect(localStorage.getItem(draftKey), 'localStorage').to.be.null;
      });
    }

    it('with storage="none" keeps no outbox either when the server is away', async () => {
      server.on('POST', endpoint, 'network-error');
      const el = await filled({ storage: 'none' });
      await submit(el);
      await until(() => text(el).includes('Nog niet verstuurd'));
      expect(text(el)).to.contain('Laat deze pagina open');
      expect(localStorage.length + sessionStorage.length).to.equal(0);
      // It waits in memory: sent once when the connection returns, still without storage.
      server.on('POST', endpoint, { status: 201, body: withdrawal });
      const before = server.posts().length;
      window.dispatchEvent(new Event('online'));
      await until(() => !!el.shadowRoot!.querySelector('.panel--success'));
      expect(server.posts().length - before).to.equal(1);
      expect(localStorage.length + sessionStorage.length).to.equal(0);
    });

    it('removes the draft after a successful send', async () => {
      server.on('POST', endpoint, { status: 201, body: withdrawal });
      const el = await filled();
      await until(() => sessionStorage.getItem(draftKey) !== null, 2000, 'draft saved');
      await submit(el);
      await until(() => !!el.shadowRoot!.querySelector('.panel--success'));
      expect(sessionStorage.getItem(draftKey)).to.be.null;
      el.remove();
      const again = await form();
      expect($<HTMLTextAreaElement>(again, '#story').value).to.equal('');
      expect(has(again, '.draft-notice')).to.be.false;
    });
  });

  describe('validation', () => {
    it('sends nothing, loses nothing, and shows an error summary that takes focus and links to the fields', async () => {
      const el = await form();
      await type(el, '#story', 'Te kort');
      await submit(el);
      await el.updateComplete;
      expect(server.posts()).to.have.length(0);
      const summary = $(el, '.error-summary');
      expect(active(el) === summary, 'focus on the summary').to.be.true;
      expect([...summary.querySelectorAll('a')].map((a) => a.textContent)).to.deep.equal([
        'Je verhaal moet minstens 20 tekens hebben',
        'Kies minstens één onderwerp',
        'Kies wat we met je verhaal mogen doen',
      ]);
      expect($<HTMLTextAreaElement>(el, '#story').value).to.equal('Te kort');
      expect($(el, '#story').getAttribute('aria-invalid')).to.equal('true');
      summary.querySelectorAll('a')[1].click();
      expect(active(el)?.id).to.equal('themes-0');
    });

    it('refuses a story over the maximum, which can be pasted and then trimmed', async () => {
      const el = await filled();
      await type(el, '#story', 'x'.repeat(2001));
      await submit(el);
      expect($(el, '#story-error').textContent).to.contain('hoogstens 2.000 tekens');
      expect(server.posts()).to.have.length(0);
    });

    it('asks for a valid e-mail address when contact was chosen', async () => {
      const el = await filled();
      await pick(el, 'contact-1');
      await submit(el);
      expect($(el, '#email-error').textContent).to.contain('Vul je e-mailadres in');
      await type(el, '#email', 'ouder@voorbeeld');
      $(el, '#email').dispatchEvent(new Event('blur'));
      await el.updateComplete;
      expect($(el, '#email-error').textContent).to.contain('naam@voorbeeld.nl');
      expect(server.posts()).to.have.length(0);
    });

    it('needs a name to share the story with a first name: the error is at what must change', async () => {
      const el = await filled();
      await pick(el, 'consent-2');
      await submit(el);
      // Anonymous: there is no name field yet; the contact question must change.
      expect(has(el, '#consent-error'), 'the consent itself is fine').to.be.false;
      expect($(el, '#contact-error').textContent).to.contain('Ja, dat mag');
      expect($(el, '#contact').getAttribute('aria-invalid')).to.equal('true');
      expect($(el, '.error-summary a').getAttribute('href')).to.equal('#contact');
      await pick(el, 'contact-1');
      expect(has(el, '#contact-error'), 'fixed by the choice at once').to.be.false;
      // Now the name field asks for the first name, and is required.
      expect($(el, 'label[for=name]').textContent!.trim()).to.equal('Je voornaam');
      expect($(el, '#name').getAttribute('aria-required')).to.equal('true');
      await type(el, '#email', 'fatima@example.nl');
      await submit(el);
      expect($(el, '#name-error').textContent).to.contain('Vul je voornaam in');
      expect($(el, '#name').getAttribute('aria-invalid')).to.equal('true');
      expect($(el, '.error-summary a').getAttribute('href')).to.equal('#name');
      await type(el, '#name', 'Fatima');
      $(el, '#name').dispatchEvent(new Event('blur'));
      await el.updateComplete;
      expect(has(el, '#name-error')).to.be.false;
    });

    it('checks a changed field when it loses focus, not on every keystroke, and clears a fixed choice at once', async () => {
      const el = await form();
      await type(el, '#story', 'kort');
      expect(has(el, '#story-error')).to.be.false;
      $(el, '#story').dispatchEvent(new Event('blur'));
      await el.updateComplete;
      expect(has(el, '#story-error')).to.be.true;
      await submit(el);
      expect(has(el, '#themes-error')).to.be.true;
      await pick(el, 'themes-0');
      expect(has(el, '#themes-error')).to.be.false;
      expect(has(el, '#story-error'), 'other errors stay until fixed').to.be.true;
    });
  });

  describe('submission', () => {
    it('POSTs the CONTRACT envelope, thanks the parent and shows the withdrawal code and link', async () => {
      server.on('POST', endpoint, { status: 201, body: withdrawal });
      const el = await filled();
      await select(el, 'region', 'zeist');
      const submitted = oneEvent(el, 'ouder-submitted');
      await submit(el);
      const event = await submitted;
      expect(event.detail.response).to.deep.equal(withdrawal);
      const [request] = server.posts();
      const body = request.body as SentBody;
      expect(body).to.deep.include({ type: 'ervaring', formId: 'ervaring-jeugdhulp', lang: 'nl' });
      expect(request.headers['idempotency-key']).to.equal(body.submissionId);
      expect(body.data).to.deep.equal({
        story,
        themes: ['jeugdhulp'],
        region: 'zeist',
        anonymous: true,
        consent: 'quote-anonymous',
      });
      await el.updateComplete;
      await until(() => active(el) === $(el, '.panel--success'), 2000, 'focus on the thank-you');
      expect(text(el)).to.contain('Bedankt voor je verhaal');
      expect(text(el)).to.contain('Wat gebeurt er nu?');
      expect($(el, '.code').textContent).to.equal('K7QX-29MD');
      expect($<HTMLAnchorElement>(el, '.withdraw a').href).to.equal(withdrawal.withdrawUrl);
      await expectAccessible(el);
    });

    it('copies the withdrawal code, and says so', async () => {
      server.on('POST', endpoint, { status: 201, body: withdrawal });
      const copied: string[] = [];
      const original = navigator.clipboard.writeText;
      Object.defineProperty(navigator.clipboard, 'writeText', {
        configurable: true,
        value: async (value: string) => void copied.push(value),
      });
      try {
        const el = await filled();
        await submit(el);
        await until(() => !!el.shadowRoot!.querySelector('.withdraw button'));
        $<HTMLButtonElement>(el, '.withdraw button').click();
        await until(() => $(el, '.copy-status').textContent === 'De code is gekopieerd.');
        expect(copied).to.deep.equal(['K7QX-29MD']);
        Object.defineProperty(navigator.clipboard, 'writeText', { configurable: true, value: () => Promise.reject(new Error('denied')) });
        $<HTMLButtonElement>(el, '.withdraw button').click();
        await until(() => $(el, '.copy-status').textContent!.includes('Schrijf de code over'));
      } finally {
        Object.defineProperty(navigator.clipboard, 'writeText', { configurable: true, value: original });
      }
    });

    it('never links a withdrawal URL that is not http(s)', async () => {
      server.on('POST', endpoint, { status: 201, body: { withdrawCode: 'A1', withdrawUrl: 'javascript:alert(1)' } });
      const el = await filled();
      await submit(el);
      await until(() => !!el.shadowRoot!.querySelector('.panel--success'));
      expect(has(el, '.withdraw a')).to.be.false;
      expect($(el, '.code').textContent).to.equal('A1');
    });

    it('lets the parent share another story afterwards', async () => {
      server.on('POST', endpoint, { status: 201, body: withdrawal });
      const el = await filled();
      await submit(el);
      await until(() => !!el.shadowRoot!.querySelector('.panel--success'));
      $<HTMLButtonElement>(el, '.panel--success .link-button').click();
      await el.updateComplete;
      await until(() => active(el)?.id === 'story');
      expect($<HTMLTextAreaElement>(el, '#story').value).to.equal('');
    });

    it('shows 422 field errors inline and in the summary, without retrying, keeping the story', async () => {
      server.on('POST', endpoint, {
        status: 422,
        body: {
          errors: [
            { field: 'story', code: 'too-long', message: 'Het verhaal is te lang.' },
            { field: 'contact.email', code: 'invalid', message: 'Dit e-mailadres klopt niet.' },
            { code: 'spam-suspected', message: 'Dit lijkt op reclame.' },
          ],
        },
      });
      const el = await filled();
      await pick(el, 'contact-1');
      await type(el, '#email', 'ouder@example.nl');
      const failed = oneEvent(el, 'ouder-error');
      await submit(el);
      expect((await failed).detail.status).to.equal(422);
      await el.updateComplete;
      expect(server.posts()).to.have.length(1);
      expect($(el, '#story-error').textContent).to.contain('Het verhaal is te lang.');
      expect($(el, '#email-error').textContent).to.contain('Dit e-mailadres klopt niet.');
      expect($(el, '.panel--failed').textContent, 'an error without a field').to.contain('Dit lijkt op reclame.');
      await until(() => active(el) === $(el, '.error-summary'));
      expect($<HTMLTextAreaElement>(el, '#story').value).to.equal(story);
      expect(sessionStorage.getItem(draftKey)).to.not.be.null;
      await expectAccessible(el);
    });

    it('says sending did not work on a 400 without field errors', async () => {
      server.on('POST', endpoint, { status: 400, body: { errors: [{ message: 'Onbekend formulier.' }] } });
      const el = await filled();
      await submit(el);
      await until(() => !!el.shadowRoot!.querySelector('.panel--failed'));
      expect($(el, '.panel--failed').textContent).to.contain('Onbekend formulier.');
      expect(server.posts()).to.have.length(1);
      await expectAccessible(el);
    });

    it('retries a 503 with the same key, showing progress, then succeeds once', async () => {
      server.on('POST', endpoint, { status: 503 }, { status: 201, body: withdrawal });
      const el = await filled();
      await submit(el);
      expect($(el, '.status-line').textContent).to.contain('Bezig met versturen');
      await expectAccessible(el);
      await until(() => !!el.shadowRoot!.querySelector('.panel--success'));
      const keys = new Set(server.posts().map((r) => r.headers['idempotency-key']));
      expect(server.posts()).to.have.length(2);
      expect(keys.size).to.equal(1);
    });

    it('sends once on a double click', async () => {
      server.on('POST', endpoint, { status: 201, body: withdrawal });
      const el = await filled();
      const button = $<HTMLButtonElement>(el, 'button[type=submit]');
      button.click();
      button.click();
      await until(() => !!el.shadowRoot!.querySelector('.panel--success'));
      expect(server.posts()).to.have.length(1);
    });

    it('keeps the story when the server is away (queued, draft kept), and sends it once when back online', async () => {
      server.on('POST', endpoint, 'network-error');
      const el = await filled();
      const queued = oneEvent(el, 'ouder-queued');
      await submit(el);
      await queued;
      await el.updateComplete;
      expect(text(el)).to.contain('Nog niet verstuurd');
      await until(() => active(el) === $(el, '.panel--queued'));
      await expectAccessible(el);
      expect(JSON.parse(localStorage.getItem('ouderstem:outbox')!)).to.have.length(1);
      expect(sessionStorage.getItem(draftKey)).to.not.be.null;
      server.on('POST', endpoint, { status: 201, body: withdrawal });
      const before = server.posts().length;
      const submitted = oneEvent(el, 'ouder-submitted');
      window.dispatchEvent(new Event('online'));
      await submitted;
      await el.updateComplete;
      expect(server.posts().length - before).to.equal(1);
      expect(text(el)).to.contain('alsnog verstuurd');
      expect($(el, '.code').textContent).to.equal('K7QX-29MD');
      expect(localStorage.getItem('ouderstem:outbox')).to.be.null;
      expect(sessionStorage.getItem(draftKey)).to.be.null;
    });

    /** Queues the story (server away), then plays another tab of this site delivering it. */
    async function deliveredByAnotherTab(result?: object) {
      server.on('POST', endpoint, 'network-error');
      const el = await filled();
      const queued = oneEvent(el, 'ouder-queued');
      await submit(el);
      await queued;
      const [entry] = JSON.parse(localStorage.getItem('ouderstem:outbox')!);
      const postsBefore = server.posts().length;
      // What the other tab does: send, empty the shared outbox, tell this tab how it went.
      localStorage.removeItem('ouderstem:outbox');
      if (result) {
        const channel = new BroadcastChannel('ouderstem:deliveries');
        // Other talk on the channel (another version of the widgets on this site) is ignored.
        channel.postMessage('hello');
        channel.postMessage({ entry: null, result });
        channel.postMessage({ entry: { ...entry, attempts: entry.attempts + 1 }, result });
        channel.close();
      }
      window.dispatchEvent(new StorageEvent('storage', { key: 'ouderstem:outbox', newValue: null, storageArea: localStorage }));
      return { el, postsBefore };
    }

    it('a story another tab sent still shows its withdrawal code here', async () => {
      const { el, postsBefore } = await deliveredByAnotherTab({ kind: 'sent', response: withdrawal });
      await until(() => has(el, '.panel--success'), 3000, 'the success view');
      expect(text(el)).to.contain('alsnog verstuurd');
      expect($(el, '.code').textContent).to.equal('K7QX-29MD');
      expect(server.posts().length, 'this tab sent nothing itself').to.equal(postsBefore);
      expect(sessionStorage.getItem(draftKey), 'the draft goes once it is sent').to.be.null;
    });

    it('a story the server refused in another tab shows the refusal here, not "sent"', async () => {
      const errors = [{ field: 'story', code: 'too-short', message: 'Schrijf iets meer.' }];
      const { el } = await deliveredByAnotherTab({ kind: 'rejected', status: 422, errors });
      await until(() => has(el, '.error-summary'), 3000, 'the error summary');
      expect($(el, '.error-summary').textContent).to.contain('Schrijf iets meer.');
      expect(has(el, '.panel--success')).to.equal(false);
      expect($<HTMLTextAreaElement>(el, '#story').value, 'the story is still there to fix').to.equal(story);
    });

    it('when the other tab says nothing, it still says the story was sent (without a code)', async () => {
      const { restore } = freshOutbox({ ...fastRetries, otherTabWait: 50 });
      try {
        const { el } = await deliveredByAnotherTab();
        expect(has(el, '.panel--queued'), 'waits a moment for the other tab').to.equal(true);
        const submitted = await oneEvent(el, 'ouder-submitted');
        expect(submitted.detail.response, 'sent, without the answer it never heard').to.deep.equal({});
        await until(() => has(el, '.panel--success'), 3000, 'the success view');
        expect(text(el)).to.contain('alsnog verstuurd');
        expect(has(el, '.code')).to.equal(false);
      } finally {
        restore();
      }
    });

    it('lets the host page veto the submission', async () => {
      const el = await filled();
      el.addEventListener('ouder-submit', (event) => event.preventDefault(), { once: true });
      await submit(el);
      expect(server.posts()).to.have.length(0);
      expect($<HTMLTextAreaElement>(el, '#story').value).to.equal(story);
    });
  });

  describe('i18n', () => {
    it('speaks English with lang="en"', async () => {
      const el = await form({ lang: 'en' });
      expect($(el, 'h2').textContent).to.equal('Share your experience');
      expect(text(el)).to.contain('This form is not for emergencies');
      expect($(el, '#story-count').textContent).to.equal('20 more characters needed');
      await submit(el);
      expect($(el, '.error-summary').textContent).to.contain('Choose what we may do with your story');
      await expectAccessible(el);
    });

    it('renders Arabic right-to-left, falling back to nl for untranslated definition text', async () => {
      const el = await form({ lang: 'ar' });
      const root = $(el, '.root');
      expect(root.getAttribute('dir')).to.equal('rtl');
      expect(root.getAttribute('lang')).to.equal('ar');
      expect($(el, 'label[for=story]').textContent).to.contain('قصتك');
      expect($(el, 'label[for=themes-1]').textContent).to.contain('رعاية الشباب');
      expect($(el, 'h2').textContent).to.equal('Deel je ervaring');
      await submit(el);
      expect($(el, '#consent-error').textContent).to.contain('اختر ما يمكننا فعله بقصتك');
      await expectAccessible(el);
    });

    it('takes lang and endpoint from <ouder-config>', async () => {
      server.on('GET', endpoint, { status: 200, body: definition });
      const config = await fixture(
        html`<ouder-config endpoint=${endpoint} lang="en"><ouder-ervaring></ouder-ervaring></ouder-config>`,
      );
      const el = config.querySelector('ouder-ervaring')!;
      await until(() => !!el.shadowRoot!.querySelector('form'));
      expect($(el, 'h2').textContent).to.equal('Share your experience');
    });
  });
});

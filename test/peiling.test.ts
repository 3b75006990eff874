import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../src/index.js';
import { defaultRetryPolicy, pageOutbox } from '../src/core/outbox.js';
import type { OuderPeiling } from '../src/peiling/ouder-peiling.js';
import longDefinition from './fixtures/peiling-long.json';
import shortDefinition from './fixtures/peiling-short.json';
import { expectAccessible } from './helpers/axe.js';
import { $, $$, consoleWarnings, pick, submit, text, type } from './helpers/dom.js';
import { FakeServer, until, withFakeServer } from './helpers/server.js';

const endpoint = 'https://api.example.org/forms/vervoer-2027';
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let server: FakeServer;
withFakeServer((fake) => (server = fake));

async function poll(definition: object = shortDefinition, attributes = html``): Promise<OuderPeiling> {
  server.on('GET', endpoint, { status: 200, body: definition });
  const el = await fixture<OuderPeiling>(html`<ouder-peiling endpoint=${endpoint}>${attributes}</ouder-peiling>`);
  await until(() => !!el.shadowRoot!.querySelector('form, .panel'), 3000, 'definition');
  await el.updateComplete;
  return el;
}


describe('<ouder-peiling>', () => {
  describe('definition loading', () => {
    it('shows a loading state, then the poll, and fires ouder-ready with the definition', async () => {
      let release!: () => void;
      server.on('GET', endpoint, () => new Promise((resolve) => (release = () => resolve({ status: 200, body: shortDefinition }))));
      const el = await fixture<OuderPeiling>(html`<ouder-peiling endpoint=${endpoint}></ouder-peiling>`);
      expect(text(el)).to.contain('Even laden');
      await expectAccessible(el);
      const ready = oneEvent(el, 'ouder-ready');
      release();
      const event = await ready;
      expect((event.detail.definition as { id: string }).id).to.equal('vervoer-2027');
      expect($(el, 'h2').textContent).to.equal('Hoe gaat het leerlingenvervoer?');
      expect(event.bubbles && event.composed).to.be.true;
    });

    it('prefers src over endpoint for the definition, and the definition property over both', async () => {
      server.on('GET', 'https://cdn.example.org/poll.json', { status: 200, body: longDefinition });
      const el = await fixture<OuderPeiling>(
        html`<ouder-peiling endpoint=${endpoint} src="https://cdn.example.org/poll.json"></ouder-peiling>`,
      );
      await until(() => !!el.shadowRoot!.querySelector('form'));
      expect($(el, 'h2').textContent).to.equal('Wat zet de oudersraad op de agenda?');
      el.definition = shortDefinition;
      await el.updateComplete;
      expect($(el, 'h2').textContent).to.equal('Hoe gaat het leerlingenvervoer?');
      expect(server.requests.map((r) => r.url)).to.deep.equal(['https://cdn.example.org/poll.json']);
    });

    it('shows a clear error with a working "probeer opnieuw" button when loading fails', async () => {
      server.on('GET', endpoint, 'network-error', { status: 200, body: shortDefinition });
      const el = await fixture<OuderPeiling>(html`<ouder-peiling endpoint=${endpoint}></ouder-peiling>`);
      await until(() => !!el.shadowRoot!.querySelector('[role=alert]'));
      expect(text(el)).to.contain('kon nu niet worden geladen');
      await expectAccessible(el);
      $<HTMLButtonElement>(el, 'button').click();
      await until(() => !!el.shadowRoot!.querySelector('form'));
      expect(server.requests).to.have.length(2);
    });

    it('says plainly that it is not available when the definition is invalid, and names the field on the console', async () => {
      const broken = structuredClone(shortDefinition) as { questions: { type: string }[] };
      broken.questions[1].type = 'slider';
      const warnings = await consoleWarnings(() => fixture<OuderPeiling>(html`<ouder-peiling .definition=${broken}><p>Mail ons.</p></ouder-peiling>`));
      const el = document.querySelector('ouder-peiling')!;
      expect($(el, '[role=alert]').textContent!.trim()).to.equal('Dit onderdeel is nu niet beschikbaar.');
      expect(text(el), 'no developer words for a parent').not.to.match(/questions|slider|single/);
      expect(warnings.join('\n')).to.contain('questions[1].type: not one of: single, multiple, scale, open');
      expect($<HTMLSlotElement>(el, 'slot').assignedNodes().map((node) => node.textContent)).to.deep.equal(['Mail ons.']);
      await expectAccessible(el);
    });

    it('says what is missing on the console when there is no src, endpoint or definition; the parent gets a way forward', async () => {
      const warnings = await consoleWarnings(() => fixture<OuderPeiling>(html`<ouder-peiling></ouder-peiling>`));
      const el = document.querySelector('ouder-peiling')!;
      expect($(el, '[role=alert]').textContent).to.contain('Neem contact op met de organisatie van deze website.');
      expect(warnings.join('\n')).to.contain('set src, endpoint or the definition property');
    });
  });

  describe('accessibility', () => {
    it('is axe-clean when open, with errors, and at 320 px without sideways scrolling', async () => {
      const el = await poll();
      await expectAccessible(el);
      await submit(el);
      await expectAccessible(el);
      await setViewport({ width: 320, height: 640 });
      expect(el.scrollWidth).to.be.at.most(320);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      for (const control of $$(el, 'input:not([tabindex="-1"]), button, textarea')) {
        const box = control.getBoundingClientRect();
        expect(box.width >= 24 && box.height >= 24, `${control.outerHTML} is ${box.width}×${box.height}`).to.be.true;
      }
      await setViewport({ width: 1024, height: 768 });
    });

    it('resolves every for / aria-describedby / aria-labelledby id inside its own shadow root', async () => {
      const el = await poll();
      await submit(el);
      await pick(el, 'q-tevreden-2');
      for (const node of $$(el, '[for], [aria-describedby], [aria-labelledby]')) {
        const ids = ['for', 'aria-describedby', 'aria-labelledby'].flatMap((name) => node.getAttribute(name)?.split(' ') ?? []);
        for (const id of ids) expect(el.shadowRoot!.getElementById(id), `#${id}`).to.exist;
      }
    });

    it('links every question to its hint and error, and marks it invalid', async () => {
      const el = await poll(longDefinition);
      await type(el, '#code', 'ABC');
      await submit(el);
      const group = $(el, '#q-thema');
      expect(group.getAttribute('aria-describedby')).to.equal('q-thema-hint q-thema-error');
      expect(group.getAttribute('aria-invalid')).to.equal('true');
      expect($(el, '#q-thema-error').textContent).to.contain('Fout:');
    });
  });

  describe('answering', () => {
    it('reveals an "anders" text field only when that choice is made', async () => {
      const el = await poll();
      expect($(el, '#q-tevreden-other')).to.be.null;
      await pick(el, 'q-tevreden-2');
      expect($(el, '#q-tevreden-other')).to.exist;
      await pick(el, 'q-tevreden-0');
      expect($(el, '#q-tevreden-other')).to.be.null;
    });

    it('offers a scale with its end labels in the hint', async () => {
      const el = await poll();
      expect($$(el, '#q-cijfer input[type=radio]').map((input) => (input as HTMLInputElement).value)).to.deep.equal([
        '1', '2', '3', '4', '5',
      ]);
      expect($(el, '#q-cijfer-hint').textContent).to.contain('1 (slecht) is het laagst, 5 (goed) het hoogst');
    });

    it('counts characters of an open answer and announces the count politely once typing pauses', async () => {
      const el = await poll();
      await type(el, '#q-tip', 'Vaker op tijd');
      expect($(el, '#q-tip-count').textContent).to.equal('Je kunt nog 187 tekens typen');
      const live = $(el, '[aria-live=polite]');
      await until(() => live.textContent === 'Je kunt nog 187 tekens typen', 2000, 'announcement');
    });

    it('asks a long poll one question at a time, with a way back that keeps the answers', async () => {
      const el = await poll(longDefinition);
      expect($(el, '.progress').textContent).to.equal('Vraag 1 van 4');
      await type(el, '#code', 'XK7-22');
      await pick(el, 'q-thema-0');
      await submit(el);
      expect($(el, '.progress').textContent).to.equal('Vraag 2 van 4');
      expect(el.shadowRoot!.activeElement === $(el, '.progress'), 'focus is on .progress').to.be.true;
      $<HTMLButtonElement>(el, 'button.secondary').click();
      await el.updateComplete;
      expect($<HTMLInputElement>(el, '#q-thema-0').checked).to.be.true;
      expect($<HTMLInputElement>(el, '#code').value).to.equal('XK7-22');
    });

    it('can be answered with the keyboard only', async () => {
      server.on('POST', endpoint, { status: 201, body: {} });
      const el = await poll();
      el.focus();
      await sendKeys({ press: 'Tab' }); // the language menu: the definition is in Dutch, English and Arabic
      expect(el.shadowRoot!.activeElement?.id).to.equal('ouder-language');
      await sendKeys({ press: 'Tab' }); // first radio of question 1
      expect(el.shadowRoot!.activeElement?.id).to.equal('q-tevreden-0');
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'Tab' }); // scale
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'Tab' }); // open question
      await sendKeys({ type: 'Meer plek voor de rolstoel' });
      await sendKeys({ press: 'Tab' }); // submit button
      expect(el.shadowRoot!.activeElement?.getAttribute('type')).to.equal('submit');
      await sendKeys({ press: 'Enter' });
      await until(() => server.posts().length === 1);
      expect(server.posts()[0].body).to.deep.include({ type: 'peiling', formId: 'vervoer-2027' });
      expect((server.posts()[0].body as { data: { answers: object } }).data.answers).to.deep.equal({
        tevreden: 'ja',
        cijfer: 4,
        tip: 'Meer plek voor de rolstoel',
      });
    });
  });

  describe('validation', () => {
    it('sends nothing and shows an error summary that takes focus and links to the field', async () => {
      const el = await poll();
      await submit(el);
      await el.updateComplete;
      expect(server.posts()).to.have.length(0);
      const summary = $(el, '.error-summary');
      expect(el.shadowRoot!.activeElement === summary, 'focus is on the error summary').to.be.true;
      expect(summary.textContent).to.contain('Kies een antwoord.');
      summary.querySelector('a')!.click();
      expect(el.shadowRoot!.activeElement?.id).to.equal('q-tevreden-0');
    });

    it('requires the "anders" text when "anders" is chosen', async () => {
      const el = await poll();
      await pick(el, 'q-tevreden-2');
      await submit(el);
      // The error belongs to the text field that must change, not to the question.
      expect($(el, '#q-tevreden-other-error').textContent).to.contain('Schrijf op wat je bedoelt met anders.');
      expect($(el, '#q-tevreden-other').getAttribute('aria-invalid')).to.equal('true');
      expect($(el, '#q-tevreden-other').getAttribute('aria-describedby')).to.equal('q-tevreden-other-error');
      expect($(el, '#q-tevreden').getAttribute('aria-invalid')).to.equal(null);
      expect($(el, '.error-summary a').getAttribute('href')).to.equal('#q-tevreden-other');
      $(el, '.error-summary a').click();
      expect(el.shadowRoot!.activeElement?.id).to.equal('q-tevreden-other');
      expect(server.posts()).to.have.length(0);
    });

    it('refuses an open answer over its maximum length', async () => {
      const el = await poll();
      await pick(el, 'q-tevreden-0');
      await type(el, '#q-tip', 'x'.repeat(201));
      expect($(el, '#q-tip-count').textContent).to.equal('Je hebt 1 teken te veel');
      await submit(el);
      expect($(el, '#q-tip-error').textContent).to.contain('hoogstens 200 tekens');
      expect(server.posts()).to.have.length(0);
    });

    it('checks a changed field when it loses focus, not on every keystroke', async () => {
      const el = await poll();
      await pick(el, 'q-tevreden-0');
      await type(el, '#q-tip', 'x'.repeat(201));
      expect($(el, '#q-tip-error')).to.be.null;
      $(el, '#q-tip').dispatchEvent(new Event('blur'));
      await el.updateComplete;
      expect($(el, '#q-tip-error')).to.exist;
    });
  });

  describe('submission', () => {
    async function answered(definition: object = shortDefinition) {
      const el = await poll(definition);
      await pick(el, 'q-tevreden-2');
      await type(el, '#q-tevreden-other', 'Wisselend');
      await pick(el, 'q-cijfer-3');
      return el;
    }

    it('POSTs the CONTRACT envelope with an Idempotency-Key, thanks the parent and shows the results', async () => {
      const tally = { total: 31, questions: { tevreden: { total: 31, counts: { ja: 20, nee: 7, other: 4 } } } };
      server.on('POST', endpoint, { status: 201, body: { tally } });
      const el = await answered();
      const submitted = oneEvent(el, 'ouder-submitted');
      await submit(el);
      const event = await submitted;
      const [request] = server.posts();
      const body = request.body as Record<string, any>;
      expect(request.headers['content-type']).to.equal('application/json');
      expect(body.submissionId).to.match(uuid);
      expect(request.headers['idempotency-key']).to.equal(body.submissionId);
      expect(body).to.deep.include({ type: 'peiling', formId: 'vervoer-2027', lang: 'nl', meta: {} });
      expect(Date.parse(body.submittedAt)).to.be.closeTo(Date.now(), 10000);
      expect(body.data.answers).to.deep.equal({ tevreden: { value: 'other', other: 'Wisselend' }, cijfer: 4 });
      expect(body.data.voterToken).to.match(uuid);
      expect(event.detail.response).to.deep.equal({ tally });
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement === $(el, '.panel--success'), 'focus is on .panel--success').to.be.true;
      expect(text(el)).to.contain('31 ouders deden mee');
      expect(text(el)).to.contain('20 stemmen (64%)');
      await expectAccessible(el);
    });

    it('sends the address for the outcome beside the answers, when the poll offers it and the server sends mail', async () => {
      server.on('POST', endpoint, { status: 201, body: {} });
      const el = await answered({ ...shortDefinition, outcomeOptIn: true, sendsMail: true });
      await pick(el, 'outcome');
      await type(el, '#outcome-email', 'benieuwd@example.nl');
      await submit(el);
      await until(() => server.posts().length === 1);
      const body = server.posts()[0].body as Record<string, any>;
      expect(body.outcomeEmail).to.equal('benieuwd@example.nl');
      expect(JSON.stringify(body.data)).not.to.contain('benieuwd');
    });

    it('remembers the vote on this device and shows "already voted" next time', async () => {
      server.on('POST', endpoint, { status: 201, body: {} });
      const first = await answered();
      await submit(first);
      await until(() => !!first.shadowRoot!.querySelector('.panel--success'));
      const second = await poll();
      expect(text(second)).to.contain('Je hebt al meegedaan');
      expect(second.shadowRoot!.querySelector('form')).to.be.null;
      await expectAccessible(second);
    });

    it('lets the host page veto the submission or add meta', async () => {
      server.on('POST', endpoint, { status: 201, body: {} });
      const el = await answered();
      const veto = (event: Event) => event.preventDefault();
      el.addEventListener('ouder-submit', veto, { once: true });
      await submit(el);
      expect(server.posts()).to.have.length(0);
      el.addEventListener('ouder-submit', (event) => (event.detail.payload.meta.campaign = 'nieuwsbrief'), { once: true });
      await submit(el);
      await until(() => server.posts().length === 1);
      expect((server.posts()[0].body as { meta: object }).meta).to.deep.equal({ campaign: 'nieuwsbrief' });
    });

    it('sends once on a double click', async () => {
      server.on('POST', endpoint, { status: 201, body: {} });
      const el = await answered();
      const button = $<HTMLButtonElement>(el, 'button[type=submit]');
      button.click();
      button.click();
      await until(() => !!el.shadowRoot!.querySelector('.panel--success'));
      expect(server.posts()).to.have.length(1);
    });

    it('shows 422 field errors inline and in the summary, without retrying', async () => {
      server.on('POST', endpoint, {
        status: 422,
        body: { errors: [{ field: 'answers.cijfer', code: 'out-of-range', message: 'Kies een cijfer van 1 tot 5.' }] },
      });
      const el = await answered();
      const failed = oneEvent(el, 'ouder-error');
      await submit(el);
      const event = await failed;
      expect(event.detail.status).to.equal(422);
      await el.updateComplete;
      expect($(el, '#q-cijfer-error').textContent).to.contain('Kies een cijfer van 1 tot 5.');
      expect(el.shadowRoot!.activeElement === $(el, '.error-summary'), 'focus is on .error-summary').to.be.true;
      expect(server.posts()).to.have.length(1);
      await expectAccessible(el);
    });

    for (const status of [400, 413, 415]) {
      it(`does not retry a ${status} and says sending did not work`, async () => {
        server.on('POST', endpoint, { status });
        const el = await answered();
        await submit(el);
        await until(() => !!el.shadowRoot!.querySelector('.panel--error'));
        expect(text(el)).to.contain('Versturen is niet gelukt');
        expect(server.posts()).to.have.length(1);
      });
    }

    it('shows a 400 error about no field in a panel of its own, next to a field error in the summary', async () => {
      server.on('POST', endpoint, {
        status: 400,
        body: {
          errors: [
            { code: 'bad-request', message: 'Het verzoek kon niet worden gelezen.' },
            { field: 'answers.cijfer', code: 'out-of-range', message: 'Kies een cijfer van 1 tot 5.' },
          ],
        },
      });
      const el = await answered();
      await submit(el);
      await until(() => !!el.shadowRoot!.querySelector('.error-summary'));
      const items = $$(el, '.error-summary li');
      expect(items.map((item) => item.textContent!.trim())).to.deep.equal(['Kies een cijfer van 1 tot 5.']);
      expect($(el, '.panel--failed').textContent).to.contain('Het verzoek kon niet worden gelezen.');
      for (const link of $$(el, '.error-summary a') as HTMLAnchorElement[]) {
        expect(el.shadowRoot!.getElementById(link.hash.slice(1)), `${link.hash} exists`).to.not.equal(null);
      }
      expect(server.posts()).to.have.length(1);
      await expectAccessible(el);
    });

    it('shows "already voted" on a 409 already-voted', async () => {
      server.on('POST', endpoint, {
        status: 409,
        body: { errors: [{ field: 'voterToken', code: 'already-voted', message: 'Je hebt al gestemd.' }] },
      });
      const el = await answered();
      await submit(el);
      await until(() => text(el).includes('Je hebt al meegedaan'));
      expect(server.posts()).to.have.length(1);
    });

    it('puts a used participation code (409) at the code field', async () => {
      server.on('POST', 'https://api.example.org/forms/vervoer-2027', {
        status: 409,
        body: { errors: [{ field: 'code', code: 'code-used', message: 'Deze code is al gebruikt.' }] },
      });
      const coded = { ...shortDefinition, integrity: 'code' };
      const el = await answered(coded);
      await type(el, '#code', 'AB12');
      await submit(el);
      await until(() => !!el.shadowRoot!.querySelector('#code-error'));
      expect($(el, '#code-error').textContent).to.contain('Deze code is al gebruikt.');
      expect((server.posts()[0].body as { data: { code: string } }).data.code).to.equal('AB12');
    });

    it('retries 503, 409 without body and 429 with the same key, showing progress, then succeeds once', async () => {
      server.on(
        'POST',
        endpoint,
        { status: 503 },
        { status: 409 },
        { status: 429, headers: { 'Retry-After': '0' } },
        { status: 201, body: {} },
      );
      const el = await answered();
      const errors: Event[] = [];
      el.addEventListener('ouder-error', (event) => errors.push(event));
      await submit(el);
      await until(() => text(el).includes('We proberen het zo opnieuw'), 2000, 'progress');
      await until(() => !!el.shadowRoot!.querySelector('.panel--success'), 5000, 'success');
      const keys = new Set(server.posts().map((r) => r.headers['idempotency-key']));
      expect(server.posts()).to.have.length(4);
      expect(keys.size).to.equal(1);
      expect(errors).to.have.length(0);
      expect(localStorage.getItem('ouderstem:outbox')).to.be.null;
    });

    it('keeps the answer in the outbox when the server stays away, and sends it once when back online', async () => {
      server.on('POST', endpoint, 'network-error');
      const el = await answered();
      const queued = oneEvent(el, 'ouder-queued');
      await submit(el);
      const event = await queued;
      expect(event.detail.attempt).to.equal(defaultRetryPolicy.attempts);
      await el.updateComplete;
      expect(text(el)).to.contain('Nog niet verstuurd');
      expect(el.shadowRoot!.activeElement === $(el, '.panel--queued'), 'focus is on .panel--queued').to.be.true;
      await expectAccessible(el);
      const stored = JSON.parse(localStorage.getItem('ouderstem:outbox')!);
      expect(stored).to.have.length(1);
      server.on('POST', endpoint, { status: 201, body: {} });
      const before = server.posts().length;
      const submitted = oneEvent(el, 'ouder-submitted');
      window.dispatchEvent(new Event('online'));
      window.dispatchEvent(new Event('online'));
      await submitted;
      await el.updateComplete;
      expect(server.posts().length - before).to.equal(1);
      expect(text(el)).to.contain('alsnog verstuurd');
      expect(localStorage.getItem('ouderstem:outbox')).to.be.null;
    });

    it('picks up an answer left in the outbox by an earlier visit and sends it on load', async () => {
      server.on('POST', endpoint, 'network-error');
      const first = await answered();
      await submit(first);
      await until(() => text(first).includes('Nog niet verstuurd'));
      first.remove();
      server.on('POST', endpoint, { status: 201, body: {} });
      const before = server.posts().length;
      const second = await poll();
      expect(text(second)).to.contain('Nog niet verstuurd');
      window.dispatchEvent(new PageTransitionEvent('pageshow'));
      await until(() => text(second).includes('alsnog verstuurd'));
      expect(server.posts().length - before).to.equal(1);
    });

    it('says an earlier answer was sent, also when it went before the poll had loaded', async () => {
      const payload = {
        type: 'peiling',
        formId: 'vervoer-2027',
        submissionId: '7d0c4a52-9f1e-4b7a-8c3d-2e6f5a1b9c08',
        submittedAt: new Date().toISOString(),
        lang: 'nl',
        data: { answers: { tevreden: 'ja' } },
        meta: {},
      };
      localStorage.setItem('ouderstem:outbox', JSON.stringify([{ endpoint, payload, attempts: 4 }]));
      server.on('POST', endpoint, { status: 201, body: {} });
      await pageOutbox().flush(); // as on load, before any widget has its definition
      expect(localStorage.getItem('ouderstem:outbox')).to.be.null;
      const el = await poll();
      expect(text(el)).to.contain('alsnog verstuurd');
      expect(server.posts()).to.have.length(1);
    });

    it('honours Retry-After before the next try', async () => {
      server.on('POST', endpoint, { status: 503, headers: { 'Retry-After': '1' } }, { status: 201, body: {} });
      const el = await answered();
      const start = performance.now();
      await submit(el);
      await until(() => !!el.shadowRoot!.querySelector('.panel--success'), 5000);
      expect(performance.now() - start).to.be.at.least(950);
    });

    it('with storage="none" keeps nothing on the device', async () => {
      server.on('GET', endpoint, { status: 200, body: shortDefinition });
      server.on('POST', endpoint, 'network-error');
      const el = await fixture<OuderPeiling>(html`<ouder-peiling endpoint=${endpoint} storage="none"></ouder-peiling>`);
      await until(() => !!el.shadowRoot!.querySelector('form'));
      await pick(el, 'q-tevreden-0');
      await submit(el);
      await until(() => text(el).includes('Nog niet verstuurd'));
      expect(text(el)).to.contain('Laat deze pagina open');
      expect(localStorage.length + sessionStorage.length).to.equal(0);
      // Kept in memory while the page is open: sent once when the connection is back.
      server.on('POST', endpoint, { status: 201, body: {} });
      const before = server.posts().length;
      window.dispatchEvent(new Event('online'));
      await until(() => text(el).includes('alsnog verstuurd'));
      expect(server.posts().length - before).to.equal(1);
      expect(localStorage.length + sessionStorage.length).to.equal(0);
    });
  });

  describe('results and states', () => {
    it('holds back counts below the minimum number of responses', async () => {
      const few = { ...shortDefinition, tally: { total: 4, questions: { tevreden: { total: 4, counts: { ja: 4 } } } } };
      localStorage.setItem('ouderstem:peiling:vervoer-2027', JSON.stringify({ voterToken: 'x'.repeat(20), voted: true }));
      const el = await poll(few);
      expect(text(el)).to.contain('De uitslag komt later');
      expect(text(el)).not.to.contain('4 stemmen');
    });

    it('is closed after closesAt, showing results only when the definition allows', async () => {
      const closed = { ...shortDefinition, closesAt: '2020-01-01T00:00:00Z' };
      const el = await poll(closed);
      expect(text(el)).to.contain('Deze peiling is gesloten');
      expect(el.shadowRoot!.querySelector('form')).to.be.null;
      expect(text(el)).to.contain('24 ouders deden mee');
      await expectAccessible(el);
      const hidden = await poll({ ...closed, results: 'hidden' });
      expect(hidden.shadowRoot!.querySelector('.results')).to.be.null;
    });

    it('gives percentages in text next to the bars, never colour alone', async () => {
      localStorage.setItem('ouderstem:peiling:vervoer-2027', JSON.stringify({ voterToken: 'x'.repeat(20), voted: true }));
      const el = await poll();
      const rows = $$(el, '.results li').map((li) => li.querySelector('.bar-text')!.textContent!.replace(/\s+/g, ' ').trim());
      expect(rows.slice(0, 3)).to.deep.equal(['Tevreden 15 stemmen (63%)', 'Niet tevreden 6 stemmen (25%)', 'Anders 3 stemmen (12%)']);
      expect($$(el, '.results svg').every((svg) => svg.getAttribute('aria-hidden') === 'true')).to.be.true;
    });
  });

  describe('i18n', () => {
    it('speaks English with lang="en"', async () => {
      server.on('GET', endpoint, { status: 200, body: shortDefinition });
      const el = await fixture<OuderPeiling>(html`<ouder-peiling lang="en" endpoint=${endpoint}></ouder-peiling>`);
      await until(() => !!el.shadowRoot!.querySelector('form'));
      expect($(el, 'h2').textContent).to.equal('How is school transport going?');
      expect($(el, 'button[type=submit]').textContent!.trim()).to.equal('Send');
      await submit(el);
      expect($(el, '.error-summary').textContent).to.contain('There is a problem');
      await expectAccessible(el);
    });

    it('renders Arabic right-to-left, falling back to nl for untranslated definition text', async () => {
      const el = await poll(shortDefinition);
      el.lang = 'ar';
      await el.updateComplete;
      expect($(el, '.root').getAttribute('dir')).to.equal('rtl');
      expect($(el, '.root').getAttribute('lang')).to.equal('ar');
      expect($(el, 'h2').textContent).to.equal('كيف يسير النقل المدرسي؟');
      expect($(el, 'p').textContent).to.equal('Drie korte vragen. Het kost je twee minuten.');
      await expectAccessible(el);
    });

    it('takes lang and endpoint from <ouder-config>, and the nearest ancestor lang otherwise', async () => {
      server.on('GET', endpoint, { status: 200, body: shortDefinition });
      const wrapper = await fixture(html`<div lang="en-GB">
        <ouder-config endpoint=${endpoint}><ouder-peiling></ouder-peiling></ouder-config>
      </div>`);
      const el = wrapper.querySelector('ouder-peiling')!;
      await until(() => !!el.shadowRoot!.querySelector('form'));
      expect($(el, 'h2').textContent).to.equal('How is school transport going?');
      wrapper.querySelector('ouder-config')!.setAttribute('lang', 'nl');
      await el.updateComplete;
      await el.updateComplete;
      expect($(el, 'h2').textContent).to.equal('Hoe gaat het leerlingenvervoer?');
    });
  });
});

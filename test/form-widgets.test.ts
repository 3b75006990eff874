// The same submission, validation and focus tests over every form widget (as Shoelace's
// runFormControlBaseTests): what the form engine in src/core promises, each widget must keep.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import '../src/index.js';
import { defaultRetryPolicy } from '../src/core/outbox.js';
import ervaring from './fixtures/ervaring.json';
import meedenksessie from './fixtures/meedenksessie.json';
import peiling from './fixtures/peiling-short.json';
import { expectAccessible } from './helpers/axe.js';
import { $, $$, consoleWarnings, pick, type } from './helpers/dom.js';
import { FakeServer, until, withFakeServer } from './helpers/server.js';

/** How a parent uses one form widget, and where its fields are. */
interface FormWidget {
  tag: string;
  definition: object;
  /** Fills the form in so that it can be sent. */
  fill(el: LitElement): Promise<void>;
  /** A problem the parent makes, and the id of the control that must change for it. */
  mistake: { make(el: LitElement): Promise<void>; control: string };
  /** A server error (422) about a field, and the control it belongs to. */
  serverError: { field: string; control: string };
  /** What the data of a filled-in form carries, to recognise it in the POST. */
  sent(data: Record<string, unknown>): void;
}

const widgets: FormWidget[] = [
  {
    tag: 'ouder-peiling',
    definition: peiling,
    async fill(el) {
      await pick(el, 'q-tevreden-0');
      await pick(el, 'q-cijfer-3');
      await type(el, '#q-tip', 'Vaker op tijd.');
    },
    mistake: {
      // "Anders" chosen, its text left empty: the text field must change, not the question.
      async make(el) {
        await pick(el, 'q-tevreden-2');
      },
      control: 'q-tevreden-other',
    },
    serverError: { field: 'answers.tip', control: 'q-tip' },
    sent: (data) => expect(data.answers).to.deep.equal({ tevreden: 'ja', cijfer: 4, tip: 'Vaker op tijd.' }),
  },
  {
    tag: 'ouder-meedenksessie',
    definition: meedenksessie,
    async fill(el) {
      await pick(el, 'session-0');
      await type(el, '#name', 'Fatima el Amrani');
      await type(el, '#email', 'fatima@example.nl');
      await pick(el, 'consent');
    },
    mistake: {
      async make(el) {
        await type(el, '#email', 'fatima@');
      },
      control: 'email',
    },
    serverError: { field: 'remarks', control: 'remarks' },
    sent: (data) => expect(data).to.include({ name: 'Fatima el Amrani', email: 'fatima@example.nl', consent: true }),
  },
  {
    tag: 'ouder-ervaring',
    definition: ervaring,
    async fill(el) {
      await type(el, '#story', 'De school luisterde goed naar ons. Het plan kwam wel laat.');
      await pick(el, 'themes-1');
      await pick(el, 'consent-1');
    },
    mistake: {
      // A consent that shares the first name, from a parent who stays anonymous: the contact question must change.
      async make(el) {
        await pick(el, 'consent-2');
      },
      control: 'contact',
    },
    serverError: { field: 'story', control: 'story' },
    sent: (data) => expect(data).to.include({ story: 'De school luisterde goed naar ons. Het plan kwam wel laat.', consent: 'quote-anonymous' }),
  },
];

const endpoint = 'https://api.example.org/forms/shared-suite';
let server: FakeServer;
withFakeServer((fake) => (server = fake));

async function mount(widget: FormWidget, fallback: unknown = ''): Promise<LitElement> {
  server.on('GET', endpoint, { status: 200, body: widget.definition });
  const tag = unsafeStatic(widget.tag);
  const el = await fixture<LitElement>(staticHtml`<${tag} endpoint=${endpoint}>${fallback}</${tag}>`);
  await until(() => !!el.shadowRoot!.querySelector('form'), 3000, 'the form');
  await el.updateComplete;
  return el;
}

async function send(el: LitElement): Promise<void> {
  $<HTMLButtonElement>(el, 'form[part=form] button[type=submit]').click();
  await el.updateComplete;
}

const focused = (el: LitElement) => el.shadowRoot!.activeElement;
/** The text of an element inside the widget, white space folded. */
const text = (node: Element) => node.textContent!.replace(/\s+/g, ' ').trim();
const posts = () => server.posts(endpoint);

for (const widget of widgets) {
  describe(`<${widget.tag}> as a form`, () => {
    it('2xx: POSTs the envelope with an Idempotency-Key, thanks the parent, focus on the thanks', async () => {
      server.on('POST', endpoint, { status: 201, body: {} });
      const el = await mount(widget);
      await widget.fill(el);
      const submitted = oneEvent(el, 'ouder-submitted');
      await send(el);
      await submitted;
      await until(() => !!el.shadowRoot!.querySelector('.panel--success'), 3000, 'the thanks');
      const [request] = posts();
      expect(request.headers['idempotency-key']).to.equal((request.body as { submissionId: string }).submissionId);
      widget.sent((request.body as { data: Record<string, unknown> }).data);
      await el.updateComplete;
      expect(focused(el) === $(el, '.panel--success'), 'focus on the thanks').to.be.true;
    });

    it('a mistake: nothing sent, the error at the control that must change, the summary focused and linking there', async () => {
      const el = await mount(widget);
      await widget.fill(el);
      await widget.mistake.make(el);
      await send(el);
      await el.updateComplete;
      const { control } = widget.mistake;
      expect(posts()).to.have.length(0);
      expect(focused(el) === $(el, '.error-summary'), 'focus on the summary').to.be.true;
      expect($(el, `#${control}`).getAttribute('aria-invalid')).to.equal('true');
      expect($(el, `#${control}`).getAttribute('aria-describedby')).to.contain(`${control}-error`);
      const links = $$(el, '.error-summary a') as HTMLAnchorElement[];
      expect(links.map((link) => link.hash)).to.deep.equal([`#${control}`]);
      links[0].click();
      await el.updateComplete;
      const target = $(el, `#${control}`);
      const expected = target instanceof HTMLFieldSetElement ? target.querySelector('input') : target;
      expect(focused(el) === expected, `the link focuses ${control}`).to.be.true;
      await expectAccessible(el);
    });

    it('4xx with field errors: inline and in the summary at the right control, no retry', async () => {
      const { field, control } = widget.serverError;
      server.on('POST', endpoint, { status: 422, body: { errors: [{ field, code: 'invalid-format', message: 'Niet goed (server).' }] } });
      const el = await mount(widget);
      await widget.fill(el);
      const refused = oneEvent(el, 'ouder-error');
      await send(el);
      expect((await refused).detail.status).to.equal(422);
      await until(() => !!el.shadowRoot!.querySelector('.error-summary'), 3000, 'the summary');
      expect(text($(el, `#${control}-error`))).to.contain('Niet goed (server).');
      expect(($$(el, '.error-summary a') as HTMLAnchorElement[]).map((link) => link.hash)).to.deep.equal([`#${control}`]);
      expect(posts()).to.have.length(1);
      expect($(el, '.panel--failed'), 'no alarm besides the summary').to.equal(null);
    });

    it('409 with a conflict about no field: the server\'s words in a panel, no retry', async () => {
      server.on('POST', endpoint, { status: 409, body: { errors: [{ code: 'conflict', message: 'Dit kan nu even niet.' }] } });
      const el = await mount(widget);
      await widget.fill(el);
      await send(el);
      await until(() => !!el.shadowRoot!.querySelector('.panel--failed'), 3000, 'the panel');
      expect(text($(el, '.panel--failed'))).to.contain('Dit kan nu even niet.');
      expect(focused(el) === $(el, '.panel--failed'), 'focus on the panel').to.be.true;
      expect(posts()).to.have.length(1);
    });

    it('a refusal the parent cannot fix (403): one plain sentence with the web editor\'s fallback, the reason on the console', async () => {
      server.on('POST', endpoint, { status: 403, body: { errors: [{ code: 'origin-not-allowed', message: 'Deze website mag geen gegevens naar deze server sturen.' }] } });
      const el = await mount(widget, html`<p>Mail ons op ouders@voorbeeldstad.nl.</p>`);
      await widget.fill(el);
      const warnings = await consoleWarnings(async () => {
        await send(el);
        await until(() => !!el.shadowRoot!.querySelector('.panel--failed'), 3000, 'the panel');
      });
      expect(text($(el, '.panel--failed'))).to.contain('Dit formulier werkt nu niet. Er is niets verstuurd.');
      expect(text($(el, '.panel--failed')), 'no server words for the web editor').not.to.contain('Deze website mag');
      const slot = $<HTMLSlotElement>(el, '.panel--failed slot');
      expect(slot.assignedNodes().map((node) => node.textContent)).to.deep.equal(['Mail ons op ouders@voorbeeldstad.nl.']);
      expect(warnings.join('\n')).to.contain(`${endpoint} refused the submission: 403`);
      await expectAccessible(el);
    });

    it('retry: a 503 and a dropped connection are tried again with the same key, and sent once', async () => {
      server.on('POST', endpoint, { status: 503 }, 'network-error', { status: 201, body: {} });
      const el = await mount(widget);
      await widget.fill(el);
      await send(el);
      await until(() => !!el.shadowRoot!.querySelector('.panel--success'), 5000, 'the thanks');
      expect(posts()).to.have.length(3);
      expect(new Set(posts().map((request) => request.headers['idempotency-key'])).size).to.equal(1);
      expect(localStorage.getItem('ouderstem:outbox')).to.equal(null);
    });

    it('offline: "Nog niet verstuurd" takes focus and the outbox keeps it; back online, sent exactly once', async () => {
      server.on('POST', endpoint, 'network-error');
      const el = await mount(widget);
      await widget.fill(el);
      const queued = oneEvent(el, 'ouder-queued');
      await send(el);
      expect((await queued).detail.attempt).to.equal(defaultRetryPolicy.attempts);
      await el.updateComplete;
      expect(text(el.shadowRoot!.querySelector('.panel--queued')!)).to.contain('Nog niet verstuurd');
      expect(focused(el) === $(el, '.panel--queued'), 'focus on the notice').to.be.true;
      expect(JSON.parse(localStorage.getItem('ouderstem:outbox')!)).to.have.length(1);
      server.on('POST', endpoint, { status: 201, body: {} });
      const before = posts().length;
      const submitted = oneEvent(el, 'ouder-submitted');
      window.dispatchEvent(new Event('online'));
      window.dispatchEvent(new Event('online'));
      await submitted;
      expect(posts().length - before).to.equal(1);
      await until(() => !!el.shadowRoot!.querySelector('.panel--success'), 3000, 'the thanks');
      expect(localStorage.getItem('ouderstem:outbox')).to.equal(null);
    });

    it('the host page may veto the submission through ouder-submit, or add to meta', async () => {
      server.on('POST', endpoint, { status: 201, body: {} });
      const el = await mount(widget);
      await widget.fill(el);
      el.addEventListener('ouder-submit', (event) => event.preventDefault(), { once: true });
      await send(el);
      expect(posts()).to.have.length(0);
      expect(el.shadowRoot!.querySelector('form'), 'the form stays, with what was filled in').to.exist;
      el.addEventListener('ouder-submit', (event) => (event.detail.payload.meta.campaign = 'nieuwsbrief'), { once: true });
      await send(el);
      await until(() => posts().length === 1, 3000, 'the POST');
      expect((posts()[0].body as { meta: object }).meta).to.deep.equal({ campaign: 'nieuwsbrief' });
    });

    it('a double click sends once', async () => {
      server.on('POST', endpoint, { status: 201, body: {} });
      const el = await mount(widget);
      await widget.fill(el);
      const button = $<HTMLButtonElement>(el, 'form[part=form] button[type=submit]');
      button.click();
      button.click();
      await until(() => !!el.shadowRoot!.querySelector('.panel--success'), 3000, 'the thanks');
      expect(posts()).to.have.length(1);
    });
  });
}

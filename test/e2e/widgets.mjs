// The widgets the end-to-end gates run over, and how a parent uses each one against the demo
// content in `server/content/demo/`. A gate iterates over `presentWidgets()`: a widget whose entry
// `src/<name>/index.ts` does not exist (yet) is left out with a note on the console.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './harness.mjs';

/**
 * Types into a field and leaves it, as a parent who tabs on does. Leaving first matters: a widget
 * validates on blur, and the layout shift that follows can swallow a click (see faults test).
 */
async function type(control, text) {
  await control.fill(text);
  await control.blur();
}

/** Checks a box or radio (by id) inside the widget, if the current step shows it. */
async function checkIfShown(widget, id) {
  const control = widget.locator(`#${id}`);
  if ((await control.count()) > 0 && (await control.isVisible())) await control.check();
}

export const widgets = [
  {
    name: 'peiling',
    tag: 'ouder-peiling',
    form: true,
    type: 'peiling',
    formId: 'ouderbetrokkenheid-2027',
    endpoint: '/api/forms/ouderbetrokkenheid-2027',
    /** A server field error on the open question, and the id of the control it must appear at. */
    serverField: { field: 'answers.tip', control: 'q-tip' },
    /** What the sent view shows of the server's answer: the results so far (the demo poll shows them after a vote). */
    serverAnswer: '[part="results"]',
    /** Answers the demo poll (asked one question at a time on small screens) up to its last step. */
    async fill(widget, text) {
      const submit = widget.locator('form[part="form"] button[type="submit"]');
      for (let step = 0; step < 8; step++) {
        await checkIfShown(widget, 'q-betrokken-0');
        await checkIfShown(widget, 'q-gehoord-2');
        const tip = widget.locator('#q-tip');
        if ((await tip.count()) > 0) await type(tip, text);
        if (/versturen|send|إرسال/i.test(await submit.innerText())) return;
        await submit.click();
      }
      throw new Error('the poll has no last step');
    },
    /** Payload data the server accepts, for requests sent without the widget. */
    data: (text) => ({ answers: { betrokken: 'ja-vaak', gehoord: 3, tip: text }, voterToken: crypto.randomUUID() }),
  },
  {
    name: 'meedenksessie',
    tag: 'ouder-meedenksessie',
    form: true,
    type: 'meedenksessie',
    formId: 'meedenksessies-2027',
    endpoint: '/api/forms/meedenksessies-2027',
    serverField: { field: 'remarks', control: 'remarks' },
    /** What the sent view shows of the server's answer: the self-cancel link. */
    serverAnswer: 'a[href*="/api/cancel/"]',
    /**
     * Signs up for the online session (no capacity, so any number of runs fits), each time with
     * an address of its own: the server refuses a second sign-up of one address for one session.
     */
    async fill(widget, text) {
      await widget.locator('input[name="sessionIds"][value="twente-online-april"]').check();
      await type(widget.locator('#name'), 'Sam de Vries');
      await type(widget.locator('#email'), `sam.${crypto.randomUUID().slice(0, 8)}@example.org`);
      await type(widget.locator('#remarks'), text);
      await widget.locator('#consent').check();
    },
    data: (text) => ({
      sessionIds: ['twente-online-april'],
      name: 'Sam de Vries',
      email: `sam.${crypto.randomUUID().slice(0, 8)}@example.org`,
      remarks: text,
      consent: true,
    }),
  },
  {
    name: 'ervaring',
    tag: 'ouder-ervaring',
    form: true,
    type: 'ervaring',
    formId: 'deel-je-ervaring',
    endpoint: '/api/forms/deel-je-ervaring',
    serverField: { field: 'story', control: 'story' },
    /** What the sent view shows of the server's answer: the withdrawal code. */
    serverAnswer: '[part="withdraw-code"]',
    async fill(widget, text) {
      await type(widget.locator('#story'), `${text} De school luisterde goed en dacht met ons mee over de overstap.`);
      await widget.locator('#themes-0').check();
      await widget.locator('#consent-0').check();
    },
    data: (text) => ({
      story: `${text} De school luisterde goed en dacht met ons mee over de overstap.`,
      themes: ['onderwijs'],
      anonymous: true,
      consent: 'internal',
    }),
  },
  {
    name: 'netwerkkaart',
    tag: 'ouder-netwerkkaart',
    form: false,
    endpoint: '/api/networks',
    /** As on the demo page: the jeugdregio's of the shipped CBS data drawn under the networks. */
    attributes: 'regions="jeugdregio"',
    /** Finds the networks for a gemeente and shows the first on the map. */
    async explore(widget) {
      await widget.locator('#place').fill('Utrecht');
      await widget.locator('form.search button[type="submit"]').click();
      await widget.locator('.result').waitFor();
      const show = widget.locator('.result button[aria-pressed]').first();
      if ((await show.count()) > 0) await show.click();
    },
  },
];

/** The widgets whose entry exists in `src/`; a note for each one left out. */
export function presentWidgets({ form } = {}) {
  return widgets.filter((widget) => {
    if (form !== undefined && widget.form !== form) return false;
    if (existsSync(join(root, 'src', widget.name, 'index.ts'))) return true;
    console.log(`note: <${widget.tag}> skipped, src/${widget.name}/index.ts does not exist yet`);
    return false;
  });
}

/** The element of one widget on a page. */
export const widgetOn = (page, widget) => page.locator(widget.tag).first();

/** The markup of one widget, with the attributes every host page gives it. */
export const widgetMarkup = (widget, attributes = '') =>
  `<${widget.tag} endpoint="${widget.endpoint}"${widget.form ? ' privacy-url="/privacy.html"' : ''} ${widget.attributes ?? ''} ${attributes}></${widget.tag}>`;

/** The submit button of a form widget's form. */
export const submitButton = (widget) => widget.locator('form[part="form"] button[type="submit"]');

/** A submission envelope as a widget would send it. */
export function envelope(widget, data, lang = 'nl') {
  const submissionId = crypto.randomUUID();
  return {
    submissionId,
    body: {
      type: widget.type,
      formId: widget.formId,
      submissionId,
      submittedAt: new Date().toISOString(),
      lang,
      data,
      meta: {},
    },
  };
}
